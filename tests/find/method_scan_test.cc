#include "find/method_scan.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "find/session_api_finder.h"

namespace psm {
namespace {

bool MayCallMethod(std::string_view text, std::string_view name) {
  return MethodScan({name}).Scan(text) != 0;
}

TEST(MethodScanTest, FindsMemberCallsAcrossBlanksAndLines) {
  EXPECT_TRUE(MayCallMethod("dr.createSource(p)", "createSource"));
  EXPECT_TRUE(MayCallMethod("dr\n  .createSource(p)", "createSource"));
  EXPECT_TRUE(MayCallMethod("dr?.createSource(p)", "createSource"));
  EXPECT_TRUE(MayCallMethod("dr. createSource.call(dr, p)", "createSource"));
}

// The forms that take createSource off the DigitalRiver.js instance
// without a dot in front of it.
TEST(MethodScanTest, FindsComputedKeysAndDestructuredProperties) {
  EXPECT_TRUE(MayCallMethod("dr['createSource'](p)", "createSource"));
  EXPECT_TRUE(MayCallMethod("dr[ \"createSource\" ](p)", "createSource"));
  EXPECT_TRUE(MayCallMethod("dr?.[`createSource`](p)", "createSource"));
  EXPECT_TRUE(MayCallMethod("const { createSource } = dr;", "createSource"));
  EXPECT_TRUE(MayCallMethod("const {createSource: cs} = dr", "createSource"));
  EXPECT_TRUE(
      MayCallMethod("let { a,\n  createSource,\n} = dr", "createSource"));
  EXPECT_TRUE(MayCallMethod("var { createSource = f } = dr", "createSource"));
}

TEST(MethodScanTest, IgnoresNamesThatAreNotTakenOffAnObject) {
  EXPECT_FALSE(MayCallMethod("log('createSource')", "createSource"));
  EXPECT_FALSE(MayCallMethod("x['createSource ']", "createSource"));
  EXPECT_FALSE(MayCallMethod("x['createSource\"]", "createSource"));
  EXPECT_FALSE(MayCallMethod("f(a, createSource)", "createSource"));
  EXPECT_FALSE(MayCallMethod("{ createSource(p) {} }", "createSource"));
  EXPECT_FALSE(MayCallMethod("{ createSourceFile }", "createSource"));
}

TEST(MethodScanTest, IgnoresLookAlikesAndDefinitions) {
  EXPECT_FALSE(MayCallMethod("ts.createSourceFile(x)", "createSource"));
  EXPECT_FALSE(MayCallMethod("function createSource(type) {}", "createSource"));
  EXPECT_FALSE(MayCallMethod("mycreateSource()", "createSource"));
  EXPECT_FALSE(MayCallMethod("", "createSource"));
}

const MethodScan& ApiScan() {
  static const MethodScan scan(
      {"createSource", "retrieveAvailablePaymentMethods", "createDropin",
       "createElement"});
  return scan;
}

TEST(MethodScanTest, ReportsEachNameCalled) {
  const MethodScan& scan = ApiScan();
  EXPECT_EQ(scan.Scan("dr.createSource(p)"), 0b0001u);
  EXPECT_EQ(scan.Scan("a.createDropin(c); b.createElement('ideal')"), 0b1100u);
  EXPECT_EQ(scan.Scan("x.retrieveAvailablePaymentMethods({})"), 0b0010u);
  EXPECT_EQ(scan.Scan("createSource(); createDropin; .createElementFoo"), 0u);
}

TEST(MethodScanTest, StopsAtANameThatIsEnough) {
  std::string text = "dr.createSource(p);" + std::string(100, ' ') +
                     "dr.createDropin(c);";
  EXPECT_EQ(ApiScan().Scan(text, /*enough=*/0b0001), 0b0001u);
  EXPECT_EQ(ApiScan().Scan(text), 0b0101u);
}

// The vectorised scan looks at 16 bytes at a time and at the byte after
// each: a name must be found wherever its dot falls, up to the last byte.
TEST(MethodScanTest, FindsANameAtEveryOffsetAndAtTheEnd) {
  for (size_t pad = 0; pad < 40; ++pad) {
    for (std::string gap : {"", " ", "\n\t "}) {
      std::string text = std::string(pad, 'x') + "." + gap + "createSource";
      EXPECT_EQ(ApiScan().Scan(text), 1u) << "pad " << pad << " gap " << gap.size();
      EXPECT_EQ(ApiScan().Scan(text + "s"), 0u) << "pad " << pad;
      EXPECT_EQ(ApiScan().Scan(text.substr(0, text.size() - 1)), 0u);
    }
  }
}

// Random texts dense in punctuation, blanks and name fragments: the vectorised
// scan must agree with the byte-at-a-time reference everywhere.
TEST(MethodScanTest, AgreesWithTheBytewiseScanOnRandomText) {
  std::vector<std::string> pieces = {"crea",
                                     "retr",
                                     "createS",
                                     "createSource",
                                     "createDropin",
                                     "createElement",
                                     "é",
                                     "retrieveAvailablePaymentMethods"};
  for (char c : std::string_view(". \ncrx($['{,}:")) pieces.emplace_back(1, c);
  std::mt19937 random(7);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    size_t count = random() % 60;
    for (size_t k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    EXPECT_EQ(ApiScan().Scan(text), ApiScan().ScanBytewise(text)) << text;
  }
}

TEST(MayContainSessionApisTest, CreateElementCountsOnlyWithASessionElement) {
  constexpr unsigned kCreateElement = 0b100;
  EXPECT_TRUE(MayContainSessionApis("dr.createElement('ideal', o)", kCreateElement));
  EXPECT_TRUE(MayContainSessionApis("dr.createElement( \"PayPal\" )", kCreateElement));
  EXPECT_TRUE(MayContainSessionApis("dr.createElement(`taxIdentifier`)", kCreateElement));
  EXPECT_FALSE(MayContainSessionApis("document.createElement('div')", kCreateElement));
  EXPECT_FALSE(MayContainSessionApis("React.createElement(Ideal, {})", kCreateElement));
  EXPECT_FALSE(MayContainSessionApis("dr.createElement('ideal')", 0));
  EXPECT_TRUE(MayContainSessionApis("", 0b001));
}

}  // namespace
}  // namespace psm
