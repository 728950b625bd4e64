#include "find/module_request.h"

#include <gtest/gtest.h>

#include <string>

#include "syntax/language.h"
#include "syntax/node.h"
#include "syntax/tree.h"

namespace psm {
namespace {

// "specifier|export" for the last use of `name` in `source` (the one in
// `use(name)`), or "-" when it is not imported.
std::string ImportOfLastUse(const std::string& source,
                            const std::string& name) {
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, source);
  size_t at = source.rfind("use(" + name) + 4;
  TSNode use = ts_node_descendant_for_byte_range(
      tree.Root(), static_cast<uint32_t>(at),
      static_cast<uint32_t>(at + name.size()));
  std::optional<ModuleRef> ref =
      ImportedAs(ResolveName(name, use, source), name, source);
  return ref ? ref->specifier + "|" + ref->exported : "-";
}

TEST(ModuleRequestTest, DynamicImportsWithALiteralSpecifier) {
  EXPECT_EQ(ImportOfLastUse("async function f() {\n"
                            "  const {build} = await import('./p.js');\n"
                            "  use(build);\n}",
                            "build"),
            "./p.js|build");
  EXPECT_EQ(ImportOfLastUse("async function f() {\n"
                            "  const {build: b} = await import('./p.js');\n"
                            "  use(b);\n}",
                            "b"),
            "./p.js|build");
  EXPECT_EQ(ImportOfLastUse("async function f() {\n"
                            "  const m = await import('./p.js');\n"
                            "  use(m);\n}",
                            "m"),
            "./p.js|*");
  EXPECT_EQ(ImportOfLastUse("import('./p.js').then(m => use(m));", "m"),
            "./p.js|*");
  EXPECT_EQ(ImportOfLastUse("import('./p.js').then(({a: x}) => use(x));", "x"),
            "./p.js|a");
}

TEST(ModuleRequestTest, ComputedOrOtherLoadsAreNotImports) {
  EXPECT_EQ(ImportOfLastUse("async function f(k) {\n"
                            "  const m = await import(`./${k}.js`);\n"
                            "  use(m);\n}",
                            "m"),
            "-");
  // The second parameter of the callback, and `then` of another promise.
  EXPECT_EQ(ImportOfLastUse("import('./p.js').then((m, x) => use(x));", "x"),
            "-");
  EXPECT_EQ(ImportOfLastUse("load('./p.js').then((m) => use(m));", "m"), "-");
}

TEST(ModuleRequestTest, AmdRequireCallbackParameters) {
  EXPECT_EQ(ImportOfLastUse("require(['./a', 'b/c'], function (a, c) {\n"
                            "  use(c);\n});",
                            "c"),
            "b/c|*");
  EXPECT_EQ(
      ImportOfLastUse("requirejs([cfg.x], function (x) { use(x); });", "x"),
      "-");
}

}  // namespace
}  // namespace psm
