#include "project/response_match.h"

#include <algorithm>
#include <array>

#include "common/strings.h"

namespace psm {
namespace {

// Where request APIs put the answer: axios' and AngularJS' `data`,
// Magento's `content`, `result`, jqXHR's `responseJSON`, superagent's,
// vue-resource's and Angular's `body`, XMLHttpRequest's `response`.
constexpr std::array<std::string_view, 6> kEnvelopeKeys = {
    "data", "content", "result", "responseJSON", "body", "response"};

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

}  // namespace

bool ReadGetsSent(const std::vector<std::string>& keys,
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

ResponsePart PartOfResponse(const std::vector<std::string>& keys,
                            const std::vector<std::string>& sent) {
  if (ReadGetsSent(keys, sent)) return ResponsePart::kIs;
  auto is_envelope = [](const std::string& key) {
    return std::find(kEnvelopeKeys.begin(), kEnvelopeKeys.end(), key) !=
           kEnvelopeKeys.end();
  };
  ResponsePart part = ResponsePart::kOther;
  // `keys` = envelope (the first `e` keys) + a proper prefix of `sent`.
  for (size_t e = 0; e <= 2 && e <= keys.size(); ++e) {
    size_t rest = keys.size() - e;
    if (rest >= sent.size() ||
        !std::equal(keys.begin() + e, keys.end(), sent.begin())) {
      continue;
    }
    if (std::all_of(keys.begin(), keys.begin() + e, is_envelope))
      return ResponsePart::kHolds;
    part = ResponsePart::kMayHold;
  }
  return part;
}

bool UrlNamesFile(std::string_view url, std::string_view file) {
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

bool UrlMayReachMagentoAction(std::string_view url, std::string_view file) {
  if (UrlNamesFile(url, file)) return true;
  std::vector<std::string> want = RouteSegments(url);
  std::vector<std::string> have = RouteSegments(file);
  if (have.size() < 2) return false;
  auto action = have.end() - 2;
  return std::search(want.begin(), want.end(), action, have.end()) !=
         want.end();
}

}  // namespace psm
