#include "migrate/unparsed_calls.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "common/strings.h"
#include "common/text_lines.h"
#include "find/receiver.h"
#include "find/site_finder.h"
#include "migrate/file_kind.h"
#include "migrate/site_details.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Lines longer than this (minified code, a data URI) are left out of the
// report's excerpts.
constexpr uint32_t kLongestExcerptLine = 400;

bool IsIdentifierChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

size_t SkipBlanks(std::string_view s, size_t i) {
  while (i < s.size() && IsBlank(s[i])) ++i;
  return i;
}

// Just past what calls the method named before `i`: `(`, `?.(`, `.call`,
// `.apply`; 0 when nothing does.
size_t CallEnd(std::string_view s, size_t i) {
  i = SkipBlanks(s, i);
  std::string_view rest = s.substr(i);
  for (std::string_view call : {"(", "?.(", ".call(", ".apply("}) {
    if (rest.starts_with(call)) return i + call.size();
  }
  return 0;
}

// The `.` or `[` that makes the name at `at` a property, or npos.
size_t PropertyStart(std::string_view s, size_t at, size_t* name_end) {
  size_t end = at + kCreateSource.size();
  size_t before = at;
  while (before > 0 && IsBlank(s[before - 1])) --before;
  if (before > 0 && s[before - 1] == '.') {
    *name_end = end;
    return before - 1;
  }
  if (before == 0 || before != at || end >= s.size()) return std::string::npos;
  char quote = s[at - 1];  // `['createSource']`
  if ((quote != '\'' && quote != '"') || s[end] != quote)
    return std::string::npos;
  size_t open = at - 1;
  while (open > 0 && IsBlank(s[open - 1])) --open;
  size_t close = SkipBlanks(s, end + 1);
  if (open == 0 || s[open - 1] != '[' || close >= s.size() || s[close] != ']')
    return std::string::npos;
  *name_end = close + 1;
  return open - 1;
}

uint32_t ReceiverStart(std::string_view s, size_t property) {
  size_t begin = property;
  while (begin > 0 && (IsIdentifierChar(s[begin - 1]) || s[begin - 1] == '.' ||
                       s[begin - 1] == '?')) {
    --begin;
  }
  return static_cast<uint32_t>(begin);
}

SiteResult ReviewSite(std::string_view text, const LineIndex& lines,
                      const CallText& call, std::string reason) {
  SiteResult site;
  site.line = lines.Line(call.begin);
  site.column = lines.Column(call.begin);
  site.status = SiteStatus::kNeedsReview;
  site.reasons.push_back(std::move(reason));
  uint32_t line_start = text::LineStart(text, call.begin);
  if (text::NextLineStart(text, call.match.end) - line_start <=
      kLongestExcerptLine) {
    static const EditSet kNone;
    AddExcerpts(text, text, OffsetMap(kNone), kNone,
                {call.begin, call.match.end}, lines, &site);
  }
  return site;
}

bool InAny(const std::vector<ByteRange>& ranges, ByteRange r) {
  for (const ByteRange& range : ranges) {
    if (range.Contains(r)) return true;
  }
  return false;
}

std::string UnparsedReason(const ScriptView& view, const CallText& call,
                           uint32_t line) {
  std::string where =
      " (line " + std::to_string(line) + "); migrate it by hand";
  if (InAny(view.encoded_handlers, call.match)) {
    return "a createSource call in an HTML attribute written with character "
           "references (&quot;, &#39;, &amp;), which the tool does not "
           "rewrite" +
           where;
  }
  return "a createSource call inside markup or a server-side string the tool "
         "does not parse as script" +
         where;
}

// The last `what` (lower case) in `text`, ignoring case; npos if none.
size_t RFindNoCase(std::string_view text, std::string_view what) {
  for (size_t at = text.size(); at >= what.size(); --at) {
    size_t begin = at - what.size();
    bool same = true;
    for (size_t i = 0; same && i < what.size(); ++i)
      same =
          std::tolower(static_cast<unsigned char>(text[begin + i])) == what[i];
    if (same) return begin;
  }
  return std::string_view::npos;
}

// Whether the call at `at` sits in the text of an element of a markup file
// without server islands: a documentation page's `<pre><code>` or a
// paragraph, prose the browser shows, not code it runs. Not inside a tag
// (an `onclick` attribute), a `<script>`, or a template's `{{ }}`; a file
// with `<?`/`<%` prints strings the tool cannot tell from code.
bool InMarkupProse(std::string_view text, size_t at) {
  std::string_view before = text.substr(0, at);
  if (text.find("<?") != std::string_view::npos ||
      text.find("<%") != std::string_view::npos)
    return false;
  size_t lt = before.rfind('<');
  size_t gt = before.rfind('>');
  if (gt == std::string_view::npos || (lt != std::string_view::npos && lt > gt))
    return false;
  size_t open = RFindNoCase(before, "<script");
  size_t close = RFindNoCase(before, "</script");
  if (open != std::string_view::npos &&
      (close == std::string_view::npos || close < open))
    return false;
  size_t mustache = before.rfind("{{");
  size_t shut = before.rfind("}}");
  if (mustache != std::string_view::npos &&
      (shut == std::string_view::npos || shut < mustache))
    return false;
  // The element the text is in, by the last tag before it: one that holds
  // prose. A `<textarea>` or `<template>` may hold code a script takes.
  size_t name = lt + 1 + (lt + 1 < before.size() && before[lt + 1] == '/');
  size_t end = name;
  while (end < before.size() &&
         std::isalnum(static_cast<unsigned char>(before[end])))
    ++end;
  std::string tag;
  for (char c : before.substr(name, end - name))
    tag += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::string_view kProse[] = {
      "p",          "pre",     "code",    "li",     "td",         "th",
      "dd",         "dt",      "h1",      "h2",     "h3",         "h4",
      "h5",         "h6",      "em",      "strong", "b",          "i",
      "small",      "span",    "kbd",     "samp",   "blockquote", "a",
      "figcaption", "caption", "summary", "label",  "div",        "section",
      "article",    "main",    "body"};
  for (std::string_view prose : kProse)
    if (tag == prose) return true;
  return false;
}

}  // namespace

std::vector<CallText> FindCallTexts(std::string_view text) {
  std::vector<CallText> calls;
  for (size_t at = text.find(kCreateSource); at != std::string_view::npos;
       at = text.find(kCreateSource, at + 1)) {
    size_t name_end = 0;
    size_t property = PropertyStart(text, at, &name_end);
    if (property == std::string::npos) continue;
    size_t end = CallEnd(text, name_end);
    if (end == 0) continue;
    calls.push_back(
        {ReceiverStart(text, property),
         {static_cast<uint32_t>(property), static_cast<uint32_t>(end)}});
  }
  return calls;
}

std::vector<SiteResult> UnparsedCallSites(std::string_view text,
                                          const ScriptView& view) {
  std::vector<SiteResult> sites;
  std::optional<LineIndex> lines;
  for (const CallText& call : FindCallTexts(text)) {
    // The parser saw these bytes only if the view kept them.
    if (call.match.In(view.text) == call.match.In(text)) continue;
    // `stripe.createSource(card)` in a string or a page's text is
    // Stripe's; prose about any is no code at all.
    std::string_view receiver(text.data() + call.begin,
                              call.match.begin - call.begin);
    if (NamesOtherLibrary(receiver) || InMarkupProse(text, call.begin))
      continue;
    if (!lines) lines.emplace(text);
    uint32_t line = lines->Line(call.begin);
    SiteResult site =
        ReviewSite(text, *lines, call, UnparsedReason(view, call, line));
    if (IgnoredByComment(text, call.begin)) {
      site.status = SiteStatus::kIgnored;
      site.reasons = {std::string(kIgnoredReason)};
    }
    sites.push_back(std::move(site));
  }
  return sites;
}

std::vector<SiteResult> CallsInSyntaxErrors(
    std::string_view source, TSNode root,
    const std::vector<ByteRange>& analysed) {
  std::vector<SiteResult> sites;
  if (!ts_node_has_error(root)) return sites;
  std::optional<LineIndex> lines;
  for (const CallText& call : FindCallTexts(source)) {
    bool seen =
        std::any_of(analysed.begin(), analysed.end(), [&](const ByteRange& r) {
          return r.begin <= call.match.begin && call.match.begin < r.end;
        });
    if (seen) continue;
    TSNode at = ts_node_descendant_for_byte_range(root, call.match.begin,
                                                  call.match.begin + 1);
    if (node::IsComment(at) || node::Is(at, "string_fragment") ||
        node::Is(at, "string") || node::Is(at, "template_string"))
      continue;
    bool in_error = false;
    for (TSNode up = at; !ts_node_is_null(up) && !in_error;
         up = ts_node_parent(up))
      in_error = node::Is(up, "ERROR");
    if (!in_error) continue;
    if (!lines) lines.emplace(source);
    uint32_t line = lines->Line(call.begin);
    SiteResult site = ReviewSite(
        source, *lines, call,
        "a createSource call inside code that does not parse (line " +
            std::to_string(line) +
            "); the tool cannot read it: fix the syntax error (a merge "
            "conflict, an unclosed bracket) or migrate it by hand");
    if (IgnoredByComment(source, call.begin)) {
      site.status = SiteStatus::kIgnored;
      site.reasons = {std::string(kIgnoredReason)};
    }
    sites.push_back(std::move(site));
  }
  return sites;
}

namespace {

// Whether the bundle `text` is DigitalRiver.js itself (a vendored copy,
// `staticresources/DRJS.js`): it names DigitalRiver and defines a
// createSource (`function createSource(`, `createSource: function`,
// `.createSource = function`, `createSource(e, t) {`). Its own calls of it
// pass the caller's data on; a check must not fail on the library.
bool DefinesCreateSourceItself(std::string_view text) {
  if (text.find("DigitalRiver") == std::string_view::npos) return false;
  for (size_t at = text.find(kCreateSource); at != std::string_view::npos;
       at = text.find(kCreateSource, at + kCreateSource.size())) {
    if (!IsWholeIdentifierAt(text, at, kCreateSource.size())) continue;
    std::string_view before = text.substr(0, at);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (before.ends_with("function") || before.ends_with("function*"))
      return true;
    size_t k = at + kCreateSource.size();
    while (k < text.size() && text[k] == ' ') ++k;
    if (k >= text.size()) break;
    if (text[k] == ':' || (text[k] == '=' && text.compare(k, 2, "==") != 0))
      return true;
    if (text[k] != '(') continue;
    int depth = 0;  // `createSource(e, t) {`: a method's parameters
    size_t end = k;
    for (; end < text.size() && end < k + 512; ++end) {
      if (text[end] == '(') ++depth;
      if (text[end] == ')' && --depth == 0) break;
    }
    size_t next = end + 1;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\n'))
      ++next;
    if (depth == 0 && next < text.size() && text[next] == '{') return true;
  }
  return false;
}

}  // namespace

std::vector<SiteResult> SkippedFileSites(std::string_view text,
                                         std::string_view why) {
  std::vector<CallText> calls = FindCallTexts(text);
  if (calls.empty() || DefinesCreateSourceItself(text)) return {};
  LineIndex lines(text);
  return {ReviewSite(text, lines, calls.front(),
                     "the file looks minified or generated (" +
                         std::string(why) +
                         "); migrate its source, or run with "
                         "--include-minified")};
}

}  // namespace psm
