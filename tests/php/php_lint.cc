#include "php/php_lint.h"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace psm::testing_php {

bool HavePhp() {
  static const bool have = std::system("command -v php >/dev/null 2>&1") == 0;
  return have;
}

std::string PhpLint(std::string_view text) {
  std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      ("psm-lint-" + std::to_string(::getpid()) + ".php");
  {
    std::ofstream out(file, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  std::string command = "php -l '" + file.string() + "' 2>&1";
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  std::array<char, 512> buffer;
  while (pipe && std::fgets(buffer.data(), buffer.size(), pipe)) {
    output += buffer.data();
  }
  int status = pipe ? ::pclose(pipe) : -1;
  std::filesystem::remove(file);
  return status == 0 ? "" : output.empty() ? "php -l failed" : output;
}

}  // namespace psm::testing_php
