#ifndef PSM_COMMON_REPORT_MARKER_H_
#define PSM_COMMON_REPORT_MARKER_H_

#include <string_view>

namespace psm {

// Stands in the head of every HTML report the tool writes. A report kept
// in the project names builders and modules in its excerpts; the project
// model must not take it for code that uses them.
inline constexpr std::string_view kReportMarker =
    "<meta name=\"generator\" content=\"payment-session-migrate\">";

inline bool IsToolReport(std::string_view text) {
  return text.substr(0, 2048).find(kReportMarker) != std::string_view::npos;
}

}  // namespace psm

#endif  // PSM_COMMON_REPORT_MARKER_H_
