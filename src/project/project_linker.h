#ifndef PSM_PROJECT_PROJECT_LINKER_H_
#define PSM_PROJECT_PROJECT_LINKER_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "migrate/file_links.h"
#include "project/module_paths.h"

namespace psm {

class ProjectSurvey;

// A file whose createSource calls take their payload from other modules.
struct CallerFile {
  std::string path;     // as opened
  std::string display;  // as shown to the user
  std::vector<SiteRequest> requests;
};

struct LinkOptions {
  // Why the tool may not edit `path` in this run ("" when it may): it lies
  // outside the paths given, or the parallel run already reported it.
  std::function<std::string(const std::string&)> why_not_writable;
  std::function<std::string(const std::string&)> display;
  // Tells the user something about the run as a whole (one line), such as
  // a project taken without a marker that turned out large; may be empty.
  std::function<void(const std::string&)> note;
  // When the run read every file of the project already: those that may
  // define a createSource (absolute, sorted), the only ones that may give a
  // global its own (Linker::GlobalReceiver), so the project is not read
  // again for the name.
  std::optional<std::vector<std::string>> definers;
  // --no-ignore: the project's files include those its ignore files name.
  bool no_ignore = false;
  // --php-pages-elsewhere: a PHP payload array that leaves the server is
  // migrated by its shape although no script of the project is seen
  // handing it to createSource (the pages live in another repository).
  bool php_pages_elsewhere = false;
  // Keep the words of the project's files between runs, in the git
  // directory (KnownWords); --no-cache turns it off.
  bool word_store = true;
  // The project's files and their stamps, looked at while the run parsed
  // (ProjectSurvey::Start); used when it is of this project and settings.
  ProjectSurvey* survey = nullptr;
};

// Finds, for each request, the module file, the export (through
// re-exports) and the function, method or object in it that builds the
// payload, and says which files build payloads for which calls. Any other
// file of the project that names the builder and its module is an observer
// of every field: the tool cannot tell what it does with the payload.
std::map<std::string, FileLinks> LinkProject(
    const std::vector<CallerFile>& callers, const ModulePaths& paths,
    const LinkOptions& options);

}  // namespace psm

#endif  // PSM_PROJECT_PROJECT_LINKER_H_
