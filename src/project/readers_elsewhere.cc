#include "project/readers_elsewhere.h"

#include "find/object_builder.h"

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
