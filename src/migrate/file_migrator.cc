#include "migrate/file_migrator.h"

#include <algorithm>
#include <functional>
#include <optional>

#include "common/spare_cores.h"
#include "common/text_lines.h"
#include "find/method_scan.h"
#include "find/scope.h"
#include "find/session_api_finder.h"
#include "find/site_finder.h"
#include "migrate/builder_sites.h"
#include "migrate/edited_parse.h"
#include "migrate/file_kind.h"
#include "migrate/file_reading.h"
#include "migrate/kept_syntax.h"
#include "migrate/layer_errors.h"
#include "migrate/session_context.h"
#include "migrate/shared_payloads.h"
#include "migrate/site_details.h"
#include "migrate/unparsed_calls.h"
#include "php/php_reading.h"
#include "syntax/embedded_script.h"
#include "syntax/tree_release.h"

namespace psm {
namespace {

SiteResult ToResult(SitePlan& plan, const CallSite& site,
                    const LineIndex& lines) {
  SiteResult r;
  r.line = lines.Line(site.call.begin);
  r.column = lines.Column(site.call.begin);
  r.status = plan.status;
  r.method = std::move(plan.method);
  r.removed = std::move(plan.removed);
  r.added_session_id = plan.added_session_id;
  r.reasons = std::move(plan.reasons);
  r.call_offset = site.call.begin;
  return r;
}

// (Sorted even when `more` is empty: builder sites come after the calls.
// A file's sites mostly come in order already: checking costs a scan, a
// stable sort moves every site.)
void MergeSites(std::vector<SiteResult> more, FileResult* result) {
  for (SiteResult& r : more) result->sites.push_back(std::move(r));
  auto before = [](const SiteResult& a, const SiteResult& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  };
  if (!std::is_sorted(result->sites.begin(), result->sites.end(), before))
    std::stable_sort(result->sites.begin(), result->sites.end(), before);
}

// A rewrite that is not safe is dropped whole: every site that had edits
// now needs review, for `reason`.
// The safety net turned the file's edits down: nothing is written and the
// sites that had edits need review, saying why. Not an error of the file
// (exit status 2 is for what the tool could not read or write): an
// unquoted `onclick=dr.createSource({...})`, where any inserted space ends
// the attribute, is a site for a person, as `--check`'s status 1 says.
void Reject(Migration* m, std::string_view reason) {
  m->edited_text.clear();
  m->result.changed = false;
  for (SiteResult& s : m->result.sites) {
    if (s.fixes.empty()) continue;
    s.status = SiteStatus::kNeedsReview;
    s.removed.clear();
    s.added_session_id = false;
    s.ledger.clear();
    s.fixes.clear();
    s.reasons.emplace_back(reason);
  }
}

// Plans every site, then makes sites that share a literal agree. `root` is
// the tree of `source`.
std::vector<SitePlan> PlanSites(const std::vector<CallSite>& sites,
                                std::string_view text, std::string_view source,
                                TSNode root, const RuleTable& rules,
                                const PlanOptions& options) {
  std::vector<SitePlan> plans(sites.size());
  bool may_ignore = MayIgnoreByComment(text);
  // The lines of the sites whose session expression cannot stand where
  // they are, counted once (a count from the file's start per site made a
  // long file quadratic).
  std::optional<LineIndex> lines;
  const ExpressionNeeds& needs = options.session_needs;
  if (needs.any() || !needs.names.empty() || needs.reads_this)
    lines.emplace(source);
  // Each site is planned on its own: thousands may share two cores.
  SplitOverSpareCore(
      sites.size(), kSitesWorthACore, [&](size_t begin, size_t end, bool) {
        // RefuseOtherBindings resolves names: with the index, a lookup
        // costs a few hash probes instead of a walk of its scopes.
        std::optional<IndexedTree> indexed;
        if (lines) indexed.emplace(root, source);
        for (size_t k = begin; k < end; ++k) {
          const CallSite& site = sites[k];
          SitePlan& plan = plans[k];
          if (may_ignore &&
              IgnoredByComment(text, site.call.begin)) {  // markup's <!-- too
            plan.status = SiteStatus::kIgnored;
            plan.reasons.emplace_back(kIgnoredReason);
            continue;
          }
          plan = PlanSharedPayload(site, source, rules, options);
          if (lines) {
            RefuseOutOfContext(&plan, root, *lines, options);
            RefuseOtherBindings(&plan, site, root, source, *lines, options);
          }
        }
      });
  ReconcileSharedLiterals(sites, source, &plans);
  return plans;
}

// In a file with syntax errors, tree-sitter's error recovery can read the
// code differently once it is edited, so a second run could find more to
// do. The rewrite is kept only if the edited text, analysed again, needs
// no further edit: the tool stays idempotent (found by fuzz_migrate).
bool Stable(const FileReading& reading, std::string_view text,
            std::string_view source, TSNode root, const RuleTable& rules) {
  std::vector<CallSite> sites = reading.find(text, source, root, nullptr).sites;
  for (const SitePlan& plan :
       PlanSites(sites, text, source, root, rules, reading.options)) {
    if (!plan.edits.empty()) return false;
  }
  return true;
}

// One reading parsed, its sites planned, its edits collected.
struct PlannedReading {
  const FileReading* reading = nullptr;
  Tree tree;
  // The file's only reading has the file's edits: they are not gathered
  // twice (a copy of every edit of a file of thousands of sites).
  bool only_reading = false;
  EditSet edits;  // unless only_reading
  // The objects its sites' edits lie in (sealed once all are planned).
  ObjectShapes shapes;
  std::vector<SiteResult> extra_sites;
};

const EditSet& EditsOf(const PlannedReading& p, const EditSet& file_edits) {
  return p.only_reading ? file_edits : p.edits;
}

// Where the sites of a file stand while their edits are gathered.
struct SiteEditsOf {
  size_t index;  // in the file's sites
  EditSet edits;
  ByteRange call;
};

// A site whose edits cannot be made is left to a person, for `reason`:
// its plan keeps no edit, its result says nothing is removed.
void Refuse(SitePlan* plan, SiteResult* result, std::string reason) {
  plan->edits = EditSet();
  result->status = SiteStatus::kNeedsReview;
  result->removed.clear();
  result->added_session_id = false;
  result->ledger.clear();
  result->fixes.clear();
  result->reasons.push_back(std::move(reason));
}

// A site whose edits overlap another's (one payload, two calls that need
// different edits) is left to a person.
void RefuseShared(SitePlan* plan, SiteResult* result) {
  Refuse(plan, result,
         "its payload is shared with another call that needs different "
         "edits; migrate by hand");
}

// Parses `reading`, plans its sites into `m`, gathers their edits.
bool PlanReading(const FileReading& reading, std::string_view text,
                 const RuleTable& rules, const FileLinks* links, Parser& parser,
                 const LineIndex& lines, Migration* m, EditSet* file_edits,
                 std::vector<SiteEditsOf>* site_edits, PlannedReading* out) {
  out->reading = &reading;
  out->tree = parser.Parse(reading.language, reading.source);
  if (!out->tree.ok()) {
    m->result.error =
        NestsTooDeepToParse(reading.source)
            ? "brackets nest more than " + std::to_string(kDeepestNesting) +
                  " deep, more than the parser takes safely; left unchanged"
            : "the parser refused the file";
    return false;
  }
  TSNode root = out->tree.Root();
  FoundSites found = reading.find(text, reading.source, root, links);
  std::vector<CallSite>& sites = found.sites;
  for (SiteRequest& r : found.requests) m->requests.push_back(std::move(r));
  for (const PassedOverCall& p : found.passed_over) {
    m->result.passed_over.push_back(
        {lines.Line(p.call.begin), lines.Column(p.call.begin), p.why, p.what});
  }
  if (ts_node_has_error(root) && reading.language != Language::kPhp) {
    std::vector<ByteRange> analysed;
    for (const CallSite& s : sites) analysed.push_back(s.call);
    for (const PassedOverCall& p : found.passed_over)
      analysed.push_back(p.call);
    for (SiteResult& hidden :
         CallsInSyntaxErrors(reading.source, root, analysed))
      out->extra_sites.push_back(std::move(hidden));
  }
  std::vector<SitePlan> plans =
      PlanSites(sites, text, reading.source, root, rules, reading.options);
  // Room for every site's result and edits, made once.
  m->result.sites.reserve(m->result.sites.size() + sites.size());
  site_edits->reserve(site_edits->size() + sites.size());
  size_t edit_count = 0;
  for (const SitePlan& plan : plans) edit_count += plan.edits.edits().size();
  file_edits->Reserve(edit_count);
  if (!out->only_reading) out->edits.Reserve(edit_count);
  for (size_t k = 0; k < sites.size(); ++k) {
    SitePlan& plan = plans[k];
    SiteResult& result =
        m->result.sites.emplace_back(ToResult(plan, sites[k], lines));
    result.language = reading.language;
    result.builder = k >= found.first_builder;
    if (sites[k].has_error && reading.explain_error) {
      std::string why = reading.explain_error(text, sites[k].call);
      if (!why.empty()) result.reasons.assign(1, std::move(why));
    }
    if (k >= found.first_noted) {
      result.reasons.insert(result.reasons.begin(),
                            found.notes[k - found.first_noted]);
    }
    if (plan.status != SiteStatus::kIgnored) {
      DescribeEdits(plan, text, lines, &result);  // the file as written
      if (reading.refuse_site && !plan.edits.empty()) {
        std::string why = reading.refuse_site(text, plan.edits);
        if (!why.empty()) Refuse(&plan, &result, std::move(why));
      }
      if (file_edits->AddAll(plan.edits)) RefuseShared(&plan, &result);
      out->shapes.Append(std::move(plan.shapes));
      if (!out->only_reading) out->edits.AddAll(plan.edits);
      site_edits->push_back(
          {m->result.sites.size() - 1, std::move(plan.edits), sites[k].call});
    }
    if (reading.unmask) {
      for (std::string& r : result.reasons) r = reading.unmask(text, r);
    }
    // Its result is made: its payload goes now rather than with the file's
    // last site, so that a file's sites and their results are not all held
    // at once (issue 14: 50,000 sites).
    sites[k] = CallSite();
  }
  // Before the tree learns of the edits: its offsets must match the text.
  if (reading.extra_sites) out->extra_sites = reading.extra_sites(root, lines);
  return true;
}

// Parses `p`'s text with its edits; `p.tree` is spent (told of the edits,
// or freed).
Tree ParseEdited(PlannedReading& p, const EditSet& edits,
                 std::string_view after_source, const LineIndex& lines,
                 Parser& parser) {
  return ParseWithEdits(std::move(p.tree), p.reading->language, edits,
                        p.reading->source.size(), after_source, lines, parser);
}

// The safety net for one reading: the file with its edits must read as
// before around them and parse no worse; with syntax errors, the rewrite
// must be stable. Returns the rejection, or nothing. Edits proven to keep
// an error-free script free of errors (migrate/kept_syntax.h: members
// removed and added in object literals, what the planner mostly makes) need
// no parse of the edited text; any other edit gets one.
using Rejection = std::string;  // why, for the sites

std::optional<Rejection> Verify(PlannedReading& p, std::string_view text,
                                const EditSet& file_edits,
                                std::string_view edited_text,
                                const RuleTable& rules, const LineIndex& lines,
                                Parser& parser) {
  const EditSet& edits = EditsOf(p, file_edits);
  if (edits.empty()) return std::nullopt;
  const FileReading& reading = *p.reading;
  // Another reading's edits lie outside this reading's code: it is judged
  // on the file with its own edits only.
  bool all = edits.edits().size() == file_edits.edits().size();
  std::string own = all ? std::string() : ApplyEdits(text, edits);
  std::string_view edited = all ? edited_text : std::string_view(own);
  if (reading.verify && !reading.verify(text, edited)) {
    return Rejection(
        "the inserted text would end an attribute or a script early (a quote, "
        "a space in an unquoted attribute, or a tag); migrate by hand");
  }
  int errors_before = CountSyntaxErrors(p.tree.Root());
  p.shapes.Seal();
  if (errors_before == 0 && reading.language != Language::kPhp &&
      (EditsKeepSyntax(p.shapes, reading.source, edits) ||
       EditsKeepSyntax(p.tree.Root(), reading.source, edits))) {
    ReleaseTree(std::move(p.tree));  // proven without a parse; not read again
    return std::nullopt;
  }
  std::string view = reading.source.data() == text.data()
                         ? std::string()
                         : ApplyEdits(reading.source, edits);
  std::string_view after_source =
      view.empty() ? edited : std::string_view(view);
  Tree after = ParseEdited(p, edits, after_source, lines, parser);
  if (!after.ok() || CountSyntaxErrors(after.Root()) > errors_before) {
    return Rejection(
        "the rewrite would introduce a syntax error; migrate by hand");
  }
  if (errors_before > 0 &&
      !Stable(reading, edited, after_source, after.Root(), rules)) {
    return Rejection(
        "syntax errors elsewhere in the file make the rewrite unstable; fix "
        "them first");
  }
  return std::nullopt;
}

// The per-file pipeline over every reading of the file.
Migration Migrate(Migration m, std::string_view text,
                  const std::vector<FileReading>& readings,
                  const RuleTable& rules, const FileLinks* links,
                  Parser& parser, bool excerpts, const Settled& settled) {
  LineIndex lines(text);
  EditSet file_edits;
  std::vector<SiteEditsOf> site_edits;
  std::vector<PlannedReading> planned(readings.size());
  for (size_t r = 0; r < readings.size(); ++r) {
    planned[r].only_reading = readings.size() == 1;
    if (!PlanReading(readings[r], text, rules, links, parser, lines, &m,
                     &file_edits, &site_edits, &planned[r])) {
      return m;
    }
  }
  if (!file_edits.empty()) {
    m.edited_text = ApplyEdits(text, file_edits);
    m.result.changed = m.edited_text != text;
    for (PlannedReading& p : planned) {
      auto rejected =
          Verify(p, text, file_edits, m.edited_text, rules, lines, parser);
      if (!rejected) continue;
      Reject(&m, *rejected);
      break;
    }
    if (m.result.changed && IsPhpFile(m.result.path)) {
      auto rejected = JudgeBothLayers(m.result.path, text, m.edited_text,
                                      readings.size() > 1, parser, settled);
      if (rejected) Reject(&m, rejected->site);
    }
  }
  static const EditSet kNone;
  OffsetMap moved(m.result.changed && excerpts ? file_edits : kNone);
  for (SiteEditsOf& s : site_edits) {
    if (excerpts) {
      AddExcerpts(text, m.migrated_text(), moved,
                  m.result.changed ? s.edits : kNone, s.call, lines,
                  &m.result.sites[s.index]);
    }
    if (m.result.changed && !s.edits.empty()) {
      const SiteResult& r = m.result.sites[s.index];
      m.site_edits.push_back({r.line, r.column, std::move(s.edits)});
    }
  }
  for (PlannedReading& p : planned) {
    MergeSites(std::move(p.extra_sites), &m.result);
    ReleaseTree(std::move(p.tree));
  }
  return m;
}

// Which kinds of call a text may hold, from one pass over its bytes.
struct CallKinds {
  bool create_source = false;
  bool session_apis = false;  // createDropin, ... (found after parsing)
};

CallKinds ScanCallKinds(std::string_view text) {
  static const MethodScan scan(
      {kCreateSource, kSessionApis[0], kSessionApis[1], kSessionApis[2]});
  unsigned called = scan.Scan(text);
  return {(called & 1) != 0, MayContainSessionApis(text, called >> 1)};
}

// MigrateText; `settle`: whether a rewrite of a file of two layers with
// syntax errors is checked by analysing the rewritten text again (not
// within that second analysis).
Migration MigrateFile(std::string_view path, std::string_view text,
                      Language language, const RuleTable& rules,
                      const PlanOptions& options, Parser& parser,
                      const FileLinks* links, bool settle) {
  Migration m;
  m.result.path = std::string(path);
  m.input_text = text;
  CallKinds kinds = ScanCallKinds(text);
  bool builds =
      links && (!links->builders.empty() || !links->wrapper_calls.empty());
  bool scripts = kinds.create_source || kinds.session_apis || builds;
  bool php = IsPhpFile(path) && php::MayHoldPhpPayload(text, rules);
  if (!scripts && !php) return m;
  if (!options.include_minified) {
    if (auto reason = GeneratedCodeReason(path, text)) {
      m.result.skipped = true;
      m.result.error =
          *reason + "; skipped (use --include-minified to migrate it)";
      MergeSites(SkippedFileSites(text, *reason), &m.result);
      return m;
    }
  }
  std::vector<FileReading> readings;
  if (php) readings.push_back(php::PhpReading(text, rules, options));
  std::optional<ScriptView> view;
  if (IsScriptContainer(path)) {
    view = MaskScriptContainer(text, IslandKindsFor(path));
    if (scripts && !view->regions.empty()) {
      readings.push_back(
          MarkupScriptReading(*view, options, kinds.session_apis));
    }
  } else if (scripts) {
    readings.push_back(
        ScriptReading(language, text, options, kinds.session_apis));
  }
  Settled settled;
  if (settle) {
    settled = [&](std::string_view edited) {
      PlanOptions again = options;
      again.excerpts = false;
      return !MigrateFile(path, edited, language, rules, again, parser, nullptr,
                          false)
                  .result.changed;
    };
  }
  m = Migrate(std::move(m), text, readings, rules, links, parser,
              options.excerpts, settled);
  if (view && scripts) MergeSites(UnparsedCallSites(text, *view), &m.result);
  return m;
}

}  // namespace

Migration MigrateText(std::string_view path, std::string_view text,
                      Language language, const RuleTable& rules,
                      const PlanOptions& options, Parser& parser,
                      const FileLinks* links) {
  return MigrateFile(path, text, language, rules, options, parser, links, true);
}

}  // namespace psm
