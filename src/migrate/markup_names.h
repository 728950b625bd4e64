#ifndef PSM_MIGRATE_MARKUP_NAMES_H_
#define PSM_MIGRATE_MARKUP_NAMES_H_

#include <string_view>
#include <vector>

#include "find/call_site.h"

namespace psm {

// In a markup file (`text`, and `view`: the same bytes with everything but
// the scripts blanked), a template may read a module-level variable the
// payload flows through (`{{ payload.amount }}` in a Vue template, an
// Alpine or Knockout binding): the script's syntax tree cannot see that
// read. Every such name that also appears as a word outside the scripts
// becomes an observer of the whole payload.
void ObserveMarkupNames(std::string_view text, std::string_view view,
                        std::vector<CallSite>* sites);

}  // namespace psm

#endif  // PSM_MIGRATE_MARKUP_NAMES_H_
