#ifndef PSM_MIGRATE_BUILDER_SITES_H_
#define PSM_MIGRATE_BUILDER_SITES_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <vector>

#include "find/call_site.h"
#include "migrate/file_links.h"

namespace psm {

// One site per builder of this file that other files' createSource calls
// take their payload from (see FileLinks): its payload literals and every
// use in this file that can see them, the callers' observers, and any other
// use of the builder itself, which makes every field observed. `notes`
// gets, per site, the line telling where the calls are.
std::vector<CallSite> BuilderSites(std::string_view source, TSNode root,
                                   const FileLinks& links,
                                   std::vector<std::string>* notes);

// One site per call of a wrapper defined in another file (see
// WrapperCall): its argument is the payload, resolved here. `notes` gets
// the line naming the wrapper.
std::vector<CallSite> WrapperCallSites(std::string_view source, TSNode root,
                                       const FileLinks& links,
                                       std::vector<std::string>* notes);

// Drops the createSource calls of `sites` that are also calls of a wrapper
// in another file (see FileLinks::wrapper_calls) with a site of their own
// among `wrapper_sites` (`client.createSource({...})` of a class
// forwarding to DigitalRiver.js): that site carries what the wrapper does
// with the payload. So are calls that pass the wrapper no payload
// (`createSource('creditCard')`, `createSource(element)` of a context's
// `(type, data) => ...`). A call whose argument the wrapper site does not
// take (`client.createSource(this.payload)`) keeps its own site.
void GiveWayToWrapperCalls(TSNode root, const FileLinks& links,
                           const std::vector<CallSite>& wrapper_sites,
                           std::vector<CallSite>* sites);

// Drops the sites inside wrappers whose callers are sites instead, and
// gives the sites the project model could not link its reason (the
// answered ones are planned as usual, then reported with their builder's
// plan).
void ApplyLinks(const FileLinks& links, std::vector<CallSite>* sites,
                std::vector<PassedOverCall>* passed_over);

// The calls among `sites` whose payload comes, whole, from another module
// or from what a server sent, and, in a `classic_script`, those whose
// payload flows through its globals (which other scripts may read).
std::vector<SiteRequest> RequestsOf(const std::vector<CallSite>& sites,
                                    std::string_view source,
                                    bool classic_script);

}  // namespace psm

#endif  // PSM_MIGRATE_BUILDER_SITES_H_
