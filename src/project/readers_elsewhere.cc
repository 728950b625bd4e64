#include "project/readers_elsewhere.h"

#include <cctype>
#include <set>

#include "find/object_builder.h"
#include "project/builder_reach.h"

namespace psm {

namespace {

// The property names a getter may be read as: `drPayload` and `dr_payload`
// for `getDrPayload()` or `getDrPayloadAttribute()`; none for other names.
std::vector<std::string> PropertyNamesOfGetter(const std::string& method) {
  std::string rest = method.starts_with("get") ? method.substr(3) : "";
  if (rest.ends_with("Attribute") && rest.size() > 9)
    rest.resize(rest.size() - 9);
  if (rest.empty() || !std::isupper(static_cast<unsigned char>(rest[0])))
    return {};
  std::string camel = rest, snake;
  camel[0] =
      static_cast<char>(std::tolower(static_cast<unsigned char>(camel[0])));
  for (char c : rest) {
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (!snake.empty()) snake += '_';
      snake += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      snake += c;
    }
  }
  if (snake == camel) return {camel};
  return {camel, snake};
}

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
                                                  const SiteRequest& request,
                                                  bool* shape_only) {
  std::vector<PayloadObserver> observers;
  int create_source_calls = 0;  // of the pages that get a PHP array
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
  for (const FieldOfImportedBase& base : request.field_bases) {
    std::string namer =
        linker_.BaseModuleNamingField(caller, base.class_at, base.field);
    if (namer.empty()) continue;
    observers.push_back(
        {"", Quote("this." + base.field) +
                 ", which holds or builds the payload, is named by " + namer +
                 ", whose code runs on the same instance and may read every "
                 "field"});
  }
  for (const std::string& method : request.exported_methods) {
    // Importers naming the method, RequireJS mixins wrapping the module,
    // and the component's templates calling it.
    std::vector<std::string> namers = ImportersOf(linker_, caller, method);
    for (std::string& t : linker_.TemplateNamers(caller, method))
      namers.push_back(std::move(t));
    for (std::string& t : linker_.ImporterTemplateNamers(caller, method))
      namers.push_back(std::move(t));
    // A mixin or base it imports, on the same instance.
    for (std::string& t : linker_.ImportedThisCallers(caller, method))
      namers.push_back(std::move(t));
    // Through the instance itself: a Vue child's `this.$parent.build()`,
    // a ref, an object handed around.
    if (namers.empty()) namers = linker_.MemberNamers(caller, {}, method, 3);
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
    std::vector<std::string> uses =
        linker_.PhpCallers(caller, request.php_function, request.php_path,
                           &calls, &create_source_calls);
    if (calls == 0) {
      // A getter called by no code may be read as a property: a Laravel
      // accessor (`getDrPayloadAttribute()` as `$order->dr_payload`), a
      // template's attribute (`getDrPayload()` as `checkout.drPayload` in
      // Twig, `$block->getDrPayload()` via `getData('dr_payload')`).
      for (const std::string& property :
           PropertyNamesOfGetter(request.php_function)) {
        std::vector<std::string> namers =
            linker_.OtherFilesNaming(caller, property, 3);
        if (namers.empty()) continue;
        observers.push_back(
            {"", Quote(request.php_function + "()") +
                     " is called by no code, and may be read as the property " +
                     Quote(property) + ", which " + FirstFew(namers, ", ") +
                     " name" + (namers.size() == 1 ? "s" : "") +
                     "; what reads it there sees every field"});
        break;
      }
      // A Magento ConfigProvider: the storefront reads what getConfig()
      // returns as `window.checkoutConfig`.
      if (request.php_function == "getConfig") {
        for (PayloadObserver& o : linker_.CheckoutConfigReaders(
                 request.php_path, &create_source_calls))
          observers.push_back(std::move(o));
      }
      // Called from nowhere in the project: a framework may call it and
      // send what it returns (a Laravel controller action, a Magento web
      // API method named in webapi.xml).
      for (PayloadObserver& o : linker_.BrowserReaders(
               caller, {request.php_path}, &create_source_calls)) {
        o.what = Quote(request.php_function + "()") +
                 " is called from nowhere in the project, so a framework may "
                 "send what it returns to the browser: " +
                 o.what;
        observers.push_back(std::move(o));
      }
    }
    if (request.php_method) {
      // Callers no call names: a computed method name, a Magento plugin.
      const std::vector<std::string>& dynamic = linker_.DynamicPhpMethodCalls();
      if (!dynamic.empty()) {
        observers.push_back(
            {"", Quote(request.php_function + "()") +
                     " returns the payload, and the project calls methods by "
                     "names it computes (" +
                     FirstFew(dynamic, "; ") +
                     "), which may be this one and read every field"});
      }
      std::vector<std::string> plugins =
          linker_.PhpPluginMethods(caller, request.php_function);
      if (!plugins.empty()) {
        observers.push_back(
            {"", Quote(request.php_function + "()") +
                     " may be wrapped by a Magento plugin (" +
                     FirstFew(plugins, "; ") +
                     "), which sees and may change what it returns"});
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
  for (const std::string& helper : request.php_helpers) {
    std::vector<std::string> uses = linker_.PhpCallers(caller, helper, {});
    if (uses.empty()) continue;
    observers.push_back(
        {"", Quote(helper + "()") +
                 ", which builds the payload, is also called in other files "
                 "that do not send what it returns on as it is (" +
                 FirstFew(uses, "; ") + "): they would get the edited array"});
  }
  if (!request.browser_paths.empty()) {
    for (PayloadObserver& o : linker_.BrowserReaders(
             caller, request.browser_paths, &create_source_calls))
      observers.push_back(std::move(o));
  }
  // An array that leaves the server is a DigitalRiver.js payload only if
  // something hands it to createSource: its shape alone (a `type` naming a
  // payment method, an `amount`, a `currency`) is also an order's, a
  // refund's, an API's. Unless a script of the project is seen doing so,
  // the array stays as it is.
  bool leaves_server =
      !request.php_function.empty() || !request.browser_paths.empty();
  if (leaves_server && create_source_calls == 0 && !php_pages_elsewhere_) {
    if (shape_only) *shape_only = true;
    observers.push_back(
        {"",
         "no script of the project hands the array to createSource, so the "
         "tool cannot show that DigitalRiver.js is what gets it (an order's "
         "or an API's data has the same shape): if it is a payment source's "
         "payload whose page lives elsewhere, rerun with "
         "--php-pages-elsewhere"});
  }
  return observers;
}

}  // namespace psm
