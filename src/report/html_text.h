#ifndef PSM_REPORT_HTML_TEXT_H_
#define PSM_REPORT_HTML_TEXT_H_

#include <string>
#include <string_view>

namespace psm::html {

// `text` with the characters HTML gives a meaning escaped (& < > " ').
std::string Escape(std::string_view text);

// `text` escaped, inside <code>.
std::string Code(std::string_view text);

// Reasons quote code Markdown-style: `type` becomes <code>type</code>; the
// rest is escaped. Text with an odd number of backticks is only escaped.
std::string Prose(std::string_view text);

}  // namespace psm::html

#endif  // PSM_REPORT_HTML_TEXT_H_
