#include "syntax/embedded_script.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace psm {
namespace {

using Strings = std::vector<std::string>;

// The text of each region of the view, as the parser will read it.
Strings Regions(std::string_view text) {
  ScriptView view = MaskScriptContainer(text);
  EXPECT_EQ(view.text.size(), text.size());
  Strings out;
  for (const ByteRange& r : view.regions) out.emplace_back(r.In(view.text));
  return out;
}

TEST(EmbeddedScriptTest, KeepsScriptBodiesAndBlanksTheRestKeepingLines) {
  std::string_view html = "<p>hi</p>\n<script>\na()\n</script>\n<b>x</b>";
  ScriptView view = MaskScriptContainer(html);
  EXPECT_EQ(view.text, "         \n       ;\na()\n;        \n        ");
  EXPECT_EQ(Regions(html), Strings{"\na()\n"});
}

TEST(EmbeddedScriptTest, TextareaContentIsNotScriptEvenWithAScriptTag) {
  EXPECT_EQ(Regions("<textarea rows=3><script>dr.createSource({})</script>"
                    "</textarea><script>b()</script>"),
            Strings{"b()"});
}

TEST(EmbeddedScriptTest, ScriptInAnHtmlCommentIsNotScript) {
  EXPECT_EQ(Regions("<!-- <script>a()</script> --><script>b()</script>"),
            Strings{"b()"});
  EXPECT_EQ(Regions("<!--><script>a()</script>"), Strings{"a()"});
  EXPECT_EQ(Regions("<!--[if IE]><script>a()</script><![endif]-->"), Strings{});
}

TEST(EmbeddedScriptTest, TitleStyleAndNoscriptHoldTextNotScripts) {
  EXPECT_EQ(Regions("<title><script>a()</script></title>"
                    "<style>p{}</style><noscript><script>b()</script>"
                    "</noscript><script>c()</script>"),
            Strings{"c()"});
}

TEST(EmbeddedScriptTest, ScriptInsideAPhpStringIsNotScript) {
  EXPECT_EQ(Regions("<?php echo \"<script>dr.createSource({})</script>\"; ?>"
                    "<script>b()</script>"),
            Strings{"b()"});
  EXPECT_EQ(Regions("<% if (x) { %><script>a()</script><% } %>"),
            Strings{"a()"});
}

TEST(EmbeddedScriptTest, OnlyScriptsOfJavaScriptTypesAreRegions) {
  EXPECT_EQ(Regions("<script type=\"text/template\">a()</script>"
                    "<script type='application/json'>{}</script>"
                    "<script type=\"module\">b()</script>"
                    "<SCRIPT TYPE=\"text/plain\" data-cookieconsent=\"x\">c()"
                    "</SCRIPT>"),
            (Strings{"b()", "c()"}));
}

TEST(EmbeddedScriptTest, TypeScriptLangSetsTheLanguage) {
  EXPECT_EQ(MaskScriptContainer("<script lang=\"ts\">let a: number</script>")
                .language,
            Language::kTypeScript);
  EXPECT_EQ(MaskScriptContainer("<script>a()</script>").language,
            Language::kJavaScript);
}

TEST(EmbeddedScriptTest, EventHandlersAreRegionsFencedBySemicolons) {
  std::string_view html = "<button class=\"b\" onclick=\"pay()\">Pay</button>";
  ScriptView view = MaskScriptContainer(html);
  EXPECT_EQ(Regions(html), Strings{"pay()"});
  EXPECT_NE(view.text.find(";pay();"), std::string::npos) << view.text;
}

TEST(EmbeddedScriptTest, VueAndSvelteHandlersAreRegions) {
  EXPECT_EQ(Regions("<a @click=\"a()\" v-on:click.prevent='b()' :x=\"c\">"),
            (Strings{"a()", "b()"}));
  std::string_view svelte =
      "<button on:click={() => pay(n > 1)} onblur=\"d()\">";
  EXPECT_EQ(Regions(svelte), (Strings{"() => pay(n > 1)", "d()"}));
  EXPECT_NE(MaskScriptContainer(svelte).text.find(";(() => pay(n > 1))"),
            std::string::npos);
}

TEST(EmbeddedScriptTest, UnquotedHandlerValueEndsAtABlank) {
  EXPECT_EQ(Regions("<a onclick=pay() href=#>"), Strings{"pay()"});
}

TEST(EmbeddedScriptTest, HandlerWithCharacterReferencesIsLeftOutAndListed) {
  std::string_view html = "<a onclick=\"pay(&quot;x&quot;)\">";
  ScriptView view = MaskScriptContainer(html);
  EXPECT_TRUE(view.regions.empty());
  ASSERT_EQ(view.encoded_handlers.size(), 1u);
  EXPECT_EQ(view.encoded_handlers[0].In(html), "pay(&quot;x&quot;)");
  EXPECT_EQ(view.text.find_first_not_of(' '), std::string::npos);
  // A bare `&&` is no character reference.
  EXPECT_EQ(Regions("<a onclick=\"a && b()\">"), Strings{"a && b()"});
}

TEST(EmbeddedScriptTest, TemplateIslandsBecomeIdentifiersAndKeepQuotesIn) {
  EXPECT_EQ(Regions("<script>x = <?= $a ?>;</script>"),
            Strings{"x = _________;"});
  EXPECT_EQ(Regions("<a onclick=\"pay(<?= $a[\"k\"] ?>)\" onblur=\"b()\">"),
            (Strings{"pay(______________)", "b()"}));
}

TEST(EmbeddedScriptTest, ScriptsDoNotRunIntoEachOther) {
  ScriptView view =
      MaskScriptContainer("<script>a()</script><script>(b)</script>");
  EXPECT_NE(view.text.find(";a();"), std::string::npos) << view.text;
  EXPECT_NE(view.text.find(";(b);"), std::string::npos) << view.text;
}

TEST(EmbeddedScriptTest, SameMarkupNoticesAQuoteThatEndsAnAttribute) {
  std::string before = "<a onclick=\"f({t: 'x'})\">";
  std::string good = "<a onclick=\"f({t: 'x', s: 'y'})\">";
  std::string bad = "<a onclick=\"f({t: 'x', s: \"y\"})\">";
  ScriptView view = MaskScriptContainer(before);
  EXPECT_TRUE(SameMarkup(before, view, good, MaskScriptContainer(good)));
  EXPECT_FALSE(SameMarkup(before, view, bad, MaskScriptContainer(bad)));
}

TEST(EmbeddedScriptTest, SameMarkupNoticesAnInsertedClosingScriptTag) {
  std::string before = "<script>f({t: 'x'})</script><p>";
  std::string bad = "<script>f({t: 'x', s: '</script>'})</script><p>";
  EXPECT_FALSE(SameMarkup(before, MaskScriptContainer(before), bad,
                          MaskScriptContainer(bad)));
}

}  // namespace
}  // namespace psm
