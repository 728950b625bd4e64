// Linker::BrowserReaders: the browser code of a project that reads what a
// PHP file sends it. A payload array put in a response (`setData`,
// `json_encode` + `echo`) reaches a page's `createSource(response.payload)`,
// and the page may also show `response.payload.amount`: removing `amount`
// in PHP would break that page, so every such read is an observer of the
// array, whichever browser file does it.

#include <algorithm>
#include <array>
#include <filesystem>
#include <optional>

#include "common/report_marker.h"
#include "common/strings.h"
#include "find/object_builder.h"
#include "find/server_response.h"
#include "io/file_io.h"
#include "project/module_linker.h"
#include "project/response_match.h"
#include "project/response_reads.h"
#include "syntax/embedded_script.h"
#include "syntax/language.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Whether a PHP file includes another one it picks at run time
// (`require __DIR__ . '/actions/' . $action . '.php'`): a front controller,
// which answers whatever the file it picks answers.
bool IncludesByVariable(std::string_view text) {
  for (std::string_view word : {"require", "include"}) {
    for (size_t at : WordsAt(text, word)) {
      size_t end = text.find(';', at);
      std::string_view statement = text.substr(at, end - at);
      if (statement.find('$') != std::string_view::npos) return true;
    }
  }
  return false;
}

// A Magento module's frontend controller: `<module>/Controller/...php`
// next to the module's `etc/frontend/routes.xml`.
bool IsMagentoController(const std::string& path) {
  size_t at = path.rfind("/Controller/");
  if (at == std::string::npos) return false;
  std::error_code error;
  return std::filesystem::exists(
      path.substr(0, at) + "/etc/frontend/routes.xml", error);
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Whether the word at `at` (of `size` bytes) of `text` stands as a key
// read or taken (`r.payload`, `r?.payload`, `['payload']`, `{payload}`,
// `payload: p`), not as a variable of its own (`var payload = {...}`,
// `post(url, payload)`), which is request data more often than not.
bool KeyUseAt(std::string_view text, size_t at, size_t size) {
  size_t before = at;
  while (before > 0 && IsBlank(text[before - 1])) --before;
  size_t after = at + size;
  while (after < text.size() && IsBlank(text[after])) ++after;
  char prev = before > 0 ? text[before - 1] : '\0';
  char next = after < text.size() ? text[after] : '\0';
  bool quoted = at > 0 && (text[at - 1] == '\'' || text[at - 1] == '"') &&
                at + size < text.size() && text[at + size] == text[at - 1];
  return prev == '.' || quoted || next == ':' || prev == '{' || next == '}';
}

// Whether a page may read what is sent under `sent` by the PHP file of
// stem `stem`: it takes one of the keys (KeyUseAt), or names the file in a
// path (`'drpay/paypal/start'` for `Start.php`) and may hold the whole
// response; an array sent as the whole response, any page.
bool MayReadSent(std::string_view text, std::string_view stem,
                 const std::vector<std::vector<std::string>>& sent) {
  for (const std::vector<std::string>& path : sent) {
    if (path.empty()) return true;
    for (size_t at : WordsAt(text, path.back())) {
      if (KeyUseAt(text, at, path.back().size())) return true;
    }
  }
  std::string lowered = Lowered(stem);
  for (std::string_view word :
       {std::string_view(stem), std::string_view(lowered)}) {
    for (size_t at : WordsAt(text, word)) {
      if (at > 0 && text[at - 1] == '/') return true;
    }
  }
  return false;
}

}  // namespace

std::vector<PayloadObserver> Linker::BrowserReaders(
    const std::string& file, const std::vector<std::vector<std::string>>& sent,
    int* create_source_calls) {
  std::string self = AbsolutePath(file);
  const std::string& root = paths_.root();
  std::string self_relative =
      self.starts_with(root) ? self.substr(root.size()) : self;
  const std::vector<std::string>& answering = JsonAnsweringPhpFiles();
  // A request whose URL names other PHP files of the project that answer
  // with JSON, and not this one, gets their arrays. A URL naming a file
  // that does not (a front controller, `index.php?route=...`) may be
  // answered by any.
  // A Magento controller answers only the route naming it
  // (`front/dir/action`): a request with another literal URL (a REST
  // route, another module's action) cannot reach it.
  bool magento_controller = IsMagentoController(self);
  auto may_answer = [&](const std::vector<std::string>& urls) {
    bool elsewhere = false;
    if (magento_controller && !urls.empty() &&
        std::none_of(urls.begin(), urls.end(), [](const std::string& u) {
          return u.empty();  // a URL not all written out
        })) {
      elsewhere = true;
    }
    for (const std::string& url : urls) {
      if (magento_controller ? UrlMayReachMagentoAction(url, self_relative)
                             : UrlNamesFile(url, self_relative))
        return true;
      elsewhere = elsewhere || std::any_of(answering.begin(), answering.end(),
                                           [&](const std::string& f) {
                                             return UrlNamesFile(url, f);
                                           });
    }
    return !elsewhere;
  };
  std::string stem = std::filesystem::path(file).stem().string();
  std::vector<PayloadObserver> readers;
  Parser parser;
  for (uint32_t i : FilesReadingSent(file, sent)) {
    std::string path = AbsolutePath(ProjectFiles()[i]);
    std::string shown = options_.display(path);
    if (auto kept = browser_pages_.find(i); kept != browser_pages_.end()) {
      const Module& page = *kept->second;
      for (PayloadObserver& o :
           ResponseReadsIn(page.tree.Root(), page.text, shown, sent, may_answer,
                           create_source_calls)) {
        readers.push_back(std::move(o));
      }
      continue;
    }
    SourceFile read = ReadSourceFile(path, kDefaultMaxFileBytes);
    if (!read.error.empty() || IsToolReport(read.text)) continue;
    if (IsOpaqueTemplate(path)) {
      if (std::optional<PayloadObserver> named =
              NamedInOpaqueTemplate(read.text, shown, sent)) {
        readers.push_back(std::move(*named));
      }
      continue;
    }
    if (!MayNameRequestApi(read.text) || !MayReadSent(read.text, stem, sent))
      continue;
    std::optional<Module> page =
        BrowserScript(path, std::move(read.text), parser);
    if (!page) continue;
    for (PayloadObserver& o :
         ResponseReadsIn(page->tree.Root(), page->text, shown, sent, may_answer,
                         create_source_calls)) {
      readers.push_back(std::move(o));
    }
    // Several arrays of a project ask about the same pages: the first
    // megabytes of them are kept parsed for the next question.
    if (browser_page_bytes_ + page->text.size() <= kKeptBrowserPageBytes) {
      browser_page_bytes_ += page->text.size();
      browser_pages_.emplace(i, std::make_unique<Module>(std::move(*page)));
    }
  }
  return readers;
}

std::vector<uint32_t> Linker::FilesReadingSent(
    const std::string& file,
    const std::vector<std::vector<std::string>>& sent) {
  // A file reading a keyed array names its last key, or handles the whole
  // response of a request naming the file (`'drpay/paypal/start'` for
  // `Start.php`); one sent as the whole response may be read by any page
  // asking a server for something.
  std::vector<uint32_t> candidates;
  std::string stem = std::filesystem::path(file).stem().string();
  for (const std::string& word : {stem, Lowered(stem)}) {
    for (uint32_t i : FilesNaming(word)) candidates.push_back(i);
  }
  for (const std::vector<std::string>& path : sent) {
    if (path.empty()) {
      candidates.resize(ProjectFiles().size());
      for (uint32_t i = 0; i < candidates.size(); ++i) candidates[i] = i;
      return candidates;
    }
    for (uint32_t i : FilesNaming(path.back())) candidates.push_back(i);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()),
                   candidates.end());
  return candidates;
}

std::optional<PayloadObserver> Linker::NamedInOpaqueTemplate(
    std::string_view text, const std::string& shown,
    const std::vector<std::vector<std::string>>& sent) {
  // Its scripts are not picked out: naming the key is reading it.
  for (const std::vector<std::string>& path : sent) {
    if (!path.empty() && !WordsAt(text, path.back()).empty()) {
      return PayloadObserver{
          "", "the array is sent to the browser, and " + shown + " names " +
                  Quote(path.back()) +
                  ", a template whose scripts the tool does not read"};
    }
  }
  return std::nullopt;
}

const std::vector<std::string>& Linker::JsonAnsweringPhpFiles() {
  if (json_answering_php_) return *json_answering_php_;
  json_answering_php_.emplace();
  const std::string& root = paths_.root();
  for (const std::string& f : ProjectFiles()) {
    std::string absolute = AbsolutePath(f);
    if (!IsPhpFile(absolute) || !absolute.starts_with(root)) continue;
    SourceFile read = ReadSourceFile(absolute, kDefaultMaxFileBytes);
    if (read.error.empty() &&
        FindNoCase(read.text, "json") != std::string::npos &&
        !IncludesByVariable(read.text)) {
      json_answering_php_->push_back(absolute.substr(root.size()));
    }
  }
  return *json_answering_php_;
}

std::optional<Module> Linker::BrowserScript(const std::string& path,
                                            std::string text, Parser& parser) {
  std::optional<Language> language = LanguageForPath(path);
  bool container = IsScriptContainer(path);
  if (!container && (!language || *language == Language::kPhp))
    return std::nullopt;
  Module page;
  page.path = path;
  if (container) {
    ScriptView view = MaskScriptContainer(text, IslandKindsFor(path));
    page.text = std::move(view.text);
    page.tree = parser.Parse(view.language, page.text);
  } else {
    page.text = std::move(text);
    page.tree = parser.Parse(*language, page.text);
  }
  if (!page.tree.ok()) return std::nullopt;
  return page;
}

std::vector<PayloadObserver> Linker::CheckoutConfigReaders(
    const std::vector<std::string>& path, int* create_source_calls) {
  std::vector<PayloadObserver> readers;
  if (path.empty()) return readers;
  Parser parser;
  std::vector<uint32_t> with_key = FilesNaming(path.back());
  for (uint32_t i : FilesNaming("checkoutConfig")) {
    if (!std::binary_search(with_key.begin(), with_key.end(), i)) continue;
    std::string file = AbsolutePath(ProjectFiles()[i]);
    SourceFile read = ReadSourceFile(file, kDefaultMaxFileBytes);
    if (!read.error.empty() || IsToolReport(read.text)) continue;
    std::optional<Module> page =
        BrowserScript(file, std::move(read.text), parser);
    if (!page) continue;
    for (PayloadObserver& o : CheckoutConfigReadsIn(
             page->tree.Root(), page->text, options_.display(file), path,
             create_source_calls))
      readers.push_back(std::move(o));
  }
  return readers;
}

}  // namespace psm
