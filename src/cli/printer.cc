#include "cli/printer.h"

#include <cstdio>

#include "version.h"

namespace psm {
namespace {

std::string JoinList(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

void Put(std::FILE* stream, std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stream);
}

}  // namespace

std::string Finding(const FileResult& file, const SiteResult& site) {
  std::string where = file.path + ":" + std::to_string(site.line) + ":" +
                      std::to_string(site.column) + ": ";
  std::string method = site.method.empty() ? "payload" : site.method + " payload";
  switch (site.status) {
    case SiteStatus::kMigrated: {
      std::vector<std::string> steps;
      if (site.added_session_id) steps.push_back("add sessionId");
      if (!site.removed.empty()) steps.push_back("remove " + JoinList(site.removed, ", "));
      std::string text = where + method + " needs migrating: " + JoinList(steps, "; ");
      for (const std::string& r : site.reasons) text += " [" + r + "]";
      return text;
    }
    case SiteStatus::kNeedsReview:
      return where + method + " needs review: " + JoinList(site.reasons, "; ");
    case SiteStatus::kUnknownMethod:
      return where + "note: " + JoinList(site.reasons, "; ");
    case SiteStatus::kAlreadyMigrated:
      return where + method + " already migrated";
    case SiteStatus::kIgnored:
      return where + "ignored by comment";
    case SiteStatus::kCanUseSession:
      return where + "note: " + JoinList(site.reasons, "; ");
  }
  return where;
}

void Printer::File(const FileResult& file, std::string_view diff) {
  if (!file.error.empty()) Error(file.path + ": " + file.error);
  if (options_.mode == Mode::kDiff && !JsonOnStdout()) Put(stdout, diff);
  for (const SiteResult& site : file.sites) {
    bool finding = site.status == SiteStatus::kNeedsReview ||
                   (options_.mode == Mode::kCheck && site.status == SiteStatus::kMigrated);
    if (finding && options_.mode == Mode::kCheck && !JsonOnStdout()) {
      Put(stdout, Finding(file, site) + "\n");
    } else if ((site.status == SiteStatus::kNeedsReview ||
                site.status == SiteStatus::kUnknownMethod ||
                site.status == SiteStatus::kCanUseSession) && !options_.quiet) {
      Put(stderr, Finding(file, site) + "\n");
    }
  }
}

void Printer::Error(std::string_view message) {
  Put(stderr, std::string(kToolName) + ": " + std::string(message) + "\n");
}

void Printer::Summary(const RunSummary& summary, double seconds) {
  if (options_.quiet) return;
  char time[32];
  std::snprintf(time, sizeof time, " (%.2fs)", seconds);
  Put(stderr, std::string(kToolName) + ": " +
                  summary.OneLine(options_.mode == Mode::kWrite) + time + "\n");
}

bool Printer::WriteJson(const std::string& destination, const std::string& json) {
  if (destination == "-") {
    Put(stdout, json);
    return true;
  }
  std::FILE* out = std::fopen(destination.c_str(), "wb");
  bool ok = out && std::fwrite(json.data(), 1, json.size(), out) == json.size();
  if (out && std::fclose(out) != 0) ok = false;
  if (!ok) Error(destination + ": cannot write the JSON report");
  return ok;
}

}  // namespace psm
