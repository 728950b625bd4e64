// libFuzzer target: arbitrary bytes as a source file through the whole
// per-file pipeline (parse -> find -> plan -> apply -> re-parse).
//
// Invariants checked for the JavaScript and the TypeScript grammar, and for
// inputs holding `<script`, as an HTML file (the script-container path,
// where the checks parse the same-length JavaScript view of the markup):
//   1. no crash, no sanitizer report;
//   2. `changed` is true exactly when the text differs from the input;
//   3. if the input parses with 0 syntax errors, so does the output
//      (parsed from scratch, not incrementally as the tool does);
//   4. the tool never adds syntax errors (errors(out) <= errors(in));
//   5. MigrateText on its own output returns it unchanged (idempotency).
// A broken invariant prints the grammar, the input and the output, then
// aborts so libFuzzer saves the input as a crash artifact.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include "edit/site_plan.h"
#include "migrate/file_migrator.h"
#include "migrate/layer_errors.h"
#include "rules/rule_table.h"
#include "syntax/embedded_script.h"
#include "syntax/language.h"
#include "syntax/tree.h"

namespace {

// Inputs larger than this are not interesting and only slow the run.
constexpr size_t kMaxInput = 64 * 1024;

const char* Name(psm::Language language) {
  switch (language) {
    case psm::Language::kJavaScript: return "javascript";
    case psm::Language::kTypeScript: return "typescript";
    case psm::Language::kTsx: return "tsx";
    case psm::Language::kPhp:
      return "php";
  }
  return "?";
}

// Written with fwrite, not printf's %.*s, which stops at the first NUL byte
// (fuzz inputs hold many). PSM_FUZZ_DUMP=DIR also writes both texts to
// DIR/input and DIR/output, to diff them.
[[noreturn]] void Fail(const char* what, std::string_view path, psm::Language language,
                       std::string_view input, std::string_view output) {
  std::fprintf(stderr, "\n=== fuzz_migrate invariant broken (%.*s, %s grammar): %s\n",
               static_cast<int>(path.size()), path.data(), Name(language), what);
  std::fprintf(stderr, "--- input (%zu bytes) ---\n", input.size());
  std::fwrite(input.data(), 1, input.size(), stderr);
  std::fprintf(stderr, "\n--- output (%zu bytes) ---\n", output.size());
  std::fwrite(output.data(), 1, output.size(), stderr);
  std::fprintf(stderr, "\n---\n");
  if (const char* dir = std::getenv("PSM_FUZZ_DUMP")) {
    for (auto [name, text] : {std::pair{"/input", input}, std::pair{"/output", output}}) {
      if (FILE* file = std::fopen((std::string(dir) + name).c_str(), "wb")) {
        std::fwrite(text.data(), 1, text.size(), file);
        std::fclose(file);
      }
    }
  }
  std::abort();
}

// Syntax errors in `text` as the tool sees it, over every layer (a PHP
// file's PHP and its scripts; a script container's same-length JavaScript
// view, whose length is checked here too).
int Errors(psm::Parser& parser, std::string_view path, psm::Language language,
           std::string_view text) {
  if (psm::IsScriptContainer(path)) {
    psm::ScriptView view = psm::MaskScriptContainer(text);
    if (view.text.size() != text.size()) {
      Fail("the script view does not have the file's length", path, language, text, view.text);
    }
  }
  return psm::CountLayerErrors(path, language, text, parser).total();
}

// `tool_parser` is the one MigrateText reuses, as a worker thread does (for
// every grammar and both runs of one input); `check_parser` is independent.
// Both live for one input only: a parser kept across inputs pools freed
// subtrees, which unbalances malloc/free per input and makes libFuzzer run
// a full leak scan after most inputs (a third of the time, measured).
void Check(std::string_view path, psm::Language language, std::string_view input,
           const psm::PlanOptions& options, psm::Parser& tool_parser,
           psm::Parser& check_parser) {
  const psm::RuleTable& rules = psm::BuiltinRules();

  psm::Migration first = psm::MigrateText(path, input, language, rules, options, tool_parser);
  std::string_view output = first.migrated_text();
  if (first.result.changed != (output != input)) {
    Fail("`changed` disagrees with the text", path, language, input, output);
  }
  if (output == input) return;  // nothing else to check for an untouched file

  int errors_in = Errors(check_parser, path, language, input);
  int errors_out = Errors(check_parser, path, language, output);
  if (errors_in == 0 && errors_out != 0) {
    Fail("input parses cleanly but output has syntax errors", path, language, input, output);
  }
  if (errors_out > errors_in) {
    Fail("output has more syntax errors than input", path, language, input, output);
  }

  psm::Migration second = psm::MigrateText(path, output, language, rules, options, tool_parser);
  if (second.migrated_text() != output) {
    std::fprintf(stderr, "--- second run output ---\n%s\n", std::string(second.migrated_text()).c_str());
    Fail("not idempotent: a second run changed the output", path, language, input, output);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return 0;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // An explicit --session-id (and minified-looking code migrated too) for
  // JavaScript, the placeholder and the defaults for TypeScript: both
  // insertion paths get exercised on every input.
  static const psm::PlanOptions explicit_id = [] {
    psm::PlanOptions o;
    o.session_id = "checkout.payment.session.id";
    o.include_minified = true;
    return o;
  }();
  static const psm::PlanOptions defaults{};
  psm::Parser tool_parser, check_parser;
  Check("fuzz.js", psm::Language::kJavaScript, input, explicit_id, tool_parser, check_parser);
  Check("fuzz.ts", psm::Language::kTypeScript, input, defaults, tool_parser, check_parser);
  if (input.find("<script") != std::string_view::npos) {
    Check("fuzz.html", psm::Language::kJavaScript, input, explicit_id, tool_parser,
          check_parser);
  }
  // PHP payload arrays (and the scripts of a PHP template), with a
  // --php-session-id and with the placeholder.
  if (input.find("<?") != std::string_view::npos) {
    static const psm::PlanOptions php_id = [] {
      psm::PlanOptions o = explicit_id;
      o.php_session_id = "$this->session->getDrSessionId()";
      return o;
    }();
    Check("fuzz.php", psm::Language::kJavaScript, input, php_id, tool_parser,
          check_parser);
    Check("fuzz.phtml", psm::Language::kJavaScript, input, defaults,
          tool_parser, check_parser);
  }
  return 0;
}
