#include "migrate/site_details.h"

#include <algorithm>

namespace psm {
namespace {

constexpr uint32_t kMaxExcerptLines = 40;
constexpr uint32_t kCallLines = 6;
// Whole lines longer than this are not shown: see Cut.
constexpr uint32_t kMaxExcerptBytes = 4096;
constexpr std::string_view kElided = "\u2026";

// At most kMaxExcerptLines lines of `s` from `begin` to `end`.
std::string Lines(std::string_view s, uint32_t begin, uint32_t end) {
  std::string_view part = s.substr(begin, end - begin);
  uint32_t count = 0;
  for (size_t i = 0; i < part.size(); ++i) {
    if (part[i] == '\n' && ++count == kMaxExcerptLines) {
      return std::string(part.substr(0, i + 1)) + "...\n";
    }
  }
  return std::string(part);
}

// The part of the text an excerpt shows when its lines are too long (a
// minified bundle is one line: showing it whole for each of its sites made
// a report of gigabytes): the site's edits, with the call when that is
// near. Both start and end at tokens, so redaction still sees whole
// strings.
ByteRange Cut(const EditSet& site_edits, ByteRange call) {
  if (site_edits.empty()) return call;
  ByteRange edited{site_edits.edits().front().range.begin, 0};
  for (const Edit& e : site_edits.edits())
    edited.end = std::max(edited.end, e.range.end);
  ByteRange with_call{std::min(edited.begin, call.begin),
                      std::max(edited.end, call.end)};
  return with_call.end - with_call.begin <= kMaxExcerptBytes ? with_call
                                                             : edited;
}

}  // namespace

void DescribeEdits(SitePlan& plan, std::string_view text,
                   const LineIndex& lines, SiteResult* result) {
  std::vector<Removal> ledger = std::move(plan.ledger);  // freed here
  result->ledger.reserve(ledger.size());
  for (Removal& r : ledger) {
    result->ledger.push_back({std::move(r.path), std::string(r.value.In(text)),
                              lines.Line(r.member.begin)});
  }
  result->fixes.reserve(plan.edits.edits().size());
  for (const Edit& e : plan.edits.edits()) {
    LineIndex::Position begin{lines.Line(e.range.begin),
                              lines.Column(e.range.begin)};
    LineIndex::Position end = lines.Advance(begin, e.range.begin, e.range.end);
    result->fixes.push_back(
        {begin.line, begin.column, end.line, end.column, e.text});
  }
}

void AddExcerpts(std::string_view text, std::string_view after_text,
                 const OffsetMap& moved, const EditSet& site_edits,
                 ByteRange call, const LineIndex& lines, SiteResult* result) {
  uint32_t begin = call.begin, end = call.end;
  if (!site_edits.empty()) {
    begin = site_edits.edits().front().range.begin;
    end = 0;
    for (const Edit& e : site_edits.edits()) end = std::max(end, e.range.end);
  } else {
    uint32_t stop_line =
        lines.Line(call.begin) + kCallLines;  // first line left out
    if (stop_line <= lines.LineCount())
      end = std::min(end, lines.LineStartOffset(stop_line));
  }
  begin = lines.LineStartOf(begin);
  // One line of context above: an added `sessionId` line shows next to
  // the `type` it follows.
  if (!site_edits.empty() && begin > 0) begin = lines.LineStartOf(begin - 1);
  end = end > begin && end <= text.size() &&
                (end == text.size() || text[end - 1] == '\n')
            ? end
            : lines.NextLineStartOf(end);
  // Cut only when its first or last line is itself too long: a tall
  // excerpt of ordinary lines is shortened by Lines.
  bool cut =
      end > begin && (lines.NextLineStartOf(begin) - begin > kMaxExcerptBytes ||
                      end - lines.LineStartOf(end - 1) > kMaxExcerptBytes);
  if (cut) {
    ByteRange part = Cut(site_edits, call);
    begin = part.begin;
    end = part.end;
  }
  // A cut excerpt says so at both ends.
  auto marked = [&](std::string shown) {
    return cut ? std::string(kElided) + shown + std::string(kElided) + "\n"
               : shown;
  };
  result->excerpt_line = lines.Line(begin);
  result->before = marked(Lines(text, begin, end));
  if (site_edits.empty()) {
    result->after = result->before;
    return;
  }
  uint32_t new_begin = moved.Map(begin, false);
  uint32_t new_end = std::min<uint32_t>(
      moved.Map(end, true), static_cast<uint32_t>(after_text.size()));
  result->after =
      marked(Lines(after_text, new_begin, std::max(new_begin, new_end)));
}

}  // namespace psm
