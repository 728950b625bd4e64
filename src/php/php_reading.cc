#include "php/php_reading.h"

#include <string>

#include "php/php_payload_finder.h"

namespace psm::php {
namespace {

bool HasQuoted(std::string_view text, std::string_view word) {
  for (char quote : {'\'', '"'}) {
    std::string quoted = quote + std::string(word) + quote;
    if (text.find(quoted) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

FileReading PhpReading(std::string_view text, const RuleTable& rules,
                       const PlanOptions& options) {
  FileReading reading;
  reading.language = Language::kPhp;
  reading.source = text;
  reading.options = options;
  reading.options.session_id = options.php_session_id;
  reading.options.session_id_flag = "--php-session-id";
  // The project model links JavaScript modules; PHP arrays are planned
  // here, on their own (see PhpPayloadSite for what linking them needs).
  reading.find = [&rules](std::string_view, std::string_view source,
                          TSNode root, const FileLinks*) {
    FoundSites found;
    for (PhpPayloadSite& php : FindPhpPayloads(source, root, rules))
      found.sites.push_back(std::move(php.site));
    return found;
  };
  return reading;
}

bool MayHoldPhpPayload(std::string_view text, const RuleTable& rules) {
  if (HasQuoted(text, "type")) return true;
  for (const auto& [type, rule] : rules.methods()) {
    if (HasQuoted(text, type)) return true;
  }
  return false;
}

}  // namespace psm::php
