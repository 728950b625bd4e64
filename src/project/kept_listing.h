#ifndef PSM_PROJECT_KEPT_LISTING_H_
#define PSM_PROJECT_KEPT_LISTING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/walk_sources.h"

namespace psm {

// The survey's list of a project's files (project/project_survey.h), kept
// between runs beside the word store: in a pre-commit run the walk was the
// largest part of what the project model added (issue 14; 1.6 ms of CPU
// for the 2,000 files of the bench's dense-git, more than the five files'
// parse).
//
// The list stands while every source the walk rested on has the stamp it
// had when the walk read it (io/walk_sources.h): a directory gains or loses
// an entry only with a new mtime and ctime, an ignore file or git setting
// changes only with a new stamp. What is looked at then is a stat() per
// directory instead of an open, two reads and a close, and no pattern is
// matched. Nothing is kept from a walk that met a problem, was stopped, or
// read a source changed in the last two seconds (a change within the same
// tick of a coarse clock would keep its stamp; the word store keeps no
// file that recent either).
//
// One file per project root and setting (`--no-ignore`, the environment
// that chooses git's configuration files) in the repository's git
// directory; one of another format, another release, or failing its
// checksum is ignored.
class KeptListing {
 public:
  // For the project at `root` (absolute); not Usable when the root is not
  // in a git work tree (nothing is kept then).
  KeptListing(std::string root, bool no_ignore);
  bool Usable() const { return !location_.empty(); }

  // The files of the kept walk (absolute, in its order) if it still stands.
  std::optional<std::vector<std::string>> Load() const;

  // Keeps `files` as walked with `sources`; false when nothing was kept.
  bool Save(const std::vector<std::string>& files,
            const std::vector<WalkSource>& sources) const;

 private:
  std::string root_;
  std::string settings_;  // what else the walk depended on
  std::string location_;
};

}  // namespace psm

#endif  // PSM_PROJECT_KEPT_LISTING_H_
