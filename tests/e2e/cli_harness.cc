#include "e2e/cli_harness.h"

#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>

namespace psm::testing_cli {
namespace fs = std::filesystem;

ScratchDir::ScratchDir() {
  std::random_device random;
  path_ =
      fs::temp_directory_path() / ("psm-test-" + std::to_string(::getpid()) +
                                   "-" + std::to_string(random()));
  fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ignored);
  fs::remove_all(path_, ignored);
}

void ScratchDir::Write(const std::string& relative,
                       const std::string& text) const {
  fs::path file = path_ / relative;
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

std::string ScratchDir::Read(const std::string& relative) const {
  std::ifstream in(path_ / relative, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Outcome Shell(const fs::path& dir, std::string command) {
  for (size_t at; (at = command.find("{bin}")) != std::string::npos;) {
    command.replace(at, 5, PSM_BINARY);
  }
  fs::path out = dir / ".psm-test-stdout", err = dir / ".psm-test-stderr";
  std::string full = "cd '" + dir.string() + "' && ( " + command + " ) >'" +
                     out.string() + "' 2>'" + err.string() + "' </dev/null";
  int raw = std::system(full.c_str());
  Outcome run;
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  run.out = ReadFile(out);
  run.err = ReadFile(err);
  fs::remove(out);
  fs::remove(err);
  return run;
}

}  // namespace psm::testing_cli
