#include "find/scope.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "syntax/language.h"
#include "syntax/node.h"
#include "syntax/tree.h"

namespace psm {
namespace {

// "kind@offset" of what `name` at `use` resolves to.
std::string Describe(const Binding& b) {
  if (b.kind == Binding::Kind::kNotFound) return "global";
  return std::to_string(static_cast<int>(b.kind)) + "@" +
         std::to_string(ts_node_start_byte(b.declarator)) + "/" +
         std::to_string(b.assignments.size());
}

// What every identifier of `source` resolves to, in source order: with
// the file's index (how the tool runs) when `indexed`, by walking the
// scopes otherwise.
std::vector<std::string> ResolveEveryIdentifier(const std::string& source,
                                                bool indexed) {
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, source);
  std::vector<TSNode> identifiers;
  ForEachDescendant(tree.Root(), true, [&](TSNode n) {
    if (node::Is(n, "identifier")) identifiers.push_back(n);
  });
  std::vector<std::string> seen;
  auto resolve_all = [&] {
    for (TSNode n : identifiers) {
      std::string name(node::Text(n, source));
      seen.push_back(name + " " + std::to_string(ts_node_start_byte(n)) +
                     " -> " + Describe(ResolveName(name, n, source)));
    }
  };
  if (indexed) {
    IndexedTree index(tree.Root(), source);
    resolve_all();
  } else {
    resolve_all();
  }
  return seen;
}

// The index passes over statements where a name is not written as a word
// (FindDeclarator): it must find every declaration the walk finds, in
// every form, wherever the name also stands in strings, comments, longer
// names and uses before its declaration.
TEST(ScopeTest, TheIndexFindsWhatTheWalkFinds) {
  const std::vector<std::string> programs = {
      // Top-level declarations after many statements that only use them.
      "use(total); log('total'); // total\n"
      "function f() { return payload.amount + totals; }\n"
      "var payloadx = 1;\n"
      "const payload = { amount: total };\n"
      "let total = 3, other = total;\n"
      "dr.createSource(payload);\n",
      // Destructuring with renames, defaults and rests; arrays.
      "const { a, b: renamed, c = a, ...rest } = source;\n"
      "const [first, , third = first, ...others] = list;\n"
      "use(a, b, renamed, c, rest, first, third, others, source, list);\n",
      // Functions, classes, exports, hoisted vars in nested blocks.
      "use(build, Klass, shared, hoisted, later);\n"
      "export function build() { return Klass; }\n"
      "export class Klass {}\n"
      "export const shared = 1, later = shared;\n"
      "if (x) { { var hoisted = 2; } }\n",
      // Shadowing in functions, blocks, loops and catch clauses.
      "var p = 1;\n"
      "function g(p, q = p) { { let p = q; use(p); } return p; }\n"
      "for (let i = 0; i < p; i++) { use(i, p); }\n"
      "for (const k in p) use(k);\n"
      "try { use(p); } catch (p) { use(p); }\n"
      "const h = (p) => p + 1; use(h(p));\n",
      // Assignments, a name declared twice, names only in strings.
      "var payload = {};\n"
      "payload = { type: 'card' };\n"
      "function w() { payload = null; var payload; return payload; }\n"
      "var payload;\n"
      "use('notdeclared', notdeclared);\n",
      // `var` only in a string and a comment, in a nested function, in a
      // loop head: what the word `var` does and does not declare.
      "use(v1, v2, v3);\n"
      "const s = 'var v1 = 1'; // var v2\n"
      "function inner() { var v2 = 3; use(v2); }\n"
      "for (var v3 = 0; v3 < 1; v3++) use(v3);\n",
  };
  for (const std::string& program : programs) {
    SCOPED_TRACE(program);
    EXPECT_EQ(ResolveEveryIdentifier(program, true),
              ResolveEveryIdentifier(program, false));
  }
}

TEST(ScopeTest, ADeclarationAfterItsUsesIsFound) {
  std::string source =
      "function pay() { dr.createSource(payload); }\n"
      "var unrelated = 'payload';\n"
      "const payload = { amount: 1 };\n";
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, source);
  IndexedTree index(tree.Root(), source);
  size_t at = source.find("payload");
  TSNode use = ts_node_descendant_for_byte_range(
      tree.Root(), static_cast<uint32_t>(at), static_cast<uint32_t>(at + 7));
  Binding b = ResolveName("payload", use, source);
  EXPECT_EQ(b.kind, Binding::Kind::kVariable);
  EXPECT_EQ(ts_node_start_byte(b.declarator), source.rfind("payload = {"));
  EXPECT_TRUE(b.is_const);
}

// TypeScript names a class declaration with a `type_identifier`: the class
// is the file's own, not a global (a same-file builder class was reported
// as "a global no file of the project defines").
TEST(ScopeTest, ATypeScriptClassDeclarationIsFound) {
  std::string source =
      "function pay() { return new Request().build(); }\n"
      "export class Request { build() { return {}; } }\n";
  for (Language language : {Language::kTypeScript, Language::kJavaScript}) {
    Parser parser;
    Tree tree = parser.Parse(language, source);
    IndexedTree index(tree.Root(), source);
    size_t at = source.find("Request");
    TSNode use = ts_node_descendant_for_byte_range(
        tree.Root(), static_cast<uint32_t>(at), static_cast<uint32_t>(at + 7));
    Binding b = ResolveName("Request", use, source);
    EXPECT_EQ(b.kind, Binding::Kind::kClass);
    EXPECT_EQ(ts_node_start_byte(b.declarator), source.find("class Request"));
  }
}

// The name of a function expression is bound inside it only: seen from
// its own name node it is not found, and has no uses to list (this
// crashed on `module.exports = function build(cart) {...}`).
TEST(ScopeTest, AFunctionExpressionsNameHasNoUsesOutsideIt) {
  std::string source =
      "module.exports = function build(cart) { return { amount: 1 }; };\n";
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, source);
  for (bool indexed : {false, true}) {
    std::optional<IndexedTree> index;
    if (indexed) index.emplace(tree.Root(), source);
    size_t at = source.find("build");
    TSNode name = ts_node_descendant_for_byte_range(
        tree.Root(), static_cast<uint32_t>(at), static_cast<uint32_t>(at + 5));
    Binding b = ResolveName("build", name, source);
    EXPECT_EQ(b.kind, Binding::Kind::kNotFound);
    EXPECT_TRUE(UsesOf(b, "build", source).empty());
    EXPECT_TRUE(IdentifierUses("build", TSNode{}, source).empty());
  }
}

}  // namespace
}  // namespace psm
