#include "php/php_reading.h"

#include <array>
#include <string>

#include "common/text_lines.h"
#include "migrate/file_links.h"
#include "php/php_payload_finder.h"
#include "php/php_session_scope.h"
#include "project/response_reads.h"

namespace psm::php {
namespace {

// True when `text` at `at` (just past a quote) holds `word` and the same
// quote again.
bool QuotedAt(std::string_view text, size_t at, std::string_view word) {
  return text.substr(at, word.size()) == word &&
         at + word.size() < text.size() &&
         text[at + word.size()] == text[at - 1];
}

}  // namespace

FileReading PhpReading(std::string_view text, const RuleTable& rules,
                       const PlanOptions& options) {
  FileReading reading;
  reading.language = Language::kPhp;
  reading.source = text;
  reading.options = options;
  reading.options.session_id = options.php_session_id;
  reading.options.session_needs = {};  // the JavaScript expression's
  reading.options.session_id_flag = "--php-session-id";
  // PHP arrays are planned here, on their own; the JavaScript calls that
  // receive them are answered later from their plans (ServerPayloads).
  reading.find = [&rules, session = options.php_session_id](
                     std::string_view text, std::string_view source,
                     TSNode root, const FileLinks* links) {
    FoundSites found;
    LinesOnDemand lines(source);
    for (PhpPayloadSite& php : FindPhpPayloads(source, root, rules)) {
      // Where sessionId would go: each array of the payload.
      for (const PayloadLiteral& p : php.site.payloads) {
        if (!php.site.refused.empty() || session.empty()) break;
        php.site.refused = SessionExpressionOutOfScope(
            root, p.object.range.begin, session, source);
      }
      // Returned by a function only other files call: ask what they do
      // with it (the project model).
      // Sent to the browser: ask which pages read it there.
      bool returned = php.returned && !php.returned_by.empty();
      // Returned by a closure handed to a framework (a WordPress REST
      // route's callback): what it returns may be sent to the browser.
      bool closure = php.returned && php.returned_by.empty();
      if ((returned || closure || !php.response_paths.empty() ||
           !php.helpers_elsewhere.empty()) &&
          !php.site.payloads.empty()) {
        SiteRequest r;
        r.call_begin = php.site.call.begin;
        r.line = lines.Line(r.call_begin);
        if (returned) {
          r.php_function = php.returned_by;
          r.php_method = php.returned_by_method;
          r.php_path = php.returned_path;
        }
        r.browser_paths = php.response_paths;
        r.php_helpers = php.helpers_elsewhere;
        if (closure) r.browser_paths.push_back(php.returned_path);
        found.requests.push_back(std::move(r));
      }
      // Printed into this page: what its own scripts do with it.
      for (const PagePrint& print : php.page_prints) {
        for (PayloadObserver& o :
             PrintedValueReads(text, print.at, print.path, "")) {
          php.site.observers.push_back(std::move(o));
        }
      }
      if (links) {
        // The project model took it for other data (Linker::
        // ProjectNamesDigitalRiver): not a site.
        auto other = links->not_digital_river.find(php.site.call.begin);
        if (other != links->not_digital_river.end()) {
          found.passed_over.push_back(
              {php.site.call, other->second, "payload-shaped array"});
          continue;
        }
        auto readers = links->readers_elsewhere.find(php.site.call.begin);
        if (readers != links->readers_elsewhere.end()) {
          for (const PayloadObserver& o : readers->second)
            php.site.observers.push_back(o);
        }
      }
      found.sites.push_back(std::move(php.site));
    }
    return found;
  };
  return reading;
}

bool MayHoldPhpPayload(std::string_view text, const RuleTable& rules) {
  // Every payload array the tool can migrate names its method in quotes
  // somewhere in the file: its `type`, the method's own key, the constant
  // its type comes from, or the argument a helper gets. Most PHP files of a
  // project have no such word; each quote is found with memchr and only
  // one followed by a method's first letter is looked at further.
  std::array<bool, 256> starts{};
  for (const auto& [type, rule] : rules.methods()) {
    if (!type.empty()) starts[static_cast<unsigned char>(type[0])] = true;
  }
  for (char quote : {'\'', '"'}) {
    for (size_t at = text.find(quote); at != std::string_view::npos;
         at = text.find(quote, at + 1)) {
      if (at + 1 >= text.size() ||
          !starts[static_cast<unsigned char>(text[at + 1])]) {
        continue;
      }
      for (const auto& [type, rule] : rules.methods()) {
        if (QuotedAt(text, at + 1, type)) return true;
      }
    }
  }
  return false;
}

}  // namespace psm::php
