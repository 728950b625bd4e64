#include "find/session_api_finder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {
namespace {

// The lines of the session-aware calls that get a note.
std::vector<int> NotedLines(const std::string& source) {
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, source);
  std::vector<int> lines;
  for (const SessionApiSite& site : FindSessionApiSites(source, tree.Root()))
    lines.push_back(
        1 + static_cast<int>(std::count(
                source.begin(), source.begin() + site.call.begin, '\n')));
  return lines;
}

// Some elements take the session inside their own object; a sessionId
// there or at the top of the options needs no note, one elsewhere does.
TEST(SessionApiFinderTest, ElementSessionIdAtTheTopOrInTheElementsObject) {
  EXPECT_EQ(NotedLines(
                "const dr = new DigitalRiver('pk');\n"
                "dr.createElement('taxidentifier', {taxIdentifier: {sessionId: "
                "s, country: 'DE'}});\n"
                "dr.createElement('ideal', {ideal: {sessionId: s}});\n"
                "dr.createElement('ideal', {sessionId: s});\n"
                "dr.createElement('ideal', {ideal: {country: 'NL'}});\n"
                "dr.createElement('taxidentifier', {classes: {base: 'x'}});\n"),
            (std::vector<int>{5, 6}));
}

// Drop-in on an account page manages saved methods: no checkout, no note.
TEST(SessionApiFinderTest, TheDomsAndVirtualDomsCreateElementAreNotElements) {
  EXPECT_EQ(NotedLines("const dr = new DigitalRiver(k);\n"
                       "document.createElement('paypal');\n"
                       "React.createElement('ideal', {});\n"
                       "el.ownerDocument.createElement('ideal');\n"
                       "window.document.createElement('paypal');\n"
                       "dr.createElement('ideal', {style: {}});\n"),
            (std::vector<int>{6}));
}

TEST(SessionApiFinderTest, DropinManagingSavedMethodsNeedsNoSession) {
  EXPECT_EQ(
      NotedLines("const dr = new DigitalRiver('pk');\n"
                 "dr.createDropin({options: {flow: 'managePaymentMethods'}, "
                 "onSuccess: done});\n"
                 "dr.createDropin({options: {flow: 'checkout'}, onSuccess: "
                 "done});\n"
                 "dr.createDropin({flow: 'managePaymentMethods'});\n"),
      (std::vector<int>{3, 4}));
}

}  // namespace
}  // namespace psm
