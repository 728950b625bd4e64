#ifndef PSM_CLI_RUN_H_
#define PSM_CLI_RUN_H_

namespace psm {

// The whole command line tool; returns the process exit status.
int RunCli(int argc, const char* const* argv);

}  // namespace psm

#endif  // PSM_CLI_RUN_H_
