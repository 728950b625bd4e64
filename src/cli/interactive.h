#ifndef PSM_CLI_INTERACTIVE_H_
#define PSM_CLI_INTERACTIVE_H_

#include <cstdio>
#include <string_view>

#include "migrate/file_migrator.h"

namespace psm {

// What the user said about one site.
enum class Choice { kAccept, kSkip, kAcceptRest, kSkipRest, kQuit };

// Walks the sites of one migrated file like `git add -p`: prints each
// site's hunk on `out` and reads an answer line from `in`
// (y = apply, n = skip, a = apply this and the rest of the file,
//  d = skip the rest of the file, q = quit). Returns the accepted edits and
// marks the skipped sites in `m`. Sets `*quit` when the user quits.
EditSet ChooseEdits(std::string_view text, Migration& m, std::FILE* in,
                    std::FILE* out, bool color, bool* quit);

}  // namespace psm

#endif  // PSM_CLI_INTERACTIVE_H_
