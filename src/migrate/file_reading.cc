#include "migrate/file_reading.h"

#include <algorithm>

#include "find/object_builder.h"
#include "find/scope.h"
#include "find/script_kind.h"
#include "find/session_api_finder.h"
#include "find/site_finder.h"
#include "migrate/builder_sites.h"
#include "migrate/markup_names.h"
#include "syntax/template_islands.h"

namespace psm {
namespace {

// Other DigitalRiver.js calls that could take the session.
std::vector<SiteResult> SessionApiSites(std::string_view source, TSNode root,
                                        const LineIndex& lines) {
  std::vector<SiteResult> sites;
  for (SessionApiSite& api : FindSessionApiSites(source, root)) {
    SiteResult r;
    r.line = lines.Line(api.call.begin);
    r.column = lines.Column(api.call.begin);
    r.status = SiteStatus::kCanUseSession;
    r.reasons.push_back(std::move(api.reason));
    sites.push_back(std::move(r));
  }
  return sites;
}

FileReading JavaScriptReading(Language language, std::string_view source,
                              const PlanOptions& options, bool session_apis) {
  FileReading reading;
  reading.language = language;
  reading.source = source;
  reading.options = options;
  reading.find = [](std::string_view text, std::string_view source, TSNode root,
                    const FileLinks* links) {
    // Fast name lookups while finding; gone before the tree is edited.
    IndexedTree indexed(root, source);
    FoundSites found;
    found.sites = FindCallSites(source, root, &found.passed_over);
    if (source.data() != text.data())
      ObserveMarkupNames(text, source, &found.sites);
    std::vector<CallSite> wrapped;
    if (links) {
      ApplyLinks(*links, &found.sites, &found.passed_over);
      wrapped = WrapperCallSites(source, root, *links, &found.notes);
      GiveWayToWrapperCalls(root, *links, wrapped, &found.sites);
    }
    std::sort(found.passed_over.begin(), found.passed_over.end(),
              [](const PassedOverCall& a, const PassedOverCall& b) {
                return a.call.begin < b.call.begin;
              });
    bool globals = std::any_of(
        found.sites.begin(), found.sites.end(),
        [](const CallSite& s) { return !s.program_bindings.empty(); });
    found.requests = RequestsOf(found.sites, source,
                                globals && IsClassicScript(root, source));
    found.first_noted = found.sites.size();
    found.first_builder = found.sites.size();
    if (links) {
      for (CallSite& w : wrapped) found.sites.push_back(std::move(w));
      found.first_builder = found.sites.size();
      for (CallSite& b : BuilderSites(source, root, *links, &found.notes))
        found.sites.push_back(std::move(b));
    }
    return found;
  };
  if (session_apis) {
    reading.extra_sites = [source](TSNode root, const LineIndex& lines) {
      return SessionApiSites(source, root, lines);
    };
  }
  return reading;
}

// `reason` with each masked island it quotes (a run of underscores, see
// MaskScriptContainer) shown as the file `text` has it, when the file has
// one island of that length; "template code" when it has several.
std::string Unmasked(const std::string& reason, std::string_view text,
                     std::string_view view) {
  constexpr size_t kShortest = 4;
  if (reason.find("____") == std::string::npos) return reason;
  std::string out;
  for (size_t i = 0; i < reason.size();) {
    size_t run = reason.find_first_not_of('_', i);
    if (reason[i] != '_' ||
        (run == std::string::npos ? reason.size() : run) - i < kShortest) {
      out += reason[i++];
      continue;
    }
    size_t length = (run == std::string::npos ? reason.size() : run) - i;
    std::string found;
    int islands = 0;
    for (size_t at = view.find(std::string(length, '_'));
         at != std::string::npos;
         at = view.find(std::string(length, '_'), at + length)) {
      bool whole = (at == 0 || view[at - 1] != '_') &&
                   (at + length == view.size() || view[at + length] != '_');
      std::string_view original = text.substr(at, length);
      if (!whole || original.find_first_not_of('_') == std::string::npos)
        continue;
      if (islands++ == 0) found = std::string(original);
    }
    if (islands == 1 && found.size() <= 80) {
      out += found;
    } else {
      out += islands == 0 ? std::string(length, '_') : "template code";
    }
    i += length;
  }
  return out;
}

// Why a site of a template's script sits in a syntax error: template code
// in the call itself (`<isif>` between the payload's fields), when there
// is some; "" otherwise, for the plain reason.
std::string TemplateCodeNear(std::string_view text, const ScriptView& view,
                             ByteRange call) {
  for (const ByteRange& region : view.regions) {
    if (call.begin < region.begin || call.begin >= region.end) continue;
    ByteRange island = CodeIslandIn(
        text, {call.begin, std::min(call.end, region.end)}, view.islands);
    if (island.empty() || island.end > call.end) return "";
    std::string_view code = island.In(text);
    std::string shown(code.substr(0, std::min<size_t>(code.size(), 60)));
    if (shown.size() < code.size()) shown += "...";
    return "a syntax error surrounds this call, and its script holds "
           "template code that is JavaScript only once the server has run "
           "it (" +
           Quote(shown) + ", line " +
           std::to_string(text::LineAt(text, island.begin)) +
           "); migrate by hand (or fix the file first if the error is "
           "elsewhere)";
  }
  return "";
}

}  // namespace

FileReading ScriptReading(Language language, std::string_view text,
                          const PlanOptions& options, bool session_apis) {
  return JavaScriptReading(language, text, options, session_apis);
}

FileReading MarkupScriptReading(const ScriptView& view,
                                const PlanOptions& options, bool session_apis) {
  FileReading reading =
      JavaScriptReading(view.language, view.text, options, session_apis);
  reading.verify = [&view](std::string_view text, std::string_view edited) {
    return SameMarkup(text, view, edited,
                      MaskScriptContainer(edited, view.islands));
  };
  reading.refuse_site = [islands = view.islands](std::string_view text,
                                                 const EditSet& edits) {
    for (const Edit& edit : edits.edits()) {
      ByteRange island = CodeIslandIn(text, edit.range, islands);
      if (island.empty()) continue;
      return "a field it removes holds server-side code that does more than "
             "print a value (" +
             Quote(island.In(text)) + ", line " +
             std::to_string(text::LineAt(text, island.begin)) +
             "); removing it would remove that code; migrate by hand";
    }
    return std::string();
  };
  reading.explain_error = [&view](std::string_view text, ByteRange call) {
    return TemplateCodeNear(text, view, call);
  };
  reading.unmask = [&view](std::string_view text, const std::string& reason) {
    return Unmasked(reason, text, view.text);
  };
  return reading;
}

}  // namespace psm
