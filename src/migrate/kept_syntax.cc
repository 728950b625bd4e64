#include "migrate/kept_syntax.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <span>
#include <vector>

#include "edit/object_shape.h"
#include "syntax/enclosing_nodes.h"

namespace psm {
namespace {

// What an object literal holds between its braces, blanks left out.
enum class Piece { kMember, kComma, kComment, kLineComment };

struct Child {
  ByteRange range;
  Piece piece;
};

bool IsNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         c == '$';
}
bool IsNamePart(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }
bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}
bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Keywords and contextual words of JavaScript and TypeScript: not taken as
// a key or in a dotted name (even `this`, which could be), so that what is
// proven never depends on the context. Such a member is left to the parse.
bool IsReserved(std::string_view word) {
  static constexpr std::array<std::string_view, 48> kWords = {
      "break",    "case",       "catch",     "class",      "const",
      "continue", "debugger",   "default",   "delete",     "do",
      "else",     "enum",       "export",    "extends",    "false",
      "finally",  "for",        "function",  "if",         "import",
      "in",       "instanceof", "new",       "null",       "return",
      "super",    "switch",     "this",      "throw",      "true",
      "try",      "typeof",     "var",       "void",       "while",
      "with",     "yield",      "let",       "static",     "await",
      "async",    "as",         "satisfies", "implements", "interface",
      "package",  "private",    "public"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

// Length of the name at the start of `s` (0 when there is none).
size_t NameLength(std::string_view s) {
  if (s.empty() || !IsNameStart(s[0])) return 0;
  size_t n = 1;
  while (n < s.size() && IsNamePart(s[n])) ++n;
  return n;
}

// Length of a string literal at the start of `s` that holds no escape, no
// line break and no substitution, or 0.
size_t PlainStringLength(std::string_view s) {
  if (s.empty() || (s[0] != '"' && s[0] != '\'' && s[0] != '`')) return 0;
  for (size_t n = 1; n < s.size(); ++n) {
    char c = s[n];
    if (c == s[0]) return n + 1;
    if (c == '\\' || c == '\n' || c == '\r') return 0;
    if (s[0] == '`' && c == '$') return 0;
  }
  return 0;
}

// Length of `name(.name)*` at the start of `s`, no reserved word in it, or 0.
size_t DottedNameLength(std::string_view s) {
  size_t n = 0;
  for (;;) {
    size_t word = NameLength(s.substr(n));
    if (word == 0 || IsReserved(s.substr(n, word))) return 0;
    n += word;
    if (n >= s.size() || s[n] != '.') return n;
    ++n;
  }
}

// Length of a member `key: value` at the start of `s` (see the header), or
// 0. What follows it is judged by the caller.
size_t MemberLength(std::string_view s) {
  size_t n = NameLength(s);
  if (n != 0 && IsReserved(s.substr(0, n))) return 0;
  if (n == 0) n = s.empty() || s[0] == '`' ? 0 : PlainStringLength(s);
  if (n == 0) return 0;
  while (n < s.size() && (s[n] == ' ' || s[n] == '\t')) ++n;
  if (n >= s.size() || s[n] != ':') return 0;
  ++n;
  while (n < s.size() && (s[n] == ' ' || s[n] == '\t')) ++n;
  size_t value = PlainStringLength(s.substr(n));
  if (value == 0) value = DottedNameLength(s.substr(n));
  return value == 0 ? 0 : n + value;
}

// The pieces of inserted text, or false when it holds anything else.
bool LexInserted(std::string_view s, std::vector<Piece>* out) {
  for (size_t i = 0; i < s.size();) {
    if (IsBlank(s[i])) {
      ++i;
    } else if (s[i] == ',') {
      out->push_back(Piece::kComma);
      ++i;
    } else if (size_t n = MemberLength(s.substr(i))) {
      out->push_back(Piece::kMember);
      i += n;
    } else {
      return false;
    }
  }
  return true;
}

// Whether `pieces` (comments aside) form `member (, member)* ,?` or nothing.
bool IsMemberList(const std::vector<Piece>& pieces) {
  bool after_member = false;
  for (Piece p : pieces) {
    if (p == Piece::kComment || p == Piece::kLineComment) continue;
    bool member = p == Piece::kMember;
    // Two members without a comma, or a comma with no member before it.
    if (member == after_member) return false;
    after_member = member;
  }
  return true;  // a trailing comma is fine
}

// What a named child of an object literal is, or nullopt for a kind this
// proof does not know (it then proves nothing about the object).
std::optional<Piece> NamedPiece(TSNode child, std::string_view text) {
  static constexpr std::array<std::string_view, 5> kMembers = {
      "pair", "shorthand_property", "shorthand_property_identifier",
      "method_definition", "spread_element"};
  std::string_view type = ts_node_type(child);
  if (std::find(kMembers.begin(), kMembers.end(), type) != kMembers.end())
    return Piece::kMember;
  // Not `<!--` comments either: whether `<!--` opens one depends on what
  // stands before it, which an edit may change.
  if (type != "comment") return std::nullopt;
  ByteRange range{ts_node_start_byte(child), ts_node_end_byte(child)};
  return range.In(text).starts_with("/*") ? Piece::kComment
                                          : Piece::kLineComment;
}

// The children of `object` between its braces, into `children`; false when
// it holds anything but members, commas and comments.
bool InnerChildren(TSNode object, std::string_view text,
                   std::vector<Child>* children) {
  children->clear();
  TSTreeCursor cursor = ts_tree_cursor_new(object);
  bool more = ts_tree_cursor_goto_first_child(&cursor);
  bool ok = more;
  for (; more && ok; more = ts_tree_cursor_goto_next_sibling(&cursor)) {
    TSNode child = ts_tree_cursor_current_node(&cursor);
    ByteRange range{ts_node_start_byte(child), ts_node_end_byte(child)};
    std::string_view type = ts_node_type(child);
    if (!ts_node_is_named(child)) {
      bool brace = type == "{" || type == "}";
      ok = brace || type == ",";
      if (!brace) children->push_back({range, Piece::kComma});
    } else if (std::optional<Piece> piece = NamedPiece(child, text)) {
      children->push_back({range, *piece});
    } else {
      ok = false;
    }
  }
  ts_tree_cursor_delete(&cursor);
  return ok;
}

// What the objects' checks reuse from one object to the next, so that a
// file of thousands of edited objects does not allocate for each.
struct Scratch {
  std::vector<Child> children;
  std::vector<Piece> pieces;
};

// Whether the object `object` whose braces hold `children`, with `edits`
// (sorted, all inside it), is still an object literal.
bool ChildrenStayMembers(ByteRange object, std::string_view text,
                         std::span<const Child> children,
                         const std::vector<const Edit*>& edits,
                         Scratch* scratch) {
  uint32_t open = object.begin, close = object.end;
  if (close < open + 2 || close > text.size() || text[open] != '{' ||
      text[close - 1] != '}')
    return false;
  std::vector<Piece>& pieces = scratch->pieces;
  pieces.clear();
  size_t c = 0;
  for (const Edit* edit : edits) {
    ByteRange r = edit->range;
    if (r.begin <= open || r.end >= close) return false;
    // Blanks may be non-ASCII (a no-break space): never cut one in two.
    if (IsContinuationByte(text[r.begin]) || IsContinuationByte(text[r.end]))
      return false;
    for (; c < children.size() && children[c].range.end <= r.begin; ++c) {
      const Child& kept = children[c];
      // A `//` comment ends at its line break: the edit must not take it.
      if (kept.piece == Piece::kLineComment && kept.range.end == r.begin)
        return false;
      pieces.push_back(kept.piece);
    }
    // Children the edit reaches must lie wholly inside what it removes.
    for (; c < children.size() && children[c].range.begin < r.end; ++c) {
      const ByteRange& gone = children[c].range;
      if (gone.begin < r.begin || gone.end > r.end) return false;
    }
    if (c < children.size() && children[c].range.begin < r.begin)
      return false;  // an insertion inside a child
    if (!LexInserted(edit->text, &pieces)) return false;
  }
  for (; c < children.size(); ++c) pieces.push_back(children[c].piece);
  return IsMemberList(pieces);
}

// The same, reading the object's children from the tree.
bool ObjectStaysObject(TSNode object, std::string_view text,
                       const std::vector<const Edit*>& edits,
                       Scratch* scratch) {
  if (!InnerChildren(object, text, &scratch->children)) return false;
  return ChildrenStayMembers(
      ByteRange{ts_node_start_byte(object), ts_node_end_byte(object)}, text,
      scratch->children, edits, scratch);
}

// The length of a line terminator of JavaScript at the start of `s` (`\n`,
// `\r`, U+2028, U+2029), or 0.
size_t LineTerminatorLength(std::string_view s) {
  if (!s.empty() && (s[0] == '\n' || s[0] == '\r')) return 1;
  if (s.starts_with("\xE2\x80\xA8") || s.starts_with("\xE2\x80\xA9")) return 3;
  return 0;
}

// Reads the text between two members (or a brace and a member) of an
// object: only blanks, commas and comments may stand there, each appended
// to `out` as a child. False on anything else (`<!--` too): the shape was
// then not made from this text, and proves nothing.
bool LexGap(std::string_view text, uint32_t from, uint32_t to,
            std::vector<Child>* out) {
  std::string_view gap = text.substr(0, to);
  for (uint32_t i = from; i < to;) {
    std::string_view rest = gap.substr(i);
    if (IsBlank(rest[0])) {
      ++i;
    } else if (rest[0] == ',') {
      out->push_back({{i, i + 1}, Piece::kComma});
      ++i;
    } else if (rest.starts_with("/*")) {
      size_t close = rest.find("*/", 2);
      if (close == std::string_view::npos) return false;
      uint32_t end = i + static_cast<uint32_t>(close) + 2;
      out->push_back({{i, end}, Piece::kComment});
      i = end;
    } else if (rest.starts_with("//")) {
      // It ends at a line break, which must lie in the gap too.
      size_t n = 2;
      while (n < rest.size() && LineTerminatorLength(rest.substr(n)) == 0) ++n;
      if (n == rest.size()) return false;
      uint32_t end = i + static_cast<uint32_t>(n);
      out->push_back({{i, end}, Piece::kLineComment});
      i = end;
    } else {
      return false;
    }
  }
  return true;
}

// The children of the object `object` whose members stand at `members`,
// with the blanks, commas and comments between them read from `text`.
bool ChildrenFromShape(ByteRange object, std::span<const ByteRange> members,
                       std::string_view text, std::vector<Child>* children) {
  children->clear();
  if (object.end > text.size() || object.end < object.begin + 2) return false;
  uint32_t at = object.begin + 1;
  for (const ByteRange& member : members) {
    if (member.begin < at || member.end <= member.begin ||
        member.end >= object.end || !LexGap(text, at, member.begin, children))
      return false;
    children->push_back({member, Piece::kMember});
    at = member.end;
  }
  return LexGap(text, at, object.end - 1, children);
}

}  // namespace

bool EditsKeepSyntax(TSNode root, std::string_view text, const EditSet& edits) {
  if (ts_node_is_null(root) || ts_node_has_error(root)) return false;
  // Each edit with its object, grouped by object (an object is known by
  // where it starts: no two start at one brace), in source order within.
  struct Owned {
    uint32_t object_start;
    size_t index;
    TSNode object;
  };
  std::vector<Owned> owned;
  owned.reserve(edits.edits().size());
  EnclosingNodes enclosing(root);
  for (size_t i = 0; i < edits.edits().size(); ++i) {
    TSNode object = enclosing.Of(edits.edits()[i].range);
    if (std::strcmp(ts_node_type(object), "object") != 0) return false;
    owned.push_back({ts_node_start_byte(object), i, object});
  }
  auto before = [](const Owned& a, const Owned& b) {
    return a.object_start < b.object_start;
  };
  // Mostly in order already: a call's outer object, then the inner ones.
  if (!std::is_sorted(owned.begin(), owned.end(), before))
    std::stable_sort(owned.begin(), owned.end(), before);
  Scratch scratch;
  std::vector<const Edit*> group;
  for (size_t i = 0; i < owned.size(); ++i) {
    group.push_back(&edits.edits()[owned[i].index]);
    bool last = i + 1 == owned.size() ||
                owned[i + 1].object_start != owned[i].object_start;
    if (!last) continue;
    if (!ObjectStaysObject(owned[i].object, text, group, &scratch))
      return false;
    group.clear();
  }
  return true;
}

bool EditsKeepSyntax(const ObjectShapes& shapes, std::string_view text,
                     const EditSet& edits) {
  if (shapes.empty() || edits.empty()) return false;
  // Edits come sorted; an object's edits are gathered in that order, its
  // nested objects' edits in between.
  struct Owned {
    int shape;
    const Edit* edit;
  };
  std::vector<Owned> owned;
  owned.reserve(edits.edits().size());
  for (const Edit& edit : edits.edits()) {
    int shape = shapes.Innermost(edit.range);
    if (shape < 0) return false;
    owned.push_back({shape, &edit});
  }
  std::stable_sort(
      owned.begin(), owned.end(),
      [](const Owned& a, const Owned& b) { return a.shape < b.shape; });
  Scratch scratch;
  std::vector<const Edit*> group;
  for (size_t i = 0; i < owned.size(); ++i) {
    group.push_back(owned[i].edit);
    if (i + 1 < owned.size() && owned[i + 1].shape == owned[i].shape) continue;
    const ObjectShapes::Shape& shape = shapes.shape(owned[i].shape);
    if (!ChildrenFromShape(shape.range, shapes.MembersOf(shape), text,
                           &scratch.children) ||
        !ChildrenStayMembers(shape.range, text, scratch.children, group,
                             &scratch))
      return false;
    group.clear();
  }
  return true;
}

}  // namespace psm
