#ifndef PSM_PHP_PHP_PAYLOAD_FINDER_H_
#define PSM_PHP_PHP_PAYLOAD_FINDER_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <vector>

#include "find/call_site.h"
#include "php/php_payload_content.h"
#include "rules/rule_table.h"

namespace psm::php {

// A DigitalRiver.js source payload that PHP code builds for the browser,
// in the planner's terms (a CallSite whose `call` is where the array is
// made), and how it leaves the server.
struct PhpPayloadSite {
  CallSite site;
  // The keys under which a response carries it: {"payload"} for
  // `$result['payload'] = $p; return $json->setData($result);`. The
  // project model (ServerPayloads) matches them with the keys a page's
  // `createSource(response.content.payload)` reads.
  std::vector<std::vector<std::string>> response_paths;
  // Where the page this file renders prints it (read by its scripts).
  std::vector<PagePrint> page_prints;
  bool returned = false;    // returned from a function no code here calls
  std::string returned_by;  // that function's name ("" for a closure)
  bool returned_by_method = false;  // a method of a class
  std::vector<std::string> returned_path;  // the payload's keys in it
  // Helpers of this file that build it and code of other files may call
  // (Content::HelperCalls::callable_elsewhere).
  std::vector<std::string> helpers_elsewhere;
};

// Finds the payload arrays of a PHP file: arrays (`[...]`, `array(...)`)
// and arrays built piecewise (`$p['type'] = ...;`) or by a helper of the
// file, whose `type` names a payment method of `rules` (a literal, a
// constant, a helper's parameter bound by its caller) and that look like a
// source payload: the method's own sub-array, two fields the rule removes,
// or `sessionId`. A `type` the tool cannot read makes a site only with the
// method's sub-array or `sessionId` beside other source fields. Sites come
// back in source order.
std::vector<PhpPayloadSite> FindPhpPayloads(std::string_view source,
                                            TSNode root,
                                            const RuleTable& rules);

}  // namespace psm::php

#endif  // PSM_PHP_PHP_PAYLOAD_FINDER_H_
