// libFuzzer target: the rules loader (ParseRules) on arbitrary bytes.
//
// Invariants:
//   1. no crash, no uncaught exception, no sanitizer report;
//   2. exactly one of `table` / `error` is meaningful: on failure the error
//      names a place (JSON pointer or "line L, column C") and a cause;
//   3. on success every method has a non-empty type equal to its key, a
//      non-empty name, and every removed path is a dotted path of non-empty
//      segments;
//   4. merging the table into the built-in one keeps every entry findable.
//   5. the error message is one line, as the README promises for malformed
//      rules files (PSM_FUZZ_STRICT=0 in the environment turns this off).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "rules/rule_table.h"

namespace {

[[noreturn]] void Fail(const char* what, std::string_view input, const std::string& detail) {
  std::fprintf(stderr,
               "\n=== fuzz_rules invariant broken: %s\n%s\n--- input (%zu bytes) ---\n%.*s\n---\n",
               what, detail.c_str(), input.size(), static_cast<int>(input.size()),
               input.data());
  std::abort();
}

// The one-line check is on unless PSM_FUZZ_STRICT=0.
bool Strict() {
  static const bool strict = [] {
    const char* v = std::getenv("PSM_FUZZ_STRICT");
    return !(v && std::string_view(v) == "0");
  }();
  return strict;
}

bool ValidPath(std::string_view path) {
  if (path.empty() || path.front() == '.' || path.back() == '.') return false;
  return path.find("..") == std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  psm::RulesResult result = psm::ParseRules(input, "fuzz-rules.json");
  if (!result.table) {
    const psm::RulesError& e = result.error;
    std::string line = e.ToString();
    if (e.where.empty() || e.message.empty()) Fail("error without place or cause", input, line);
    if (e.file != "fuzz-rules.json") Fail("error does not name the file", input, line);
    if (Strict() && line.find_first_of("\r\n") != std::string::npos) {
      Fail("error message is not one line", input, line);
    }
    return 0;
  }
  psm::RuleTable merged = psm::BuiltinRules();
  merged.Merge(*result.table);
  for (const auto& [key, rule] : result.table->methods()) {
    if (rule.type.empty()) Fail("method with an empty type", input, key);
    if (rule.type != key) Fail("method type differs from its key", input, key + " vs " + rule.type);
    if (rule.name.empty()) Fail("method with an empty name", input, key);
    for (const std::string& path : rule.remove) {
      if (!ValidPath(path)) Fail("removed path is not a dotted path", input, key + ": " + path);
    }
    if (merged.Find(key) == nullptr) Fail("merged table lost a method", input, key);
  }
  return 0;
}
