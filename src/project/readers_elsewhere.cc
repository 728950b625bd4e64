#include "project/readers_elsewhere.h"

#include <set>

#include "find/object_builder.h"
#include "project/builder_reach.h"

namespace psm {
namespace {

// The first few of `items`, then how many more.
std::string FirstFew(const std::vector<std::string>& items,
                     std::string_view separator) {
  constexpr size_t kShown = 3;
  std::string listed;
  for (size_t i = 0; i < items.size() && i < kShown; ++i) {
    if (i != 0) listed += separator;
    listed += items[i];
  }
  if (items.size() > kShown) {
    listed += std::string(separator) + "and " +
              std::to_string(items.size() - kShown) + " more";
  }
  return listed;
}

// The other files of the project that import the export `name` of
// `module` (absolute; "default" for its default export): by that name, or
// through the module as a whole, an alias or a re-export.
std::vector<std::string> ImportersOf(Linker& linker, const std::string& module,
                                     const std::string& name) {
  std::set<std::string> self = {module};
  BuilderReach reach;
  reach.modules = self;
  reach.names = {name};
  reach.whole = name == "default";
  // "src/summary.js imports it as `makeIt`": the file, then what it does.
  std::vector<std::string> importers = linker.Reachers(&reach, self);
  std::set<std::string> shown;
  for (const std::string& reacher : importers)
    shown.insert(reacher.substr(0, reacher.find(' ')));
  if (name == "default") return importers;
  for (std::string& namer : linker.OtherNamers(self, name, self))
    if (!shown.contains(namer)) importers.push_back(std::move(namer));
  return importers;
}

}  // namespace

std::vector<PayloadObserver> ReadersElsewhere::Of(const std::string& caller,
                                                  const SiteRequest& request) {
  std::vector<PayloadObserver> observers;
  for (const std::string& name : request.globals) {
    auto [known, added] = global_readers_.try_emplace({caller, name});
    if (added) known->second = linker_.GlobalReaders(caller, name);
    if (known->second.empty()) continue;
    observers.push_back(
        {"", Quote(name) +
                 " is a global of this classic script that other scripts of "
                 "the page may read (" +
                 FirstFew(known->second, ", ") + " names it)"});
  }
  for (const std::string& name : request.exported) {
    std::vector<std::string> importers = ImportersOf(linker_, caller, name);
    if (importers.empty()) continue;
    observers.push_back(
        {"", (name == "default" ? std::string("The module's default export")
                                : Quote(name)) +
                 ", which builds the payload, is imported by other modules "
                 "(" +
                 FirstFew(importers, ", ") +
                 "); they may read every field of what it returns"});
  }
  for (const std::string& method : request.exported_methods) {
    // Importers naming the method, RequireJS mixins wrapping the module,
    // and the component's templates calling it.
    std::vector<std::string> namers = ImportersOf(linker_, caller, method);
    for (std::string& t : linker_.TemplateNamers(caller, method))
      namers.push_back(std::move(t));
    if (namers.empty()) continue;
    observers.push_back(
        {"", Quote(method) +
                 ", which builds the payload, is a method of a class or "
                 "object that leaves this module, and other files name it (" +
                 FirstFew(namers, ", ") +
                 "); they may read every field of what it returns"});
  }
  if (!request.php_function.empty()) {
    int calls = 0;
    std::vector<std::string> uses = linker_.PhpCallers(
        caller, request.php_function, request.php_path, &calls);
    if (calls == 0) {
      // Called from nowhere in the project: a framework may call it and
      // send what it returns (a Laravel controller action, a Magento web
      // API method named in webapi.xml).
      for (PayloadObserver& o :
           linker_.BrowserReaders(caller, {request.php_path})) {
        o.what = Quote(request.php_function + "()") +
                 " is called from nowhere in the project, so a framework may "
                 "send what it returns to the browser: " +
                 o.what;
        observers.push_back(std::move(o));
      }
    }
    if (!uses.empty()) {
      observers.push_back(
          {"", Quote(request.php_function + "()") +
                   " returns the payload, and other files call it without "
                   "sending it on as it is (" +
                   FirstFew(uses, "; ") +
                   "); the tool does not follow it there"});
    }
  }
  if (!request.browser_paths.empty()) {
    for (PayloadObserver& o :
         linker_.BrowserReaders(caller, request.browser_paths))
      observers.push_back(std::move(o));
  }
  return observers;
}

}  // namespace psm
