#include "find/server_response.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "syntax/language.h"
#include "syntax/node.h"
#include "syntax/tree.h"

namespace psm {
namespace {

using Keys = std::optional<std::vector<std::string>>;

// What ServerResponseRead finds for the argument of the `createSource(...)`
// call in `source`.
std::optional<ServerRead> ReadOfPayload(const std::string& source) {
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, source);
  size_t at = source.find("createSource(");
  EXPECT_NE(at, std::string::npos);
  uint32_t arg = static_cast<uint32_t>(at + 13);
  TSNode n = ts_node_descendant_for_byte_range(tree.Root(), arg, arg);
  // Climb to the whole argument expression.
  while (!node::Is(ts_node_parent(n), "arguments")) n = ts_node_parent(n);
  return ServerResponseRead(n, source);
}

Keys KeysOfPayload(const std::string& source) {
  std::optional<ServerRead> read = ReadOfPayload(source);
  if (!read) return std::nullopt;
  return read->keys;
}

std::vector<std::string> UrlsOfPayload(const std::string& source) {
  std::optional<ServerRead> read = ReadOfPayload(source);
  return read ? read->urls : std::vector<std::string>{};
}

TEST(ServerResponseTest, ReadsKeysInAnAjaxSuccessHandler) {
  EXPECT_EQ(KeysOfPayload("$.ajax({url: u, success: function (response) {"
                          " dr.createSource(response.content.payload); }});"),
            (Keys{{"content", "payload"}}));
}

TEST(ServerResponseTest, ReadsKeysInADoneCallbackOfMageStorage) {
  EXPECT_EQ(KeysOfPayload("storage.post(url, '{}').done(function (r) {"
                          " dr.createSource(r['payload']); });"),
            (Keys{{"payload"}}));
}

TEST(ServerResponseTest, ReadsTheWholeResponseOfAFetchChain) {
  EXPECT_EQ(KeysOfPayload("fetch(u).then(r => r.json())"
                          ".then(data => dr.createSource(data));"),
            (Keys{std::vector<std::string>{}}));
}

TEST(ServerResponseTest, ReadsAVariableSetFromAnAwaitedResponse) {
  EXPECT_EQ(KeysOfPayload("async function f() { const res = await fetch(u);"
                          " const body = await res.json();"
                          " return dr.createSource(body.data); }"),
            (Keys{{"data"}}));
}

TEST(ServerResponseTest, KeepsThePathLikeStringsOfTheRequest) {
  EXPECT_EQ(UrlsOfPayload("$.ajax({type: 'POST', url: BASE_URL +"
                          " 'drpay/paypal/savedrquote', success: function (r) {"
                          " var u = '/not/this'; dr.createSource(r.payload);"
                          " }});"),
            (std::vector<std::string>{"/paypal/savedrquote"}));
  // Its written-out end names the action whatever the base is; an end of
  // fewer whole segments, or a written-out start, does not.
  EXPECT_EQ(
      UrlsOfPayload("$.post(BASE_URL + 'paypal/savedrquote')"
                    ".done(function (r) { dr.createSource(r.payload); });"),
      (std::vector<std::string>{"", "paypal/savedrquote"}));
  EXPECT_EQ(
      UrlsOfPayload("$.post(`${BASE_URL}drpay/paypal/start`)"
                    ".done(function (r) { dr.createSource(r.payload); });"),
      (std::vector<std::string>{"/paypal/start"}));
  EXPECT_EQ(
      UrlsOfPayload("$.post(`/drpay/${area}/start`)"
                    ".done(function (r) { dr.createSource(r.payload); });"),
      (std::vector<std::string>{"/drpay/", "", "/start"}));
  EXPECT_EQ(
      UrlsOfPayload("$.post('drpay/paypal/' + action)"
                    ".done(function (r) { dr.createSource(r.payload); });"),
      (std::vector<std::string>{"", "drpay/paypal/"}));
  EXPECT_EQ(
      UrlsOfPayload("$.post(BASE_URL + 'drpay/paypal/start?x=1')"
                    ".done(function (r) { dr.createSource(r.payload); });"),
      (std::vector<std::string>{"", "drpay/paypal/start?x=1"}));
  EXPECT_EQ(UrlsOfPayload("async function f() {"
                          " const res = await fetch(`/api/konbini.php?x=1`);"
                          " const body = await res.json();"
                          " dr.createSource(body.data); }"),
            std::vector<std::string>{"/api/konbini.php?x=1"});
}

TEST(ServerResponseTest, UrlsAreTheRequestsAddressNotItsData) {
  EXPECT_EQ(UrlsOfPayload("$.ajax({url: 'drpay/paypal/start', data: {back:"
                          " 'checkout/cart'}, success: function (r) {"
                          " dr.createSource(r.payload); }});"),
            std::vector<std::string>{"drpay/paypal/start"});
  EXPECT_EQ(UrlsOfPayload("storage.post(config.url, JSON.stringify({cancel:"
                          " url.build('drpay/paypal/cancel')})).done("
                          "function (r) { dr.createSource(r.payload); });"),
            std::vector<std::string>{});
  EXPECT_EQ(UrlsOfPayload("storage.post(url.build('drpay/paypal/start'),"
                          " '{}').done(function (r) {"
                          " dr.createSource(r.payload); });"),
            std::vector<std::string>{"drpay/paypal/start"});
}

TEST(ServerResponseTest, LeavesValuesThatAreNotResponses) {
  EXPECT_EQ(KeysOfPayload("items.forEach(function (item) {"
                          " dr.createSource(item.payload); });"),
            std::nullopt);
  EXPECT_EQ(KeysOfPayload("class A { pay() { dr.createSource(this.payload); }"
                          " }"),
            std::nullopt);
  EXPECT_EQ(KeysOfPayload("function pay(options) {"
                          " dr.createSource(options.payload); }"),
            std::nullopt);
  EXPECT_EQ(KeysOfPayload("const cfg = getPayloadConfig();"
                          " dr.createSource(cfg.payload);"),
            std::nullopt);
  EXPECT_EQ(KeysOfPayload("$.ajax({success: function (r) {"
                          " dr.createSource(r[key]); }});"),
            std::nullopt);
}

}  // namespace
}  // namespace psm
