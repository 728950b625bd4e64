#include "report/html_compare.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "report/html_text.h"
#include "report/unified_diff.h"

namespace psm {
namespace {

using html::Escape;

std::string Line(std::string_view kind, std::string_view number,
                 std::string_view text) {
  if (text.ends_with('\n')) text.remove_suffix(1);
  if (text.ends_with('\r')) text.remove_suffix(1);
  std::string classes = kind.empty() ? "l" : "l " + std::string(kind);
  return "<span class=\"" + classes + "\" data-n=\"" + std::string(number) +
         "\">" + Escape(text) + "</span>";
}

// Before and after as two aligned columns: kept lines face each other,
// a change block pads its shorter side.
struct Columns {
  std::string before, after;
  uint32_t line = 0;  // next line number of the original

  void Keep(std::string_view text) {
    before += Line("", std::to_string(line++), text);
    after += Line("", "", text);
  }
  void Change(const std::vector<std::string_view>& dels,
              const std::vector<std::string_view>& adds) {
    for (size_t k = 0; k < std::max(dels.size(), adds.size()); ++k) {
      before += k < dels.size() ? Line("del", std::to_string(line++), dels[k])
                                : Line("pad", "", "");
      after +=
          k < adds.size() ? Line("add", "+", adds[k]) : Line("pad", "", "");
    }
  }
};

Columns SideBySide(const std::string& before, const std::string& after,
                   uint32_t first_line) {
  std::string diff = UnifiedDiff("excerpt", before, after, 1 << 20);
  Columns columns{"", "", first_line};
  std::vector<std::string_view> dels, adds;
  size_t start = 0;
  while (start < diff.size()) {
    size_t end = std::min(diff.find('\n', start), diff.size() - 1) + 1;
    std::string_view line(diff.data() + start, end - start);
    start = end;
    if (line.starts_with("---") || line.starts_with("+++") ||
        line.starts_with("@@") || line.starts_with("\\")) {
      continue;
    }
    if (line[0] == '-') dels.push_back(line.substr(1));
    if (line[0] == '+') adds.push_back(line.substr(1));
    if (line[0] != ' ') continue;
    columns.Change(dels, adds);
    dels.clear(), adds.clear();
    columns.Keep(line.substr(1));
  }
  columns.Change(dels, adds);
  return columns;
}

}  // namespace

std::string BeforeAfterHtml(const std::string& before, const std::string& after,
                            uint32_t first_line) {
  if (before.empty()) return "";
  if (before == after) {
    Columns code{"", "", first_line};
    for (size_t start = 0; start < before.size();) {
      size_t end = std::min(before.find('\n', start), before.size() - 1) + 1;
      code.Keep(before.substr(start, end - start));
      start = end;
    }
    return "<div class=\"compare single\"><div><h3>Code (unchanged)</h3><pre>" +
           code.before + "</pre></div></div>\n";
  }
  Columns columns = SideBySide(before, after, first_line);
  return "<div class=\"compare\"><div><h3>Before</h3><pre class=\"before\">" +
         columns.before +
         "</pre></div><div><h3>After</h3><pre class=\"after\">" +
         columns.after + "</pre></div></div>\n";
}

}  // namespace psm
