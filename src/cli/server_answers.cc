#include "cli/server_answers.h"

namespace psm {
namespace {

std::string Joined(const std::vector<std::string>& keys) {
  std::string out;
  for (const std::string& k : keys) out += (out.empty() ? "" : ".") + k;
  return out;
}

// "Controller/Paypal.php:57 (migrated)".
std::string Described(const ServerPayload& p, const ServerAnswerContext& ctx) {
  std::string where =
      ctx.display(p.file) + ":" + std::to_string(p.plan.line) + " (";
  switch (p.plan.status) {
    case SiteStatus::kAlreadyMigrated:
      return where + "already migrated)";
    case SiteStatus::kMigrated:
      if (!ctx.in_run(p.file))
        return where + "not migrated: outside the paths given; add it)";
      return where + (ctx.writes ? "migrated)" : "migrated by this run)");
    case SiteStatus::kNeedsReview:
      return where + "needs review)";
    default:
      return where + std::string(StatusName(p.plan.status)) + ")";
  }
}

// The generic reason the site had: its payload is read from a response.
bool IsResponseReason(const std::string& reason) {
  return reason.find("is what the server sent") != std::string::npos ||
         reason.find("built elsewhere (another method, the server") !=
             std::string::npos;
}

void TakePlan(const ServerPayload& p, const ServerAnswerContext& ctx,
              SiteResult* site) {
  site->status = p.plan.status;
  site->session_expression = ctx.php_session_expression;
  site->session_from = ctx.php_session_from;
  site->method = p.plan.method;
  site->removed = p.plan.removed;
  site->added_session_id = p.plan.added_session_id;
  site->ledger = p.plan.ledger;
  std::erase_if(site->reasons, IsResponseReason);
}

void Answer(const ServerRead& read, const ServerAnswerContext& ctx,
            const std::string& file, SiteResult* site) {
  ServerPayloads::Match match = ctx.server->SentUnder(read);
  std::string keys =
      read.keys.empty() ? "the response" : "`" + Joined(read.keys) + "`";
  if (match.payloads.empty()) {
    if (match.routed_files.empty()) return;
    std::erase_if(site->reasons, IsResponseReason);
    site->reasons.push_back(
        "built on the server: the request's URL names " +
        ctx.display(match.routed_files.front()) +
        ", where the tool finds no payload array sent under " + keys +
        " that it can follow; migrate it there");
    return;
  }
  if (match.payloads.size() == 1) {
    const ServerPayload& p = *match.payloads.front();
    bool settled =
        p.plan.status == SiteStatus::kAlreadyMigrated ||
        (p.plan.status == SiteStatus::kMigrated && ctx.in_run(p.file));
    site->via = {file + ":" + std::to_string(site->line) + ": reads " + keys +
                     " of a server response",
                 ctx.display(p.file) + ":" + std::to_string(p.plan.line) +
                     ": the PHP payload array sent there"};
    site->built_file = ctx.display(p.file);
    site->built_line = p.plan.line;
    site->built_column = p.plan.column;
    if (settled) {
      TakePlan(p, ctx, site);
      return;
    }
  }
  std::string list;
  for (const ServerPayload* p : match.payloads)
    list += (list.empty() ? "" : ", ") + Described(*p, ctx);
  std::erase_if(site->reasons, IsResponseReason);
  site->status = SiteStatus::kNeedsReview;
  site->reasons.push_back(
      "built on the server: see " + list +
      (match.payloads.size() > 1
           ? "; the project sends payload arrays under " + keys +
                 " from several places: check which one this call gets"
           : ""));
}

}  // namespace

void AnswerFromServer(const std::map<uint32_t, ServerRead>& reads,
                      const ServerAnswerContext& ctx, FileResult* result) {
  for (SiteResult& site : result->sites) {
    auto read = reads.find(site.call_offset);
    if (read != reads.end()) Answer(read->second, ctx, result->path, &site);
  }
}

}  // namespace psm
