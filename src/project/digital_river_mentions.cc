// Linker::ProjectNamesDigitalRiver: any trace of DigitalRiver.js in the
// project, from the words its files name.

#include <array>
#include <string_view>

#include "project/module_linker.h"

namespace psm {

bool Linker::ProjectNamesDigitalRiver() {
  if (names_digital_river_) return *names_digital_river_;
  // Whole words, as the word index splits them: `Acme\DigitalRiver\Model`,
  // 'digitalriver/general/key', https://js.digitalriverws.com/v1/... Also
  // the platforms DigitalRiver ships extensions for, whose extension may
  // be installed under an ignored vendor/ and named only in XML the tool
  // does not read: Magento, and the WordPress plugin's `drgc` prefix.
  constexpr std::array<std::string_view, 13> kWords = {
      "createSource",  "DigitalRiver",  "digitalriver",   "digitalRiver",
      "digital_river", "DIGITAL_RIVER", "digitalriverws", "DigitalRiverJs",
      "Digitalriver",  "Magento",       "magento",        "drgc",
      "DRGC"};
  names_digital_river_ = false;
  for (std::string_view word : kWords) {
    if (!FilesNaming(std::string(word)).empty()) {
      names_digital_river_ = true;
      break;
    }
  }
  return *names_digital_river_;
}

}  // namespace psm
