// Linker::DynamicPhpMethodCalls and Linker::PhpPluginMethods: the ways a
// PHP method of the project is reached that no call names it by: a name
// computed at run time (`$this->builder->{'build' . ucfirst($m)}()`), and a
// Magento plugin (`afterBuildWireTransfer()` of a class `etc/di.xml`
// plugs into the builder's), which sees and may change what it returns.

#include <optional>
#include <string>
#include <vector>

#include "common/report_marker.h"
#include "common/strings.h"
#include "common/text_lines.h"
#include "io/file_io.h"
#include "project/module_linker.h"
#include "syntax/language.h"

namespace psm {
namespace {

bool IsNameByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

size_t PastBlanks(std::string_view text, size_t k) {
  while (k < text.size() && (text[k] == ' ' || text[k] == '\t' ||
                             text[k] == '\r' || text[k] == '\n'))
    ++k;
  return k;
}

// The first call in `text` of a method by a computed name: `->$name(`,
// `->{...}(`, `?->$name(`, `::$name(`, `::{...}(`; npos when none.
size_t DynamicMethodCall(std::string_view text) {
  for (size_t at = 0; at + 2 < text.size(); ++at) {
    bool arrow = text.compare(at, 2, "->") == 0;
    bool scope = text.compare(at, 2, "::") == 0;
    if (!arrow && !scope) continue;
    size_t k = PastBlanks(text, at + 2);
    if (k >= text.size()) break;
    if (text[k] == '$') {
      ++k;
      while (k < text.size() && IsNameByte(text[k])) ++k;
    } else if (text[k] == '{') {
      size_t close = text.find('}', k);
      if (close == std::string_view::npos) break;
      k = close + 1;
    } else {
      continue;
    }
    k = PastBlanks(text, k);
    if (k < text.size() && text[k] == '(') return at;
  }
  return std::string_view::npos;
}

}  // namespace

const std::vector<std::string>& Linker::DynamicPhpMethodCalls() {
  if (dynamic_php_calls_) return *dynamic_php_calls_;
  dynamic_php_calls_.emplace();
  for (const std::string& f : ProjectFiles()) {
    std::string absolute = AbsolutePath(f);
    if (!IsPhpFile(absolute)) continue;
    SourceFile read = ReadSourceFile(absolute, kDefaultMaxFileBytes);
    if (!read.error.empty() || IsToolReport(read.text)) continue;
    size_t at = DynamicMethodCall(read.text);
    if (at == std::string_view::npos) continue;
    size_t end = read.text.find_first_of(";\n", at);
    dynamic_php_calls_->push_back(
        options_.display(absolute) + ":" +
        std::to_string(text::LineAt(read.text, static_cast<uint32_t>(at))) +
        " (`" +
        std::string(read.text.substr(at, std::min<size_t>(end, at + 60) - at)) +
        "`)");
  }
  return *dynamic_php_calls_;
}

std::vector<std::string> Linker::PhpPluginMethods(const std::string& file,
                                                  const std::string& method) {
  std::vector<std::string> found;
  if (method.empty()) return found;
  std::string tail = method;
  tail[0] =
      static_cast<char>(std::toupper(static_cast<unsigned char>(tail[0])));
  for (const char* prefix : {"before", "around", "after"}) {
    std::string plugin = prefix + tail;
    for (std::string& where : OtherFilesNaming(file, plugin, 3))
      found.push_back(where + " (`" + plugin + "()`)");
  }
  return found;
}

}  // namespace psm
