#ifndef PSM_IO_WALK_H_
#define PSM_IO_WALK_H_

#include <atomic>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace psm {

// Which files of a directory a walk takes, by name.
using FileNameFilter = bool (*)(std::string_view name);

struct WalkProblem {
  std::string path;
  std::string message;
  bool fatal = false;  // makes the exit status 2 (the walk itself goes on)
};

struct WalkResult {
  std::vector<std::string> files;  // sorted, without duplicates
  std::vector<WalkProblem> problems;
};

// Expands the user's paths into the files to process. Files named
// explicitly are always kept (pre-commit and lint-staged pass them that
// way; only --exclude/--include globs apply to them); directories are walked
// for JavaScript, TypeScript and script-container files, skipping
// node_modules and VCS directories, pruning ignored directories before
// descending, and never following symbolic links. A walk takes regular files
// only and passes over anything else (FIFOs, sockets, devices, links)
// without a word, as ripgrep does; such a thing named explicitly is a fatal
// problem ("not a regular file"), as a missing path is.
// `ignore` (optional) adds ignore files and globs; see io/ignore.h.
// `jobs` threads list directories (io/directory_reader.h); the result does
// not depend on it. Once `stop` (optional) is set, the walk ends early with
// what it found so far. `sources` (optional) notes each directory listed
// (io/walk_sources.h); the ignore rules note their own files.
class IgnoreRules;
class WalkSources;
WalkResult CollectFiles(const std::vector<std::string>& paths,
                        IgnoreRules* ignore = nullptr, unsigned jobs = 1,
                        const std::atomic<bool>* stop = nullptr,
                        WalkSources* sources = nullptr);

// What WalkFiles hands out: a file to process, or a problem met on the way.
struct WalkEntry {
  std::string path;
  std::string problem;  // empty for a file
  bool fatal = false;   // for a problem: makes the exit status 2
};

// The same walk as CollectFiles, streamed: `on_entry` gets each file (and
// each problem) as soon as it is found, in the same sorted order, so the
// files can be processed while the walk goes on. Stops early when
// `on_entry` returns false. With a single directory to walk the order
// comes from sorting each directory's entries (a directory sorts as
// "name/", which makes the walk's order the sorted order of full paths);
// several paths are collected, sorted and de-duplicated first.
void WalkFiles(const std::vector<std::string>& paths, IgnoreRules* ignore,
               const std::function<bool(WalkEntry)>& on_entry,
               unsigned jobs = 1);

// The files below the directory `root` whose names `wanted` takes, in the
// walk's order, pruned and ignored as a walk is (problems passed over): for
// files the tool reads but never processes (TypeScript declaration files).
std::vector<std::string> CollectFilesNamed(const std::string& root,
                                           IgnoreRules* ignore,
                                           FileNameFilter wanted);

}  // namespace psm

#endif  // PSM_IO_WALK_H_
