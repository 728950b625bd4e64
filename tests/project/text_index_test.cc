#include "project/text_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "e2e/cli_harness.h"

namespace psm {
namespace {

using testing_cli::ScratchDir;

// The index must answer every file that names the needle (the project
// model's scans rely on it to find observers): a one-word needle as a
// whole word, a needle of several words with each of them, the first and
// last possibly inside longer words.
TEST(TextIndexTest, AnswersEveryFileNamingTheNeedle) {
  ScratchDir dir;
  std::vector<std::string> texts = {
      "export function buildPayPal(cart) {}\n",           // 0
      "import {buildPayPal} from './paypal-request';\n",  // 1
      "const rebuildPayPalCart = 1;\n",                   // 2: another name
      "const paypal = 'request';\n",        // 3: both words, apart
      "nothing here; mypaypal-requests\n",  // 4: inside longer words
  };
  std::vector<std::string> files;
  for (size_t i = 0; i < texts.size(); ++i) {
    std::string name = "f" + std::to_string(i) + ".js";
    dir.Write(name, texts[i]);
    files.push_back((dir.path() / name).string());
  }
  files.push_back((dir.path() / "missing.js").string());  // unreadable
  TextIndex index(files);
  EXPECT_EQ(index.MayContain("buildPayPal"), (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(index.MayContain("rebuildPayPalCart"), (std::vector<uint32_t>{2}));
  EXPECT_EQ(index.MayContain("PayPal"), std::vector<uint32_t>{});
  // Several words: a superset (file 3 has both words, not the string);
  // the caller checks the text of these few.
  EXPECT_EQ(index.MayContain("paypal-request"),
            (std::vector<uint32_t>{1, 3, 4}));
  EXPECT_EQ(index.MayContain("absent"), std::vector<uint32_t>{});
  // No word at all: every readable file may hold it.
  EXPECT_EQ(index.MayContain("{"), (std::vector<uint32_t>{0, 1, 2, 3, 4}));
}

bool IsWordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

// Every file that holds a needle, for needles cut from the files' own
// text at every place where a name can start and end (a one-word cut is a
// whole word; a longer cut may start and end inside words): never one
// missing.
TEST(TextIndexTest, NeverMissesAFileForAnyCutOfItsText) {
  ScratchDir dir;
  std::vector<std::string> texts = {"a.b = c_d$e + 'x-y';\n",
                                    "module.exports = {build};\n",
                                    "dr.createSource(p1.build(cart));\n"};
  std::vector<std::string> files;
  for (size_t i = 0; i < texts.size(); ++i) {
    std::string name = "g" + std::to_string(i) + ".js";
    dir.Write(name, texts[i]);
    files.push_back((dir.path() / name).string());
  }
  TextIndex index(files);
  int asked = 0;
  for (uint32_t f = 0; f < texts.size(); ++f) {
    const std::string& t = texts[f];
    for (size_t at = 0; at < t.size(); ++at) {
      for (size_t len = 1; at + len <= t.size() && len <= 12; ++len) {
        std::string cut = t.substr(at, len);
        bool one_word = std::all_of(cut.begin(), cut.end(), IsWordByte);
        bool starts_word = at == 0 || !IsWordByte(t[at - 1]);
        bool ends_word = at + len == t.size() || !IsWordByte(t[at + len]);
        if (one_word && !(starts_word && ends_word)) continue;
        ++asked;
        std::vector<uint32_t> got = index.MayContain(cut);
        EXPECT_TRUE(std::find(got.begin(), got.end(), f) != got.end())
            << "file " << f << " holds '" << cut << "'";
      }
    }
  }
  EXPECT_GT(asked, 100);
}

}  // namespace
}  // namespace psm
