#ifndef PSM_PROJECT_SERVER_PAYLOADS_H_
#define PSM_PROJECT_SERVER_PAYLOADS_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "edit/site_plan.h"
#include "find/server_response.h"
#include "migrate/file_links.h"
#include "migrate/file_result.h"
#include "rules/rule_table.h"

namespace psm {

class ProjectSurvey;

// A payload array the project's server code (PHP) sends to the browser,
// with the tool's plan for it.
struct ServerPayload {
  std::string file;  // absolute
  SiteResult plan;   // as the file's own run reports it
  // The keys of the response it is sent under ({"payload"} for
  // `$result['payload'] = $p; ...setData($result)`; {} for the response).
  std::vector<std::vector<std::string>> response_paths;
};

// The PHP payload arrays of the project under `root` (honouring the ignore
// rules), found on first use: linking a page's `createSource(
// response.content.payload)` to them is rare, reading every PHP file of a
// project is not free.
class ServerPayloads {
 public:
  // `links`: what the project model found for the run's files; a PHP
  // file's own (the browser code reading its arrays) shape its plans.
  // `survey`: the run's list of the project's files, taken instead of a
  // walk of its own when it is the same walk.
  ServerPayloads(std::string root, const RuleTable& rules,
                 const PlanOptions& options,
                 const std::map<std::string, FileLinks>* links = nullptr,
                 ProjectSurvey* survey = nullptr);

  // The arrays a browser reading `read` would get. By keys: those sent
  // under a path that ends `read.keys` (`response.content.payload` reads
  // {"content", "payload"}; an array sent under {"payload"} matches, the
  // keys before it being the framework's envelope, at most two); an array
  // sent as the whole response matches only a read of the response itself
  // or of one envelope key (`data`, `content`, `result`, `responseJSON`).
  // By route: when a URL of the request names PHP files of the project
  // (`drpay/paypal/savedrquote` -> `Controller/Paypal/Savedrquote.php`,
  // `/api/konbini.php` -> `api/konbini.php`), only arrays in those files.
  struct Match {
    std::vector<const ServerPayload*> payloads;
    std::vector<std::string> routed_files;  // absolute; the URL's files
  };
  Match SentUnder(const ServerRead& read);

 private:
  void Load();

  std::string root_;
  const RuleTable& rules_;
  PlanOptions options_;
  const std::map<std::string, FileLinks>* links_;
  ProjectSurvey* survey_;
  std::optional<std::vector<ServerPayload>> payloads_;
  std::vector<std::string> php_files_;  // absolute, every PHP file
};

}  // namespace psm

#endif  // PSM_PROJECT_SERVER_PAYLOADS_H_
