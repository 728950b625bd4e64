#include "migrate/file_migrator.h"

#include <algorithm>
#include <optional>

#include "common/text_lines.h"
#include "find/method_scan.h"
#include "find/scope.h"
#include "find/session_api_finder.h"
#include "find/site_finder.h"
#include "migrate/builder_sites.h"
#include "migrate/file_kind.h"
#include "migrate/markup_names.h"
#include "migrate/shared_payloads.h"
#include "migrate/site_details.h"
#include "migrate/unparsed_calls.h"
#include "syntax/embedded_script.h"

namespace psm {
namespace {

TSPoint PointAt(const LineIndex& lines, uint32_t offset) {
  return {lines.Line(offset) - 1, lines.ByteColumn(offset)};
}

TSPoint Advance(TSPoint start, std::string_view inserted) {
  for (char c : inserted) {
    if (c == '\n') {
      ++start.row;
      start.column = 0;
    } else {
      ++start.column;
    }
  }
  return start;
}

// Tells `tree` about the edits, last first, so that each edit's offsets in
// the old text are still right in the partly edited one.
void DescribeEdits(Tree& tree, const EditSet& edits, const LineIndex& lines) {
  const auto& all = edits.edits();
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    TSInputEdit e;
    e.start_byte = it->range.begin;
    e.old_end_byte = it->range.end;
    e.new_end_byte = it->range.begin + static_cast<uint32_t>(it->text.size());
    e.start_point = PointAt(lines, it->range.begin);
    e.old_end_point = PointAt(lines, it->range.end);
    e.new_end_point = Advance(e.start_point, it->text);
    ts_tree_edit(tree.get(), &e);
  }
}

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

// Other DigitalRiver.js calls that could take the session, merged into the
// site list in source order.
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

// (Sorted even when `more` is empty: builder sites come after the calls.)
void MergeSites(std::vector<SiteResult> more, FileResult* result) {
  for (SiteResult& r : more) result->sites.push_back(std::move(r));
  std::stable_sort(result->sites.begin(), result->sites.end(),
                   [](const SiteResult& a, const SiteResult& b) {
                     return a.line != b.line ? a.line < b.line
                                             : a.column < b.column;
                   });
}

// A rewrite that is not safe is dropped whole: every site that had edits
// now needs review, for `reason`.
void Reject(Migration* m, std::string_view file_error,
            std::string_view reason) {
  m->edited_text.clear();
  m->result.changed = false;
  m->result.error = std::string(file_error);
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

// Plans every site, then makes sites that share a literal agree.
std::vector<SitePlan> PlanSites(const std::vector<CallSite>& sites,
                                std::string_view text, std::string_view source,
                                const RuleTable& rules,
                                const PlanOptions& options) {
  std::vector<SitePlan> plans;
  plans.reserve(sites.size());
  for (const CallSite& site : sites) {
    if (IgnoredByComment(text, site.call.begin)) {  // markup's <!-- too
      SitePlan ignored;
      ignored.status = SiteStatus::kIgnored;
      ignored.reasons.emplace_back(kIgnoredReason);
      plans.push_back(std::move(ignored));
      continue;
    }
    plans.push_back(PlanSite(site, source, rules, options));
  }
  ReconcileSharedLiterals(sites, source, &plans);
  return plans;
}

// In a file with syntax errors, tree-sitter's error recovery can read the
// code differently once it is edited, so a second run could find more to
// do. The rewrite is kept only if the edited text, analysed again, needs
// no further edit: the tool stays idempotent (found by fuzz_migrate).
bool Stable(std::string_view text, std::string_view source, TSNode root,
            const RuleTable& rules, const PlanOptions& options) {
  IndexedTree indexed(root, source);
  std::vector<CallSite> sites = FindCallSites(source, root);
  if (source.data() != text.data()) ObserveMarkupNames(text, source, &sites);
  for (const SitePlan& plan : PlanSites(sites, text, source, rules, options)) {
    if (!plan.edits.empty()) return false;
  }
  return true;
}

// `session_apis`: the byte scan saw calls FindSessionApiSites may report.
Migration Migrate(Migration m, std::string_view text, std::string_view source,
                  Language language, const RuleTable& rules,
                  const PlanOptions& options, bool session_apis, Parser& parser,
                  const FileLinks* links);

// Markup is parsed through a same-length view of its scripts. The edited
// file must read as the same markup (an inserted quote could end an
// attribute early), and calls the view leaves out are reported, not hidden.
Migration MigrateMarkup(Migration m, std::string_view text,
                        const RuleTable& rules, const PlanOptions& options,
                        bool session_apis, Parser& parser,
                        const FileLinks* links) {
  ScriptView view = MaskScriptContainer(text);
  if (!view.regions.empty()) {
    m = Migrate(std::move(m), text, view.text, view.language, rules, options,
                session_apis, parser, links);
  }
  if (m.result.changed && !SameMarkup(text, view, m.edited_text,
                                      MaskScriptContainer(m.edited_text))) {
    for (SiteResult& s : m.result.sites) s.after = s.before;
    m.site_edits.clear();
    Reject(&m,
           "the rewrite would change the markup around a script; left "
           "unchanged",
           "the inserted text would end an attribute or a script early (a "
           "quote or a tag); migrate by hand");
  }
  MergeSites(UnparsedCallSites(text, view), &m.result);
  return m;
}

}  // namespace

int CountFileSyntaxErrors(std::string_view path, Language language,
                          std::string_view text, Parser& parser) {
  std::string view;
  if (IsScriptContainer(path)) {
    ScriptView v = MaskScriptContainer(text);
    view = std::move(v.text);
    language = v.language;
    text = view;
  }
  Tree tree = parser.Parse(language, text);
  return tree.ok() ? CountSyntaxErrors(tree.Root()) : 1 << 30;
}

namespace {

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

}  // namespace

Migration MigrateText(std::string_view path, std::string_view text,
                      Language language, const RuleTable& rules,
                      const PlanOptions& options, Parser& parser,
                      const FileLinks* links) {
  Migration m;
  m.result.path = std::string(path);
  m.input_text = text;
  CallKinds kinds = ScanCallKinds(text);
  bool builds =
      links && (!links->builders.empty() || !links->wrapper_calls.empty());
  if (!kinds.create_source && !kinds.session_apis && !builds) return m;
  if (!options.include_minified) {
    if (auto reason = GeneratedCodeReason(path, text)) {
      m.result.skipped = true;
      m.result.error =
          *reason + "; skipped (use --include-minified to migrate it)";
      MergeSites(SkippedFileSites(text, *reason), &m.result);
      return m;
    }
  }
  if (IsScriptContainer(path)) {
    return MigrateMarkup(std::move(m), text, rules, options, kinds.session_apis,
                         parser, links);
  }
  return Migrate(std::move(m), text, text, language, rules, options,
                 kinds.session_apis, parser, links);
}

namespace {

Migration Migrate(Migration m, std::string_view text, std::string_view source,
                  Language language, const RuleTable& rules,
                  const PlanOptions& options, bool session_apis, Parser& parser,
                  const FileLinks* links) {
  Tree tree = parser.Parse(language, source);
  if (!tree.ok()) {
    m.result.error = "the parser refused the file";
    return m;
  }
  LineIndex lines(text);
  // Fast name lookups while finding; dropped before the tree is edited.
  std::optional<IndexedTree> indexed(std::in_place, tree.Root(), source);
  EditSet file_edits;
  std::vector<std::pair<size_t, EditSet>>
      site_edits;  // site index -> its edits
  std::vector<ByteRange> calls;
  std::vector<CallSite> sites = FindCallSites(source, tree.Root());
  if (source.data() != text.data()) ObserveMarkupNames(text, source, &sites);
  // Sites the project model adds come last: calls of wrappers defined
  // elsewhere, then builders of payloads for calls elsewhere; `notes` has
  // a line for each.
  std::vector<std::string> notes;
  if (links) ApplyLinks(*links, &sites);
  m.requests = RequestsOf(sites, source);
  size_t first_noted = sites.size();
  size_t first_builder = sites.size();
  if (links) {
    for (CallSite& w : WrapperCallSites(source, tree.Root(), *links, &notes))
      sites.push_back(std::move(w));
    first_builder = sites.size();
    for (CallSite& b : BuilderSites(source, tree.Root(), *links, &notes))
      sites.push_back(std::move(b));
  }
  std::vector<SitePlan> plans = PlanSites(sites, text, source, rules, options);
  for (size_t k = 0; k < sites.size(); ++k) {
    const CallSite& site = sites[k];
    SitePlan& plan = plans[k];
    if (k >= first_noted)
      plan.reasons.insert(plan.reasons.begin(), notes[k - first_noted]);
    if (plan.status == SiteStatus::kIgnored) {
      m.result.sites.push_back(ToResult(plan, site, lines));
      continue;
    }
    if (auto conflict = file_edits.AddAll(plan.edits)) {
      plan.status = SiteStatus::kNeedsReview;
      plan.removed.clear();
      plan.added_session_id = false;
      plan.reasons.push_back(
          "its payload is shared with another call that needs "
          "different edits; migrate by hand");
    }
    SiteResult result = ToResult(plan, site, lines);
    result.builder = k >= first_builder;
    DescribeEdits(plan, source, lines, &result);
    site_edits.emplace_back(m.result.sites.size(), std::move(plan.edits));
    calls.push_back(site.call);
    m.result.sites.push_back(std::move(result));
  }
  static const EditSet kNone;
  if (file_edits.empty()) {
    for (size_t k = 0; k < site_edits.size(); ++k) {
      AddExcerpts(text, text, OffsetMap(kNone), kNone, calls[k], lines,
                  &m.result.sites[site_edits[k].first]);
    }
    MergeSites(session_apis ? SessionApiSites(source, tree.Root(), lines)
                            : std::vector<SiteResult>(),
               &m.result);
    return m;
  }
  // Before the tree learns of the edits: its offsets must match `source`.
  std::vector<SiteResult> api_sites;
  if (session_apis) api_sites = SessionApiSites(source, tree.Root(), lines);
  m.edited_text = ApplyEdits(text, file_edits);
  m.result.changed = m.edited_text != text;
  // The safety net: the edited source must not parse worse than before.
  std::string edited_view = source.data() == text.data()
                                ? std::string()
                                : ApplyEdits(source, file_edits);
  std::string_view after_source =
      edited_view.empty() ? std::string_view(m.edited_text) : edited_view;
  int errors_before = CountSyntaxErrors(tree.Root());
  indexed.reset();
  DescribeEdits(tree, file_edits, lines);
  Tree after = parser.Reparse(language, tree, after_source);
  if (!after.ok() || CountSyntaxErrors(after.Root()) > errors_before) {
    Reject(&m, "the rewritten file would not parse; left unchanged",
           "the rewrite would introduce a syntax error; migrate by hand");
  } else if (errors_before > 0 && !Stable(m.edited_text, after_source,
                                          after.Root(), rules, options)) {
    Reject(&m, "syntax errors make the rewrite unstable; left unchanged",
           "syntax errors elsewhere in the file make the rewrite unstable; fix "
           "them first");
  }
  OffsetMap moved(m.result.changed ? file_edits : kNone);
  for (size_t k = 0; k < site_edits.size(); ++k) {
    auto& [index, edits] = site_edits[k];
    AddExcerpts(text, m.migrated_text(), moved,
                m.result.changed ? edits : kNone, calls[k], lines,
                &m.result.sites[index]);
    if (m.result.changed && !edits.empty()) {
      const SiteResult& r = m.result.sites[index];
      m.site_edits.push_back({r.line, r.column, std::move(edits)});
    }
  }
  MergeSites(std::move(api_sites), &m.result);
  return m;
}

}  // namespace

}  // namespace psm
