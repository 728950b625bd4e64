#include "io/git_index.h"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "common/platform.h"
#include "io/git_api.h"
#include "io/git_open.h"
#include "syntax/language.h"

namespace psm {
namespace {

namespace fs = std::filesystem;

// Owns the libgit2 objects of one read.
struct Session {
  git_repository* repo = nullptr;
  git_index* index = nullptr;
  git_tree* head = nullptr;
  git_diff* diff = nullptr;
  Session() { Git()->git_libgit2_init(); }
  ~Session() {
    Git()->git_diff_free(diff);
    Git()->git_tree_free(head);
    Git()->git_index_free(index);
    Git()->git_repository_free(repo);
    Git()->git_libgit2_shutdown();
  }
};

// `path` (relative to cwd) as a path relative to the repository's work tree.
// `path` (as given, relative to `cwd`) relative to the work tree, "" for
// the work tree itself: `.`, `..`, doubled and trailing slashes resolved as
// a shell would (`web/js/`, `../lib` from a subdirectory).
std::string InRepo(const std::string& workdir, const std::string& cwd,
                   const std::string& path) {
  fs::path absolute =
      fs::path(path).is_absolute() ? fs::path(path) : fs::path(cwd) / path;
  std::string normal = absolute.lexically_normal().generic_string();
  while (normal.size() > 1 && normal.ends_with("/")) normal.pop_back();
  if ((normal + "/") == workdir) return "";
  return normal.starts_with(workdir) ? normal.substr(workdir.size()) : normal;
}

// A path of the work tree as the user would name it from `cwd`.
std::string FromRepo(const std::string& workdir, const std::string& cwd,
                     const std::string& path) {
  fs::path absolute = fs::path(workdir + path);
  std::string relative =
      absolute.lexically_relative(fs::path(cwd)).generic_string();
  return relative.empty() ? absolute.generic_string() : relative;
}

bool ReadBlob(git_repository* repo, const git_oid* id, std::string* text) {
  git_blob* blob = nullptr;
  if (Git()->git_blob_lookup(&blob, repo, id) != 0) return false;
  text->assign(static_cast<const char*>(Git()->git_blob_rawcontent(blob)),
               static_cast<size_t>(Git()->git_blob_rawsize(blob)));
  Git()->git_blob_free(blob);
  return true;
}

bool Under(const std::string& path, const std::vector<std::string>& dirs) {
  for (const std::string& dir : dirs) {
    if (dir.empty() || path == dir || path.starts_with(dir + "/")) return true;
  }
  return false;
}

// The index the commit is built from: the one git names in
// GIT_INDEX_FILE when it runs a hook for `git commit -a` or `git commit
// <paths>` (a temporary index, `.git/index.lock` or
// `.git/next-index-*.lock`), else the repository's. Reading the
// repository's then judged the content before `-a` staged the changes, and
// legacy payloads were committed.
int OpenIndex(git_index** index, git_repository* repo) {
  const char* named = std::getenv("GIT_INDEX_FILE");
  if (named && *named) return Git()->git_index_open(index, named);
  return Git()->git_repository_index(index, repo);
}

}  // namespace

StagedFiles ReadStagedFiles(const std::string& cwd,
                            const std::vector<std::string>& paths) {
  StagedFiles out;
  if (!Git()) {
    out.error = kIsWebAssembly
                    ? "--staged: the WebAssembly build cannot read the git "
                      "index (it has no libgit2); name the staged files "
                      "instead (pre-commit does), or use the native build"
                    : "--staged: libgit2 is not installed (Debian package "
                      "libgit2-1.5)";
    return out;
  }
  Session s;
  if (std::string error; OpenGitRepository(&s.repo, cwd, &error) != 0) {
    out.error = "--staged: " + error;
    return out;
  }
  if (OpenIndex(&s.index, s.repo) != 0) {
    out.error = "--staged: " + LastGitError("cannot read the index");
    return out;
  }
  std::string workdir = Git()->git_repository_workdir(s.repo)
                            ? Git()->git_repository_workdir(s.repo)
                            : "";
  std::vector<std::string> dirs;
  for (const std::string& path : paths) {
    struct stat st;
    std::string in_repo = InRepo(workdir, cwd, path);
    bool is_dir = ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
    if (is_dir) {
      dirs.push_back(in_repo);
      continue;
    }
    const git_index_entry* entry =
        Git()->git_index_get_bypath(s.index, in_repo.c_str(), 0);
    // Named but of no type the tool reads: passed over, as in a run over
    // files (io/walk.cc).
    if (!IsMigratableExtension(path)) continue;
    StagedFile file{path, ""};
    if (entry && ReadBlob(s.repo, &entry->id, &file.text)) {
      out.files.push_back(std::move(file));
    } else if (!entry && ::stat(path.c_str(), &st) != 0) {
      out.missing.push_back(path);  // a typo must not pass the gate
    }
  }
  if (dirs.empty()) return out;
  git_object* head = nullptr;
  if (Git()->git_revparse_single(&head, s.repo, "HEAD^{tree}") == 0) {
    s.head = reinterpret_cast<git_tree*>(head);
  }  // no HEAD yet (first commit): everything staged is new
  if (Git()->git_diff_tree_to_index(&s.diff, s.repo, s.head, s.index,
                                    nullptr) != 0) {
    out.error =
        "--staged: " + LastGitError("cannot compare the index with HEAD");
    return out;
  }
  size_t count = Git()->git_diff_num_deltas(s.diff);
  for (size_t i = 0; i < count; ++i) {
    const git_diff_delta* delta = Git()->git_diff_get_delta(s.diff, i);
    if (delta->status == GIT_DELTA_DELETED) continue;
    std::string path = delta->new_file.path;
    if (!IsMigratableExtension(path) || !Under(path, dirs)) continue;
    StagedFile file{FromRepo(workdir, cwd, path), ""};
    if (ReadBlob(s.repo, &delta->new_file.id, &file.text))
      out.files.push_back(std::move(file));
  }
  return out;
}

struct IndexReader::Open {
  Session session;
  std::string workdir;
};

IndexReader::IndexReader(std::string cwd) : cwd_(std::move(cwd)) {}
IndexReader::~IndexReader() = default;

bool IndexReader::Read(const std::string& absolute, std::string* text) {
  if (!tried_) {
    tried_ = true;
    if (!Git()) return false;
    auto open = std::make_unique<Open>();
    Session& s = open->session;
    std::string error;  // IndexReader's callers read the file instead
    if (OpenGitRepository(&s.repo, cwd_, &error) != 0 ||
        OpenIndex(&s.index, s.repo) != 0 ||
        !Git()->git_repository_workdir(s.repo)) {
      return false;
    }
    open->workdir = Git()->git_repository_workdir(s.repo);
    open_ = std::move(open);
  }
  if (!open_) return false;
  std::string in_repo = InRepo(open_->workdir, cwd_, absolute);
  const git_index_entry* entry =
      Git()->git_index_get_bypath(open_->session.index, in_repo.c_str(), 0);
  return entry && ReadBlob(open_->session.repo, &entry->id, text);
}

}  // namespace psm
