#ifndef PSM_MIGRATE_FILE_READING_H_
#define PSM_MIGRATE_FILE_READING_H_

#include <tree_sitter/api.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/text_lines.h"
#include "edit/site_plan.h"
#include "find/call_site.h"
#include "migrate/file_links.h"
#include "migrate/file_result.h"
#include "syntax/embedded_script.h"
#include "syntax/language.h"

namespace psm {

// What one reading of a file found: the sites to plan and, for the
// project model, the calls whose payload comes from another module.
struct FoundSites {
  std::vector<CallSite> sites;
  // Sites the project model adds come last, from `first_noted` on: calls
  // of wrappers defined elsewhere, then (from `first_builder` on) builders
  // of payloads for calls elsewhere. Each gets its note before its reasons.
  size_t first_noted = static_cast<size_t>(-1);
  size_t first_builder = static_cast<size_t>(-1);
  std::vector<std::string> notes;
  std::vector<SiteRequest> requests;
  std::vector<PassedOverCall> passed_over;  // not DigitalRiver.js
};

// One language's reading of a file: the grammar, the text it parses (the
// file itself, or a same-length view that blanks what is not of that
// language, so offsets are the file's) and how it finds the sites to plan.
// A script has one reading; a PHP template two, its PHP and its <script>
// JavaScript, planned by the same planner into one set of edits.
struct FileReading {
  Language language = Language::kJavaScript;
  std::string_view source;  // must outlive the reading
  PlanOptions options;      // with this language's sessionId expression
  // The sites in `root`, the tree of `source` (this reading's text, or
  // after edits its edited text), ready to plan; `text` is the file.
  // `links`: what the project model learned about the file (null when
  // checking a rewrite).
  std::function<FoundSites(std::string_view text, std::string_view source,
                           TSNode root, const FileLinks* links)>
      find;
  // Sites reported as found, never edited (optional).
  std::function<std::vector<SiteResult>(TSNode root, const LineIndex& lines)>
      extra_sites;
  // Whether the file with only this reading's edits (`edited`) still reads
  // as it did around them (optional).
  std::function<bool(std::string_view text, std::string_view edited)> verify;
  // Why a site's edits must be left to a person, or "" (optional): they
  // would remove something of the file `text` this reading does not see.
  std::function<std::string(std::string_view text, const EditSet& edits)>
      refuse_site;
  // Why the site at `call` sits in a syntax error, when this reading knows
  // better than "fix the file" (a template's code in the script), or ""
  // (optional).
  std::function<std::string(std::string_view text, ByteRange call)>
      explain_error;
  // A site's reason as the user should read it: what this reading's
  // source masks (a template's islands) shown as the file has it
  // (optional).
  std::function<std::string(std::string_view text, const std::string& reason)>
      unmask;
};

// A JavaScript or TypeScript file read whole. `session_apis`: look for
// the other DigitalRiver.js calls that could take the session.
FileReading ScriptReading(Language language, std::string_view text,
                          const PlanOptions& options, bool session_apis);

// The scripts of a markup file, through `view` (MaskScriptContainer); an
// edit must not end an attribute or a script early.
FileReading MarkupScriptReading(const ScriptView& view,
                                const PlanOptions& options, bool session_apis);

}  // namespace psm

#endif  // PSM_MIGRATE_FILE_READING_H_
