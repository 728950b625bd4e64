// Linker::MixinsOf: the RequireJS mixins of a module, from the project's
// requirejs-config.js files and from `require.config({...})` calls that a
// script or a page makes itself (a theme's inline script, a boot file),
// which Magento's mixins plugin honours the same way.

#include <filesystem>

#include "common/strings.h"
#include "find/scope.h"
#include "io/file_io.h"
#include "project/config_scan.h"
#include "project/module_linker.h"
#include "syntax/node.h"

namespace psm {
namespace fs = std::filesystem;
namespace {

bool IsConfigCall(TSNode n, std::string_view text) {
  if (!node::Is(n, "call_expression")) return false;
  std::string_view callee = node::Text(node::Field(n, "function"), text);
  return callee == "require.config" || callee == "requirejs.config";
}

bool MakesConfigCall(std::string_view text) {
  return text.find("require.config") != std::string_view::npos ||
         text.find("requirejs.config") != std::string_view::npos;
}

}  // namespace

std::vector<std::string> Linker::MixinsOf(const std::string& module) {
  std::vector<std::string> mixins = paths_.MixinsOf(module);
  for (const InlineMixin& m : InlineMixins()) {
    if (paths_.Resolve(m.file, m.target) == module) mixins.push_back(m.mixin);
  }
  return mixins;
}

// Read once, when a question about a module's mixins first comes: only the
// files naming `mixins` are read, and parsed only when they call
// require.config.
const std::vector<Linker::InlineMixin>& Linker::InlineMixins() {
  if (inline_mixins_) return *inline_mixins_;
  inline_mixins_.emplace();
  // Outside Magento no loader reads `config.mixins`, and the question
  // costs no look through the project.
  if (!paths_.MayHaveMixins()) return *inline_mixins_;
  Parser parser;
  for (uint32_t i : FilesNaming("mixins")) {
    const std::string& path = ProjectFiles()[i];
    if (fs::path(path).filename() == "requirejs-config.js") continue;
    // Parsed only when it makes such a call: a Vue project's components
    // name `mixins` by the hundred.
    SourceFile read = ReadSourceFile(AbsolutePath(path), kDefaultMaxFileBytes);
    if (!read.error.empty() || !MakesConfigCall(read.text)) continue;
    std::optional<Module> page;
    const Module* file = ScriptsOf(path, parser, &page);
    if (!file) continue;
    ForEachDescendant(file->tree.Root(), true, [&](TSNode n) {
      if (!IsConfigCall(n, file->text)) return;
      for (auto& [target, mixin] : MixinsIn(n, file->text))
        inline_mixins_->push_back({file->path, target, mixin});
    });
  }
  return *inline_mixins_;
}

}  // namespace psm
