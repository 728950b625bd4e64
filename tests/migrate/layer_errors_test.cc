// A file read in two layers (a PHP file: its PHP and its scripts) is
// rewritten only if every layer parses no worse afterwards, whichever
// layer the edits were planned in.
#include "migrate/layer_errors.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "migrate/file_migrator.h"
#include "rules/rule_table.h"

namespace psm {
namespace {

namespace fs = std::filesystem;

TEST(LayerErrorsTest, CountsAPhpFilesPhpAndItsScriptsApart) {
  Parser parser;
  std::string_view text = "<?php $a = ; ?>\n<script>var x = ;</script>\n";
  LayerErrors errors =
      CountLayerErrors("t.php", Language::kJavaScript, text, parser);
  EXPECT_GT(errors.php, 0);
  EXPECT_GT(errors.scripts, 0);
  LayerErrors script_only =
      CountLayerErrors("t.js", Language::kJavaScript, "var x = ;", parser);
  EXPECT_EQ(script_only.php, 0);
  EXPECT_GT(script_only.scripts, 0);
}

TEST(LayerErrorsTest, FewerErrorsInOneLayerDoNotPayForMoreInTheOther) {
  Parser parser;
  // Before: two PHP errors, clean scripts. After: clean PHP, one script
  // error. Fewer in total, still worse.
  std::string_view before =
      "<?php $a = ; $b = ; ?>\n<script>var x = 1;</script>\n";
  std::string_view after =
      "<?php $a = 1; $b = 2; ?>\n<script>var x = ;</script>\n";
  EXPECT_FALSE(
      ParsesNoWorse("t.php", Language::kJavaScript, before, after, parser));
  EXPECT_TRUE(
      ParsesNoWorse("t.php", Language::kJavaScript, after, after, parser));
  // The other way round the scripts get better but the PHP worse.
  EXPECT_FALSE(
      ParsesNoWorse("t.php", Language::kJavaScript, after, before, parser));
}

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Every input that once broke fuzz_migrate, read as each kind of file the
// fuzzer tries: the migrated text parses no worse in any layer and a
// second run leaves it as it is. (Three of them are PHP templates full of
// errors where an edit in one layer changed the other's error recovery.)
TEST(LayerErrorsTest, FuzzRegressionInputsParseNoWorseInEveryLayer) {
  fs::path dir = fs::path(PSM_SOURCE_DIR) / "fuzz/regressions/fuzz_migrate";
  // As the fuzzer runs: explicit session ids, and the placeholders.
  PlanOptions explicit_ids;
  explicit_ids.session_id = "checkout.payment.session.id";
  explicit_ids.php_session_id = "$this->session->getDrSessionId()";
  explicit_ids.include_minified = true;
  Parser parser, check;
  int inputs = 0, changed = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string input = ReadBytes(entry.path());
    ++inputs;
    for (std::string_view path :
         {"fuzz.js", "fuzz.ts", "fuzz.html", "fuzz.php", "fuzz.phtml"}) {
      for (const PlanOptions& options : {explicit_ids, PlanOptions{}}) {
        Language language =
            path == "fuzz.ts" ? Language::kTypeScript : Language::kJavaScript;
        Migration m =
            MigrateText(path, input, language, BuiltinRules(), options, parser);
        std::string output(m.migrated_text());
        changed += m.result.changed;
        SCOPED_TRACE(entry.path().filename().string() + " as " +
                     std::string(path));
        LayerErrors was = CountLayerErrors(path, language, input, check);
        LayerErrors is = CountLayerErrors(path, language, output, check);
        EXPECT_LE(is.php, was.php);
        EXPECT_LE(is.scripts, was.scripts);
        Migration again = MigrateText(path, output, language, BuiltinRules(),
                                      options, parser);
        EXPECT_EQ(again.migrated_text(), output);
      }
    }
  }
  EXPECT_GE(inputs, 8);
  EXPECT_GT(changed, 0);  // the check is not vacuous: some inputs do change
}

}  // namespace
}  // namespace psm
