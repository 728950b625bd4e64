#include "find/session_api_finder.h"

#include <algorithm>
#include <cctype>

#include "common/strings.h"
#include "find/object_builder.h"
#include "find/receiver.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Elements the spec says can be configured with a payment session.
constexpr std::array<std::string_view, 6> kSessionElements = {
    "ideal",          "paypal",           "taxidentifier",
    "tax-identifier", "invoiceattribute", "invoice-attribute"};

bool IsSessionElement(std::string_view type) {
  std::string lower = Lowered(type);
  return std::find(kSessionElements.begin(), kSessionElements.end(), lower) !=
         kSessionElements.end();
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The text of a string literal right after `(` at `at` (blanks allowed):
// `createElement('ideal', ...)` gives "ideal"; anything else gives "".
std::string_view FirstStringArgument(std::string_view text, size_t at) {
  while (at < text.size() && IsBlank(text[at])) ++at;
  if (at >= text.size() || text[at] != '(') return {};
  ++at;
  while (at < text.size() && IsBlank(text[at])) ++at;
  if (at >= text.size()) return {};
  char quote = text[at];
  if (quote != '\'' && quote != '"' && quote != '`') return {};
  size_t close = text.find(quote, at + 1);
  constexpr size_t kLongestType = 32;
  if (close == std::string_view::npos || close - at - 1 > kLongestType)
    return {};
  return text.substr(at + 1, close - at - 1);
}

// The configuration object literal, written inline or bound to a variable.
TSNode ConfigObject(TSNode arg, std::string_view source) {
  TSNode value = node::Unwrap(arg);
  if (node::Is(value, "object")) return value;
  if (node::Is(value, "identifier")) return TraceToObjectLiteral(value, source);
  return TSNode{};
}

class SessionApiFinder {
 public:
  explicit SessionApiFinder(std::string_view source) : source_(source) {}

  std::vector<SessionApiSite> FindAll(TSNode root) {
    std::vector<SessionApiSite> sites;
    for (std::string_view api : kSessionApis) {
      for (size_t at = source_.find(api); at != std::string_view::npos;
           at = source_.find(api, at + api.size())) {
        TSNode name = ts_node_descendant_for_byte_range(
            root, static_cast<uint32_t>(at),
            static_cast<uint32_t>(at + api.size()));
        Inspect(name, api, &sites);
      }
    }
    std::sort(sites.begin(), sites.end(),
              [](const SessionApiSite& a, const SessionApiSite& b) {
                return a.call.begin < b.call.begin;
              });
    return sites;
  }

 private:
  void Inspect(TSNode name, std::string_view api,
               std::vector<SessionApiSite>* sites) {
    if (!node::Is(name, "property_identifier") ||
        node::Text(name, source_) != api)
      return;
    TSNode member = node::Parent(name);
    TSNode call = node::Parent(member);
    if (!node::Is(member, "member_expression") ||
        !node::Is(call, "call_expression") ||
        !ts_node_eq(node::Field(call, "function"), member)) {
      return;
    }
    if (ClassifyReceiver(node::Field(member, "object"), source_) ==
        Receiver::kOtherLibrary)
      return;
    std::vector<TSNode> args = node::Arguments(call);
    std::string reason;
    if (api == "createElement") {
      // The DOM's and the virtual DOMs' createElement make tags and
      // components, whatever their name (`document.createElement('paypal')`).
      std::string_view owner =
          node::Text(node::Unwrap(node::Field(member, "object")), source_);
      for (std::string_view dom : {"document", "React", "Vue", "preact",
                                   "Preact", "ownerDocument", "Inferno"}) {
        if (owner == dom ||
            (owner.ends_with(dom) && owner.size() > dom.size() &&
             owner[owner.size() - dom.size() - 1] == '.'))
          return;
      }
      std::string type;
      if (args.empty() || !node::StringLiteralValue(args[0], source_, &type) ||
          !IsSessionElement(type)) {
        return;  // document.createElement, React.createElement, card elements
      }
      reason = ElementReason(type, args.size() > 1 ? args[1] : TSNode{});
    } else {
      reason = ConfigReason(api, args.empty() ? TSNode{} : args[0]);
    }
    if (!reason.empty())
      sites->push_back({node::Range(call), std::string(api), reason});
  }

  std::string ConfigReason(std::string_view api, TSNode arg) {
    TSNode config =
        ts_node_is_null(arg) ? TSNode{} : ConfigObject(arg, source_);
    if (!ts_node_is_null(config)) {
      ObjectLiteral literal = BuildObjectLiteral(config, source_);
      if (literal.Find("sessionId")) return "";
      // Drop-in managing a customer's saved methods (an account page:
      // `options: { flow: 'managePaymentMethods' }`) has no checkout, so
      // no checkout session to take.
      const Member* options = literal.Find("options");
      const Member* flow =
          options && options->object ? options->object->Find("flow") : nullptr;
      if (flow && flow->string_value == "managePaymentMethods") return "";
    }
    if (ts_node_is_null(config) && !ts_node_is_null(arg)) {
      return std::string(api) +
             "() takes a configuration the tool cannot see (" +
             Quote(node::Text(arg, source_)) +
             "); make sure it passes the checkout's sessionId";
    }
    return std::string(api) +
           "() can be configured with the checkout's sessionId " +
           "(payment.session.id); add it to its configuration";
  }

  // Whether the element's options carry a sessionId: at their top, or in
  // the element's own object where some elements take it (`{ taxIdentifier:
  // { sessionId, country } }`, `{ ideal: { sessionId } }`).
  static bool HasSessionId(const ObjectLiteral& options) {
    if (options.Find("sessionId")) return true;
    for (const Member& m : options.members) {
      if (m.object && m.object->Find("sessionId")) return true;
    }
    return false;
  }

  std::string ElementReason(const std::string& type, TSNode options_arg) {
    TSNode options = ts_node_is_null(options_arg)
                         ? TSNode{}
                         : ConfigObject(options_arg, source_);
    if (ts_node_is_null(options)) {
      return "the " + type +
             " element can be configured with the checkout's sessionId; " +
             "add it to its options";
    }
    ObjectLiteral literal = BuildObjectLiteral(options, source_);
    if (HasSessionId(literal)) return "";
    std::string reason = "the " + type +
                         " element can be configured with the checkout's " +
                         "sessionId; add it to its options";
    if (const Member* data = literal.Find("sourceData")) {
      reason += "; its sourceData" + std::string(" (line ") +
                std::to_string(node::Line(options)) +
                ") then no longer needs amount, currency " + "and line items";
      (void)data;
    }
    return reason;
  }

  std::string_view source_;
};

}  // namespace

bool MayContainSessionApis(std::string_view text, unsigned called) {
  static_assert(kSessionApis[2] == "createElement");
  if (called & 0b011)
    return true;  // retrieveAvailablePaymentMethods, createDropin
  if (!(called & 0b100)) return false;
  constexpr std::string_view kName = "createElement";
  for (size_t at = text.find(kName); at != std::string_view::npos;
       at = text.find(kName, at + kName.size())) {
    std::string_view type = FirstStringArgument(text, at + kName.size());
    if (!type.empty() && IsSessionElement(type)) return true;
  }
  return false;
}

std::vector<SessionApiSite> FindSessionApiSites(std::string_view source,
                                                TSNode root) {
  return SessionApiFinder(source).FindAll(root);
}

}  // namespace psm
