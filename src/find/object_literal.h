#ifndef PSM_FIND_OBJECT_LITERAL_H_
#define PSM_FIND_OBJECT_LITERAL_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/boxed_optional.h"
#include "common/byte_range.h"

namespace psm {

struct ObjectLiteral;

// A TypeScript type the code gives an object on its way to the call
// (`const p: T = {...}`, `{...} satisfies T`, `function build(): T`, a
// typed parameter or field). Recorded as seen, `any` included: the planner
// decides which types list fields, which the edits must then agree with.
struct DeclaredType {
  std::string text;  // as written: "KonbiniPayload", "Promise<Payload>"
  int line = 0;      // where the code gives the type
  // Where the type itself comes from, when this file says: "defined at
  // line 1", "imported from `./types`"; "" otherwise (a global, @types).
  std::string defined;
  // What `text` stands for when it names a type alias of this file
  // (`Record<string, unknown>` for `SourcePayload`); "" otherwise.
  std::string means;
  // The type's own top-level fields when this file shows them all: an
  // object type written there, or an interface (without `extends`) or
  // alias of one defined in the file, without index signatures. Lets an
  // object that is already migrated be checked against its type.
  struct Field {
    std::string key;
    bool optional = false;
  };
  std::vector<Field> fields;
  bool fields_known = false;
};

// One member of an object literal, as plain data (no syntax-tree handles).
struct Member {
  enum class Kind {
    kPair,       // key: value
    kShorthand,  // key
    kMethod,     // key() {}, get key() {}
    kSpread,     // ...expr
    kComputed,   // [expr]: value
  };
  Kind kind = Kind::kPair;
  std::string key;     // unquoted name; empty for spreads and computed keys
  char key_quote = 0;  // the quote of a quoted key, 0 when bare
  ByteRange range;     // the whole member, key to end of value
  ByteRange key_range;
  ByteRange value_range;           // for shorthands, the identifier
  std::optional<ByteRange> comma;  // the comma that follows the member

  // The value as a string, when it is a string literal without
  // substitutions, or an identifier bound to one by a `const`.
  std::optional<std::string> string_value;
  // The value is an object literal, or a variable the finder traced to one.
  std::unique_ptr<ObjectLiteral> object;
  // Where `object` came from when it is not written inline, e.g.
  // "variable `details` (line 4)".
  const std::string& object_origin() const {
    return Note(&Notes::object_origin);
  }
  void set_object_origin(std::string text) {
    SetNote(&Notes::object_origin, std::move(text));
  }
  // Why evaluating the value may have an effect (a call, an update, ...):
  // removing the member would remove the effect too. Empty when it has
  // none.
  const std::string& value_effect() const { return Note(&Notes::value_effect); }
  void set_value_effect(std::string text) {
    SetNote(&Notes::value_effect, std::move(text));
  }
  // For a value that is empty on some paths (`x ? id : undefined`,
  // `id || null`): that value, shortened; empty otherwise. Asked of
  // `sessionId` (a session id on some paths is a legacy payload on the
  // others).
  const std::string& empty_at_times() const {
    return Note(&Notes::empty_at_times);
  }
  void set_empty_at_times(std::string text) {
    SetNote(&Notes::empty_at_times, std::move(text));
  }
  // For a spread whose fields are migrated where they are built (the
  // object of `...super.build()`, planned with the base class's method):
  // where that is. The planner does not count it as opaque.
  const std::string& covered() const { return Note(&Notes::covered); }
  void set_covered(std::string text) {
    SetNote(&Notes::covered, std::move(text));
  }
  // For a spread of an object whose own keys are known and stay so (see
  // find/closed_spread.h): "\n" followed by each key and "\n" ("\n" alone
  // for an empty object). Never set for any other spread, whose keys the
  // tool cannot know.
  void set_spread_keys(std::string keys) {
    SetNote(&Notes::spread_keys, std::move(keys));
  }
  // Whether this member may bring the field `key` into the object although
  // it does not name it: a spread (unless covered, or of an object whose
  // keys are known and do not include `key`) or a computed key.
  bool MayCarry(std::string_view key) const {
    // Inline for the members most are (the planner asks each member of a
    // payload for each removed path).
    return (kind == Kind::kSpread || kind == Kind::kComputed) &&
           OpaqueMayCarry(key);
  }
  // Whether this member is a spread of an object whose known keys include
  // `key`: it brings that field for sure.
  bool SurelyCarries(std::string_view key) const;

 private:
  // The notes few members have, behind one pointer: a Member is made for
  // every field of every payload (issue 14: 8,000 sites, 56,000 members).
  struct Notes {
    std::string object_origin;
    std::string value_effect;
    std::string covered;
    std::string empty_at_times;
    std::string spread_keys;
  };
  const std::string& Note(std::string Notes::*note) const {
    static const std::string kNone;
    return notes_ ? (*notes_).*note : kNone;
  }
  void SetNote(std::string Notes::*note, std::string text) {
    if (!notes_ && text.empty()) return;
    if (!notes_) notes_ = std::make_unique<Notes>();
    (*notes_).*note = std::move(text);
  }
  bool OpaqueMayCarry(std::string_view key) const;
  std::unique_ptr<Notes> notes_;
};

// An object the tool can edit: a JavaScript object literal `{ ... }`, a
// PHP array literal `[ ... ]` / `array( ... )` (members `'key' => value`),
// or the statements that build a PHP array piecewise. A member's text
// around its key and value is copied for a new member: `'k' => v` in an
// array, `$p['k'] = v;` in statements.
struct ObjectLiteral {
  ByteRange range;         // from `{` to `}` inclusive (or `[`, `array(`)
  bool has_error = false;  // its subtree holds syntax errors
  // The members are statements of their own (`$p['amount'] = 1;`), not
  // items of a list: no comma is ever added or removed between them.
  bool statements = false;
  std::vector<Member> members;
  // A JavaScript object without syntax errors whose members are all of the
  // kinds the grammar has (no member was taken for a spread by default):
  // their ranges, and blanks, commas and comments read between them, are
  // then its syntax, what the proof of edit/object_shape.h reads instead of
  // the tree. False for PHP arrays and statements.
  bool plain = false;
  // The key of a method or getter of the object that uses `this` (`get
  // label() { return this.currency; }`): called on the object, it reads
  // the object's fields. Empty when none does.
  std::string this_reader;
  // The type given to the object nearest to it (see DeclaredType); none in
  // JavaScript, PHP, or when TypeScript infers it.
  BoxedOptional<DeclaredType> declared;

  // The member named `key` that wins (the last one), or nullptr.
  const Member* Find(std::string_view key) const;
};

}  // namespace psm

#endif  // PSM_FIND_OBJECT_LITERAL_H_
