#ifndef PSM_IO_GIT_INDEX_H_
#define PSM_IO_GIT_INDEX_H_

#include <memory>
#include <string>
#include <vector>

namespace psm {

// A file as it is staged in the git index (what the next commit holds).
struct StagedFile {
  std::string path;  // relative to the working directory
  std::string text;
};

struct StagedFiles {
  std::vector<StagedFile> files;
  std::string error;  // set when there is no repository or it cannot be read
  // Paths named that are neither in the work tree nor in the index.
  std::vector<std::string> missing;
};

// Reads from the index of the repository around `cwd`: the files named in
// `paths` when they are files, else every staged change (added, copied,
// modified or renamed against HEAD) under the `paths` directories. Only
// files the tool migrates (by extension) are returned.
StagedFiles ReadStagedFiles(const std::string& cwd,
                            const std::vector<std::string>& paths);

// Reads files as the index of the repository around `cwd` holds them; the
// repository is opened once, on the first read (libgit2's set-up costs
// more than a read).
class IndexReader {
 public:
  explicit IndexReader(std::string cwd);
  ~IndexReader();

  // False when `absolute` is not in the index (untracked), or there is no
  // repository or libgit2.
  bool Read(const std::string& absolute, std::string* text);

 private:
  struct Open;
  std::string cwd_;
  std::unique_ptr<Open> open_;
  bool tried_ = false;
};

}  // namespace psm

#endif  // PSM_IO_GIT_INDEX_H_
