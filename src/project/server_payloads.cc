#include "project/server_payloads.h"

#include <algorithm>
#include <array>

#include "common/strings.h"
#include "io/file_io.h"
#include "io/ignore.h"
#include "io/walk.h"
#include "migrate/file_migrator.h"
#include "php/php_payload_finder.h"
#include "php/php_reading.h"
#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {
namespace {

constexpr std::array<std::string_view, 4> kEnvelopeKeys = {
    "data", "content", "result", "responseJSON"};

// Whether a browser reading `keys` gets what was sent under `sent`.
bool Reads(const std::vector<std::string>& keys,
           const std::vector<std::string>& sent) {
  if (sent.empty()) {
    return keys.empty() ||
           (keys.size() == 1 &&
            std::find(kEnvelopeKeys.begin(), kEnvelopeKeys.end(), keys[0]) !=
                kEnvelopeKeys.end());
  }
  if (sent.size() > keys.size() || keys.size() - sent.size() > 2) return false;
  return std::equal(sent.rbegin(), sent.rend(), keys.rbegin());
}

// The lower-cased path segments of a URL or file, without a query, a
// fragment, a scheme and host, or a PHP file's extension.
std::vector<std::string> RouteSegments(std::string_view path) {
  path = path.substr(0, path.find_first_of("?#"));
  if (size_t scheme = path.find("://"); scheme != std::string_view::npos)
    path = path.substr(std::min(path.size(), path.find('/', scheme + 3)));
  std::vector<std::string> segments;
  for (std::string_view part : SplitOn(path, '/')) {
    if (!part.empty() && part != ".") segments.push_back(Lowered(part));
  }
  if (!segments.empty()) {
    std::string& last = segments.back();
    for (std::string_view ext : {".php", ".phtml"}) {
      if (last.ends_with(ext)) last.resize(last.size() - ext.size());
    }
  }
  return segments;
}

// Whether `url` names the PHP file `file` (relative to the project root):
// its last two segments end the file's path (Magento's `front/dir/action`
// names `Controller/Dir/Action.php`, `/api/pay.php` names `api/pay.php`),
// or its one segment is the file's name with `.php`. A Magento route
// without its action names `Index.php`.
bool Routes(std::string_view url, std::string_view file) {
  std::vector<std::string> want = RouteSegments(url);
  std::vector<std::string> have = RouteSegments(file);
  if (want.empty()) return false;
  if (want.size() == 1) {
    return url.find(".php") != std::string_view::npos && !have.empty() &&
           have.back() == want.back();
  }
  auto ends = [&](const std::vector<std::string>& tail) {
    return tail.size() <= have.size() &&
           std::equal(tail.rbegin(), tail.rend(), have.rbegin());
  };
  std::vector<std::string> last_two(want.end() - 2, want.end());
  std::vector<std::string> index = {want.back(), "index"};
  return ends(last_two) || ends(index);
}

// The payload arrays of one PHP file, each with its plan.
void AddFilePayloads(const std::string& path, std::string_view text,
                     const RuleTable& rules, const PlanOptions& options,
                     Parser& parser, std::vector<ServerPayload>* out) {
  Tree tree = parser.Parse(Language::kPhp, text);
  if (!tree.ok()) return;
  std::vector<php::PhpPayloadSite> found =
      php::FindPhpPayloads(text, tree.Root(), rules);
  if (found.empty()) return;
  Migration m =
      MigrateText(path, text, LanguageForPath(path).value_or(Language::kPhp),
                  rules, options, parser);
  for (php::PhpPayloadSite& site : found) {
    auto plan = std::find_if(m.result.sites.begin(), m.result.sites.end(),
                             [&](const SiteResult& s) {
                               return s.call_offset == site.site.call.begin;
                             });
    if (plan == m.result.sites.end()) continue;
    out->push_back({path, *plan, std::move(site.response_paths)});
  }
}

}  // namespace

ServerPayloads::ServerPayloads(std::string root, const RuleTable& rules,
                               const PlanOptions& options)
    : root_(std::move(root)), rules_(rules), options_(options) {}

ServerPayloads::Match ServerPayloads::SentUnder(const ServerRead& read) {
  if (!payloads_) Load();
  Match match;
  for (const std::string& file : php_files_) {
    for (const std::string& url : read.urls) {
      if (!Routes(url, file.substr(root_.size()))) continue;
      match.routed_files.push_back(file);
      break;
    }
  }
  for (const ServerPayload& p : *payloads_) {
    if (!match.routed_files.empty() &&
        std::find(match.routed_files.begin(), match.routed_files.end(),
                  p.file) == match.routed_files.end()) {
      continue;
    }
    for (const std::vector<std::string>& path : p.response_paths) {
      if (!Reads(read.keys, path)) continue;
      match.payloads.push_back(&p);
      break;
    }
  }
  return match;
}

void ServerPayloads::Load() {
  payloads_.emplace();
  IgnoreRules ignore({}, {}, true);
  Parser parser;
  for (const std::string& path : CollectFiles({root_}, &ignore).files) {
    if (!IsPhpFile(path)) continue;
    php_files_.push_back(path);
    SourceFile file = ReadSourceFile(path, kDefaultMaxFileBytes);
    if (!file.error.empty() || !php::MayHoldPhpPayload(file.text, rules_))
      continue;
    AddFilePayloads(path, file.text, rules_, options_, parser, &*payloads_);
  }
}

}  // namespace psm
