#ifndef PSM_TESTS_E2E_CLI_HARNESS_H_
#define PSM_TESTS_E2E_CLI_HARNESS_H_

// Runs the built binary as a user would, in a scratch directory.

#include <filesystem>
#include <string>

namespace psm::testing_cli {

// A konbini payload (the call at line 2, column 1) before and after
// `--session-id S`.
inline constexpr const char* kLegacyKonbini =
    "var dr = DigitalRiver('pk');\n"
    "dr.createSource({\n"
    "  type: 'konbini',\n"
    "  amount: 10,\n"
    "  currency: 'JPY'\n"
    "});\n";
inline constexpr const char* kMigratedKonbini =
    "var dr = DigitalRiver('pk');\n"
    "dr.createSource({\n"
    "  type: 'konbini',\n"
    "  sessionId: S\n"
    "});\n";

struct Outcome {
  int status = -1;
  std::string out;
  std::string err;
};

// A fresh directory under the system temp dir, removed on destruction.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  const std::filesystem::path& path() const { return path_; }
  void Write(const std::string& relative, const std::string& text) const;
  std::string Read(const std::string& relative) const;

 private:
  std::filesystem::path path_;
};

// The bytes of a file ("" when it cannot be read).
std::string ReadFile(const std::filesystem::path& path);

// Runs `command` through /bin/sh in `dir`; `{bin}` is replaced by the path of
// the payment-session-migrate binary.
Outcome Shell(const std::filesystem::path& dir, std::string command);

}  // namespace psm::testing_cli

#endif  // PSM_TESTS_E2E_CLI_HARNESS_H_
