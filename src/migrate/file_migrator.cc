#include "migrate/file_migrator.h"

#include "common/text_lines.h"
#include "find/site_finder.h"

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

SiteResult ToResult(SitePlan& plan, const CallSite& site, const LineIndex& lines) {
  SiteResult r;
  r.line = lines.Line(site.call.begin);
  r.column = lines.Column(site.call.begin);
  r.status = plan.status;
  r.method = std::move(plan.method);
  r.removed = std::move(plan.removed);
  r.added_session_id = plan.added_session_id;
  r.reasons = std::move(plan.reasons);
  return r;
}

// A rewrite that breaks the file is dropped whole: every site that had
// edits now needs review.
void Reject(Migration* m, std::string_view original) {
  m->migrated_text = std::string(original);
  m->result.changed = false;
  m->result.error = "the rewritten file would not parse; left unchanged";
  for (SiteResult& s : m->result.sites) {
    if (s.status != SiteStatus::kMigrated) continue;
    s.status = SiteStatus::kNeedsReview;
    s.removed.clear();
    s.added_session_id = false;
    s.reasons.push_back("the rewrite would introduce a syntax error; migrate by hand");
  }
}

}  // namespace

bool MayContainSites(std::string_view text) {
  return text.find(kCreateSource) != std::string_view::npos;
}

Migration MigrateText(std::string_view path, std::string_view text,
                      Language language, const RuleTable& rules,
                      const PlanOptions& options, Parser& parser) {
  Migration m;
  m.result.path = std::string(path);
  if (!MayContainSites(text)) {
    m.migrated_text = std::string(text);
    return m;
  }
  Tree tree = parser.Parse(language, text);
  if (!tree.ok()) {
    m.result.error = "the parser refused the file";
    m.migrated_text = std::string(text);
    return m;
  }
  LineIndex lines(text);
  EditSet file_edits;
  for (const CallSite& site : FindCallSites(text, tree.Root())) {
    SitePlan plan = PlanSite(site, text, rules, options);
    if (auto conflict = file_edits.AddAll(plan.edits)) {
      plan.status = SiteStatus::kNeedsReview;
      plan.removed.clear();
      plan.added_session_id = false;
      plan.reasons.push_back("its payload is shared with another call that needs "
                             "different edits; migrate by hand");
    }
    m.result.sites.push_back(ToResult(plan, site, lines));
  }
  if (file_edits.empty()) {
    m.migrated_text = std::string(text);
    return m;
  }
  m.migrated_text = ApplyEdits(text, file_edits);
  m.result.changed = m.migrated_text != text;
  int errors_before = CountSyntaxErrors(tree.Root());
  DescribeEdits(tree, file_edits, lines);
  Tree after = parser.Reparse(language, tree, m.migrated_text);
  if (!after.ok() || CountSyntaxErrors(after.Root()) > errors_before) Reject(&m, text);
  return m;
}

}  // namespace psm
