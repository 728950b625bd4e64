#include "find/global_declarations.h"

#include <gtest/gtest.h>

#include <string>

#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {
namespace {

GlobalDeclaration Of(const std::string& source, const std::string& name) {
  Parser parser;
  Tree tree = parser.Parse(Language::kTypeScript, source);
  return GlobalDeclarationOf(tree.Root(), name, source);
}

TEST(GlobalDeclarationsTest, AScriptsAmbientVariableTypedInPlace) {
  GlobalDeclaration d = Of(
      "interface Pay { type: string; amount: number }\n"
      "declare const dr: { createSource(p: Pay): Promise<any> };\n",
      "dr");
  EXPECT_EQ(d.line, 2);
  EXPECT_EQ(d.typing_line, 2);
  EXPECT_TRUE(d.named_type.empty());
}

TEST(GlobalDeclarationsTest, ANamedTypeIsLeftForOtherFilesWhenNotHere) {
  GlobalDeclaration d = Of("declare var dr: DrApi<Pay>;\n", "dr");
  EXPECT_EQ(d.line, 1);
  EXPECT_EQ(d.typing_line, 0);
  EXPECT_EQ(d.named_type, "DrApi");
}

TEST(GlobalDeclarationsTest, AModuleDeclaresGlobalsOnlyInDeclareGlobal) {
  // A module's own top-level declarations are not globals.
  EXPECT_TRUE(ts_node_is_null(
      Of("export {};\ndeclare const dr: DrApi;\n", "dr").type));
  GlobalDeclaration d =
      Of("import type { X } from './x';\n"
         "declare global {\n"
         "  interface Window { drjs: { createSource(p: { amount: number }): "
         "void } }\n"
         "  var other: DrApi;\n"
         "}\n",
         "drjs");
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.typing_line, 3);
  EXPECT_EQ(Of("export {};\ndeclare global { var other: DrApi; }\n", "other")
                .named_type,
            "DrApi");
}

TEST(GlobalDeclarationsTest, AnyObjectAndOtherNamesTypeNothing) {
  GlobalDeclaration loose = Of(
      "declare const dr: { createSource(p: Record<string, unknown>): void };\n",
      "dr");
  EXPECT_EQ(loose.line, 1);
  EXPECT_EQ(loose.typing_line, 0);
  EXPECT_TRUE(ts_node_is_null(
      Of("declare const other: { createSource(p: { a: 1 }): void };\n", "dr")
          .type));
  // A Window member only through `interface Window`.
  EXPECT_TRUE(ts_node_is_null(
      Of("interface Doc { dr: { createSource(p: { a: 1 }): void } }\n", "dr")
          .type));
}

}  // namespace
}  // namespace psm
