#ifndef PSM_PROJECT_TEST_CODE_H_
#define PSM_PROJECT_TEST_CODE_H_

#include <string_view>

namespace psm {

// Whether `inside`, a path below the project root (from the root, with or
// without a leading '/'), is test code: a folder `test`, `__mocks__`, ...,
// or a `*.test.js`, `*.spec.ts` file. A hand-written fake of
// DigitalRiver.js there (`window.dr = { createSource: () => ok }`) is not
// what the shop's own pages call.
bool IsTestCode(std::string_view inside);

}  // namespace psm

#endif  // PSM_PROJECT_TEST_CODE_H_
