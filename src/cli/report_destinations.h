#ifndef PSM_CLI_REPORT_DESTINATIONS_H_
#define PSM_CLI_REPORT_DESTINATIONS_H_

#include <string>

#include "cli/options.h"

namespace psm {

// Why a report must not be written where it was asked to, or "": over a
// file the run reads, which the report would replace and lose (a path it
// is given, any source file, a rules file, the config file at
// `config_path`), or where another report goes. `options` with the
// config's rules files folded in (ApplyProjectConfig). Checked before
// anything is written.
std::string ReportDestinationProblem(const Options& options,
                                     const std::string& config_path);

}  // namespace psm

#endif  // PSM_CLI_REPORT_DESTINATIONS_H_
