#ifndef PSM_IO_SKIPPED_SOURCE_H_
#define PSM_IO_SKIPPED_SOURCE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "io/file_io.h"

namespace psm {

// A file skipped for its size or as binary is passed over as a note; but
// one whose bytes name createSource may hold a legacy call, and a --check
// (a pre-commit gate) that passed it would be saying what it never saw.

// Whether `bytes` call createSource (`.createSource(`, `['createSource'](`)
// and define it nowhere (`createSource:`, `createSource =`): a vendored
// copy of DigitalRiver.js, skipped for its size or a NUL byte, is the
// library, not a legacy call.
bool NamesCreateSource(std::string_view bytes);

// The same for the file at `path`, read in chunks through `buffer`: for a
// file too large to be read whole. False when it cannot be read.
bool FileNamesCreateSource(const std::string& path, ReadBuffer& buffer);

// The one line that says why such a file was not judged and what to do;
// `too_large`: skipped for its size (over `max_bytes`), else as binary.
std::string UnjudgedReason(bool too_large, size_t max_bytes);

}  // namespace psm

#endif  // PSM_IO_SKIPPED_SOURCE_H_
