#include "cli/run.h"

int main(int argc, char** argv) { return psm::RunCli(argc, argv); }
