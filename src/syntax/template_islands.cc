#include "syntax/template_islands.h"

#include <cctype>

#include "syntax/markup_tag.h"

namespace psm {
namespace {

std::string_view TrimmedRight(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

// Whether the PHP or EJS/ERB expression `body` only computes a value: one
// statement at most (a `;` only at its end) and no assignment or update.
bool OnlyAnExpression(std::string_view body) {
  body = TrimmedRight(body);
  if (body.ends_with(';')) body.remove_suffix(1);
  if (body.find(';') != std::string_view::npos) return false;
  if (body.find("++") != std::string_view::npos ||
      body.find("--") != std::string_view::npos) {
    return false;
  }
  for (size_t i = body.find('='); i != std::string_view::npos;
       i = body.find('=', i + 1)) {
    char before = i > 0 ? body[i - 1] : ' ';
    char after = i + 1 < body.size() ? body[i + 1] : ' ';
    bool compares = after == '=' || after == '>' || before == '=' ||
                    before == '!' || before == '<' || before == '>';
    if (!compares) return false;  // `=`, `+=`, `.=`, ...
  }
  return true;
}

// Whether `island` (opener to closer) prints one value: `<?= x ?>`,
// `<?php echo x; ?>`, `<%= x %>`, `<%- x %>`.
bool PrintsOneValue(std::string_view island) {
  bool closed = island.ends_with("?>") || island.ends_with("%>");
  if (!closed || island.size() < 4) return false;
  std::string_view body = island.substr(2, island.size() - 4);
  if (body.starts_with("=") || (island[1] == '%' && body.starts_with("-")))
    return OnlyAnExpression(body.substr(1));
  if (!body.starts_with("php")) return false;
  body.remove_prefix(3);
  size_t word = body.find_first_not_of(" \t\r\n");
  if (word == 0 || word == std::string_view::npos) return false;
  body.remove_prefix(word);
  if (!body.starts_with("echo") || body.size() < 5 ||
      !std::isspace(static_cast<unsigned char>(body[4]))) {
    return false;
  }
  return OnlyAnExpression(body.substr(4));
}

}  // namespace

ByteRange CodeIslandIn(std::string_view text, ByteRange range) {
  uint32_t end =
      std::min<uint32_t>(range.end, static_cast<uint32_t>(text.size()));
  for (uint32_t i = range.begin; i < end;) {
    uint32_t past = SkipIsland(text, i);
    if (past == i) {
      ++i;
      continue;
    }
    if (past > end || !PrintsOneValue(text.substr(i, past - i)))
      return {i, past};
    i = past;
  }
  return {};
}

}  // namespace psm
