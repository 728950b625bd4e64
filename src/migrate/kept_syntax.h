#ifndef PSM_MIGRATE_KEPT_SYNTAX_H_
#define PSM_MIGRATE_KEPT_SYNTAX_H_

#include <tree_sitter/api.h>

#include <string_view>

#include "edit/edit.h"
#include "edit/object_shape.h"

namespace psm {

// Whether `edits` on `text` provably leave a JavaScript or TypeScript text
// that parses without error, judged from `root` (the tree of `text`) and
// the edits alone, without parsing the edited text: the safety net's fast
// path for the edits the planner makes in object literals (issue 14).
//
// Proven only when `root` holds no syntax error and every edit lies inside
// one object literal `{...}`, between its braces, where it
// - removes whole members, commas and comments of that object (and the
//   blanks between them), never part of one, and
// - inserts only blanks, commas and members `key: value` whose key is a
//   name or a plain quoted string and whose value is a plain string
//   literal or a dotted name (`session.id`),
// and every edited object is still a comma-separated list of members (no
// leading or doubled comma, no two members without one) in which no kept
// `//` comment loses the line break that ends it (and none is `<!--`), and
// no edit starts or ends inside a character. Such an object is an
// object again, so the file parses as before around it.
//
// False means "not proven", never "wrong": the caller then parses the
// edited text, as it does for every other kind of edit.
bool EditsKeepSyntax(TSNode root, std::string_view text, const EditSet& edits);

// The same proof, with each edit's object and its children read from
// `shapes` (sealed: the objects the planner edited, edit/object_shape.h)
// instead of the tree: each object's children are checked against `text`
// first (blanks between them, commas, comments), and an edit outside every
// known object proves nothing. The caller still needs `text`'s tree free
// of syntax errors. False means "not proven": the tree may still prove it.
bool EditsKeepSyntax(const ObjectShapes& shapes, std::string_view text,
                     const EditSet& edits);

}  // namespace psm

#endif  // PSM_MIGRATE_KEPT_SYNTAX_H_
