// Linker::ProjectNamesDigitalRiver: any trace of DigitalRiver.js in the
// project, from the words its files name.

#include <array>
#include <string_view>

#include "project/module_linker.h"

namespace psm {

bool Linker::ProjectNamesDigitalRiver() {
  if (names_digital_river_) return *names_digital_river_;
  // Whole words, as the word index splits them: `Acme\DigitalRiver\Model`,
  // 'digitalriver/general/key', https://js.digitalriverws.com/v1/...
  constexpr std::array<std::string_view, 9> kWords = {
      "createSource",  "DigitalRiver",  "digitalriver",
      "digitalRiver",  "digital_river", "DIGITAL_RIVER",
      "digitalriverws", "DigitalRiverJs", "Digitalriver"};
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
