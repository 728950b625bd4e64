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
#include "project/module_paths.h"
#include "project/project_survey.h"
#include "project/response_match.h"
#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {
namespace {

// The payload arrays of one PHP file, each with its plan.
void AddFilePayloads(const std::string& path, std::string_view text,
                     const RuleTable& rules, const PlanOptions& options,
                     const FileLinks* links, Parser& parser,
                     std::vector<ServerPayload>* out) {
  Tree tree = parser.Parse(Language::kPhp, text);
  if (!tree.ok()) return;
  std::vector<php::PhpPayloadSite> found =
      php::FindPhpPayloads(text, tree.Root(), rules);
  if (found.empty()) return;
  Migration m =
      MigrateText(path, text, LanguageForPath(path).value_or(Language::kPhp),
                  rules, options, parser, links);
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
                               const PlanOptions& options,
                               const std::map<std::string, FileLinks>* links,
                               ProjectSurvey* survey)
    : root_(std::move(root)),
      rules_(rules),
      options_(options),
      links_(links),
      survey_(survey) {}

ServerPayloads::Match ServerPayloads::SentUnder(const ServerRead& read) {
  if (!payloads_) Load();
  Match match;
  for (const std::string& file : php_files_) {
    for (const std::string& url : read.urls) {
      if (!UrlNamesFile(url, file.substr(root_.size()))) continue;
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
      if (!ReadGetsSent(read.keys, path)) continue;
      match.payloads.push_back(&p);
      break;
    }
  }
  return match;
}

void ServerPayloads::Load() {
  payloads_.emplace();
  // The ignore files honoured, as the linker's walk does without
  // --no-ignore: then it is the survey's, walked once per run.
  bool surveyed = survey_ && survey_->Lists(root_, false);
  std::vector<std::string> walked;
  if (!surveyed) {
    IgnoreRules ignore({}, {}, true);
    walked = CollectFiles({root_}, &ignore).files;
  }
  const std::vector<std::string>& files = surveyed ? survey_->Files() : walked;
  Parser parser;
  for (const std::string& path : files) {
    if (!IsPhpFile(path)) continue;
    php_files_.push_back(path);
    SourceFile file = ReadSourceFile(path, kDefaultMaxFileBytes);
    if (!file.error.empty() || !php::MayHoldPhpPayload(file.text, rules_))
      continue;
    const FileLinks* links = nullptr;
    if (links_) {
      auto found = links_->find(AbsolutePath(path));
      if (found != links_->end()) links = &found->second;
    }
    AddFilePayloads(path, file.text, rules_, options_, links, parser,
                    &*payloads_);
  }
}

}  // namespace psm
