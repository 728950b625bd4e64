#include "migrate/edited_parse.h"

namespace psm {
namespace {

TSPoint PointAt(const LineIndex& lines, uint32_t offset) {
  return {lines.Line(offset) - 1, lines.ByteColumn(offset)};
}

TSPoint Advance(TSPoint start, std::string_view inserted) {
  for (char c : inserted) {
    if (c == '\n') {
      ++start.row;
      start.column = 0;
    } else {
      ++start.column;
    }
  }
  return start;
}

// Tells `tree` about the edits, last first, so that each edit's offsets in
// the old text are still right in the partly edited one.
void DescribeEdits(Tree& tree, const EditSet& edits, const LineIndex& lines) {
  const auto& all = edits.edits();
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    TSInputEdit e;
    e.start_byte = it->range.begin;
    e.old_end_byte = it->range.end;
    e.new_end_byte = it->range.begin + static_cast<uint32_t>(it->text.size());
    e.start_point = PointAt(lines, it->range.begin);
    e.old_end_point = PointAt(lines, it->range.end);
    e.new_end_point = Advance(e.start_point, it->text);
    tree.Edit(e);
  }
}

// With an edit every few lines (a generated file of thousands of calls)
// the incremental re-parse re-reads nearly every statement anyway, after
// one ts_tree_edit per edit, and keeps both trees alive: a fresh parse of
// the edited text is then cheaper and holds one tree at a time. Sparse
// edits (the normal file) keep the incremental re-parse. Either way the
// whole edited text is parsed: the check is the same.
constexpr size_t kDenseEditsMin = 64;
constexpr size_t kDenseEditBytes = 512;  // average text per edit, below

bool DenseEdits(const EditSet& edits, size_t text_bytes) {
  size_t n = edits.edits().size();
  return n >= kDenseEditsMin && text_bytes / n < kDenseEditBytes;
}

}  // namespace

Tree ParseWithEdits(Tree old_tree, Language language, const EditSet& edits,
                    size_t source_bytes, std::string_view after_source,
                    const LineIndex& lines, Parser& parser) {
  if (DenseEdits(edits, source_bytes)) {
    old_tree = Tree();  // nothing reads it any more
    return parser.Parse(language, after_source);
  }
  DescribeEdits(old_tree, edits, lines);
  return parser.Reparse(language, old_tree, after_source);
}

}  // namespace psm
