#include "cli/interactive.h"

#include <string>

#include "cli/terminal.h"
#include "report/unified_diff.h"

namespace psm {
namespace {

Choice Ask(std::FILE* in, std::FILE* out) {
  for (;;) {
    std::fputs("Apply this change [y,n,a,d,q,?]? ", out);
    std::fflush(out);
    char line[64];
    if (!std::fgets(line, sizeof line, in))
      return Choice::kQuit;  // end of input
    switch (line[0]) {
      case 'y':
        return Choice::kAccept;
      case 'n':
        return Choice::kSkip;
      case 'a':
        return Choice::kAcceptRest;
      case 'd':
        return Choice::kSkipRest;
      case 'q':
        return Choice::kQuit;
      default:
        std::fputs(
            "y - apply this change\nn - skip it\na - apply it and the rest of "
            "the file\n"
            "d - skip it and the rest of the file\nq - quit; nothing more is "
            "written\n",
            out);
    }
  }
}

SiteResult* SiteAt(Migration& m, const SiteEdits& edits) {
  for (SiteResult& site : m.result.sites) {
    if (site.line == edits.line && site.column == edits.column) return &site;
  }
  return nullptr;
}

}  // namespace

EditSet ChooseEdits(std::string_view text, Migration& m, std::FILE* in,
                    std::FILE* out, bool color, bool* quit) {
  EditSet accepted;
  std::optional<Choice> rest;
  for (const SiteEdits& site_edits : m.site_edits) {
    SiteResult* site = SiteAt(m, site_edits);
    Choice choice = rest.value_or(Choice::kSkip);
    if (!rest && !*quit) {
      std::string diff =
          UnifiedDiff(m.result.path, text, ApplyEdits(text, site_edits.edits));
      std::fputs(color ? ColorizeDiff(diff).c_str() : diff.c_str(), out);
      choice = Ask(in, out);
      if (choice == Choice::kAcceptRest || choice == Choice::kSkipRest)
        rest = choice;
      if (choice == Choice::kQuit) *quit = true;
    }
    bool take = choice == Choice::kAccept || choice == Choice::kAcceptRest;
    if (take && !accepted.AddAll(site_edits.edits)) continue;
    if (site && site->status == SiteStatus::kMigrated) {
      site->status = SiteStatus::kNeedsReview;
      site->reasons.push_back("skipped in --interactive; not changed");
      site->removed.clear();
      site->added_session_id = false;
      site->ledger.clear();
    }
  }
  return accepted;
}

}  // namespace psm
