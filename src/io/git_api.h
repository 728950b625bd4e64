#ifndef PSM_IO_GIT_API_H_
#define PSM_IO_GIT_API_H_

#include <git2.h>

#include <string>

namespace psm {

// The libgit2 functions the tool uses, loaded with dlopen on first use.
// Linking libgit2 would make every run load its dependency chain (TLS,
// Kerberos, SSH: ~2 ms of CPU, measured), while only --staged needs it (the
// walk reads ignore files itself, io/ignore.h); a pre-commit run on a few
// files must start in well under 10 ms.
#define PSM_GIT_FUNCTIONS(X)                                                   \
  X(git_libgit2_init)                                                          \
  X(git_libgit2_shutdown) X(git_libgit2_opts)                                  \
  X(git_error_last) X(git_repository_open_ext) X(git_repository_is_bare)       \
      X(git_repository_free) X(git_repository_workdir) X(git_repository_index) \
          X(git_index_get_bypath) X(git_index_free) X(git_index_open) X(git_blob_lookup)         \
              X(git_blob_rawcontent) X(git_blob_rawsize) X(git_blob_free)      \
                  X(git_revparse_single) X(git_tree_free)                      \
                      X(git_diff_tree_to_index) X(git_diff_num_deltas)         \
                          X(git_diff_get_delta) X(git_diff_free)

struct GitApi {
#define PSM_GIT_POINTER(name) decltype(&::name) name = nullptr;
  PSM_GIT_FUNCTIONS(PSM_GIT_POINTER)
#undef PSM_GIT_POINTER
};

// The loaded API, or nullptr when no libgit2 shared library can be found.
const GitApi* Git();

// `what`, then libgit2's message for its last error, if any.
std::string LastGitError(const char* what);

}  // namespace psm

#endif  // PSM_IO_GIT_API_H_
