#include "cli/terminal.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "common/platform.h"

namespace psm {

bool UseColor(std::string_view setting, int fd) {
  if (setting == "always") return true;
  if (setting == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return IsTerminal(fd);
}

std::string Paint(std::string_view text, const char* ansi, bool color) {
  if (!color) return std::string(text);
  return std::string("\x1b[") + ansi + "m" + std::string(text) + "\x1b[0m";
}

std::string ColorizeDiff(std::string_view diff) {
  std::string out;
  size_t start = 0;
  while (start < diff.size()) {
    size_t nl = diff.find('\n', start);
    size_t end = nl == std::string_view::npos ? diff.size() : nl;
    std::string_view line = diff.substr(start, end - start);
    const char* ansi = nullptr;
    if (line.starts_with("---") || line.starts_with("+++"))
      ansi = "1";
    else if (line.starts_with("@@"))
      ansi = "36";
    else if (line.starts_with("-"))
      ansi = "31";
    else if (line.starts_with("+"))
      ansi = "32";
    out += ansi ? Paint(line, ansi, true) : std::string(line);
    if (nl != std::string_view::npos) out += '\n';
    start = end + 1;
  }
  return out;
}

Progress::Progress(bool enabled)
    : enabled_(enabled && IsTerminal(2)),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

void Progress::Tick(size_t done, size_t found, bool all_found) {
  constexpr size_t kShortRun = 200;
  if (!enabled_ || found <= kShortRun) return;
  bool last = all_found && done == found;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100) && !last) return;
  last_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  std::fprintf(stderr, "\r\x1b[K[%zu/%zu%s] files, %.0f files/s", done, found,
               all_found ? "" : "+", seconds > 0 ? done / seconds : 0.0);
  std::fflush(stderr);
  shown_ = true;
}

void Progress::Clear() {
  if (shown_) std::fputs("\r\x1b[K", stderr);
  shown_ = false;
}

}  // namespace psm
