#ifndef PSM_PROJECT_STORE_FILE_H_
#define PSM_PROJECT_STORE_FILE_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "io/file_stamp.h"

namespace psm {

// What the project model keeps between runs in the repository's git
// directory (project/word_store.h, project/kept_listing.h) shares these.

// The directory they live in, for the project whose root (absolute) is
// `root`; "" when the root is not inside a git work tree.
std::string StoreDirectoryFor(const std::string& root);

// WordHash of the tool's version: what a release keeps is its own.
uint64_t ToolStamp();

// A checksum that catches a file cut short or overwritten in part (a crash
// while another program wrote it, a disk error).
uint64_t StoreChecksum(const char* data, size_t size);

// A store file's checksum is worked out by the first run that reads it:
// that run notes the file's stamp beside it (`<location>.checked`), and a
// later run trusts a file that still has that stamp, as the store trusts
// any file's stamp (io/file_stamp.h). Issue 14: checking the bench's
// 1.8 MB word store was 0.3 ms of every pre-commit run's 2 ms of project
// model. Only a file stamped before KeepableBefore is noted: one written
// in the current tick of the file system's clock could change again and
// keep its stamp.
bool CheckedAlready(const std::string& location, const FileStamp& stamp);
void NoteChecked(const std::string& location, const FileStamp& stamp);

std::string HexOf(uint64_t v);

// Replaces the file at `location` with `size` bytes at `data`: written to a
// name of this process's own, then renamed over it, so a reader sees the
// old file or the new one. False when that cannot be done (a read-only git
// directory: the next run does without).
bool ReplaceStoreFile(const std::string& location, const char* data,
                      size_t size);

}  // namespace psm

#endif  // PSM_PROJECT_STORE_FILE_H_
