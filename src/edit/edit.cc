#include "edit/edit.h"

#include <algorithm>
#include <type_traits>

#include "common/step_counter.h"

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

// The set's edits never overlap and are sorted by start, so their ends
// ascend too: of the edits starting before `edit`, only the last can reach
// into it, and of those starting inside it the first decides. A file with N
// sites thus costs O(N log N), not O(N^2) (issue 14).
EditSet::Check EditSet::Find(const Edit& edit) const {
  auto first = std::lower_bound(
      edits_.begin(), edits_.end(), edit.range.begin,
      [](const Edit& e, uint32_t begin) { return e.range.begin < begin; });
  CountSteps(1);
  if (first != edits_.begin() && Overlaps(*std::prev(first), edit)) {
    return {EditConflict{*std::prev(first), edit}, false};
  }
  for (auto it = first; it != edits_.end(); ++it) {
    CountSteps(1);
    bool starts_inside = it->range.begin < edit.range.end;
    if (!starts_inside && it->range.begin != edit.range.begin) break;
    if (*it == edit) return {std::nullopt, true};
    if (Overlaps(*it, edit)) return {EditConflict{*it, edit}, false};
  }
  return {std::nullopt, false};
}

std::optional<EditConflict> EditSet::Add(Edit edit) {
  Check check = Find(edit);
  if (check.conflict || check.duplicate) return check.conflict;
  // Sites come in source order, so this is almost always an append.
  auto at = std::upper_bound(edits_.begin(), edits_.end(), edit, GoesBefore);
  edits_.insert(at, std::move(edit));
  return std::nullopt;
}

std::optional<EditConflict> EditSet::AddAll(const EditSet& other) {
  return Merge(other);
}

std::optional<EditConflict> EditSet::AddAll(EditSet&& other) {
  // An empty set takes `other` whole: it is itself free of overlaps.
  if (edits_.empty()) {
    edits_ = std::move(other.edits_);
    return std::nullopt;
  }
  return Merge(other);
}

// `Other` is `const EditSet` (its edits are copied) or `EditSet` (moved).
template <typename Other>
std::optional<EditConflict> EditSet::Merge(Other& other) {
  auto take = [](auto* edit) -> decltype(auto) {
    if constexpr (std::is_const_v<Other>) {
      return *edit;
    } else {
      return std::move(*edit);
    }
  };
  // Checked against this set only: `other` is itself free of overlaps.
  std::vector<decltype(&other.edits_[0])> fresh;
  fresh.reserve(other.edits_.size());
  for (auto& edit : other.edits_) {
    Check check = Find(edit);
    if (check.conflict) return check.conflict;
    if (!check.duplicate) fresh.push_back(&edit);
  }
  if (fresh.empty()) return std::nullopt;
  bool appends = edits_.empty() || !GoesBefore(*fresh.front(), edits_.back());
  if (!appends) {
    // A merge keeps this set's edits first among equals, as Add would.
    std::vector<Edit> merged;
    merged.reserve(edits_.size() + fresh.size());
    auto mine = edits_.begin();
    for (auto* edit : fresh) {
      while (mine != edits_.end() && !GoesBefore(*edit, *mine))
        merged.push_back(std::move(*mine++));
      merged.push_back(take(edit));
    }
    std::move(mine, edits_.end(), std::back_inserter(merged));
    CountSteps(merged.size());
    edits_ = std::move(merged);
    return std::nullopt;
  }
  for (auto* edit : fresh) edits_.push_back(take(edit));
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
