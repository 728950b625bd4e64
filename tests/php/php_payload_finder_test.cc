// PHP payload arrays, end to end through the per-file pipeline: what must
// change, what must not ("missing" vs "noisy"), and every method of the
// rule table with the same key set as in JavaScript.
#include "php/php_payload_finder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "migrate/file_migrator.h"
#include "php/php_lint.h"
#include "rules/rule_table.h"
#include "syntax/tree.h"

namespace psm {
namespace {

Migration Migrate(const std::string& path, const std::string& text,
                  const std::string& php_session_id = "dr_sid()") {
  static Parser parser;
  PlanOptions options;
  options.php_session_id = php_session_id;
  return MigrateText(path, text, Language::kJavaScript, BuiltinRules(), options,
                     parser);
}

std::string Php(const std::string& body) { return "<?php\n" + body + "\n"; }

// The status of the one site of `m`; nullopt unless there is exactly one.
std::optional<SiteStatus> OnlyStatus(const Migration& m) {
  if (m.result.sites.size() != 1) return std::nullopt;
  return m.result.sites[0].status;
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// Arrays the tool must migrate: each text's one site is `migrated`, the
// output is valid PHP and a second run leaves it alone.
TEST(PhpPayloadTest, MigratesEveryShapeOfPayloadArray) {
  const std::vector<std::string> shapes = {
      // short syntax, returned as JSON
      "echo json_encode(['payload' => ['type' => 'konbini', 'amount' => 1, "
      "'currency' => 'JPY']]);",
      // long syntax, double quotes
      "echo json_encode(array(\"type\" => \"konbini\", \"amount\" => 1, "
      "\"currency\" => \"JPY\"));",
      // the method's own sub-array is enough
      "$p = ['type' => 'payPal', 'payPal' => ['returnUrl' => '/r']];\n"
      "echo json_encode($p);",
      // piecewise
      "$p = [];\n$p['type'] = 'directDebit';\n$p['amount'] = 1;\n"
      "$p['currency'] = 'EUR';\necho json_encode(['payload' => $p]);",
      // under a key of the response
      "$r = ['ok' => true];\n$r['payload'] = ['type' => 'bPay', 'amount' => "
      "1, 'currency' => 'AUD'];\nwp_send_json($r);",
      // type from a constant
      "const M = 'wireTransfer';\necho json_encode(['type' => M, 'amount' => "
      "1, 'currency' => 'EUR']);",
  };
  for (const std::string& shape : shapes) {
    SCOPED_TRACE(shape);
    Migration m = Migrate("a.php", Php(shape));
    ASSERT_EQ(m.result.sites.size(), 1u);
    EXPECT_EQ(m.result.sites[0].status, SiteStatus::kMigrated);
    EXPECT_EQ(m.result.sites[0].language, Language::kPhp);
    std::string out(m.migrated_text());
    EXPECT_TRUE(out.find("'sessionId' => dr_sid()") != std::string::npos ||
                out.find("\"sessionId\" => dr_sid()") != std::string::npos ||
                out.find("['sessionId'] = dr_sid();") != std::string::npos)
        << out;
    EXPECT_EQ(out.find("'amount'"), std::string::npos) << out;
    EXPECT_EQ(Migrate("a.php", out).migrated_text(), out) << "second run";
    if (testing_php::HavePhp()) EXPECT_EQ(testing_php::PhpLint(out), "");
  }
}

// Arrays that are not DigitalRiver.js payloads: no site, no edit.
TEST(PhpPayloadTest, LeavesOtherArraysWithATypeKeyAlone) {
  const std::vector<std::string> others = {
      "return ['type' => 'text', 'amount' => 1, 'currency' => 'USD'];",
      "$s->paymentMethods->create(['type' => 'card', 'amount' => 1, "
      "'currency' => 'usd']);",
      "return ['type' => 'payPal', 'title' => 'PayPal', 'sortOrder' => 1];",
      "$f = []; $f['type'] = 'select'; $f['payPal'] = 'PayPal';",
      "return ['type' => 'konbini', 'amount' => 1];",  // one field only
      "return ['type' => $t, 'amount' => 1, 'currency' => 'EUR'];",
      "$x = ['type' => 'alipay', 'amount' => 1, 'currency' => 'CNY'];",
  };
  for (const std::string& other : others) {
    SCOPED_TRACE(other);
    Migration m = Migrate("a.php", Php(other));
    EXPECT_TRUE(m.result.sites.empty());
    EXPECT_FALSE(m.result.changed);
  }
}

TEST(PhpPayloadTest, ReadsOnlyPhpFiles) {
  std::string text =
      Php("echo json_encode(['type' => 'konbini', 'amount' => "
          "1, 'currency' => 'JPY']);");
  EXPECT_TRUE(Migrate("a.js", text).result.sites.empty());
  EXPECT_EQ(Migrate("a.phtml", text).result.sites.size(), 1u);
}

// The PHP array loses exactly the fields the same payload loses in
// JavaScript, for every method of the rule table.
TEST(PhpPayloadTest, EveryMethodLosesTheSameFieldsAsInJavaScript) {
  for (const auto& [type, rule] : BuiltinRules().methods()) {
    SCOPED_TRACE(type);
    std::string php = "echo json_encode([\n    'type' => '" + type + "',\n";
    std::string js = "dr.createSource({\n  type: '" + type + "',\n";
    std::vector<std::string> parents;
    for (const std::string& path : rule.remove) {
      size_t dot = path.find('.');
      if (dot == std::string::npos) {
        php += "    '" + path + "' => 1,\n";
        js += "  " + path + ": 1,\n";
      } else if (std::find(parents.begin(), parents.end(),
                           path.substr(0, dot)) == parents.end()) {
        parents.push_back(path.substr(0, dot));
      }
    }
    if (std::find(parents.begin(), parents.end(), type) == parents.end())
      parents.push_back(type);
    for (const std::string& parent : parents) {
      php += "    '" + parent + "' => [\n        'returnUrl' => '/r',\n";
      js += "  " + parent + ": {\n    returnUrl: '/r',\n";
      for (const std::string& path : rule.remove) {
        if (!path.starts_with(parent + ".")) continue;
        std::string key = path.substr(parent.size() + 1);
        php += "        '" + key + "' => 1,\n";
        js += "    " + key + ": 1,\n";
      }
      php += "    ],\n";
      js += "  },\n";
    }
    php += "]);";
    js += "});\n";
    Migration in_php = Migrate("a.php", Php(php));
    Migration in_js = Migrate("a.js", "var dr = DigitalRiver('k');\n" + js);
    ASSERT_EQ(in_php.result.sites.size(), 1u);
    ASSERT_EQ(in_js.result.sites.size(), 1u);
    EXPECT_EQ(in_php.result.sites[0].status, SiteStatus::kMigrated);
    EXPECT_EQ(Sorted(in_php.result.sites[0].removed),
              Sorted(in_js.result.sites[0].removed));
    EXPECT_EQ(Sorted(in_php.result.sites[0].removed), Sorted(rule.remove));
    std::string out(in_php.migrated_text());
    EXPECT_NE(out.find("'sessionId' => dr_sid(),"), std::string::npos) << out;
    if (testing_php::HavePhp()) EXPECT_EQ(testing_php::PhpLint(out), "");
  }
}

TEST(PhpPayloadTest, InsertsSessionIdInTheStyleOfType) {
  Migration m = Migrate("a.php", Php("echo json_encode([\n"
                                     "\t\"type\"     => \"konbini\",\n"
                                     "\t\"amount\"   => 1,\n"
                                     "\t\"currency\" => \"JPY\",\n"
                                     "\t\"konbini\"  => [],\n"
                                     "]);"));
  EXPECT_EQ(m.migrated_text(), Php("echo json_encode([\n"
                                   "\t\"type\"     => \"konbini\",\n"
                                   "\t\"sessionId\" => dr_sid(),\n"
                                   "\t\"konbini\"  => [],\n"
                                   "]);"));
}

TEST(PhpPayloadTest, PiecewiseSessionIdIsAStatementAfterType) {
  Migration m = Migrate("a.php", Php("$p = [];\n"
                                     "$p['type'] = 'konbini';\n"
                                     "$p['amount'] = 1;\n"
                                     "$p['currency'] = 'JPY';\n"
                                     "echo json_encode($p);"));
  EXPECT_EQ(m.migrated_text(), Php("$p = [];\n"
                                   "$p['type'] = 'konbini';\n"
                                   "$p['sessionId'] = dr_sid();\n"
                                   "echo json_encode($p);"));
}

TEST(PhpPayloadTest, WithoutAnExpressionInsertsTheMarkedPlaceholder) {
  std::string text =
      Php("echo json_encode(['type' => 'konbini', 'amount' => 1, 'currency' => "
          "'JPY']);");
  Migration first = Migrate("a.php", text, "");
  std::string out(first.migrated_text());
  EXPECT_NE(out.find("'sessionId' => 'TODO(payment-session-migrate)"),
            std::string::npos)
      << out;
  Migration again = Migrate("a.php", out, "");
  ASSERT_EQ(again.result.sites.size(), 1u);
  EXPECT_EQ(again.result.sites[0].status, SiteStatus::kNeedsReview);
  EXPECT_FALSE(again.result.changed);
  Migration filled = Migrate("a.php", out, "$this->sid()");
  EXPECT_NE(
      std::string(filled.migrated_text()).find("'sessionId' => $this->sid()"),
      std::string::npos);
}

TEST(PhpPayloadTest, AReadOfARemovedFieldKeepsItForReview) {
  Migration m =
      Migrate("a.php", Php("$p = ['type' => 'konbini', 'amount' => 1, "
                           "'currency' => 'JPY'];\n"
                           "if ($p['amount'] > 5) { log_it(); }\n"
                           "echo json_encode($p);"));
  EXPECT_EQ(OnlyStatus(m), SiteStatus::kNeedsReview);
  EXPECT_NE(std::string(m.migrated_text()).find("'amount' => 1"),
            std::string::npos);
}

TEST(PhpPayloadTest, AnArrayPassedElsewhereIsNotEdited) {
  Migration m =
      Migrate("a.php", Php("$p = ['type' => 'konbini', 'amount' => 1, "
                           "'currency' => 'JPY'];\n"
                           "$erp->send(json_encode($p));\n"
                           "echo json_encode($p);"));
  EXPECT_EQ(OnlyStatus(m), SiteStatus::kNeedsReview);
  EXPECT_FALSE(m.result.changed);
}

// Stored where a later request or call reads it (the session, a global,
// a static), or captured whole by a closure that may run anywhere: the
// fields stay.
TEST(PhpPayloadTest, AnArrayThatOutlivesTheCallIsNotEdited) {
  const std::string array =
      "  $p = ['type' => 'konbini', 'amount' => 1, 'currency' => 'JPY'];\n";
  for (const std::string& keep :
       {std::string("  $_SESSION['dr'] = $p;\n"),
        std::string("  $GLOBALS['dr'] = $p;\n"),
        std::string("  global $last;\n  $last = $p;\n"),
        std::string("  static $last;\n  $last = $p;\n"),
        std::string("  $log = function () use ($p) { return $p; };\n"
                    "  $this->logger->info(print_r($log(), true));\n")}) {
    Migration m = Migrate("a.php", Php("function f() {\n" + array + keep +
                                       "  echo json_encode($p);\n}"));
    EXPECT_EQ(OnlyStatus(m), SiteStatus::kNeedsReview) << keep;
    EXPECT_FALSE(m.result.changed) << keep;
  }
  // A plain local copy is followed as before.
  Migration m = Migrate("a.php", Php("function f() {\n" + array +
                                     "  $q = $p;\n  echo json_encode($q);\n}"));
  EXPECT_EQ(OnlyStatus(m), SiteStatus::kMigrated);
}

// A template the array is handed to may print any of its fields.
TEST(PhpPayloadTest, AnArrayHandedToATemplateIsNotEdited) {
  for (const std::string& call :
       {std::string("return $this->render('pay.html.twig', ['payload' => "
                    "$p]);"),
        std::string("return view('checkout', ['payload' => $p]);")}) {
    Migration m =
        Migrate("a.php", Php("function f() {\n  $p = ['type' => 'konbini', "
                             "'amount' => 1, 'currency' => 'JPY'];\n  " +
                             call + "\n}"));
    EXPECT_EQ(OnlyStatus(m), SiteStatus::kNeedsReview) << call;
    EXPECT_FALSE(m.result.changed) << call;
  }
}

TEST(PhpPayloadTest, ATypeSetConditionallyLeavesTheMethodOpen) {
  Migration m =
      Migrate("a.php", Php("function f($x) {\n"
                           "  $p = ['amount' => 1, 'currency' => 'EUR'];\n"
                           "  if ($x) { $p['type'] = 'konbini'; }\n"
                           "  $p['konbini'] = [];\n"
                           "  echo json_encode($p);\n}"));
  EXPECT_EQ(OnlyStatus(m), SiteStatus::kNeedsReview);
  EXPECT_FALSE(m.result.changed);
}

TEST(PhpPayloadTest, ScriptAndPhpOfATemplateMigrateInOneRun) {
  Migration m = Migrate(
      "t.phtml",
      "<?php $p = ['type' => 'konbini', 'amount' => 1, 'currency' => 'JPY']; "
      "?>\n<script>\nvar dr = DigitalRiver('k');\n"
      "dr.createSource({ type: 'bPay', amount: 2, currency: 'AUD' });\n"
      "</script>\n<script>\nrequire([], function () {\n"
      "  dr.createSource(<?= json_encode($p) ?>);\n});\n</script>\n");
  // The array, the script's literal, and the call the array is printed
  // into (answered by the array, not edited itself).
  ASSERT_EQ(m.result.sites.size(), 3u);
  EXPECT_EQ(m.result.sites[0].language, Language::kPhp);
  EXPECT_EQ(m.result.sites[1].language, Language::kJavaScript);
  EXPECT_EQ(m.result.sites[0].status, SiteStatus::kMigrated);
  EXPECT_EQ(m.result.sites[1].status, SiteStatus::kMigrated);
  EXPECT_EQ(m.site_edits.size(), 2u);
}

TEST(PhpPayloadTest, ACallOfWhatTheTemplatePrintsSaysSo) {
  Migration m = Migrate(
      "t.phtml",
      "<?php $p = ['type' => 'konbini', 'amount' => 1, 'currency' => 'JPY', "
      "'konbini' => []]; ?>\n<script>\nrequire([], function () {\n"
      "  var s = <?= json_encode($p) ?>;\n  dr.createSource(s);\n});\n"
      "</script>\n");
  ASSERT_EQ(m.result.sites.size(), 2u);
  EXPECT_EQ(m.result.sites[0].status, SiteStatus::kMigrated);
  const SiteResult& call = m.result.sites[1];
  EXPECT_EQ(call.language, Language::kJavaScript);
  ASSERT_EQ(call.reasons.size(), 1u);
  EXPECT_NE(call.reasons[0].find("printed by the page's template"),
            std::string::npos)
      << call.reasons[0];
}

TEST(PhpPayloadTest, APayloadArrayTheToolCannotFollowIsReported) {
  Migration m = Migrate("a.php", Php("$p = (object) ['type' => 'konbini', "
                                     "'amount' => 1, 'currency' => 'JPY'];\n"
                                     "echo json_encode($p);"));
  EXPECT_EQ(OnlyStatus(m), SiteStatus::kNeedsReview);
  EXPECT_FALSE(m.result.changed);
}

TEST(PhpPayloadTest, ALoopByReferenceOverAFieldMayWriteIt) {
  Migration m = Migrate(
      "a.php",
      Php("$p = ['type' => 'payPal', 'amount' => 1, 'currency' => "
          "'USD', 'payPal' => ['items' => $lines]];\n"
          "foreach ($p['payPal']['items'] as &$line) { $line['x'] = 1; }\n"
          "echo json_encode($p);"));
  EXPECT_EQ(OnlyStatus(m), SiteStatus::kNeedsReview);
}

// The seam for linking a PHP array to the JavaScript that receives it:
// the keys under which the response carries it.
TEST(PhpPayloadTest, TellsUnderWhichKeysTheResponseCarriesTheArray) {
  std::string text =
      Php("class C { function execute() {\n"
          "  $payload = [];\n"
          "  $payload['payload'] = ['type' => 'konbini', 'amount' => 1, "
          "'currency' => 'JPY'];\n"
          "  $content = ['success' => true, 'content' => $payload];\n"
          "  return $this->json->create()->setData($content);\n} }");
  Parser parser;
  Tree tree = parser.Parse(Language::kPhp, text);
  std::vector<php::PhpPayloadSite> sites =
      php::FindPhpPayloads(text, tree.Root(), BuiltinRules());
  ASSERT_EQ(sites.size(), 1u);
  EXPECT_EQ(sites[0].response_paths,
            (std::vector<std::vector<std::string>>{{"content", "payload"}}));
  EXPECT_FALSE(sites[0].returned);
}

}  // namespace
}  // namespace psm
