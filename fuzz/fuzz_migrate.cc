// libFuzzer target: arbitrary bytes as a source file through the whole
// per-file pipeline (parse -> find -> plan -> apply -> re-parse).
//
// Invariants checked for the JavaScript and the TypeScript grammar:
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

#include "edit/site_plan.h"
#include "migrate/file_migrator.h"
#include "rules/rule_table.h"
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
  }
  return "?";
}

[[noreturn]] void Fail(const char* what, psm::Language language, std::string_view input,
                       std::string_view output) {
  std::fprintf(stderr,
               "\n=== fuzz_migrate invariant broken (%s grammar): %s\n"
               "--- input (%zu bytes) ---\n%.*s\n--- output (%zu bytes) ---\n%.*s\n---\n",
               Name(language), what, input.size(), static_cast<int>(input.size()),
               input.data(), output.size(), static_cast<int>(output.size()),
               output.data());
  std::abort();
}

int Errors(psm::Parser& parser, psm::Language language, std::string_view text) {
  psm::Tree tree = parser.Parse(language, text);
  if (!tree.ok()) return -1;
  return psm::CountSyntaxErrors(tree.Root());
}

void Check(psm::Language language, std::string_view input, const psm::PlanOptions& options) {
  static psm::Parser tool_parser;   // the one MigrateText reuses, as a worker thread does
  static psm::Parser check_parser;  // independent, fresh parses only
  const psm::RuleTable& rules = psm::BuiltinRules();

  psm::Migration first =
      psm::MigrateText("fuzz.js", input, language, rules, options, tool_parser);
  const std::string& output = first.migrated_text;
  if (first.result.changed != (output != input)) {
    Fail("`changed` disagrees with the text", language, input, output);
  }
  if (output == input) return;  // nothing else to check for an untouched file

  int errors_in = Errors(check_parser, language, input);
  int errors_out = Errors(check_parser, language, output);
  if (errors_in == 0 && errors_out != 0) {
    Fail("input parses cleanly but output has syntax errors", language, input, output);
  }
  if (errors_out > errors_in) {
    Fail("output has more syntax errors than input", language, input, output);
  }

  psm::Migration second =
      psm::MigrateText("fuzz.js", output, language, rules, options, tool_parser);
  if (second.migrated_text != output) {
    std::fprintf(stderr, "--- second run output ---\n%s\n", second.migrated_text.c_str());
    Fail("not idempotent: a second run changed the output", language, input, output);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return 0;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // An explicit --session-id for JavaScript, the placeholder for TypeScript:
  // both insertion paths get exercised on every input.
  static const psm::PlanOptions explicit_id{"checkout.payment.session.id"};
  static const psm::PlanOptions placeholder{};
  Check(psm::Language::kJavaScript, input, explicit_id);
  Check(psm::Language::kTypeScript, input, placeholder);
  return 0;
}
