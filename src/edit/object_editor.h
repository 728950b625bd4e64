#ifndef PSM_EDIT_OBJECT_EDITOR_H_
#define PSM_EDIT_OBJECT_EDITOR_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edit/edit.h"
#include "find/object_literal.h"

namespace psm {

// A member to add to an object literal, written like its neighbour.
struct NewMember {
  std::string key;    // "sessionId"
  std::string value;  // JavaScript expression, inserted verbatim
  // Index of the member to place it after (its style is copied); nullopt to
  // place it first.
  std::optional<size_t> after;
};

// The edits that remove members `remove` (indices into object.members) from
// `object` and add `add`, keeping everything else byte-identical:
// - a member on lines of its own goes with its lines, including a trailing
//   comment on them; a member sharing a line goes with its comma;
// - the trailing-comma style of the object is kept;
// - a new member copies the indentation, key quoting and `:` spacing of the
//   member it follows, and the line ending of its line.
// Returns nullopt if the edits would overlap (a bug, reported by the caller).
std::optional<EditSet> EditObject(std::string_view text,
                                  const ObjectLiteral& object,
                                  const std::vector<size_t>& remove,
                                  const std::optional<NewMember>& add);

}  // namespace psm

#endif  // PSM_EDIT_OBJECT_EDITOR_H_
