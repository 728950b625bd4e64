#ifndef PSM_PROJECT_MAGENTO_PAGES_H_
#define PSM_PROJECT_MAGENTO_PAGES_H_

#include <map>
#include <string>
#include <string_view>

namespace psm {

// The pages of a Magento store that merge a requirejs-config.js or load a
// script, as far as its place in the project tells: a module's
// `view/adminhtml/` serves the admin, its `view/frontend/` the storefront,
// and a theme (`app/design/frontend/Vendor/theme/`) only the stores that
// use it. Empty fields: every area, every theme (`view/base/`, or a
// project that is not Magento's).
struct PageScope {
  std::string area;   // "frontend", "adminhtml" or ""
  std::string theme;  // "frontend/Vendor/theme" or ""
};

// `path` (absolute, under `root`): a config file or a script. A script in
// `view/base/` counts as the storefront's: createSource runs there.
PageScope PagesOf(const std::string& root, const std::string& path,
                  bool script);

// Whether a config merged into the pages `config` is on every page that
// loads a script of `script`'s pages.
enum class Reach { kAlways, kNever, kSometimes };
Reach ConfigReach(const PageScope& config, const PageScope& script);

// The RequireJS id Magento loads `file` by (`Vendor_Module/js/x` for
// `<module>/view/<area>/web/js/x.js` or a theme's
// `<theme>/Vendor_Module/web/js/x.js`); empty when it is not such a file.
// `modules`: module name -> directory, from registration.php files.
std::string MagentoIdOf(
    const std::string& root, const std::string& file,
    const std::map<std::string, std::string, std::less<>>& modules);

}  // namespace psm

#endif  // PSM_PROJECT_MAGENTO_PAGES_H_
