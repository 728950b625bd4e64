#ifndef PSM_TESTS_PROJECT_KNOWN_WORDS_TESTING_H_
#define PSM_TESTS_PROJECT_KNOWN_WORDS_TESTING_H_

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "io/file_io.h"
#include "project/known_words.h"

namespace psm::testing_project {

// Keeps files however recent while it lives (the tests write them a moment
// before the store is saved); the default is tested on its own in
// known_words_test.cc.
class KeepRecentWords {
 public:
  KeepRecentWords() { ::setenv("PSM_TEST_KEEP_RECENT_WORDS", "1", 1); }
  ~KeepRecentWords() { ::unsetenv("PSM_TEST_KEEP_RECENT_WORDS"); }
};

// What a run does with the files it asks about: reads and records each
// one `words` does not know. Returns how many it read.
inline int ReadUnknown(KnownWords& words,
                       const std::vector<std::string>& files) {
  DistinctWords scratch;
  int read = 0;
  for (uint32_t id = 0; id < files.size(); ++id) {
    if (words.Known(id)) continue;
    ++read;
    SourceFile file = ReadSourceFile(files[id], kDefaultMaxFileBytes);
    words.Record(id, ReadWords(file.text, scratch));
  }
  return read;
}

}  // namespace psm::testing_project

#endif  // PSM_TESTS_PROJECT_KNOWN_WORDS_TESTING_H_
