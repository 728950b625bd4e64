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
// every 100 ms; only on a terminal, and only for runs of more than 200
// files. While the walk is still finding files the total reads "10906+".
class Progress {
 public:
  explicit Progress(bool enabled);
  // `found`: files found so far; `all_found`: the walk is over.
  void Tick(size_t done, size_t found, bool all_found);
  void Clear();

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace psm

#endif  // PSM_CLI_TERMINAL_H_
