#ifndef PSM_REPORT_HTML_COMPARE_H_
#define PSM_REPORT_HTML_COMPARE_H_

#include <cstdint>
#include <string>

namespace psm {

// A site's excerpt before and after its edits as HTML: two aligned columns
// (kept lines face each other, a change block pads its shorter side), or
// one column headed "Code (unchanged)" when nothing changed; "" when there
// is no excerpt. `first_line` numbers the excerpt's first line.
std::string BeforeAfterHtml(const std::string& before, const std::string& after,
                            uint32_t first_line);

}  // namespace psm

#endif  // PSM_REPORT_HTML_COMPARE_H_
