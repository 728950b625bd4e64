#include "syntax/island_syntax.h"

#include <gtest/gtest.h>

#include <string>

namespace psm {
namespace {

// The island starting at the first byte of `text`, as text ("" for none).
std::string IslandAtStart(std::string_view text, IslandKinds kinds) {
  return std::string(text.substr(0, SkipIsland(text, 0, kinds)));
}

TEST(IslandSyntaxTest, EachTemplateLanguageHasItsOwnIslands) {
  IslandKinds isml = IslandKindsFor("cartridge/templates/checkout.isml");
  EXPECT_EQ(IslandAtStart("${pdict.total('}')} + 1", isml),
            "${pdict.total('}')}");
  EXPECT_EQ(IslandAtStart("<isif condition=\"${a > b}\">x</isif>", isml),
            "<isif condition=\"${a > b}\">");
  EXPECT_EQ(IslandAtStart("</isif>;", isml), "</isif>");
  EXPECT_EQ(IslandAtStart("<iscomment>a <b></iscomment>;", isml),
            "<iscomment>a <b></iscomment>");
  EXPECT_EQ(IslandAtStart("<?= $total ?>;", isml), "<?= $total ?>");

  IslandKinds twig = IslandKindsFor("templates/pay.html.twig");
  EXPECT_EQ(IslandAtStart("{{ cart.total }}, x", twig), "{{ cart.total }}");
  EXPECT_EQ(IslandAtStart("{{{ raw }}} x", IslandKindsFor("a.hbs")),
            "{{{ raw }}}");
  EXPECT_EQ(IslandAtStart("{% if a %}x", twig), "{% if a %}");
  EXPECT_EQ(IslandAtStart("{# note #}x", twig), "{# note #}");

  EXPECT_EQ(IslandAtStart("{!JSENCODE(k)} x", IslandKindsFor("Pay.page")),
            "{!JSENCODE(k)}");
}

TEST(IslandSyntaxTest, PlainJavaScriptIsNoIslandOutsideItsLanguage) {
  IslandKinds html = IslandKindsFor("index.html");
  // A template literal, a block, a comparison: JavaScript in an HTML page.
  EXPECT_EQ(IslandAtStart("${total}", html), "");
  EXPECT_EQ(IslandAtStart("{{ a }}", html), "");
  EXPECT_EQ(IslandAtStart("<isbns.length", html), "");
  EXPECT_EQ(IslandAtStart("{!a}", IslandKindsFor("a.twig")), "");
  EXPECT_EQ(IslandAtStart("<%= x %>", html), "<%= x %>");
  // Not islands in their own languages either: JSP's escaped `\${`, a
  // `${` that never closes, `i<issues` in an ISML script, `{%` in
  // Handlebars.
  IslandKinds jsp = IslandKindsFor("pay.jsp");
  EXPECT_EQ(SkipIsland("a\\${b}", 2, jsp), 2u);
  EXPECT_EQ(IslandAtStart("${ a + b", jsp), "");
  EXPECT_EQ(IslandAtStart("<issues.length; i++) {}", IslandKindsFor("a.isml")),
            "");
  EXPECT_EQ(IslandAtStart("{% if %}", IslandKindsFor("a.hbs")), "");
  EXPECT_EQ(IslandAtStart("{# x #}", IslandKindsFor("a.liquid")), "");
}

// `{% raw %}...{% endraw %}` is printed as written: its text is JavaScript.
// One never closed leaves the rest as written, searched once.
TEST(IslandSyntaxTest, LiteralBlocksAreSkipped) {
  std::string_view text = "{% raw %}var t = '{{';{% endraw %}";
  EXPECT_EQ(LiteralBlockEnd(text, 0, 9), text.find("{% endraw"));
  EXPECT_EQ(LiteralBlockEnd("{% if %}x", 0, 8), 8u);
  EXPECT_EQ(LiteralBlockEnd("{% raw %}a {% raw %}b", 0, 9), 21u);
}

// A `${` whose braces close only far away (or never) is text: the search
// for its end is bounded, so many stray ones cost linear time.
TEST(IslandSyntaxTest, StrayOpenersAreText) {
  IslandKinds jsp = IslandKindsFor("pay.jsp");
  std::string far = "${ {" + std::string(10000, ' ') + "}}";
  EXPECT_EQ(IslandAtStart(far, jsp), "");
  EXPECT_EQ(IslandAtStart("{!a", IslandKindsFor("a.page")), "");
}

TEST(IslandSyntaxTest, OnlyIslandsPrintingOneValueDoNothingElse) {
  EXPECT_TRUE(PrintsOneValue("${pdict.total}"));
  EXPECT_TRUE(PrintsOneValue("<isprint value=\"${x}\" encoding=\"off\"/>"));
  EXPECT_TRUE(PrintsOneValue("{{ cart.total|number_format(2) }}"));
  EXPECT_TRUE(PrintsOneValue("{!cartTotal}"));
  EXPECT_TRUE(PrintsOneValue("<?= $total ?>"));
  EXPECT_FALSE(PrintsOneValue("<isset name=\"t\" value=\"${1}\"/>"));
  EXPECT_FALSE(PrintsOneValue("{% set total = 1 %}"));
  EXPECT_FALSE(PrintsOneValue("{{ total = 1 }}"));
  EXPECT_TRUE(PrintsOneValue("{# note #}"));  // prints nothing
  EXPECT_TRUE(PrintsOneValue("{{ x|default(\"a=b\") }}"));
  // Sections, partials, helpers and Go actions are control flow.
  for (const char* control : {"{{#if owner}}", "{{/if}}", "{{^items}}",
                              "{{> fields}}", "{{else}}", "{{~#each x~}}"}) {
    EXPECT_FALSE(PrintsOneValue(control, IslandKindsFor("a.hbs"))) << control;
  }
  EXPECT_FALSE(PrintsOneValue("{{ range .Items }}", IslandKindsFor("a.tmpl")));
  EXPECT_FALSE(PrintsOneValue("{{ end }}", IslandKindsFor("a.tmpl")));
  EXPECT_TRUE(PrintsOneValue("{{ .Total }}", IslandKindsFor("a.tmpl")));
  // A method that changes what it is called on runs when printed.
  EXPECT_FALSE(PrintsOneValue("{{ app.session.set('k', total) }}"));
  EXPECT_FALSE(PrintsOneValue("${basket.setTotal(1)}"));
  EXPECT_TRUE(PrintsOneValue("${basket.getTotalGrossPrice().value}"));
  EXPECT_FALSE(PrintsOneValue("<?php $t = 1; ?>"));
  EXPECT_FALSE(PrintsOneValue("${}"));
}

TEST(IslandSyntaxTest, RazorSmartyAndVelocityIslands) {
  IslandKinds razor = IslandKindsFor("Views/Checkout/Index.cshtml");
  EXPECT_EQ(IslandAtStart("@Model.Lines[0].Total.ToString(\"0.00\"), x", razor),
            "@Model.Lines[0].Total.ToString(\"0.00\")");
  EXPECT_EQ(IslandAtStart("@Model.Total.\n", razor), "@Model.Total");
  EXPECT_EQ(IslandAtStart("@(a + b) x", razor), "@(a + b)");
  EXPECT_EQ(IslandAtStart("@* note *@ x", razor), "@* note *@");
  EXPECT_EQ(
      IslandAtStart("@if (a) { <text>x</text> } else if (b) { y }\nz", razor),
      "@if (a) { <text>x</text> } else if (b) { y }");
  EXPECT_EQ(IslandAtStart("@{ var a = 1; } x", razor), "@{ var a = 1; }");
  // An e-mail address, an escaped `@@`, a pattern's `@`: not Razor.
  EXPECT_EQ(SkipIsland("help@example.com", 4, razor), 4u);
  EXPECT_EQ(SkipIsland("@@Model", 0, razor), 0u);
  EXPECT_EQ(SkipIsland("@@Model", 1, razor), 1u);
  EXPECT_EQ(IslandAtStart("@]+$/", razor), "");
  EXPECT_EQ(IslandAtStart("@if (a { x", razor), "");  // never closed

  IslandKinds smarty = IslandKindsFor("themes/shop/checkout.tpl");
  EXPECT_EQ(IslandAtStart("{$cart.total|escape:'}'}, x", smarty),
            "{$cart.total|escape:'}'}");
  EXPECT_EQ(IslandAtStart("{if $a}x{/if}", smarty), "{if $a}");
  EXPECT_EQ(IslandAtStart("{/if}x", smarty), "{/if}");
  EXPECT_EQ(IslandAtStart("{* note *}x", smarty), "{* note *}");
  // JavaScript's own braces: an object, a block.
  EXPECT_EQ(IslandAtStart("{type:'payPal'}", smarty), "");
  EXPECT_EQ(IslandAtStart("{ if (a) {} }", smarty), "");
  EXPECT_EQ(IslandAtStart("{ifx}", smarty), "");
  // `{literal}` prints its text as written: JavaScript up to `{/literal}`.
  std::string_view literal = "{literal}if (a) {if (b) {}}{/literal}{$x}";
  EXPECT_EQ(LiteralBlockEnd(literal, 0, 9), literal.find("{/literal}"));

  IslandKinds velocity = IslandKindsFor("templates/checkout.vm");
  EXPECT_EQ(IslandAtStart("#if($a && $b)x#end", velocity), "#if($a && $b)");
  EXPECT_EQ(IslandAtStart("#end\nx", velocity), "#end");
  EXPECT_EQ(IslandAtStart("#set($n = $n + 1)x", velocity), "#set($n = $n + 1)");
  EXPECT_EQ(IslandAtStart("## note\nx", velocity), "## note");
  EXPECT_EQ(IslandAtStart("#* a\nb *#x", velocity), "#* a\nb *#");
  EXPECT_EQ(IslandAtStart("$!{cart.total} x", velocity), "$!{cart.total}");
  EXPECT_EQ(IslandAtStart("$!total x", velocity), "$!total");
  EXPECT_EQ(IslandAtStart("${cart.total} x", velocity), "${cart.total}");
  EXPECT_EQ(IslandAtStart("#endDate", velocity), "");
  EXPECT_EQ(IslandAtStart("#total = 1", velocity), "");  // a private field

  // Outside their languages, none of them is an island.
  IslandKinds html = IslandKindsFor("index.html");
  EXPECT_EQ(IslandAtStart("@Model.Total", html), "");
  EXPECT_EQ(IslandAtStart("{$total}", html), "");
  EXPECT_EQ(IslandAtStart("#if($a)", html), "");
}

TEST(IslandSyntaxTest, RazorSmartyAndVelocityIslandsThatPrintOneValue) {
  IslandKinds razor = IslandKindsFor("a.cshtml");
  EXPECT_TRUE(PrintsOneValue("@Model.Total", razor));
  EXPECT_TRUE(PrintsOneValue("@(Model.Total * 100)", razor));
  EXPECT_TRUE(PrintsOneValue("@* gone *@", razor));
  EXPECT_FALSE(PrintsOneValue("@{ ViewBag.Paid = true; }", razor));
  EXPECT_FALSE(PrintsOneValue("@if (a) { x }", razor));
  EXPECT_FALSE(PrintsOneValue("@(Model.Count++)", razor));
  EXPECT_FALSE(PrintsOneValue("@Session.Remove(\"cart\")", razor));

  IslandKinds smarty = IslandKindsFor("a.tpl");
  EXPECT_TRUE(PrintsOneValue("{$cart.total|escape:'javascript'}", smarty));
  EXPECT_TRUE(PrintsOneValue("{* gone *}", smarty));
  EXPECT_FALSE(PrintsOneValue("{$n = $n + 1}", smarty));
  EXPECT_FALSE(PrintsOneValue("{if $a}", smarty));

  IslandKinds velocity = IslandKindsFor("a.vm");
  EXPECT_TRUE(PrintsOneValue("$!{cart.total}", velocity));
  EXPECT_TRUE(PrintsOneValue("$!total", velocity));
  EXPECT_TRUE(PrintsOneValue("## gone", velocity));
  EXPECT_FALSE(PrintsOneValue("#set($n = 1)", velocity));
  EXPECT_FALSE(PrintsOneValue("#if($a)", velocity));
}

}  // namespace
}  // namespace psm
