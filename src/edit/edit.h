#ifndef PSM_EDIT_EDIT_H_
#define PSM_EDIT_EDIT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/byte_range.h"

namespace psm {

// One replacement: the bytes in `range` become `text`. An empty range is an
// insertion, an empty text a deletion. Plain data, in the spirit of clang's
// tooling::Replacement.
struct Edit {
  ByteRange range;
  std::string text;

  friend bool operator==(const Edit&, const Edit&) = default;
};

// Why an edit was refused by an EditSet.
struct EditConflict {
  Edit existing;
  Edit rejected;
  std::string Describe() const;
};

// A set of non-overlapping edits on one text. Overlaps are refused when an
// edit is added, so that applying the set is a single forward pass that can
// never interleave two edits. Insertions at the same offset keep the order in
// which they were added; an insertion at the start of a deletion goes first.
// Adding costs O(log n) plus the neighbours looked at, and nothing is copied
// when edits come in source order (as a file's sites do).
class EditSet {
 public:
  // Adds `edit`, or returns the conflict with an edit already in the set. An
  // exact duplicate of an existing edit is accepted and ignored, because two
  // call sites may share one payload literal.
  std::optional<EditConflict> Add(Edit edit);

  // Adds every edit of `other`, all or none.
  std::optional<EditConflict> AddAll(const EditSet& other);
  // The same, taking the edits' texts instead of copying them.
  std::optional<EditConflict> AddAll(EditSet&& other);

  // Makes room for `n` more edits: a file's set, filled site by site, is
  // then allocated once rather than grown (and held twice while it grows).
  void Reserve(size_t n) { edits_.reserve(edits_.size() + n); }

  const std::vector<Edit>& edits() const { return edits_; }
  bool empty() const { return edits_.empty(); }

 private:
  struct Check {
    std::optional<EditConflict> conflict;
    bool duplicate = false;
  };
  // How `edit` relates to the set, looking at its neighbours only.
  Check Find(const Edit& edit) const;

  // AddAll's work once `other` is known not to be taken whole.
  template <typename Other>
  std::optional<EditConflict> Merge(Other& other);

  std::vector<Edit> edits_;  // sorted by range.begin, then insertion order
};

// Applies `edits` to `text` in one pass.
std::string ApplyEdits(std::string_view text, const EditSet& edits);

}  // namespace psm

#endif  // PSM_EDIT_EDIT_H_
