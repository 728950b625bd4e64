#ifndef PSM_PROJECT_BUILDER_REACH_H_
#define PSM_PROJECT_BUILDER_REACH_H_

#include <set>
#include <string>
#include <string_view>

namespace psm {

// How other files of a project may get at a payload builder that lives in
// another module (see Linker::Reachers): every such file may do anything
// with the payload, so the builder's fields stay unless none does.
struct BuilderReach {
  // The builder's module and the modules that re-export it (absolute);
  // Linker::Reachers adds the re-exporters it finds.
  std::set<std::string> modules;
  // The names it is exported and re-exported under (`build`,
  // `makePayload` of `export {build as makePayload} from`).
  std::set<std::string> names;
  // It is its module's whole export (`export default`, `module.exports =
  // function`, what an AMD factory returns): an importer calls it under a
  // name of its own.
  bool whole = false;
  // The exports that hold it as a member (`export default { paypal() {...}
  // }`, `export const payloads = {...}`): an importer that uses one as a
  // whole (`payloads[method](cart)`, handing it on) may call it.
  std::set<std::string> holders;
};

// The longest run of identifier bytes of a specifier stem: the word
// Linker::FilesNaming can look for (`request` of `paypal-request`).
std::string SearchWord(std::string_view stem);

}  // namespace psm

#endif  // PSM_PROJECT_BUILDER_REACH_H_
