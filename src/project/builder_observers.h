#ifndef PSM_PROJECT_BUILDER_OBSERVERS_H_
#define PSM_PROJECT_BUILDER_OBSERVERS_H_

#include <set>
#include <string>
#include <vector>

#include "find/call_site.h"
#include "project/module_linker.h"
#include "project/project_linker.h"

namespace psm {

// Where a builder that a call was traced to may be seen by code other than
// that call, each an observer of its whole payload:
//  - another file that names it and one of its modules (or a `this.x` field
//    it reads);
//  - an importer that reaches it without its name (see Linker::Reachers);
//  - a base class, up its `extends` chain, that calls it (`this.build()`).
// Files in `known` (the builder's callers and users) are not observers.
// `name` is the name other files would use for it.
std::vector<PayloadObserver> ObserversOfBuilder(
    Linker& linker, const LinkOptions& options, const Found& found,
    const ModuleRequest& request, const std::string& name,
    const std::set<std::string>& known);

// Whether `o` is an observer ObserversOfBuilder found in the file shown as
// `shown`: once that file turns out to be a user of the builder, it is
// known instead.
bool IsNamerIn(const PayloadObserver& o, const std::string& shown);

}  // namespace psm

#endif  // PSM_PROJECT_BUILDER_OBSERVERS_H_
