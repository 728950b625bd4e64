#include "php/php_payload_finder.h"

#include <algorithm>
#include <functional>
#include <set>

#include "find/object_builder.h"
#include "find/scope.h"
#include "php/php_array_view.h"
#include "php/php_file_index.h"
#include "php/php_payload_content.h"
#include "php/php_payload_roots.h"
#include "php/php_syntax.h"
#include "syntax/node.h"

namespace psm::php {
namespace {

// Fields of a DigitalRiver.js source payload besides the method's own.
constexpr std::string_view kSourceFields[] = {"amount", "currency", "owner",
                                              "sessionId"};

// The keys a payload shows at its top level, and those holding more than a
// string (a sub-array, a variable, a call): what it looks like.
struct Shape {
  std::set<std::string> keys;
  std::set<std::string> structured;
  std::set<std::string> nested;  // "payPal.items": keys one level down
  const Member* type = nullptr;  // the `type` that wins: the last written
  // `'amount' => ['min' => 1]`, `'currency' => ['USD']`: a source's amount
  // is a number and its currency a code, so this is some other array with
  // a `type` (a form's field config, another gateway's request).
  bool array_amount_or_currency = false;
};

Shape ShapeOf(const Unit& unit, const std::vector<PayloadMutation>& mutations) {
  Shape shape;
  for (const PayloadLiteral& part : unit) {
    for (const Member& m : part.object.members) {
      shape.keys.insert(m.key);
      if (m.object || !m.string_value) shape.structured.insert(m.key);
      if (m.key == "type") shape.type = &m;
      if ((m.key == "amount" || m.key == "currency") && m.object)
        shape.array_amount_or_currency = true;
      if (!m.object) continue;
      for (const Member& inner : m.object->members)
        shape.nested.insert(m.key + "." + inner.key);
    }
  }
  for (const PayloadMutation& m : mutations) {
    size_t dot = m.path.find('.');
    shape.keys.insert(m.path.substr(0, dot));
    if (dot == std::string::npos) continue;
    shape.structured.insert(m.path.substr(0, dot));
    shape.nested.insert(m.path.substr(0, m.path.find('.', dot + 1)));
  }
  return shape;
}

bool HasSourceField(const Shape& shape) {
  for (std::string_view f : kSourceFields) {
    if (shape.keys.contains(std::string(f))) return true;
  }
  return false;
}

// A payload of a known method: its own sub-array, two of the fields the
// rule removes, or `sessionId`.
bool LooksLikeMethodPayload(const Shape& shape, const MethodRule& rule) {
  if (shape.keys.contains("sessionId")) return true;
  if (shape.structured.contains(rule.type)) return true;
  int removable = 0;
  for (const std::string& path : rule.remove) {
    if (path.find('.') == std::string::npos && shape.keys.contains(path))
      ++removable;
  }
  return removable >= 2;
}

// The method's sub-array holds a field its rule removes (`payPal.items`).
bool HasRemovableNested(const Shape& shape, const MethodRule& rule) {
  for (const std::string& path : rule.remove) {
    if (shape.nested.contains(path)) return true;
  }
  return false;
}

// `unseen_base`: the array starts as something the tool cannot see into
// (a call to another class, a parameter).
// `late_bound_type`: the string a late-bound type expression names in its
// own class (FileIndex::LateBoundString), if any.
using LateBoundType = std::function<std::optional<std::string>(ByteRange)>;

bool LooksLikePayload(const Unit& unit, const Content& content,
                      const RuleTable& rules, bool unseen_base,
                      const LateBoundType& late_bound_type) {
  Shape shape = ShapeOf(unit, content.mutations);
  if (shape.array_amount_or_currency) return false;
  if (shape.type && shape.type->string_value) {
    const MethodRule* rule = rules.Find(*shape.type->string_value);
    return rule && LooksLikeMethodPayload(shape, *rule);
  }
  // `static::TYPE` whose class declares a method's type: a subclass may
  // redeclare it, so it is reported and never edited.
  if (shape.type && late_bound_type) {
    std::optional<std::string> hint = late_bound_type(shape.type->value_range);
    const MethodRule* rule = hint ? rules.Find(*hint) : nullptr;
    if (rule && LooksLikeMethodPayload(shape, *rule)) return true;
  }
  // The type is not readable (or not written) here: the method's own
  // sub-array beside another source field, or holding a field the method
  // drops when the rest of the array comes from elsewhere.
  for (const std::string& key : shape.structured) {
    const MethodRule* rule = rules.Find(key);
    if (!rule) continue;
    if (HasSourceField(shape)) return true;
    const auto& hints = content.unseen_call_strings;
    if (!shape.type &&
        std::find(hints.begin(), hints.end(), key) != hints.end())
      return true;  // `$p = $this->payloads->base('payPal'); $p['payPal'] =
                    // ...`
    if (!shape.type && unseen_base && HasRemovableNested(shape, *rule))
      return true;
  }
  return false;
}

bool InSyntaxError(TSNode n) {
  if (node::Is(n, "ERROR")) return true;
  for (TSNode a : node::Ancestors(n)) {
    if (node::Is(a, "ERROR")) return true;
  }
  return false;
}

class PayloadFinder {
 public:
  PayloadFinder(std::string_view source, TSNode root, const RuleTable& rules)
      : source_(source), root_(root), rules_(rules), index_(root, source) {}

  std::vector<PhpPayloadSite> Find() {
    std::vector<PhpPayloadSite> sites;
    std::vector<PayloadRoot> roots =
        FindPayloadRoots(root_, source_, index_, rules_);
    std::set<std::pair<uint32_t, uint32_t>> made_at;  // every site's anchors
    std::vector<std::vector<Content::HelperCalls>> helpers;  // per site
    for (const PayloadRoot& root : roots) {
      ValueContext ctx{source_, &index_, root.holder.scope, {}};
      Content content = ReadHolder(root.holder, ctx);
      bool payload = false;
      bool unseen_base = !content.blind_spots.empty();
      for (const Unit& unit : content.units) {
        payload = payload || LooksLikePayload(unit, content, rules_,
                                              unseen_base, LateBoundTypeHint());
      }
      if (!payload) continue;
      for (ByteRange a : content.anchors) made_at.insert({a.begin, a.end});
      helpers.push_back(content.helpers);
      sites.push_back(ToSite(root, std::move(content)));
      for (const Content::HelperCalls& h : helpers.back()) {
        if (h.callable_elsewhere)
          sites.back().helpers_elsewhere.push_back(h.name);
      }
    }
    for (size_t i = 0; i < sites.size(); ++i)
      ObserveOtherHelperCalls(helpers[i], made_at, &sites[i].site);
    AddLostArrays(roots, &sites);
    std::stable_sort(sites.begin(), sites.end(),
                     [](const PhpPayloadSite& a, const PhpPayloadSite& b) {
                       return a.site.call.begin < b.site.call.begin;
                     });
    return sites;
  }

 private:
  LateBoundType LateBoundTypeHint() const {
    return [this](ByteRange value) {
      return index_.LateBoundString(
          ts_node_descendant_for_byte_range(root_, value.begin, value.end));
    };
  }

  PhpPayloadSite ToSite(const PayloadRoot& root, Content content) {
    PhpPayloadSite out;
    CallSite& site = out.site;
    // Where the array is made (the caller's call of a helper, not the
    // helper's array); else where the tool found it.
    site.call = root.found_at;
    if (!content.anchors.empty()) {
      site.call = *std::min_element(
          content.anchors.begin(), content.anchors.end(),
          [](ByteRange a, ByteRange b) { return a.begin < b.begin; });
    }
    if (!root.holder.variable.empty()) site.callee = "$" + root.holder.variable;
    site.has_error = InSyntaxError(ts_node_descendant_for_byte_range(
        root_, root.found_at.begin, root.found_at.end));
    CheckTypeWrites(&content);
    for (size_t u = 0; u < content.units.size(); ++u) {
      int group = content.units[u].size() > 1 ? static_cast<int>(u) : -1;
      for (PayloadLiteral& part : content.units[u]) {
        part.group = group;
        site.payloads.push_back(std::move(part));
      }
    }
    site.mutations = std::move(content.mutations);
    site.observers = std::move(content.observers);
    site.blind_spots = std::move(content.blind_spots);
    site.merged_unseen = std::move(content.merged_unseen);
    if (site.refused.empty()) site.refused = std::move(content.refused);
    out.response_paths = std::move(content.response_paths);
    out.page_prints = std::move(content.page_prints);
    out.returned = content.returned;
    out.returned_by = content.returned_by;
    out.returned_by_method = content.returned_by_method;
    out.returned_path = content.returned_path;
    return out;
  }

  // A helper's array is edited where the helper builds it: a call of it
  // that makes no payload (`$c = $this->base('creditCard'); log($c)`)
  // would see the edits too.
  void ObserveOtherHelperCalls(
      const std::vector<Content::HelperCalls>& helpers,
      const std::set<std::pair<uint32_t, uint32_t>>& made_at, CallSite* site) {
    for (const Content::HelperCalls& h : helpers) {
      for (ByteRange call : h.calls) {
        if (made_at.contains({call.begin, call.end})) continue;
        TSNode at =
            ts_node_descendant_for_byte_range(root_, call.begin, call.end);
        site->observers.push_back(
            {"", Quote(h.name + "()") +
                     ", which builds the array, is also "
                     "called at line " +
                     std::to_string(node::Line(at)) + " (" +
                     Quote(node::Text(at, source_)) +
                     "), where no payload is sent: that caller gets the edited "
                     "array too"});
        return;
      }
    }
  }

  // A payload array that no site holds (its holder is set from something
  // the tool does not read, such as `$p = $x ?: [...]`) is reported all the
  // same: the tool never passes over a payload silently.
  void AddLostArrays(const std::vector<PayloadRoot>& roots,
                     std::vector<PhpPayloadSite>* sites) {
    std::set<std::pair<uint32_t, uint32_t>> held;
    for (const PhpPayloadSite& s : *sites) {
      for (const PayloadLiteral& p : s.site.payloads) Hold(p.object, &held);
    }
    // Every array that names its method, whether or not a root is still
    // its own: two builders returned to the same caller variable share one.
    std::vector<TSNode> elements;
    for (const PayloadRoot& root : roots) {
      elements.push_back(ts_node_descendant_for_byte_range(
          root_, root.found_at.begin, root.found_at.end));
    }
    ForEachDescendant(root_, true, [&](TSNode n) {
      std::vector<TSNode> parts;
      std::string key, type;
      if (node::Is(n, "array_element_initializer") &&
          (parts = node::NamedChildren(n)).size() == 2 &&
          StringValue(parts[0], source_, &key) && key == "type" &&
          StringValue(parts[1], source_, &type) && rules_.Find(type))
        elements.push_back(n);
    });
    for (TSNode element : elements) {
      if (!node::Is(element, "array_element_initializer")) continue;
      TSNode array = node::Parent(element);
      ByteRange range = node::Range(array);
      if (!held.insert({range.begin, range.end}).second) continue;
      ValueContext ctx{source_, &index_, ScopeOf(array), {}};
      Unit unit;
      unit.push_back({ArrayView(array, ctx), "inline", -1});
      if (!LooksLikePayload(unit, Content(), rules_, false,
                            LateBoundTypeHint()))
        continue;
      PhpPayloadSite lost;
      lost.site.call = range;
      lost.site.blind_spots.push_back(
          "the tool cannot follow this payload array to where it is sent (" +
          Quote(node::Text(node::Parent(array), source_)) +
          "): migrate it by hand");
      sites->push_back(std::move(lost));
    }
  }

  static void Hold(const ObjectLiteral& object,
                   std::set<std::pair<uint32_t, uint32_t>>* held) {
    held->insert({object.range.begin, object.range.end});
    for (const Member& m : object.members) {
      if (m.object) Hold(*m.object, held);
    }
  }

  // A type set by a statement that may not run, or set twice, leaves the
  // method open: no rule can be picked, so nothing is edited.
  void CheckTypeWrites(Content* content) {
    std::vector<std::string> lines;
    bool conditional = false;
    for (const Unit& unit : content->units) {
      for (const PayloadLiteral& part : unit) {
        if (!part.object.statements) continue;
        for (const Member& m : part.object.members) {
          if (m.key != "type") continue;
          TSNode statement = ts_node_descendant_for_byte_range(
              root_, m.range.begin, m.range.end);
          TSNode scope = ScopeOf(statement);
          TSNode body = IsFunction(scope) ? node::Field(scope, "body") : scope;
          conditional =
              conditional || !ts_node_eq(node::Parent(statement), body);
          lines.push_back(
              std::to_string(ts_node_start_point(statement).row + 1));
        }
      }
    }
    // A write of `type` away from the array's block is a mutation, not a
    // statement of the array (ContentReader::Write): one that may not run.
    for (const PayloadMutation& m : content->mutations) {
      if (m.path != "type") continue;
      conditional = true;
      TSNode statement = ts_node_descendant_for_byte_range(
          root_, m.statement.begin, m.statement.end);
      lines.push_back(std::to_string(ts_node_start_point(statement).row + 1));
    }
    if (lines.size() < 2 && !conditional) return;
    std::string where;
    for (const std::string& l : lines) where += (where.empty() ? "" : ", ") + l;
    content->units.clear();
    content->blind_spots.push_back(
        "the payment type is set " +
        std::string(conditional ? "conditionally" : "more than once") +
        " (line " + where +
        "), so the tool cannot tell the payment method; migrate by hand");
  }

  std::string_view source_;
  TSNode root_;
  const RuleTable& rules_;
  FileIndex index_;
};

}  // namespace

std::vector<PhpPayloadSite> FindPhpPayloads(std::string_view source,
                                            TSNode root,
                                            const RuleTable& rules) {
  return PayloadFinder(source, root, rules).Find();
}

}  // namespace psm::php
