#ifndef PSM_PROJECT_MAGENTO_THEMES_H_
#define PSM_PROJECT_MAGENTO_THEMES_H_

#include <string>
#include <string_view>
#include <vector>

namespace psm {

// The theme directories of a Magento project under `root`:
// `app/design/<area>/<Vendor>/<theme>` for the frontend and admin areas.
std::vector<std::string> MagentoThemeDirs(const std::string& root);

// The files the themes `theme_dirs` put in place of a module's web file:
// `<theme>/<Module_Name>/web/<rest>` for the id `Module_Name/<rest>`
// (`Acme_Dr/js/model/payloads`). Magento serves a theme's copy, not the
// module's, to the storefront using that theme.
std::vector<std::string> MagentoThemeCopies(
    const std::vector<std::string>& theme_dirs, std::string_view module,
    std::string_view rest);

}  // namespace psm

#endif  // PSM_PROJECT_MAGENTO_THEMES_H_
