#include "report/github_annotations.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "common/path_quote.h"
#include "report/sarif_report.h"
#include "version.h"

namespace psm {
namespace {

// A control byte the runner's escapes do not cover and a log shows raw
// (CR and LF are escaped; a tab is harmless).
bool IsControlByte(char c) {
  auto b = static_cast<unsigned char>(c);
  return (b < 0x20 && c != '\t' && c != '\n' && c != '\r') || b == 0x7f;
}

// The runner's escaping: messages lose %, CR and LF; properties also : and ,.
// Other control bytes are written as `\x1b`.
std::string Escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        if (IsControlByte(c)) {
          // ESC and the like would reach the log raw: a name or message
          // could then recolour or rewrite what the reader sees.
          static const char kHex[] = "0123456789abcdef";
          auto b = static_cast<unsigned char>(c);
          out += "\\x";
          out += kHex[b >> 4];
          out += kHex[b & 15];
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string_view Command(FindingLevel level) {
  switch (level) {
    case FindingLevel::kError:
      return "error";
    case FindingLevel::kWarning:
      return "warning";
    case FindingLevel::kNote:
      return "notice";
  }
  return "error";
}

// The runner decodes the escapes back to the name, so GitHub can place the
// annotation on the file; but it reads UTF-8, so a name that is not UTF-8
// goes quoted, and so does one starting with a quote (a value that starts
// with a quote is then always a quoted name) or holding control bytes.
std::string FileProperty(const std::string& path) {
  bool quote = !IsUtf8(path) || path.starts_with('"') ||
               std::any_of(path.begin(), path.end(), IsControlByte);
  return "file=" + Escape(quote ? ReadablePath(path) : path, true);
}

std::string Annotation(std::string_view command, const std::string& properties,
                       std::string_view message) {
  return "::" + std::string(command) + " " + properties +
         "::" + Escape(message, false) + "\n";
}

}  // namespace

std::string GithubAnnotations(const FileResult& file, bool write_mode) {
  const std::string path = FileProperty(file.path);
  const std::string title = ",title=" + Escape(kToolName, true);
  std::string out;
  if (!file.error.empty() && (!file.skipped || file.unjudged)) {
    out += Annotation("error", path + title, file.error);
  }
  for (const SiteResult& site : file.sites) {
    std::optional<Finding> finding = SiteFinding(site, write_mode);
    if (!finding) continue;
    std::string where = path + ",line=" + std::to_string(site.line) +
                        ",col=" + std::to_string(site.column);
    out += Annotation(Command(finding->level), where + title, finding->message);
  }
  return out;
}

}  // namespace psm
