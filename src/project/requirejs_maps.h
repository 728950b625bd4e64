#ifndef PSM_PROJECT_REQUIREJS_MAPS_H_
#define PSM_PROJECT_REQUIREJS_MAPS_H_

#include <string>
#include <string_view>
#include <vector>

#include "project/config_scan.h"
#include "project/magento_pages.h"

namespace psm {

// The id a module asks for after RequireJS's `map`, or why the tool
// cannot tell which id the page loads.
struct MappedId {
  std::string id;      // the specifier itself when no map applies
  std::string unsure;  // set instead of `id`: a reason for a message
};

// The `map` sections of a project's requirejs-config.js files, applied as
// RequireJS does: the longest prefix of the id that any map names, the
// map of the most specific scope of the asking module before `'*'`. In a
// Magento project each config only reaches some pages (magento_pages.h):
// a map that changes the id on some of the pages that load the asking
// module and not on others, or two modules' configs that map the same id
// differently (the later one wins, in an order of modules the repository
// does not hold), leave the id unsure.
class RequireMaps {
 public:
  explicit RequireMaps(std::string root) : root_(std::move(root)) {}

  void Add(const std::string& config, std::vector<RequireMapEntry> entries);

  // `specifier` as the module in `importer` (a file, RequireJS id
  // `importer_id`, empty when not known) asks for it. An empty `importer`
  // stands for any page: every map applies, the first of two wins.
  MappedId Apply(const std::string& importer, const std::string& importer_id,
                 std::string_view specifier) const;

 private:
  struct Config {
    std::string path;
    PageScope pages;
    std::vector<RequireMapEntry> entries;
  };
  MappedId Pick(const std::vector<const Config*>& configs,
                const std::string& importer_id, std::string_view specifier,
                bool first_wins) const;
  std::string Shown(const std::string& path) const;

  std::string root_;
  std::vector<Config> configs_;
};

}  // namespace psm

#endif  // PSM_PROJECT_REQUIREJS_MAPS_H_
