#ifndef PSM_CLI_TERMINAL_H_
#define PSM_CLI_TERMINAL_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace psm {

// Whether to colour output on a stream: --color always/never, or auto =
// a terminal and no NO_COLOR in the environment.
bool UseColor(std::string_view setting, int fd);

// A unified diff with ANSI colours (headers bold, hunks cyan, - red, + green).
std::string ColorizeDiff(std::string_view diff);

std::string Paint(std::string_view text, const char* ansi, bool color);

// "[120/10906] files, 3400 files/s" on one rewritten stderr line, at most
// every 100 ms; only on a terminal.
class Progress {
 public:
  Progress(size_t total, bool enabled);
  void Tick(size_t done);
  void Clear();

 private:
  size_t total_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace psm

#endif  // PSM_CLI_TERMINAL_H_
