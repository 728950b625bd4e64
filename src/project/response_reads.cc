// ResponseReadsIn: from each place a browser script holds a server's
// response (find/response_holders.h), down the keys it reads, through the
// variables and destructuring it is kept in, to what is done with the
// part the PHP file's array is. Whatever the search cannot follow counts
// as seeing the whole array: removing a field is only safe when every use
// is accounted for.

#include "project/response_reads.h"

#include <algorithm>
#include <utility>

#include "common/report_marker.h"
#include "common/strings.h"
#include "common/text_lines.h"
#include "find/object_builder.h"
#include "find/response_holders.h"
#include "find/scope.h"
#include "find/server_response.h"
#include "find/unnamed_reach.h"
#include "project/response_match.h"
#include "project/value_uses.h"
#include "syntax/embedded_script.h"
#include "syntax/node.h"
#include "syntax/tree.h"

namespace psm {
namespace {

using value_uses::IsCallee;
using value_uses::IsCreateSourceCall;
using value_uses::KeyOf;
using value_uses::NotRead;
using value_uses::PassedOn;
using value_uses::PatternBound;
using value_uses::PatternKey;
using value_uses::Up;

using Keys = std::vector<std::string>;

// How many variables a response is followed through (`const body = await
// res.json(); const copy = body; const {payload} = copy;`).
constexpr int kMaxHops = 4;

class Reads {
 public:
  // `text`: the script as parsed; `original`: the same bytes as the file
  // has them, for quoting (a template's islands are masked in `text`).
  // `lead`: how the array got to the page, opening each reason.
  Reads(std::string_view text, std::string_view original,
        const std::string& shown, const std::vector<Keys>& sent,
        std::string lead)
      : text_(text),
        original_(original),
        shown_(shown),
        sent_(sent),
        lead_(std::move(lead)) {}

  // `holder`, a name or pattern being bound or an expression, holds the
  // whole response.
  void FromHolder(TSNode holder) {
    if (node::Is(holder, "identifier") || node::Is(holder, "object_pattern") ||
        node::Is(holder, "array_pattern")) {
      Bind(holder, {}, 0);
    } else {
      Follow(holder, {}, 0);
    }
  }

  // Code nested deeper than the tool climbs (node::kMaxClimb) may hold
  // uses it does not see.
  void TooDeepToSee(TSNode root) {
    Add("", root,
        "nests code deeper than the tool follows uses (" +
            std::to_string(node::kMaxClimb) + " levels)");
  }

  // `handler` is handed the whole response and not followed.
  void HandedToHandler(TSNode handler) {
    Add("", handler,
        "hands the response to " + Quote(Original(handler)) +
            ", which the tool does not follow");
  }

  // `request` is returned to callers the search does not follow.
  void Returned(TSNode request) {
    Add("", request,
        "returns the request " + Quote(Original(request)) +
            " to its callers, which the tool does not follow");
  }

  // `value`, an expression of the page's script, is what the template
  // printed.
  void FromPrint(TSNode value) { Follow(value, {}, 0); }

  // A direct `eval(...)` in the page may read any variable in scope, the
  // response's included, with code the tool cannot see.
  void DirectEval(TSNode root) {
    for (size_t at : WordsAt(text_, "eval")) {
      TSNode n = ts_node_descendant_for_byte_range(
          root, static_cast<uint32_t>(at), static_cast<uint32_t>(at + 4));
      TSNode call = node::Parent(n);
      if (!node::Is(n, "identifier") || !node::Is(call, "call_expression") ||
          !ts_node_eq(node::Field(call, "function"), n))
        continue;
      Add("", call,
          "calls `eval`, whose code may read any field of it where it "
          "runs");
      return;
    }
  }

  std::vector<PayloadObserver> Take() { return std::move(found_); }
  int CreateSourceCalls() const { return create_source_calls_; }

  // One observer: `does` is what the page at `at` does with the array.
  void Add(std::string path, TSNode at, const std::string& does) {
    AddAt(std::move(path), ts_node_is_null(at) ? 0 : ts_node_start_byte(at),
          does);
  }
  void AddAt(std::string path, uint32_t byte, const std::string& does) {
    std::string line = std::to_string(text::LineAt(text_, byte));
    std::string where =
        shown_.empty() ? "the page at line " + line : shown_ + ":" + line;
    found_.push_back({std::move(path), lead_ + where + " " + does});
  }

 private:
  ResponsePart Part(const Keys& keys) const {
    ResponsePart best = ResponsePart::kOther;
    for (const Keys& sent : sent_)
      best = std::max(best, PartOfResponse(keys, sent));
    return best;
  }

  // `e` is the value at `keys` of the response.
  void Follow(TSNode e, Keys keys, int hops) {
    ResponsePart part = Part(keys);
    if (part == ResponsePart::kOther) return;
    if (part == ResponsePart::kIs) {
      UseOfPayload(e, keys, hops);
      return;
    }
    TSNode up = Up(e);
    std::string key;
    if (ts_node_is_null(up)) {
      if (part == ResponsePart::kHolds) TooDeep(e);
    } else if (KeyOf(up, e, text_, &key)) {
      if (IsCallee(up)) return;  // a method of the envelope, not a key
      keys.push_back(std::move(key));
      Follow(up, std::move(keys), hops);
    } else if (node::Is(up, "variable_declarator") &&
               ts_node_eq(node::Unwrap(node::Field(up, "value")), e)) {
      Bind(node::Field(up, "name"), std::move(keys), hops + 1);
    } else if (TSNode next = PassedOn(e, up, text_); !ts_node_is_null(next)) {
      Follow(next, std::move(keys), hops);
    } else if (!NotRead(e, up, text_) && part == ResponsePart::kHolds) {
      HandedOn(e, up);
    }
  }

  // What the code does with `payload`, an expression holding the array at
  // `keys` of the response.
  void UseOfPayload(TSNode payload, const Keys& keys, int hops) {
    TSNode up = Up(payload);
    std::string key;
    if (ts_node_is_null(up)) {
      TooDeep(payload);
    } else if (KeyOf(up, payload, text_, &key)) {
      ReadField(up, key);
      // `r.data` of an array sent as the whole response is its field, or
      // the array itself under axios' envelope: both are followed.
      Keys deeper = keys;
      deeper.push_back(std::move(key));
      if (Part(deeper) == ResponsePart::kIs && !IsCallee(up))
        UseOfPayload(up, deeper, hops);
    } else if (node::Is(up, "arguments") &&
               IsCreateSourceCall(node::Parent(up), text_)) {
      ++create_source_calls_;  // the call the array is sent for
    } else if (node::Is(up, "variable_declarator") &&
               ts_node_eq(node::Unwrap(node::Field(up, "value")), payload)) {
      BindPayload(node::Field(up, "name"), keys, hops + 1);
    } else if (TSNode next = PassedOn(payload, up, text_);
               !ts_node_is_null(next)) {
      UseOfPayload(next, keys, hops);
    } else if (!NotRead(payload, up, text_)) {
      HandedOn(payload, up);
    }
  }

  // `read` reads the field `key` of the payload: deeper keys narrow it,
  // a method called on it (`payload.items.map(...)`) does not.
  void ReadField(TSNode read, std::string path) {
    TSNode e = read;
    for (std::string key; KeyOf(Up(e), e, text_, &key); e = Up(e)) {
      if (IsCallee(Up(e))) break;  // a method of it
      path += "." + key;
    }
    if (IsCallee(read)) {
      Add("", read,
          "calls " + Quote(Original(read)) +
              ", a method of the array the tool does not follow");
      return;
    }
    Add(path, read, "reads " + Quote(Original(e)) + " of the response");
  }

  // `target`, a name or pattern, is bound to the value at `keys`.
  void Bind(TSNode target, Keys keys, int hops) {
    ResponsePart part = Part(keys);
    if (part == ResponsePart::kOther) return;
    if (part == ResponsePart::kIs) {
      BindPayload(target, keys, hops);
      return;
    }
    if (node::Is(target, "object_pattern")) {
      ContainerPattern(target, keys, hops);
    } else if (IsName(target) && hops <= kMaxHops) {
      ForEachUse(target, [&](TSNode use) { Follow(use, keys, hops); });
    } else if (part == ResponsePart::kHolds) {
      Kept(target);
    }
  }

  // `target`, a name or pattern, is bound to the array itself, at `keys`
  // of the response.
  void BindPayload(TSNode target, const Keys& keys, int hops) {
    if (node::Is(target, "object_pattern")) {
      PayloadPattern(target, keys, hops);
    } else if (IsName(target) && hops <= kMaxHops) {
      ForEachUse(target, [&](TSNode use) { UseOfPayload(use, keys, hops); });
    } else {
      Kept(target);
    }
  }

  // `const {payload, success} = body`: the parts that lead to the array.
  void ContainerPattern(TSNode pattern, const Keys& keys, int hops) {
    for (TSNode part : node::NamedChildren(pattern)) {
      if (node::IsComment(part)) continue;
      std::string key = PatternKey(part, text_);
      if (node::Is(part, "rest_pattern")) {
        Bind(ts_node_named_child(part, 0), keys, hops + 1);  // `...rest`
      } else if (key.empty()) {
        if (Part(keys) == ResponsePart::kHolds) Kept(part);
      } else {
        Keys deeper = keys;
        deeper.push_back(std::move(key));
        Bind(PatternBound(part), std::move(deeper), hops + 1);
      }
    }
  }

  // `const {amount, ...rest} = response.payload`: each key taken is read
  // (and followed, when it may be an envelope of the array, like
  // ReadField's).
  void PayloadPattern(TSNode pattern, const Keys& keys, int hops) {
    for (TSNode part : node::NamedChildren(pattern)) {
      if (node::IsComment(part)) continue;
      std::string key = PatternKey(part, text_);
      if (key.empty()) {
        Kept(part);
        continue;
      }
      Add(key, part, "takes " + Quote(key) + " of the response");
      Keys deeper = keys;
      deeper.push_back(std::move(key));
      if (Part(deeper) == ResponsePart::kIs && hops <= kMaxHops)
        BindPayload(PatternBound(part), deeper, hops + 1);
    }
  }

  static bool IsName(TSNode n) {
    return node::Is(n, "identifier") ||
           node::Is(n, "shorthand_property_identifier_pattern");
  }

  // Calls `use` on each use of the name `declared` binds but itself; a
  // shorthand property (`{payload}`) puts it in an object, not followed.
  template <typename Use>
  void ForEachUse(TSNode declared, Use&& use) {
    std::string_view name = node::Text(declared, text_);
    Binding binding = ResolveName(name, declared, text_);
    if (node::Is(binding.scope, "program")) {
      // A page's top-level `var`: a global other scripts may read.
      Add("", declared,
          "keeps the array in " + Quote(name) +
              ", a global other scripts may read, which the tool does not "
              "follow");
      return;
    }
    for (TSNode n : UsesOf(binding, name, text_)) {
      if (ts_node_start_byte(n) == ts_node_start_byte(declared)) continue;
      if (node::Is(n, "shorthand_property_identifier")) {
        HandedOn(n, Up(n));
      } else {
        use(n);
      }
    }
  }

  void HandedOn(TSNode value, TSNode to) {
    if (node::Is(to, "arguments")) to = node::Parent(to);  // the call
    Add("", to,
        "passes " + Quote(Original(value)) + ", which holds the array, on to " +
            Quote(Original(to)) + ", where the tool does not follow it");
  }

  void Kept(TSNode target) {
    Add("", target,
        "keeps the array in " + Quote(Original(target)) +
            ", which the tool does not follow");
  }

  void TooDeep(TSNode value) {
    Add("", value,
        "nests " + Quote(Original(value)) +
            ", which holds the array, deeper than the tool follows");
  }

  std::string_view Original(TSNode n) const { return node::Text(n, original_); }

  std::string_view text_;
  std::string_view original_;
  const std::string& shown_;
  const std::vector<Keys>& sent_;
  std::string lead_;
  std::vector<PayloadObserver> found_;
  int create_source_calls_ = 0;
};

}  // namespace

std::vector<PayloadObserver> PrintedValueReads(
    std::string_view page, uint32_t at, const std::vector<std::string>& path,
    const std::string& shown, int* create_source_calls) {
  ScriptView view = MaskScriptContainer(page);
  Parser parser;
  Tree tree = parser.Parse(view.language, view.text);
  std::vector<std::vector<std::string>> sent = {path};
  Reads reads(view.text, page, shown, sent,
              "the array is printed into the page, and ");
  TSNode value = tree.ok() ? ts_node_named_descendant_for_byte_range(
                                 tree.Root(), at, at + 1)
                           : TSNode{};
  if (!node::Is(value, "identifier")) {
    reads.AddAt("", at,
                "prints it where no script expression stands "
                "(a string, an attribute, the HTML), which the tool does not "
                "follow");
    return reads.Take();
  }
  IndexedTree indexed(tree.Root(), view.text);
  reads.FromPrint(value);
  if (node::DeeperThan(tree.Root(), node::kMaxClimb - 10))
    reads.TooDeepToSee(tree.Root());
  if (create_source_calls) *create_source_calls += reads.CreateSourceCalls();
  return reads.Take();
}

std::vector<PayloadObserver> ResponseReadsIn(
    TSNode root, std::string_view text, const std::string& shown,
    const std::vector<std::vector<std::string>>& sent,
    const std::function<bool(const std::vector<std::string>&)>& may_answer,
    int* create_source_calls) {
  IndexedTree indexed(root, text);
  Reads reads(text, text, shown, sent,
              "the array is sent to the browser, and ");
  bool any = false;
  for (const ResponseHolder& h : ResponseHolders(root, text)) {
    if (!may_answer(RequestUrls(h.request, text))) continue;
    if (h.returned) {
      reads.Returned(h.holder);
    } else if (h.handed_on) {
      reads.HandedToHandler(h.holder);
    } else {
      reads.FromHolder(h.holder);
    }
    any = true;
  }
  if (any && node::DeeperThan(root, node::kMaxClimb - 10))
    reads.TooDeepToSee(root);
  if (any) reads.DirectEval(root);
  if (create_source_calls) *create_source_calls += reads.CreateSourceCalls();
  return reads.Take();
}

std::vector<PayloadObserver> CheckoutConfigReadsIn(
    TSNode root, std::string_view text, const std::string& shown,
    const std::vector<std::string>& path, int* create_source_calls) {
  const std::vector<std::vector<std::string>> sent{path};  // Reads keeps it
  Reads reads(text, text, shown, sent,
              "the array is in Magento's checkout config, and ");
  for (size_t at : WordsAt(text, "checkoutConfig")) {
    TSNode n = ts_node_descendant_for_byte_range(
        root, static_cast<uint32_t>(at),
        static_cast<uint32_t>(at + std::string_view("checkoutConfig").size()));
    TSNode holder = n;
    TSNode up = node::Parent(n);
    if (node::Is(n, "property_identifier") && IsGlobalObjectProperty(n, text)) {
      holder = up;  // `window.checkoutConfig`
    } else if (!node::Is(n, "identifier") ||
               ResolveName("checkoutConfig", n, text).kind !=
                   Binding::Kind::kNotFound) {
      continue;
    }
    reads.FromHolder(holder);
  }
  if (create_source_calls) *create_source_calls += reads.CreateSourceCalls();
  return reads.Take();
}

}  // namespace psm
