#include "php/php_flow.h"

#include "common/strings.h"
#include "find/object_builder.h"
#include "find/scope.h"
#include "php/php_syntax.h"
#include "syntax/node.h"

namespace psm::php {
namespace {

// Calls that hand their argument to the HTTP response (Magento's result
// objects and response, Laminas/Symfony/Laravel/Slim responses, WordPress),
// or to the page a template renders for the browser.
constexpr std::string_view kResponseCalls[] = {"setData",
                                               "setJsonData",
                                               "representJson",
                                               "setBody",
                                               "setContent",
                                               "json",
                                               "withJson",
                                               "setJson",
                                               "JsonResponse",
                                               "wp_send_json",
                                               "wp_send_json_success",
                                               "wp_send_json_error",
                                               "Response",
                                               "sendResponse",
                                               "jsonResponse"};

// Calls that print their argument into a page's scripts as a global
// (WordPress): pages read it under a name the tool does not follow.
constexpr std::string_view kPageScriptCalls[] = {"wp_localize_script",
                                                 "wp_add_inline_script"};

constexpr std::string_view kIntoPage =
    ", where the tool does not follow what the page's scripts read of it";

// Whether the file is a template: HTML outside its PHP tags (an `echo`
// there prints into the page, not a JSON answer).
bool IsTemplateText(std::string_view source) {
  for (size_t close = source.find("?>"); close != std::string_view::npos;
       close = source.find("?>", close + 2)) {
    size_t open = source.find("<?", close + 2);
    std::string_view html = source.substr(close + 2, open - close - 2);
    if (html.find_first_not_of(" \t\r\n") != std::string_view::npos)
      return true;
  }
  return false;
}

// Whether `n` stands inside a `<script>` element of the file's HTML.
bool InPageScript(TSNode n, std::string_view source) {
  std::string_view before = source.substr(0, ts_node_start_byte(n));
  bool inside = false;
  for (size_t at = FindNoCase(before, "<script"); at != std::string_view::npos;
       at = FindNoCase(before, "<script", at + 1)) {
    inside = FindNoCase(before, "</script", at) == std::string_view::npos;
  }
  return inside;
}

// Calls that hand their arguments to a template (Symfony's `render()`,
// Laravel's `view()`): the template may print any field of the array, not
// only pass it to the browser's createSource.
constexpr std::string_view kTemplateCalls[] = {
    "render", "view", "renderView", "make", "fetch", "display", "assign"};

// Methods that only log an array they get (by value): a PSR-3 logger's,
// called on another object than `$this` (a class's own `debug(array &$p)`
// may take it by reference). And PHP's own dumps, which a file cannot
// declare again.
constexpr std::string_view kLoggerMethods[] = {
    "debug", "info",  "notice",    "warning", "error",
    "critical", "alert", "emergency", "log"};
constexpr std::string_view kDumpFunctions[] = {"error_log", "var_dump",
                                               "print_r", "var_export"};

// Calls whose result carries the whole argument on: encoders and merges.
constexpr std::string_view kCarryingCalls[] = {
    "json_encode",   "wp_json_encode", "jsonEncode",
    "serialize",     "encode",         "array_merge",
    "array_replace", "array_filter",   "array_merge_recursive"};

template <size_t N>
bool OneOf(std::string_view s, const std::string_view (&list)[N]) {
  for (std::string_view item : list) {
    if (s == item) return true;
  }
  return false;
}

// Whether `call` (named `name`) only logs or dumps what it gets.
bool OnlyLogs(TSNode call, std::string_view name, std::string_view source) {
  if (node::Is(call, "function_call_expression"))
    return OneOf(name, kDumpFunctions);
  if (!node::Is(call, "member_call_expression") ||
      !OneOf(name, kLoggerMethods))
    return false;
  std::string_view object = node::Text(node::Field(call, "object"), source);
  return object != "$this";
}

int LineOf(TSNode n) {
  return static_cast<int>(ts_node_start_point(n).row) + 1;
}

std::string AtLine(TSNode n) { return " at line " + std::to_string(LineOf(n)); }

class Follower {
 public:
  Follower(std::vector<std::string> path, std::string_view source)
      : path_(std::move(path)), source_(source) {}

  Flow From(TSNode value) {
    for (int steps = 0; steps < node::kMaxClimb; ++steps) {
      TSNode parent = node::Parent(value);
      next_ = parent;
      std::optional<Flow> flow = Step(value, parent);
      if (flow) return *flow;
      value = next_;
    }
    return Done(Flow::Kind::kElsewhere, value, "nested too deeply");
  }

 private:
  Flow Done(Flow::Kind kind, TSNode at, std::string what) {
    Flow flow;
    flow.kind = kind;
    flow.at = at;
    flow.what = std::move(what);
    flow.path = path_;
    return flow;
  }

  // One step up from `value` to `parent`: a flow when it ends there,
  // nullopt to go on from `parent`.
  std::optional<Flow> Step(TSNode value, TSNode parent) {
    std::string_view type = node::Type(parent);
    if (type == "parenthesized_expression" || type == "cast_expression" ||
        type == "sequence_expression")
      return std::nullopt;
    if (type == "conditional_expression" &&
        !ts_node_eq(node::Field(parent, "condition"), value))
      return std::nullopt;
    if (type == "binary_expression" &&
        node::Text(node::Field(parent, "operator"), source_) == "??")
      return std::nullopt;
    if (type == "array_element_initializer") return InArray(value, parent);
    if (type == "array_creation_expression") return std::nullopt;
    if (type == "argument") return std::nullopt;
    if (type == "arguments") return Argument(node::Parent(parent));
    if (type == "assignment_expression") return Assigned(value, parent);
    if (type == "return_statement") {
      return Done(Flow::Kind::kReturned, parent, "returned" + AtLine(parent));
    }
    bool printed = type == "echo_statement" || type == "print_intrinsic" ||
                   type == "exit_statement";
    bool short_echo =
        type == "expression_statement" && IsShortEcho(parent, source_);
    if (short_echo || (printed && (InPageScript(parent, source_) ||
                                   IsTemplateText(source_)))) {
      // `var p = <?= json_encode($payload) ?>;`, `data-p="<?= ... ?>"`
      return Done(Flow::Kind::kPage, parent,
                  "printed into the page" + AtLine(parent));
    }
    if (printed) {
      return Done(Flow::Kind::kResponse, parent, "printed" + AtLine(parent));
    }
    return Done(Flow::Kind::kElsewhere, parent,
                "used in " + Quote(node::Text(StatementOr(parent), source_)) +
                    AtLine(parent));
  }

  TSNode StatementOr(TSNode n) {
    TSNode statement = StatementOf(n);
    return ts_node_is_null(statement) ? n : statement;
  }

  // `'payload' => value`: the payload sits under that key of the array.
  std::optional<Flow> InArray(TSNode value, TSNode element) {
    std::vector<TSNode> parts = node::NamedChildren(element);
    if (parts.size() != 2 || !ts_node_eq(parts[1], value)) {
      return Done(Flow::Kind::kElsewhere, element,
                  "put in a list" + AtLine(element));
    }
    std::string key;
    if (!StringValue(parts[0], source_, &key)) {
      return Done(Flow::Kind::kElsewhere, element,
                  "put under the key " + Quote(node::Text(parts[0], source_)) +
                      AtLine(element));
    }
    path_.insert(path_.begin(), key);
    return std::nullopt;
  }

  std::optional<Flow> Argument(TSNode call) {
    std::string_view name = CalledName(call, source_);
    if (OneOf(name, kCarryingCalls)) return Continue(call);
    if (OneOf(name, kTemplateCalls)) {
      return Done(Flow::Kind::kElsewhere, call,
                  "handed to a template by " + Quote(std::string(name) + "()") +
                      ", which may print its fields," + AtLine(call));
    }
    if (OneOf(name, kPageScriptCalls)) {
      return Done(Flow::Kind::kElsewhere, call,
                  "put in the page's scripts by " +
                      Quote(std::string(name) + "()") + AtLine(call) +
                      std::string(kIntoPage));
    }
    if (OneOf(name, kResponseCalls) && SendsToResponse(call, name)) {
      if (std::string again = ResponseUsedAgain(call); !again.empty()) {
        return Done(Flow::Kind::kElsewhere, call,
                    "sent by " + Quote(std::string(name) + "()") +
                        AtLine(call) + ", and " + again);
      }
      // WordPress sends `{"success": true, "data": <argument>}`: a page
      // reads the array as `res.data` (`r.data.data` through axios).
      if (name == "wp_send_json_success" || name == "wp_send_json_error")
        path_.insert(path_.begin(), "data");
      return Done(Flow::Kind::kResponse, call,
                  "sent by " + Quote(std::string(name) + "()") + AtLine(call));
    }
    std::string callee = name.empty() ? std::string(node::Text(call, source_))
                                      : std::string(name) + "()";
    Flow flow = Done(Flow::Kind::kElsewhere, call,
                     "passed to " + Quote(callee) + AtLine(call));
    flow.adds_nothing = OnlyLogs(call, name, source_);
    return flow;
  }

  // Whether the response call `name` hands its argument to the response:
  // a setter of a result or response takes the whole body as its only
  // argument (`$result->setData($data)`, `$this->getResponse()->setBody()`);
  // `$session->setData('key', $payload)` stores it, and `setBody()` of a
  // mailer sends it elsewhere.
  bool SendsToResponse(TSNode call, std::string_view name) {
    if (!name.starts_with("set")) return true;
    int arguments = 0;
    for (TSNode a : node::NamedChildren(node::Field(call, "arguments")))
      arguments += node::Is(a, "argument") ? 1 : 0;
    if (arguments != 1) return false;
    std::string object =
        Lowered(node::Text(node::Field(call, "object"), source_));
    // A layout block's magic setter (`$block->setJsonData(...)`): its
    // template reads the value back.
    if (object.find("block") != std::string::npos ||
        object.find("layout") != std::string::npos ||
        MadeByLayout(node::Field(call, "object")))
      return false;
    if (name != "setBody" && name != "setContent") return true;
    return object.find("response") != std::string::npos ||
           object.find("result") != std::string::npos;
  }

  // The response the call makes or fills, when code after it reads it
  // again: `$response = new JsonResponse($p); $audit->record($response->
  // getContent())`, `$result->setData($p); $cache->save(serialize($result))`
  // see every field. Returning it, or setting its status or headers, does
  // not. "" when nothing else reads it; else what does, for the reason.
  std::string ResponseUsedAgain(TSNode call) {
    TSNode up = node::Parent(call);
    while (node::Is(up, "parenthesized_expression")) up = node::Parent(up);
    TSNode holder{};
    if (node::Is(up, "assignment_expression") &&
        ts_node_eq(node::Field(up, "right"), call)) {
      holder = node::Field(up, "left");
    } else if (node::Is(call, "member_call_expression")) {
      holder = node::Field(call, "object");
    }
    if (!node::Is(holder, "variable_name")) return "";
    std::string_view name = node::Text(holder, source_);
    TSNode scope = call;
    while (!ts_node_is_null(node::Parent(scope)) && !IsFunction(scope))
      scope = node::Parent(scope);
    std::string used;
    ForEachDescendant(scope, true, [&](TSNode n) {
      if (!used.empty() || !node::Is(n, "variable_name") ||
          ts_node_start_byte(n) < ts_node_end_byte(call) ||
          node::Text(n, source_) != name)
        return;
      if (!ReadsTheResponse(n)) return;
      TSNode statement = n;
      while (!ts_node_is_null(node::Parent(statement)) &&
             !node::Is(node::Parent(statement), "compound_statement"))
        statement = node::Parent(statement);
      used = Quote(name) + " is used" + AtLine(n) + " (" +
             Quote(node::Text(statement, source_)) + ")";
    });
    return used;
  }

  // Whether the use `n` of the response may read its content: not a
  // `return $response;`, nor a status or header set on it.
  bool ReadsTheResponse(TSNode n) {
    TSNode up = node::Parent(n);
    if (node::Is(up, "return_statement")) return false;
    if (node::Is(up, "member_call_expression") &&
        ts_node_eq(node::Field(up, "object"), n)) {
      std::string method =
          Lowered(node::Text(node::Field(up, "name"), source_));
      for (std::string_view harmless :
           {"setstatuscode", "sethttpresponsecode", "setheader", "header",
            "withheaders", "setstatus", "headers", "setcharset"}) {
        if (method == harmless) return false;
      }
    }
    return true;
  }

  // `$x` set from a layout's block in its function (`$x =
  // $this->layout->getBlock('drpay.pay')`).
  bool MadeByLayout(TSNode object) {
    if (!node::Is(object, "variable_name")) return false;
    std::string assigned = std::string(node::Text(object, source_)) + " =";
    TSNode scope = object;
    while (!ts_node_is_null(node::Parent(scope)) && !IsFunction(scope))
      scope = node::Parent(scope);
    std::string_view text = node::Text(scope, source_);
    for (size_t at = text.find(assigned); at != std::string_view::npos;
         at = text.find(assigned, at + 1)) {
      std::string_view statement = text.substr(at, text.find(';', at) - at);
      if (statement.find("getBlock(") != std::string_view::npos ||
          statement.find("createBlock(") != std::string_view::npos)
        return true;
    }
    return false;
  }

  // The carrying call's result is the value to go on from.
  std::optional<Flow> Continue(TSNode call) {
    next_ = call;
    return std::nullopt;
  }

  std::optional<Flow> Assigned(TSNode value, TSNode assignment) {
    if (!ts_node_eq(node::Field(assignment, "right"), value)) {
      return Done(Flow::Kind::kElsewhere, assignment,
                  "used in " + Quote(node::Text(assignment, source_)) +
                      AtLine(assignment));
    }
    std::optional<AccessPath> target =
        ReadAccessPath(node::Field(assignment, "left"), source_);
    if (!target || target->dynamic || target->push) {
      return Done(
          Flow::Kind::kElsewhere, assignment,
          "stored in " +
              Quote(node::Text(node::Field(assignment, "left"), source_)) +
              AtLine(assignment));
    }
    std::string variable(VariableName(target->variable, source_));
    if (OutlivesTheCall(variable, assignment)) {
      return Done(
          Flow::Kind::kElsewhere, assignment,
          "stored in " +
              Quote(node::Text(node::Field(assignment, "left"), source_)) +
              ", which outlives this call," + AtLine(assignment));
    }
    Flow flow = Done(Flow::Kind::kStored, assignment, "");
    flow.variable = variable;
    flow.path = target->keys;
    flow.path.insert(flow.path.end(), path_.begin(), path_.end());
    flow.what = "stored in " + Quote("$" + flow.variable) + AtLine(assignment);
    return flow;
  }

  // A superglobal (`$_SESSION`, `$GLOBALS`), or a variable the function
  // around `at` declares `global` or `static`: later requests or calls
  // read what is stored in it.
  bool OutlivesTheCall(const std::string& variable, TSNode at) const {
    if (variable == "GLOBALS" || variable.starts_with("_")) return true;
    TSNode scope = at;
    while (!ts_node_is_null(scope) && !IsFunction(scope))
      scope = node::Parent(scope);
    if (ts_node_is_null(scope)) return false;  // top-level code: no `global`
    bool found = false;
    ForEachDescendant(scope, false, [&](TSNode n) {
      if (found || (!node::Is(n, "global_declaration") &&
                    !node::Is(n, "function_static_declaration")))
        return;
      ForEachDescendant(n, false, [&](TSNode v) {
        if (node::Is(v, "variable_name") &&
            node::Text(v, source_) == "$" + variable)
          found = true;
      });
    });
    return found;
  }

  std::vector<std::string> path_;
  std::string_view source_;
  TSNode next_{};  // where From goes on when Step returns nullopt
};

}  // namespace

Flow FollowValue(TSNode value, std::vector<std::string> path,
                 std::string_view source) {
  return Follower(std::move(path), source).From(value);
}

}  // namespace psm::php
