// End-to-end: a session expression from the command line or the config
// goes into each payload as one value, and only where it can run.
#include <gtest/gtest.h>

#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

constexpr const char* kTwoFunctions = R"(async function later(dr) {
  return dr.createSource({ type: 'codJapan', amount: 1, owner: o });
}

function now(dr) {
  return dr.createSource({ type: 'codJapan', amount: 1, owner: o });
}
)";

TEST(SessionExpressionCliTest, ASequenceIsInsertedInParentheses) {
  ScratchDir dir;
  dir.Write("pay.js", kTwoFunctions);
  ASSERT_EQ(Shell(dir.path(),
                  "{bin} --no-config --write -q --session-id "
                  "'track(), sid' pay.js")
                .status,
            0);
  std::string out = dir.Read("pay.js");
  EXPECT_NE(out.find("sessionId: (track(), sid), owner"), std::string::npos)
      << out;
}

// The config's expressions, by path, are read the way --session-id is.
TEST(SessionExpressionCliTest, ConfigExpressionsAreReadTheSameWay) {
  ScratchDir dir;
  dir.Write("src/pay.js", kTwoFunctions);
  dir.Write("lib/pay.js", kTwoFunctions);
  dir.Write(".payment-session-migrate.json",
            R"j({"sessionIds": {"src/**": "a, b", "lib/**": "await sid()"}})j");
  Shell(dir.path(), "{bin} --write -q src lib");
  EXPECT_NE(dir.Read("src/pay.js").find("sessionId: (a, b), owner"),
            std::string::npos);
  std::string lib = dir.Read("lib/pay.js");
  EXPECT_NE(lib.find("sessionId: await sid(), owner"), std::string::npos);
  EXPECT_EQ(lib.find("sessionId", lib.find("function now")), std::string::npos)
      << lib;
}

TEST(SessionExpressionCliTest, AwaitGoesOnlyIntoAsyncFunctions) {
  ScratchDir dir;
  dir.Write("pay.js", kTwoFunctions);
  Outcome run = Shell(dir.path(),
                      "{bin} --no-config --write --session-id "
                      "'await getSid()' pay.js");
  std::string out = dir.Read("pay.js");
  EXPECT_NE(out.find("sessionId: await getSid(), owner"), std::string::npos);
  EXPECT_NE(out.find("function now(dr) {\n  return dr.createSource({ type: "
                     "'codJapan', amount: 1, owner: o });"),
            std::string::npos)
      << out;
  EXPECT_NE(run.err.find("pay.js:6:10: codJapan payload needs review: the "
                         "session expression `await getSid()` uses await, "
                         "but line 6, where it would go, is not inside an "
                         "async function"),
            std::string::npos)
      << run.err;
}

// `this` in the expression is the object of the function it runs in: a
// payload built in the method that calls createSource, or in a sibling
// method, gets it; one built once at the top of the script would read
// another object.
TEST(SessionExpressionCliTest, ThisMustBeTheCallsThis) {
  ScratchDir dir;
  dir.Write("pay.js",
            "var shared = { type: 'codJapan', amount: 1, owner: o };\n"
            "class Checkout {\n"
            "  payShared(dr) { return dr.createSource(shared); }\n"
            "  payOwn(dr) {\n"
            "    const p = { type: 'codJapan', amount: 2, owner: o };\n"
            "    return dr.createSource(p);\n"
            "  }\n"
            "  build() { return { type: 'codJapan', amount: 3, owner: o }; }\n"
            "  payBuilt(dr) { return dr.createSource(this.build()); }\n"
            "}\n");
  Outcome run = Shell(dir.path(),
                      "{bin} --no-config --write --session-id "
                      "this.session.id pay.js");
  std::string out = dir.Read("pay.js");
  EXPECT_NE(out.find("amount: 1, owner"), std::string::npos) << out;
  EXPECT_NE(out.find("sessionId: this.session.id, owner"), std::string::npos)
      << out;
  // A sibling method called as `this.build()` shares its `this`.
  EXPECT_EQ(out.find("amount: 3"), std::string::npos) << out;
  EXPECT_NE(run.err.find("`this` in the session expression `this.session.id` "
                         "means something else at line 1"),
            std::string::npos)
      << run.err;
}

// `arguments` is the function's own, as `this` is: a helper building the
// payload has its own.
TEST(SessionExpressionCliTest, ArgumentsMustBeTheCallsArguments) {
  ScratchDir dir;
  dir.Write("pay.js",
            "function build() { return { type: 'codJapan', amount: 1, "
            "owner: o }; }\n"
            "function pay(dr, sid) { return dr.createSource(build()); }\n"
            "function payHere(dr, sid) {\n"
            "  return dr.createSource({ type: 'codJapan', amount: 2, owner: "
            "o });\n"
            "}\n");
  Outcome run = Shell(dir.path(),
                      "{bin} --no-config --write --session-id "
                      "'arguments[1]' pay.js");
  std::string out = dir.Read("pay.js");
  EXPECT_NE(out.find("amount: 1, owner"), std::string::npos) << out;
  EXPECT_NE(out.find("sessionId: arguments[1], owner"), std::string::npos)
      << out;
  EXPECT_NE(run.err.find("`arguments` in the session expression"),
            std::string::npos)
      << run.err;
}

// A bad expression in the config is the config's: the error names the file
// and the key, not a --session-id the user never gave.
TEST(SessionExpressionCliTest, ABadConfigExpressionNamesTheFileAndKey) {
  ScratchDir dir;
  dir.Write("pay.js", kTwoFunctions);
  struct Case {
    const char* config;
    const char* error;
  } cases[] = {
      {R"j({"sessionId": "checkout.payment.session.id)"})j",
       ".payment-session-migrate.json: /sessionId: not a JavaScript "
       "expression: checkout.payment.session.id)"},
      {R"j({"phpSessionId": "$this->sid)"})j",
       ".payment-session-migrate.json: /phpSessionId: not a PHP expression: "
       "$this->sid)"},
      {R"({"sessionId": "sid // from the page"})",
       ".payment-session-migrate.json: /sessionId: a comment at the end "
       "would swallow the code"},
  };
  for (const Case& c : cases) {
    dir.Write(".payment-session-migrate.json", c.config);
    Outcome run = Shell(dir.path(), "{bin} --write pay.js");
    EXPECT_EQ(run.status, 2) << c.config;
    EXPECT_NE(run.err.find(c.error), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("--session-id"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("--php-session-id"), std::string::npos) << run.err;
    EXPECT_EQ(dir.Read("pay.js"), kTwoFunctions);
  }
}

// `x // c` read as one expression only because the probe ended the line:
// inserted, the comment swallowed the rest of the line and every site
// failed later. It is refused up front.
TEST(SessionExpressionCliTest, ATrailingCommentIsRefusedUpFront) {
  ScratchDir dir;
  dir.Write("pay.js", kTwoFunctions);
  for (const char* flags :
       {"--session-id 'sid // c'", "--session-id 'sid /* c'",
        "--php-session-id '$sid # c'"}) {
    Outcome run = Shell(dir.path(), std::string("{bin} --no-config --write ") +
                                        flags + " pay.js");
    EXPECT_EQ(run.status, 2) << flags << "\n" << run.err;
    EXPECT_EQ(run.err.find("would introduce a syntax error"), std::string::npos)
        << run.err;
    EXPECT_EQ(dir.Read("pay.js"), kTwoFunctions) << flags;
  }
  Outcome run = Shell(dir.path(),
                      "{bin} --no-config --check --session-id 'sid // c' "
                      "pay.js");
  EXPECT_NE(run.err.find("--session-id: a comment at the end would swallow "
                         "the code written after the JavaScript expression "
                         "on its line (drop the comment): sid // c"),
            std::string::npos)
      << run.err;
}

}  // namespace
}  // namespace psm::testing_cli
