#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "e2e/cli_harness.h"
#include "project/module_linker.h"
#include "project/module_paths.h"

namespace psm {
namespace {

using testing_cli::ScratchDir;

// A project around the classic script checkout.js, whose global
// `drPayload` some files use and others only name.
void WriteProject(const ScratchDir& dir) {
  dir.Write("package.json", "{}");
  dir.Write("js/checkout.js",
            "var drPayload = {type: 'payPal', amount: 1};\n"
            "dr.createSource(drPayload);\n");
  dir.Write("js/summary.js", "// the total\nshow(drPayload.amount);\n");
  dir.Write("js/own.js", "var drPayload = {note: 1};\nshow(drPayload.note);\n");
  dir.Write("js/local.js",
            "function send(drPayload) { return drPayload.amount; }\n"
            "const o = {drPayload: 1}; o.drPayload = 2; // drPayload\n"
            "log('drPayload');\n");
  dir.Write("js/module.mjs",
            "import x from './x.js';\nexport const total = () => "
            "drPayload.amount;\n");
  dir.Write("pages/cart.html",
            "<p>drPayload is explained in the docs</p>\n"
            "<button onclick=\"pay(drPayload)\">Pay</button>\n");
  dir.Write("pages/about.html", "<p>see drPayload</p>\n");
  // A server-side template renders the page's scripts too.
  dir.Write(
      "templates/checkout.html.twig",
      "{% block javascripts %}\n<script src=\"/js/checkout.js\"></script>\n"
      "<script>show(drPayload.amount + ' {{ currency }}');</script>\n"
      "{% endblock %}\n");
  dir.Write("js/banner.js",
            "// window.drPayload in a comment\n"
            "if (window.drPayload) show(window['drPayload'].currency);\n");
  dir.Write("js/tab.js", "show(self['drPayload'].currency);\n");
  // Declared again without a value of its own: the same global.
  dir.Write("js/again.js",
            "var drPayload;\nfunction total() { return drPayload.amount; }\n");
  // `this` in a plain function of a sloppy script is the global object;
  // in a method it is not.
  dir.Write("js/this.js",
            "function show() { return this.drPayload.amount; }\n"
            "var o = { m: function () { return this.drPayload; } };\n");
  dir.Write("js/method.js", "class A { m() { return this.drPayload; } }\n");
  // Pug's scripts are not <script> elements: naming it is reading it.
  dir.Write("views/page.pug", "div\nscript.\n  show(drPayload.amount)\n");
  // Longer names that contain it are other globals.
  dir.Write("js/longer.js",
            "show(mydrPayload, drPayloads, $drPayload, drPayload$, "
            "drPayload\u0031);\n");
  dir.Write("ts/ambient.ts",
            "declare var drPayload: any;\n"
            "export const total = () => drPayload.amount;\n");
}

LinkOptions Options(const std::string& root) {
  LinkOptions options;
  options.why_not_writable = [](const std::string&) { return std::string(); };
  options.display = [root](const std::string& p) {
    return p.rfind(root, 0) == 0 ? p.substr(root.size() + 1) : p;
  };
  return options;
}

const std::vector<std::string> kReaders = {
    "js/again.js:1",     "js/banner.js:2",
    "js/module.mjs:2",   "js/summary.js:2",
    "js/tab.js:1",       "js/this.js:1",
    "pages/cart.html:2", "templates/checkout.html.twig:3",
    "ts/ambient.ts:1",   "views/page.pug:3"};

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// Found the same with the one read of each file for the names asked (one
// or many, prepared or asked one by one) and with the project's word
// index.
TEST(GlobalReadersTest, FindsUnboundUsesInScriptsModulesAndPages) {
  ScratchDir dir;
  WriteProject(dir);
  std::string root = dir.path().string();
  ModulePaths paths(root);
  LinkOptions options = Options(root);
  std::string script = (dir.path() / "js/checkout.js").string();
  {
    Linker linker(paths, options);
    linker.PrepareNames({"drPayload"});
    EXPECT_EQ(Sorted(linker.GlobalReaders(script, "drPayload")), kReaders);
  }
  {
    Linker linker(paths, options);  // no preparation: read for this name
    EXPECT_EQ(Sorted(linker.GlobalReaders(script, "drPayload")), kReaders);
  }
  {
    // Past the first two names asked one by one, the word index answers.
    Linker linker(paths, options);
    EXPECT_TRUE(linker.GlobalReaders(script, "other1").empty());
    EXPECT_TRUE(linker.GlobalReaders(script, "other2").empty());
    EXPECT_EQ(Sorted(linker.GlobalReaders(script, "drPayload")), kReaders);
  }
  {
    std::set<std::string> many = {"drPayload"};
    for (int i = 0; i < 20; ++i) many.insert("other" + std::to_string(i));
    Linker linker(paths, options);
    linker.PrepareNames(many);  // many names, one read of each file
    EXPECT_EQ(Sorted(linker.GlobalReaders(script, "drPayload")), kReaders);
    EXPECT_TRUE(linker.GlobalReaders(script, "other3").empty());
  }
}

}  // namespace
}  // namespace psm
