#ifndef PSM_MIGRATE_FILE_KIND_H_
#define PSM_MIGRATE_FILE_KIND_H_

#include <optional>
#include <string>
#include <string_view>

namespace psm {

// Why a file should not be rewritten by default: minified code, bundler
// output, or a vendored copy of DigitalRiver.js itself. Their
// createSource calls are not the merchant's own source. nullopt when the
// file is ordinary source.
std::optional<std::string> GeneratedCodeReason(std::string_view path,
                                               std::string_view text);

// True when the line holding `offset`, or the line before it, carries a
// `payment-session-migrate-ignore` comment (`//`, `/*` or `<!--`).
bool IgnoredByComment(std::string_view text, uint32_t offset);

// False when no site of `text` can be ignored by comment, because the
// marker is nowhere in it: one look at the file spares looking near each of
// its calls (most files have none).
bool MayIgnoreByComment(std::string_view text);

inline constexpr std::string_view kIgnoreMarker =
    "payment-session-migrate-ignore";
inline constexpr std::string_view kIgnoredReason =
    "left alone: a payment-session-migrate-ignore comment";

}  // namespace psm

#endif  // PSM_MIGRATE_FILE_KIND_H_
