#include "report/html_text.h"

#include <algorithm>

namespace psm::html {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Code(std::string_view text) {
  return "<code>" + Escape(text) + "</code>";
}

// Reasons quote code Markdown-style: `type` becomes <code>type</code>.
std::string Prose(std::string_view text) {
  if (std::count(text.begin(), text.end(), '`') % 2 != 0) return Escape(text);
  std::string out;
  bool open = false;
  for (size_t start = 0; start <= text.size();) {
    size_t tick = std::min(text.find('`', start), text.size());
    out += Escape(text.substr(start, tick - start));
    if (tick < text.size()) out += (open = !open) ? "<code>" : "</code>";
    start = tick + 1;
  }
  return out;
}

}  // namespace psm::html
