#include "report/html_report.h"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <string_view>

#include "common/path_quote.h"
#include "common/report_marker.h"
#include "report/html_assets.h"
#include "report/html_compare.h"
#include "report/html_text.h"
#include "report/redact.h"
#include "report/unified_diff.h"
#include "version.h"

namespace psm {
namespace {

using html::Code;
using html::Escape;
using html::Prose;

// One number of the run's summary as the page shows it.
struct Count {
  std::string_view id;   // the element is #count-<id>; statuses use their name
  std::string_view key;  // the JSON report's summary key
  std::string_view label;  // in diff and check mode
  std::string_view done;   // after --write, when it reads differently
  int RunSummary::*value;
  bool is_status;
};

constexpr Count kCounts[] = {
    {"files", "files", "Files scanned", "", &RunSummary::files, false},
    {"files-changed", "filesChanged", "Files to change", "Files changed",
     &RunSummary::files_changed, false},
    {"files-changed-for-others", "filesChangedForOtherFiles",
     "For calls in other files", "", &RunSummary::files_changed_for_others,
     false},
    {"sites", "sites", "Call sites", "", &RunSummary::sites, false},
    {"migrated", "migrated", "To migrate", "Migrated", &RunSummary::migrated,
     true},
    {"already-migrated", "alreadyMigrated", "Already migrated", "",
     &RunSummary::already_migrated, true},
    {"needs-review", "needsReview", "Needs review", "",
     &RunSummary::needs_review, true},
    {"unknown-method", "unknownMethod", "Unknown method", "",
     &RunSummary::unknown_method, true},
    {"ignored", "ignored", "Ignored", "", &RunSummary::ignored, true},
    {"can-use-session", "canUseSession", "Could use the session", "",
     &RunSummary::can_use_session, true},
    {"skipped", "skipped", "Files skipped", "", &RunSummary::skipped, false},
    {"errors", "errors", "Errors", "", &RunSummary::errors, false},
};

constexpr std::string_view kUnknownMethod = "(unknown)";

std::string Shown(const std::string& code, const ReportOptions& options) {
  return options.redact ? Redact(code) : code;
}

std::string MethodKey(const SiteResult& site) {
  return site.method.empty() ? std::string(kUnknownMethod) : site.method;
}

std::string Badge(std::string_view status) {
  std::string name(status);
  return "<span class=\"badge\" style=\"--c:var(--" + name + ")\">" + name +
         "</span>";
}

std::string Head() {
  static_assert(html_assets::kHead.find(kReportMarker) !=
                std::string_view::npos);
  return std::string(html_assets::kHead) + "<style>" +
         std::string(html_assets::kStyle) + "</style>\n</head>\n<body>\n";
}

std::string Title(const ReportOptions& options, bool per_path) {
  std::string session = options.session_id.empty()
                            ? "placeholder (no --session-id given)"
                            : Code(options.session_id);
  if (!options.php_session_id.empty())
    session += " · PHP: " + Code(options.php_session_id);
  if (per_path)
    session += " · per path from the config's sessionIds (see each site)";
  return "<header>\n<h1>Payment session migration report</h1>\n<p "
         "class=\"meta\">" +
         Escape(std::string(kToolName) + " " + kToolVersion) + " · " +
         (options.write_mode ? "files rewritten (--write)"
                             : "nothing written yet") +
         " · <code>sessionId</code>: " + session + "</p>\n</header>\n";
}

// The same numbers, under the JSON report's summary keys, as every report.
std::string Counts(const RunSummary& s, bool write_mode) {
  std::string out = "<dl class=\"counts\">\n";
  for (const Count& c : kCounts) {
    std::string_view label = write_mode && !c.done.empty() ? c.done : c.label;
    out += "<div><dt>" + Escape(label) + "</dt><dd id=\"count-" +
           std::string(c.id) + "\" data-key=\"" + std::string(c.key) + "\">" +
           std::to_string(s.*c.value) + "</dd></div>\n";
  }
  return out + "</dl>\n";
}

// Horizontal bars, one per status; clicking one shows only that status.
std::string Chart(const RunSummary& s) {
  constexpr int kRow = 30, kLabel = 130, kWidth = 330;
  int most = 1;
  for (const Count& c : kCounts) {
    most = std::max(most, s.*c.value * c.is_status);
  }
  std::string svg = "<svg viewBox=\"0 0 520 " + std::to_string(kRow * 6) +
                    "\" role=\"img\" aria-label=\"Call sites by status\">\n";
  int row = 0;
  for (const Count& c : kCounts) {
    if (!c.is_status) continue;
    std::string name(c.id);
    int count = s.*c.value;
    int width = count == 0 ? 0 : std::max(2, count * kWidth / most);
    std::string y = std::to_string(row++ * kRow);
    svg += "<g class=\"bar\" id=\"bar-" + name + "\" data-status=\"" + name +
           "\" data-count=\"" + std::to_string(count) +
           "\" transform=\"translate(0," + y + ")\"><title>" + name + ": " +
           std::to_string(count) + "</title><text x=\"0\" y=\"19\">" + name +
           "</text><rect x=\"" + std::to_string(kLabel) +
           "\" y=\"5\" width=\"" + std::to_string(width) +
           "\" height=\"20\" rx=\"3\" fill=\"var(--" + name +
           ")\"/><text x=\"" + std::to_string(kLabel + width + 6) +
           "\" y=\"19\">" + std::to_string(count) + "</text></g>\n";
  }
  return "<figure class=\"chart\" style=\"margin:0\"><h2>Call sites by "
         "status</h2>\n" +
         svg + "</svg></figure>\n";
}

std::string Summary(const RunSummary& s, bool write_mode) {
  return "<section class=\"top\">\n<div class=\"panel\"><h2>Summary</h2>\n" +
         Counts(s, write_mode) + "</div>\n<div class=\"panel\">" + Chart(s) +
         "</div>\n</section>\n";
}

std::string StatusFilter(const RunSummary& s) {
  std::string out = "<fieldset><legend>Status</legend>\n";
  for (const Count& c : kCounts) {
    int count = s.*c.value;
    if (!c.is_status || count == 0) continue;
    std::string name(c.id);
    out += "<label><input type=\"checkbox\" name=\"status\" value=\"" + name +
           "\" checked> " + Badge(name) + " " + std::to_string(count) +
           "</label>\n";
  }
  return out + "</fieldset>\n";
}

std::string MethodFilter(const std::vector<FileResult>& files) {
  std::map<std::string, int> methods;
  for (const FileResult& file : files) {
    for (const SiteResult& site : file.sites) ++methods[MethodKey(site)];
  }
  std::string out =
      "<label>Method <select id=\"filter-method\">\n<option value=\"\">All "
      "methods</option>\n";
  for (const auto& [method, count] : methods) {
    out += "<option value=\"" + Escape(method) + "\">" + Escape(method) + " (" +
           std::to_string(count) + ")</option>\n";
  }
  return out + "</select></label>\n";
}

std::string Filters(const std::vector<FileResult>& files, const RunSummary& s) {
  return "<section class=\"panel filters\" aria-label=\"Filters\">\n" +
         StatusFilter(s) + MethodFilter(files) +
         "<button type=\"button\" id=\"show-all\">Show all</button>\n" +
         "<p id=\"shown\">Showing <span id=\"shown-count\">" +
         std::to_string(s.sites) + "</span> of <span id=\"total-count\">" +
         std::to_string(s.sites) + "</span> call sites</p>\n</section>\n";
}

std::string Compare(const SiteResult& site, const ReportOptions& options) {
  return BeforeAfterHtml(Shown(site.before, options),
                         Shown(site.after, options), site.excerpt_line);
}

// One table row per removed field; `where` is its first cell.
std::string LedgerRows(
    const SiteResult& site, const ReportOptions& options,
    const std::function<std::string(const RemovedField&)>& where) {
  std::string rows;
  for (const RemovedField& field : site.ledger) {
    rows += "<tr><td>" + where(field) + "</td><td>" + Code(field.path) +
            "</td><td>" + Code(Shown(field.expression, options)) +
            "</td></tr>\n";
  }
  return rows;
}

std::string SiteLedger(const SiteResult& site, const ReportOptions& options) {
  // A payload built in another file has its values there.
  std::string file = site.built_file.empty()
                         ? std::string("line ")
                         : Escape(ReadablePath(site.built_file)) + ":";
  std::string rows = LedgerRows(site, options, [&](const RemovedField& field) {
    return (field.file.empty() ? file
                               : Escape(ReadablePath(field.file)) + ":") +
           std::to_string(field.line);
  });
  if (rows.empty()) return "";
  return "<table class=\"ledger\"><tr><th>" +
         std::string(options.write_mode ? "Removed" : "Removes") +
         "</th><th>Field</th><th>Value</th></tr>\n" + rows + "</table>\n";
}

// Where a payload of another file is built, and the hops that lead there.
std::string BuiltAt(const SiteResult& site) {
  if (site.built_file.empty()) return "";
  std::string out = "<li class=\"built-at\">Built at <code>" +
                    Escape(ReadablePath(site.built_file) + ":" +
                           std::to_string(site.built_line) + ":" +
                           std::to_string(site.built_column)) +
                    "</code>";
  if (site.via.empty()) return out + "</li>\n";
  out += ", via:\n<ol class=\"via\">\n";
  for (const std::string& hop : site.via)
    out += "<li><code>" + Escape(hop) + "</code></li>\n";
  return out + "</ol></li>\n";
}

std::string Facts(const SiteResult& site, const ReportOptions& options) {
  std::string out;
  if (!site.removed.empty() && site.ledger.empty()) {
    out +=
        std::string("<li>") + (options.write_mode ? "Removed: " : "Removes: ");
    for (size_t i = 0; i < site.removed.size(); ++i) {
      out += (i ? ", " : "") + Code(site.removed[i]);
    }
    out += "</li>\n";
  }
  if (site.added_session_id) {
    const std::string& expression = options.SessionIdOf(site);
    out += std::string("<li>") + (options.write_mode ? "Added " : "Adds ") +
           "<code>sessionId</code>: " +
           (expression.empty() ? "placeholder" : Code(expression)) +
           Escape(ReportOptions::SessionSourceNote(site)) + "</li>\n";
  }
  out += BuiltAt(site);
  for (const std::string& reason : site.reasons) {
    out += "<li class=\"reason\">" + Prose(reason) + "</li>\n";
  }
  return out.empty() ? "" : "<ul>\n" + out + "</ul>\n";
}

std::string SiteCard(const FileResult& file, const SiteResult& site, int index,
                     const ReportOptions& options) {
  std::string id = "site-" + std::to_string(index);
  std::string where = ReadablePath(file.path) + ":" +
                      std::to_string(site.line) + ":" +
                      std::to_string(site.column);
  std::string method =
      site.method.empty() ? "method unknown" : Code(site.method);
  return "<article class=\"site\" data-language=\"" +
         std::string(LanguageName(site.language)) + "\" id=\"" + id +
         "\" data-status=\"" + std::string(StatusName(site.status)) +
         "\" data-method=\"" + Escape(MethodKey(site)) + "\">\n<header>" +
         Badge(StatusName(site.status)) + " <a href=\"#" + id + "\">" +
         Escape(where) + "</a> " + method + "</header>\n" +
         Facts(site, options) + SiteLedger(site, options) +
         Compare(site, options) + "</article>\n";
}

std::string FilesHtml(const std::vector<FileResult>& files,
                      const ReportOptions& options) {
  std::string out;
  int index = 0;
  for (const FileResult& file : files) {
    if (file.sites.empty() && file.error.empty()) continue;
    std::string name = Escape(ReadablePath(file.path));
    out += "<section class=\"file\" data-file=\"" + name + "\">\n<h2>" + name +
           "</h2>\n";
    if (!file.error.empty()) {
      out += std::string("<p class=\"error\">") +
             (file.skipped ? "Skipped: " : "Error: ") + Escape(file.error) +
             "</p>\n";
    }
    for (const SiteResult& site : file.sites) {
      out += SiteCard(file, site, ++index, options);
    }
    out += "</section>\n";
  }
  if (out.empty()) {
    out =
        "<p class=\"panel\">No <code>createSource()</code> calls found.</p>\n";
  }
  return "<main>\n" + out + "</main>\n";
}

std::string LedgerHtml(const std::vector<FileResult>& files,
                       const ReportOptions& options) {
  std::string rows;
  int index = 0;
  for (const FileResult& file : files) {
    if (file.sites.empty() && file.error.empty()) continue;
    for (const SiteResult& site : file.sites) {
      std::string anchor = "<a href=\"#site-" + std::to_string(++index) + "\">";
      const std::string& written =
          site.built_file.empty() ? file.path : site.built_file;
      rows += LedgerRows(site, options, [&](const RemovedField& field) {
        return anchor +
               Escape(ReadablePath(written) + ":" +
                      std::to_string(field.line)) +
               "</a>";
      });
    }
  }
  std::string body =
      rows.empty()
          ? "<p>No property was removed.</p>\n"
          : "<p>With payment sessions these values no longer go to "
            "<code>createSource()</code>: "
            "each must now reach the server-side checkout instead.</p>\n"
            "<table><tr><th>Removed "
            "at</th><th>Field</th><th>Value</th></tr>\n" +
                rows + "</table>\n";
  return "<section class=\"panel\" id=\"ledger\"><h2>Ledger</h2>\n" + body +
         "</section>\n";
}

}  // namespace

std::string HtmlReport(const std::vector<FileResult>& files,
                       const RunSummary& summary,
                       const ReportOptions& options) {
  return Head() + Title(options, ReportOptions::AnyPerPathSession(files)) +
         Summary(summary, options.write_mode) + Filters(files, summary) +
         FilesHtml(files, options) + LedgerHtml(files, options) + "<script>" +
         std::string(html_assets::kScript) + "</script>\n</body>\n</html>\n";
}

}  // namespace psm
