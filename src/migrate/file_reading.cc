#include "migrate/file_reading.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <utility>

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

// The masked islands of a script view (runs of underscores where the file
// has other text, see MaskScriptContainer), by length: how many, and the
// file's text of the first. Made once per file, when a reason needs it.
struct MaskedIslands {
  std::map<size_t, std::pair<int, std::string>> by_length;
};

MaskedIslands FindMaskedIslands(std::string_view text, std::string_view view) {
  MaskedIslands found;
  for (size_t at = view.find(kShortestMask); at != std::string_view::npos;) {
    size_t end = view.find_first_not_of('_', at);
    if (end == std::string_view::npos) end = view.size();
    std::string_view original = text.substr(at, end - at);
    if (end - at >= kShortestMask.size() &&
        original.find_first_not_of('_') != std::string_view::npos) {
      auto& [count, first] = found.by_length[end - at];
      if (count++ == 0) first = std::string(original);
    }
    at = view.find(kShortestMask, end);
  }
  return found;
}

// `reason` with each masked island it quotes shown as the file has it, when
// the file has one island of that length; "<template code>" when several.
std::string Unmasked(const std::string& reason, const MaskedIslands& islands) {
  std::string out;
  for (size_t i = 0; i < reason.size();) {
    size_t run = reason.find_first_not_of('_', i);
    size_t length = (run == std::string::npos ? reason.size() : run) - i;
    if (reason[i] != '_' || length < kShortestMask.size()) {
      out += reason[i++];
      continue;
    }
    auto found = islands.by_length.find(length);
    if (found == islands.by_length.end()) {
      out.append(length, '_');
    } else if (found->second.first == 1 && found->second.second.size() <= 80) {
      out += found->second.second;
    } else {
      out += "<template code>";
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
  auto islands = std::make_shared<std::optional<MaskedIslands>>();
  reading.unmask = [&view, islands](std::string_view text,
                                    const std::string& reason) {
    if (!HoldsMaskedIsland(reason)) return reason;
    if (!*islands) *islands = FindMaskedIslands(text, view.text);
    return Unmasked(reason, **islands);
  };
  return reading;
}

}  // namespace psm
