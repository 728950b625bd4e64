// psm_raw_parse: parses every JavaScript/TypeScript file it is given with
// tree-sitter and does nothing else. It is the floor for any tree-sitter
// based tool on the same files and cores, which bench/run.sh compares
// payment-session-migrate against.
//
//   psm_raw_parse [-j N] [--max-file-size BYTES] [--list] PATH...
//
// PATHs are files or directories; directories are walked with the tool's
// walker (psm::CollectFiles: .js .mjs .cjs .jsx .ts .mts .cts .tsx, skipping
// node_modules, .git and symbolic links; no ignore files, so bench/bench.py
// checks that the tool scans the same files), and every file with a
// JavaScript/TypeScript grammar (psm::LanguageForPath) is read with the
// tool's reader (psm::ReadSourceFile: same size limit, same binary check)
// and parsed; each of N threads reuses one psm::Parser. Prints files and
// bytes parsed. --list prints those files instead, one a line.

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/heap_tuning.h"
#include "io/file_io.h"
#include "io/ignore.h"
#include "io/walk.h"
#include "syntax/language.h"
#include "syntax/tree.h"
#include "syntax/tree_allocator.h"

namespace {

struct Totals {
  std::atomic<size_t> files{0};
  std::atomic<size_t> bytes{0};
  std::atomic<size_t> skipped{0};
  std::atomic<size_t> failed{0};
  std::atomic<size_t> with_errors{0};
  std::atomic<size_t> other{0};  // walked, but no JS/TS grammar (.d.ts, markup)
};

int Usage() {
  std::fprintf(
      stderr,
      "usage: psm_raw_parse [-j N] [--max-file-size BYTES] [--list] PATH...\n"
      "  -j, --jobs N           parser threads (default: all cores)\n"
      "  --max-file-size BYTES  skip larger files (default 4 MiB, as the tool; "
      "0 = no limit)\n"
      "  --list                 print the files that would be parsed, and "
      "stop\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  psm::TuneHeap();              // as the tool does
  psm::InstallTreeAllocator();  // as the tool does
  unsigned jobs = std::thread::hardware_concurrency();
  size_t max_bytes = psm::kDefaultMaxFileBytes;
  std::vector<std::string> paths;
  bool list = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if ((arg == "-j" || arg == "--jobs") && i + 1 < argc) {
      jobs = static_cast<unsigned>(std::atoi(argv[++i]));
    } else if (arg.starts_with("-j") && arg.size() > 2) {
      jobs = static_cast<unsigned>(std::atoi(arg.c_str() + 2));
    } else if (arg == "--max-file-size" && i + 1 < argc) {
      max_bytes = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--list") {
      list = true;
    } else if (arg == "-h" || arg == "--help") {
      Usage();
      return 0;
    } else if (arg.starts_with("-") && arg != "-") {
      return Usage();
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty()) return Usage();
  if (jobs == 0) jobs = 1;
  if (max_bytes == 0) max_bytes = static_cast<size_t>(-1);

  auto started = std::chrono::steady_clock::now();
  // The tool's walk, ignore files included (in a git work tree they decide).
  psm::IgnoreRules ignore({}, {}, true);
  psm::WalkResult walk = psm::CollectFiles(paths, &ignore, jobs);
  for (const psm::WalkProblem& problem : walk.problems) {
    std::fprintf(stderr, "psm_raw_parse: %s: %s\n", problem.path.c_str(),
                 problem.message.c_str());
    if (problem.fatal) return 2;
  }

  if (list) {
    for (const std::string& path : walk.files) {
      if (psm::LanguageForPath(path)) std::printf("%s\n", path.c_str());
    }
    return 0;
  }

  Totals totals;
  std::atomic<size_t> next{0};
  auto worker = [&] {
    psm::Parser parser;      // one per thread, reused for every file
    psm::ReadBuffer buffer;  // likewise, as the tool's workers do
    for (size_t i; (i = next.fetch_add(1)) < walk.files.size();) {
      const std::string& path = walk.files[i];
      std::optional<psm::Language> language = psm::LanguageForPath(path);
      if (!language) {
        ++totals.other;
        continue;
      }
      psm::SourceView file = psm::ReadSourceFile(path, max_bytes, buffer);
      if (!file.error.empty()) {
        ++(file.skipped ? totals.skipped : totals.failed);
        continue;
      }
      psm::Tree tree = parser.Parse(*language, file.text);
      if (!tree.ok()) {
        ++totals.failed;
        continue;
      }
      if (ts_node_has_error(tree.Root())) ++totals.with_errors;
      ++totals.files;
      totals.bytes += file.text.size();
    }
  };
  if (jobs == 1) {
    worker();
  } else {
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
    for (std::thread& t : threads) t.join();
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
          .count();
  std::printf(
      "psm_raw_parse: %zu files, %zu bytes parsed (%.1f MB) in %.3f s on %u "
      "thread%s; "
      "%zu skipped (size/binary), %zu not JS/TS, %zu unreadable, %zu with "
      "syntax errors\n",
      totals.files.load(), totals.bytes.load(), totals.bytes.load() / 1e6,
      seconds, jobs, jobs == 1 ? "" : "s", totals.skipped.load(),
      totals.other.load(), totals.failed.load(), totals.with_errors.load());
  return totals.failed.load() == 0 ? 0 : 1;
}
