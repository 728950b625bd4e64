#ifndef PSM_PROJECT_READERS_ELSEWHERE_H_
#define PSM_PROJECT_READERS_ELSEWHERE_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "find/call_site.h"
#include "migrate/file_links.h"
#include "project/module_linker.h"

namespace psm {

// Code in other files of the project that can reach a payload complete
// in its own file (SiteRequest::AsksForObservers): scripts using a global
// of a classic script the payload is kept in or built by, and PHP callers
// of the function that returns it that do not send it on as it is. Each
// sees every field: the site needs review, naming where they are.
class ReadersElsewhere {
 public:
  // `php_pages_elsewhere`: LinkOptions::php_pages_elsewhere.
  ReadersElsewhere(Linker& linker, bool php_pages_elsewhere)
      : linker_(linker), php_pages_elsewhere_(php_pages_elsewhere) {}

  // The observers of the payload `request` asks about, for the file
  // `caller` (absolute); none when no other file reaches it.
  // `*shape_only`: a PHP array leaving the server that no script of the
  // project hands to createSource (one observer says so).
  std::vector<PayloadObserver> Of(const std::string& caller,
                                  const SiteRequest& request,
                                  bool* shape_only = nullptr);

 private:
  Linker& linker_;
  bool php_pages_elsewhere_;
  // (script, global) -> the other files that use it: a file's sites often
  // share a global.
  std::map<std::pair<std::string, std::string>, std::vector<std::string>>
      global_readers_;
};

}  // namespace psm

#endif  // PSM_PROJECT_READERS_ELSEWHERE_H_
