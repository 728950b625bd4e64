#include "io/walk_sources.h"

#include <utility>

namespace psm {

std::optional<FileStamp> AsSourceStamp(std::optional<FileStamp> stamp,
                                       bool identity) {
  if (stamp && identity) stamp = FileStamp{0, stamp->inode, 0, 0};
  return stamp;
}

std::optional<FileStamp> SourceStampOf(const std::string& path,
                                       bool identity) {
  return AsSourceStamp(StampOfAnything(path), identity);
}

void WalkSources::Note(const std::string& path) {
  WalkSource source{path, SourceStampOf(path, false)};
  std::lock_guard lock(mutex_);
  sources_.push_back(std::move(source));
}

void WalkSources::NoteIdentity(const std::string& path) {
  WalkSource source{path, SourceStampOf(path, true), true};
  std::lock_guard lock(mutex_);
  sources_.push_back(std::move(source));
}

std::vector<WalkSource> WalkSources::Take() {
  std::lock_guard lock(mutex_);
  return std::move(sources_);
}

}  // namespace psm
