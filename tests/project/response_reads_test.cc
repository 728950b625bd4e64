#include "project/response_reads.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {
namespace {

using Sent = std::vector<std::vector<std::string>>;

// The observers ResponseReadsIn finds in `source` of an array the PHP
// file sends under `sent`; every request may be answered by it unless
// its URL names `elsewhere`.
std::vector<PayloadObserver> Observers(
    const std::string& source, const Sent& sent = {{"payload"}},
    Language language = Language::kJavaScript,
    const std::string& elsewhere = "") {
  Parser parser;
  Tree tree = parser.Parse(language, source);
  auto may_answer = [&](const std::vector<std::string>& urls) {
    for (const std::string& url : urls) {
      if (!elsewhere.empty() && url == elsewhere) return false;
    }
    return true;
  };
  return ResponseReadsIn(tree.Root(), source, "page.js", sent, may_answer);
}

std::vector<std::string> Paths(const std::vector<PayloadObserver>& found) {
  std::vector<std::string> paths;
  for (const PayloadObserver& o : found) paths.push_back(o.path);
  return paths;
}

// Whether one observer sees the whole array for a reason naming `words`.
bool SeesWhole(const std::vector<PayloadObserver>& found,
               const std::string& words) {
  for (const PayloadObserver& o : found) {
    if (o.path.empty() && o.what.find(words) != std::string::npos) return true;
  }
  return false;
}

using Paths_ = std::vector<std::string>;

TEST(ResponseReadsTest, ReadsAFieldInADoneCallback) {
  EXPECT_EQ(Paths(Observers("storage.post('a/b').done(function (r) {"
                            " $('#t').text(r.payload.amount); });")),
            Paths_{"amount"});
}

TEST(ResponseReadsTest, FollowsADestructuredCallbackParameter) {
  EXPECT_EQ(Paths(Observers("storage.post('a/b').done(function ({payload}) {"
                            " $('#t').text(payload.amount); });")),
            Paths_{"amount"});
  EXPECT_EQ(Paths(Observers("fetch(u).then((r) => r.json()).then("
                            "({ payload: { amount } }) => show(amount));")),
            Paths_{"amount"});
}

TEST(ResponseReadsTest, FollowsANamedCallback) {
  EXPECT_EQ(Paths(Observers("function showTotal(r) { $('#t').text("
                            "r.payload.amount); }\n"
                            "storage.post('a/b').done(showTotal);")),
            Paths_{"amount"});
}

TEST(ResponseReadsTest, FollowsTheResponseThroughVariables) {
  EXPECT_EQ(Paths(Observers("async function f() {"
                            " const res = await fetch('/a/b');"
                            " const body = await res.json();"
                            " const copy = body; const {payload} = copy;"
                            " show(payload.amount); }")),
            Paths_{"amount"});
}

TEST(ResponseReadsTest, AResponseHandedOnSeesTheWholeArray) {
  std::string head =
      "async function f() { const res = await fetch('/a/b');"
      " const body = await res.json(); ";
  EXPECT_TRUE(
      SeesWhole(Observers(head + "showTotal(body); }"), "`showTotal(body)`"));
  EXPECT_TRUE(SeesWhole(Observers(head + "window.last = body; }"),
                        "`window.last = body`"));
  EXPECT_TRUE(SeesWhole(Observers(head + "save(JSON.stringify(body)); }"),
                        "JSON.stringify(body)"));
  EXPECT_TRUE(
      SeesWhole(Observers(head + "const all = {...body}; }"), "...body"));
  EXPECT_TRUE(SeesWhole(Observers(head + "Object.assign(state, body); }"),
                        "Object.assign"));
  EXPECT_TRUE(SeesWhole(Observers(head + "return body; }"), "return body"));
  EXPECT_TRUE(SeesWhole(Observers(head + "keep({body}); }"), "{body}"));
}

TEST(ResponseReadsTest, TestsLogsAndOtherKeysReadNothing) {
  EXPECT_TRUE(
      Observers("storage.post('a/b').done(function (r) {"
                " console.log(r);"
                " if (r.success && r.payload) dr.createSource(r.payload);"
                " else show(r.messages); });")
          .empty());
}

TEST(ResponseReadsTest, FollowsARequestKeptInAVariableOrReturned) {
  EXPECT_EQ(Paths(Observers(
                "var pending = $.ajax({url: 'a/b'});"
                "pending.done(function (r) { show(r.payload.amount); });")),
            Paths_{"amount"});
  // The function returns the request to callers in other files too.
  std::vector<PayloadObserver> returned = Observers(
      "function start() { return $.post('a/b'); }"
      "start().done(function (r) { show(r.payload.amount); });");
  EXPECT_EQ(Paths(returned), (Paths_{"", "amount"}));
  EXPECT_TRUE(SeesWhole(returned, "returns the request `$.post('a/b')`"));
}

TEST(ResponseReadsTest, ARequestReturnedToCallersSeesTheWholeArray) {
  EXPECT_TRUE(SeesWhole(Observers("export const startPayPal = () => "
                                  "storage.post('a/b');"),
                        "returns the request"));
  EXPECT_TRUE(SeesWhole(Observers("useQuery({queryFn: () => fetch('/a/b')"
                                  ".then((r) => r.json())});"),
                        "returns the request"));
  // What a `.then` handler makes of the answer is returned, not the answer.
  EXPECT_TRUE(Observers("function pay(dr) { return fetch('/a/b').then((r) =>"
                        " r.json()).then((body) => dr.createSource("
                        "body.payload)); }")
                  .empty());
}

TEST(ResponseReadsTest, ReadsAnAwaitedResponseInPlace) {
  EXPECT_EQ(Paths(Observers("async function f(res) {"
                            " show((await res.json()).payload.amount); }")),
            Paths_{"amount"});
  EXPECT_EQ(
      Paths(Observers("async function f() { const { payload } = await "
                      "(await fetch('/a/b')).json(); show(payload.amount); }")),
      Paths_{"amount"});
}

TEST(ResponseReadsTest, SeesThroughTypeScriptAssertions) {
  EXPECT_EQ(Paths(Observers("async function f(res: Response) {"
                            " const body = (await res.json()) as Resp;"
                            " show(body!.payload.amount);"
                            " show((body as Resp).payload.currency); }",
                            {{"payload"}}, Language::kTypeScript)),
            (Paths_{"amount", "currency"}));
}

TEST(ResponseReadsTest, AxiosEnvelopeOfAWholeResponse) {
  EXPECT_EQ(Paths(Observers("async function f() { const { data: { amount } } ="
                            " await axios.post('/a/b'); show(amount); }",
                            {{}})),
            (Paths_{"data", "amount"}));
}

TEST(ResponseReadsTest, TheResponseObjectOfFetchIsNotTheBody) {
  EXPECT_TRUE(Observers("fetch(u).then((res) => { if (!res.ok) throw new "
                        "Error(res.statusText); return res.json(); })"
                        ".then((p) => dr.createSource(p));",
                        {{}})
                  .empty());
}

TEST(ResponseReadsTest, RxjsOperatorsGetTheResponse) {
  EXPECT_TRUE(SeesWhole(Observers("this.http.post('/a/b', {}).pipe(map((r) => "
                                  "r.payload)).subscribe((p) => show(p));"),
                        "(r) => r.payload"));
}

TEST(ResponseReadsTest, ARequestAnsweredElsewhereIsNotLookedAt) {
  EXPECT_TRUE(Observers("$.post('/other/x', {}, function (r) {"
                        " show(r.payload.amount); });",
                        {{"payload"}}, Language::kJavaScript, "/other/x")
                  .empty());
}

TEST(ResponseReadsTest, CodeTooDeepToFollowSeesTheWholeArray) {
  std::string deep = "$.post('/a/b', {}, function (r) { var v = r.payload";
  for (int i = 0; i < 1100; ++i) deep += " && 1";
  deep += "; show(v.amount); });";
  EXPECT_TRUE(SeesWhole(Observers(deep), "deeper than the tool"));
}

TEST(ResponseReadsTest, AHandlerTheSearchCannotFollowSeesTheWholeArray) {
  for (const char* handler :
       {"this.onStart.bind(this)", "$.proxy(this.onStart, this)",
        "self.onStart", "started.resolve", "setStart"}) {
    std::string page =
        std::string("storage.post('a/b').done(") + handler + ");";
    EXPECT_TRUE(SeesWhole(Observers(page), "hands the response to")) << page;
  }
  EXPECT_TRUE(SeesWhole(Observers("new Promise((resolve) => $.ajax({url: "
                                  "'a/b', success: resolve}));"),
                        "`resolve`"));
}

TEST(ResponseReadsTest, BoundAndNamedHandlersAreFollowed) {
  EXPECT_EQ(Paths(Observers("storage.post('a/b').done(function (r) {"
                            " show(r.payload.amount); }.bind(this));")),
            Paths_{"amount"});
  EXPECT_EQ(Paths(Observers("function onStart(r) { show(r.payload.amount); }\n"
                            "$.ajax({url: 'a/b', success: onStart});")),
            Paths_{"amount"});
  EXPECT_EQ(Paths(Observers("function onStart(r) { show(r.payload.amount); }\n"
                            "var pending = storage.post('a/b');"
                            " pending.done(onStart);")),
            Paths_{"amount"});
}

TEST(ResponseReadsTest, ErrorHandlersDoNotGetTheArray) {
  EXPECT_TRUE(Observers("storage.post('a/b').done((r) => dr.createSource("
                        "r.payload)).fail(function (response) {"
                        " errorProcessor.process(response, messages); });"
                        "axios.post('a/b').then(({data}) => dr.createSource("
                        "data.payload), (e) => notify(e)).catch((e) => "
                        "notify(e));"
                        "$.ajax({url: 'a/b', success: (r) => dr.createSource("
                        "r.payload), error: (xhr) => notify(xhr)});")
                  .empty());
}

TEST(ResponseReadsTest, MoreRequestApisAndHolders) {
  for (const char* page :
       {"$.get('a/b', function (r) { show(r.payload.amount); });",
        "async function f() { const d = await $fetch('/a/b');"
        " show(d.payload.amount); }",
        "this.$http.get('/a/b').then((res) => show(res.body.payload.amount));",
        "async function f() { const pending = storage.post('a/b');"
        " const r = await pending; show(r.payload.amount); }",
        "var x = new XMLHttpRequest(); x.onload = function () {"
        " var d = x.response; show(d.payload.amount); };"}) {
    EXPECT_EQ(Paths(Observers(page)), Paths_{"amount"}) << page;
  }
  EXPECT_TRUE(SeesWhole(Observers("async function f() { const [cfg, start] ="
                                  " await Promise.all([fetch('/c').then((r) =>"
                                  " r.json()), storage.post('a/b')]);"
                                  " show(start.payload.amount); }"),
                        "[cfg, start]"));
  EXPECT_TRUE(SeesWhole(Observers("request.post('/a/b').then((res) => "
                                  "remember(res.body));"),
                        "remember(res.body)"));
}

TEST(ResponseReadsTest, ARequestMadeFurtherDownAChainHasNoKnownUrl) {
  // The last answer is `storage.post('a/b')`'s, not the first request's.
  EXPECT_EQ(Paths(Observers("storage.get('/other/x').then(() => "
                            "storage.post('a/b')).then((r) => "
                            "show(r.payload.amount));",
                            {{"payload"}}, Language::kJavaScript, "/other/x")),
            Paths_{"amount"});
}

// What the scripts of `page` do with what its template prints at the
// first `<?=`.
std::vector<PayloadObserver> PrintReads(
    const std::string& page, const std::vector<std::string>& path = {}) {
  size_t at = page.find("<?=");
  EXPECT_NE(at, std::string::npos);
  return PrintedValueReads(page, static_cast<uint32_t>(at + 4), path, "");
}

TEST(PrintedValueReadsTest, ALocalHandedToCreateSourceOnlyIsNotRead) {
  EXPECT_TRUE(
      PrintReads("<?php $p = [];?>\n<script>\nrequire(['jquery'], "
                 "function ($) {\n  var p = <?= json_encode($p) ?>;\n"
                 "  $('#b').on('click', function () { dr.createSource(p); "
                 "});\n});\n</script>\n")
          .empty());
}

TEST(PrintedValueReadsTest, AFieldReadByThePageIsKept) {
  EXPECT_EQ(
      Paths(PrintReads("<script>\nrequire([], function () {\n"
                       "  var cfg = <?= json_encode($cfg) ?>;\n"
                       "  show(cfg.payload.amount);\n"
                       "  dr.createSource(cfg.payload);\n});\n</script>\n",
                       {"payload"})),
      Paths_{"amount"});
}

TEST(PrintedValueReadsTest, AGlobalOrAStringSeesTheWholeArray) {
  EXPECT_TRUE(SeesWhole(PrintReads("<script>\nvar drPayload = <?= "
                                   "json_encode($p) ?>;\n</script>\n"),
                        "a global other scripts may read"));
  EXPECT_TRUE(SeesWhole(PrintReads("<div data-p='<?= json_encode($p) ?>'>"
                                   "</div>\n"),
                        "where no script expression stands"));
}

}  // namespace
}  // namespace psm
