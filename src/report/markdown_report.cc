#include "report/markdown_report.h"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>

#include "common/path_quote.h"
#include "common/strings.h"
#include "report/redact.h"
#include "report/unified_diff.h"
#include "version.h"

namespace psm {
namespace {

constexpr std::array<SiteStatus, 6> kStatuses = {
    SiteStatus::kMigrated,    SiteStatus::kAlreadyMigrated,
    SiteStatus::kNeedsReview, SiteStatus::kUnknownMethod,
    SiteStatus::kIgnored,     SiteStatus::kCanUseSession};

constexpr size_t kMaxExcerptLines = 20;
constexpr size_t kMaxLedgerExpression = 80;

// Text for a table cell: one line, with `|` escaped (also inside code spans,
// as GitHub reads the escape before the code span).
std::string Cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

size_t LongestBacktickRun(std::string_view text) {
  size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

// A code span that shows `text` exactly: the fence is longer than any run of
// backticks in it, and a space pads it where CommonMark would otherwise eat
// a backtick at either end or strip a space from both.
std::string Code(std::string_view text) {
  std::string fence(LongestBacktickRun(text) + 1, '`');
  bool spaces = text.size() >= 2 && text.front() == ' ' && text.back() == ' ' &&
                text.find_first_not_of(' ') != std::string_view::npos;
  bool pad =
      !text.empty() && (text.front() == '`' || text.back() == '`' || spaces);
  std::string code;
  code.reserve(2 * fence.size() + text.size() + 2);
  code += fence;
  if (pad) code += ' ';
  code += text;
  if (pad) code += ' ';
  code += fence;
  return code;
}

// Whitespace runs become one space; long texts end in "…".
std::string OneLine(std::string_view text, size_t max) {
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (!space) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    out = out.substr(0, cut) + "…";
  }
  return out;
}

std::string Shown(const std::string& code, const ReportOptions& options) {
  return options.redact ? Redact(code) : code;
}

std::string Header(const ReportOptions& options, bool per_path) {
  std::string session = options.session_id.empty()
                            ? "placeholder (no `--session-id` given)"
                            : Code(options.session_id);
  if (!options.php_session_id.empty())
    session += " · PHP: " + Code(options.php_session_id);
  if (per_path)
    session += " · per path from the config's sessionIds (see each site)";
  return "# Payment session migration report\n\n" + std::string(kToolName) +
         " " + kToolVersion + " · " +
         (options.write_mode ? "files rewritten (`--write`)"
                             : "nothing written yet") +
         " · `sessionId`: " + session + "\n\n";
}

std::string SummarySection(const RunSummary& s, bool write_mode) {
  const std::pair<const char*, int> rows[] = {
      {"Files scanned", s.files},
      {write_mode ? "Files changed" : "Files to change", s.files_changed},
      {"Files changed for calls in other files", s.files_changed_for_others},
      {"Call sites", s.sites},
      {write_mode ? "Migrated" : "To migrate", s.migrated},
      {"Already migrated", s.already_migrated},
      {"Needs review", s.needs_review},
      {"Unknown method", s.unknown_method},
      {"Ignored", s.ignored},
      {"Could use the session", s.can_use_session},
      {"Files skipped", s.skipped},
      {"Errors", s.errors}};
  std::string out = "## Summary\n\n| | Count |\n|---|---:|\n";
  for (const auto& [label, count] : rows) {
    out += "| " + std::string(label) + " | " + std::to_string(count) + " |\n";
  }
  return out + "\n";
}

using MethodCounts = std::map<std::string, std::array<int, kStatuses.size()>>;

MethodCounts CountByMethod(const std::vector<FileResult>& files) {
  MethodCounts counts;
  for (const FileResult& file : files) {
    for (const SiteResult& site : file.sites) {
      counts[site.method][static_cast<size_t>(site.status)] += 1;
    }
  }
  return counts;
}

std::string MethodRow(const std::string& label,
                      const std::array<int, 6>& counts,
                      const std::vector<size_t>& columns) {
  std::string row = "| " + label;
  int total = 0;
  for (size_t c : columns) {
    row += " | " + std::to_string(counts[c]);
    total += counts[c];
  }
  return row + " | " + std::to_string(total) + " |\n";
}

// Sites by payment method (rows) and status (columns present in the run).
std::string MethodSection(const std::vector<FileResult>& files) {
  MethodCounts counts = CountByMethod(files);
  if (counts.empty()) {
    return "## Sites by payment method\n\nNo `createSource()` calls found.\n\n";
  }
  std::array<int, 6> totals{};
  for (const auto& [method, row] : counts) {
    for (size_t i = 0; i < totals.size(); ++i) totals[i] += row[i];
  }
  std::vector<size_t> columns;
  std::string head = "| Method", rule = "|---";
  for (size_t i = 0; i < kStatuses.size(); ++i) {
    if (totals[i] == 0) continue;
    columns.push_back(i);
    head += " | " + std::string(StatusName(kStatuses[i]));
    rule += "|---:";
  }
  std::string out = "## Sites by payment method\n\n" + head + " | Total |\n" +
                    rule + "|---:|\n";
  for (const auto& [method, row] : counts) {
    out += MethodRow(method.empty() ? "(unknown)" : Cell(Code(method)), row,
                     columns);
  }
  return out + MethodRow("**Total**", totals, columns) + "\n";
}

// The language a fenced block is highlighted as, from the file's extension.
std::string_view FenceLanguage(std::string_view path) {
  std::string_view ext =
      path.substr(std::min(path.size(), path.rfind('.') + 1));
  if (ext == "ts" || ext == "mts" || ext == "cts") return "ts";
  if (ext == "tsx") return "tsx";
  if (ext == "html" || ext == "htm") return "html";
  if (ext == "php" || ext == "phtml") return "php";
  return "js";
}

// Before/after as diff lines, without the headers UnifiedDiff adds.
std::string DiffBody(const std::string& before, const std::string& after) {
  std::string diff = UnifiedDiff("excerpt", before, after, 1 << 20), out;
  size_t start = 0;
  while (start < diff.size()) {
    size_t end = std::min(diff.find('\n', start), diff.size() - 1) + 1;
    std::string_view line(diff.data() + start, end - start);
    if (!line.starts_with("---") && !line.starts_with("+++") &&
        !line.starts_with("@@") && !line.starts_with("\\")) {
      out += line;
    }
    start = end;
  }
  return out;
}

// A fenced block indented into a list item, at most kMaxExcerptLines long.
std::string Fenced(std::string_view lang, const std::string& body) {
  std::string fence(std::max<size_t>(3, LongestBacktickRun(body) + 1), '`');
  std::string out = "  " + fence + std::string(lang) + "\n";
  size_t start = 0, lines = 0;
  while (start < body.size() && lines++ < kMaxExcerptLines) {
    size_t end = std::min(body.find('\n', start), body.size());
    std::string_view line(body.data() + start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    out += "  " + std::string(line) + "\n";
    start = end + 1;
  }
  if (start < body.size()) out += "  ...\n";
  return out + "  " + fence + "\n";
}

std::string Excerpt(const FileResult& file, const SiteResult& site,
                    const ReportOptions& options) {
  std::string before = Shown(site.before, options),
              after = Shown(site.after, options);
  if (before.empty()) return "";
  std::string out =
      "  - Excerpt from line " + std::to_string(site.excerpt_line) + ":\n\n";
  if (before == after) return out + Fenced(FenceLanguage(file.path), before);
  return out + Fenced("diff", DiffBody(before, after));
}

std::string SessionIdNote(const SiteResult& site,
                          const ReportOptions& options) {
  if (!site.added_session_id) return "";
  std::string verb = options.write_mode ? "Added" : "Adds";
  const std::string& expression = options.SessionIdOf(site);
  if (expression.empty()) {
    return "  - " + verb + " `sessionId`: placeholder (give `" +
           std::string(ReportOptions::SessionIdFlag(site.language)) + "`)\n";
  }
  return "  - " + verb + " `sessionId`: " + Code(expression) +
         ReportOptions::SessionSourceNote(site) + "\n";
}

std::string SiteItem(const FileResult& file, const SiteResult& site,
                     const ReportOptions& options) {
  std::string method =
      site.method.empty() ? "method unknown" : Code(site.method);
  std::string out = "- **Line " + std::to_string(site.line) + "** · " + method +
                    " · **" + std::string(StatusName(site.status)) + "**\n";
  if (!site.removed.empty()) {
    std::vector<std::string> paths;
    for (const std::string& path : site.removed) paths.push_back(Code(path));
    out += std::string("  - ") +
           (options.write_mode ? "Removed: " : "Removes: ") +
           Join(paths, ", ") + "\n";
  }
  if (!site.built_file.empty()) {
    out += "  - Built at " +
           Code(ReadablePath(site.built_file) + ":" +
                std::to_string(site.built_line) + ":" +
                std::to_string(site.built_column)) +
           (site.via.empty() ? "" : ", via " + Join(site.via, " → ")) + "\n";
  }
  out += SessionIdNote(site, options);
  for (const std::string& reason : site.reasons) {
    out += "  - Reason: " + reason + "\n";
  }
  bool review = site.status == SiteStatus::kNeedsReview ||
                site.status == SiteStatus::kUnknownMethod;
  return review ? out + Excerpt(file, site, options) : out;
}

std::string FileSection(const FileResult& file, const ReportOptions& options) {
  std::string out = "### " + Code(ReadablePath(file.path)) + "\n\n";
  if (!file.error.empty()) {
    out += std::string(file.skipped ? "Skipped: " : "**Error:** ") +
           file.error + "\n\n";
  }
  for (const SiteResult& site : file.sites) {
    out += SiteItem(file, site, options);
  }
  return file.sites.empty() ? out : out + "\n";
}

std::string FilesSection(const std::vector<FileResult>& files,
                         const ReportOptions& options) {
  std::string out;
  for (const FileResult& file : files) {
    if (!file.sites.empty() || !file.error.empty()) {
      out += FileSection(file, options);
    }
  }
  return out.empty() ? "" : "## Files\n\n" + out;
}

std::string LedgerSection(const std::vector<FileResult>& files,
                          const ReportOptions& options) {
  std::string items;
  for (const FileResult& file : files) {
    for (const SiteResult& site : file.sites) {
      // The values are where the payload is built: another file's lines
      // for a payload built there.
      const std::string& written =
          site.built_file.empty() ? file.path : site.built_file;
      for (const RemovedField& field : site.ledger) {
        std::string value =
            OneLine(Shown(field.expression, options), kMaxLedgerExpression);
        const std::string& stood = field.file.empty() ? written : field.file;
        items += "- [ ] " +
                 Code(ReadablePath(stood) + ":" + std::to_string(field.line)) +
                 " — " + Code(field.path + ": " + value) + "\n";
      }
    }
  }
  if (items.empty()) return "## Ledger\n\nNo property was removed.\n";
  return "## Ledger\n\n"
         "With payment sessions these values no longer go to `createSource()`: "
         "each "
         "must now reach the server-side checkout instead (set it on the "
         "checkout "
         "your server creates). Tick each one once it does.\n\n" +
         items;
}

}  // namespace

std::string MarkdownReport(const std::vector<FileResult>& files,
                           const RunSummary& summary,
                           const ReportOptions& options) {
  return Header(options, ReportOptions::AnyPerPathSession(files)) +
         SummarySection(summary, options.write_mode) + MethodSection(files) +
         FilesSection(files, options) + LedgerSection(files, options);
}

}  // namespace psm
