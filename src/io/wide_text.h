#ifndef PSM_IO_WIDE_TEXT_H_
#define PSM_IO_WIDE_TEXT_H_

#include <string>
#include <string_view>

namespace psm {

// Why a file whose bytes hold NULs is not simply binary: a UTF-16 or
// UTF-32 text with its byte-order mark, which browsers run as a script
// (and PHP does not). The tool reads UTF-8 only, so such a file is passed
// over; but one that calls `createSource` must not pass a `--check`
// unseen. Returns "" for any other text; otherwise the one-line reason,
// with `*calls_create_source` set when the wide text names `createSource`.
std::string WideTextProblem(std::string_view text, bool* calls_create_source);

}  // namespace psm

#endif  // PSM_IO_WIDE_TEXT_H_
