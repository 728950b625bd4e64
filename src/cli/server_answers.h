#ifndef PSM_CLI_SERVER_ANSWERS_H_
#define PSM_CLI_SERVER_ANSWERS_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "migrate/file_result.h"
#include "project/server_payloads.h"

namespace psm {

// What the run knows about the files a server payload array may be in.
struct ServerAnswerContext {
  ServerPayloads* server = nullptr;
  // Whether this run migrates the file (it is among the paths given), and
  // writes it (--write) rather than showing or checking it.
  std::function<bool(const std::string&)> in_run;
  bool writes = false;
  std::function<std::string(const std::string&)> display;
  // The PHP `sessionId` expression the arrays get (SessionChoice): a call
  // answered by one reports it, not the JavaScript one.
  std::string php_session_expression;
  std::string php_session_from;
};

// Gives each call of `result` whose payload is what a server sent (call
// begin -> how it reads it) the project's PHP payload arrays it gets (see
// ServerPayloads::SentUnder): one array makes the call report that array's
// plan when it is settled (already migrated, or migrated in this run), with
// `builtAt` there; otherwise, or with several, the call needs review listing
// them; none leaves it as it was, unless the request's URL names a PHP
// file, which the reason then names.
void AnswerFromServer(const std::map<uint32_t, ServerRead>& reads,
                      const ServerAnswerContext& ctx, FileResult* result);

}  // namespace psm

#endif  // PSM_CLI_SERVER_ANSWERS_H_
