#ifndef PSM_CLI_RUN_MODES_H_
#define PSM_CLI_RUN_MODES_H_

#include <atomic>

#include "cli/file_job.h"
#include "cli/printer.h"

namespace psm {

// The modes that are not a run over files and directories (cli/run.cc):
// each returns the process exit status.

// --stdin: source in, migrated source out; findings and summary on stderr.
int RunStdin(const RunContext& ctx, Printer& printer);

// --staged: judges what the next commit holds; nothing is written. A set
// `interrupted` stops following linked files.
int RunStaged(const RunContext& ctx, Printer& printer,
              const std::atomic<bool>& interrupted);

// --interactive: one file at a time, site by site, then writes what was
// accepted.
int RunInteractive(const RunContext& ctx, Printer& printer);

}  // namespace psm

#endif  // PSM_CLI_RUN_MODES_H_
