#include "edit/edit.h"

#include <algorithm>

namespace psm {
namespace {

std::string Show(const Edit& e) {
  return "[" + std::to_string(e.range.begin) + "," +
         std::to_string(e.range.end) + ")->\"" + e.text + "\"";
}

// Two edits collide when their ranges share a byte, or when an insertion
// falls strictly inside a replaced range. Touching ranges are fine.
bool Overlaps(const Edit& a, const Edit& b) {
  if (a.range.empty() && b.range.empty()) return false;
  if (a.range.empty()) {
    return b.range.begin < a.range.begin && a.range.begin < b.range.end;
  }
  if (b.range.empty()) {
    return a.range.begin < b.range.begin && b.range.begin < a.range.end;
  }
  return a.range.begin < b.range.end && b.range.begin < a.range.end;
}

// Order used for the forward pass: by start; at the same start, insertions
// before replacements; otherwise stable (insertion order).
bool GoesBefore(const Edit& a, const Edit& b) {
  if (a.range.begin != b.range.begin) return a.range.begin < b.range.begin;
  return a.range.empty() && !b.range.empty();
}

}  // namespace

std::string EditConflict::Describe() const {
  return "edit " + Show(rejected) + " overlaps " + Show(existing);
}

std::optional<EditConflict> EditSet::Add(Edit edit) {
  for (const Edit& existing : edits_) {
    if (existing == edit) return std::nullopt;
    if (Overlaps(existing, edit)) return EditConflict{existing, edit};
  }
  auto at = std::upper_bound(edits_.begin(), edits_.end(), edit, GoesBefore);
  edits_.insert(at, std::move(edit));
  return std::nullopt;
}

std::optional<EditConflict> EditSet::AddAll(const EditSet& other) {
  EditSet merged = *this;
  for (const Edit& edit : other.edits_) {
    if (auto conflict = merged.Add(edit)) return conflict;
  }
  *this = std::move(merged);
  return std::nullopt;
}

std::string ApplyEdits(std::string_view text, const EditSet& edits) {
  std::string out;
  out.reserve(text.size() + 256);
  uint32_t cursor = 0;
  for (const Edit& edit : edits.edits()) {
    out.append(text.substr(cursor, edit.range.begin - cursor));
    out.append(edit.text);
    cursor = edit.range.end;
  }
  out.append(text.substr(cursor));
  return out;
}

}  // namespace psm
