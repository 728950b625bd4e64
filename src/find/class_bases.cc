#include "find/class_bases.h"

#include "find/scope.h"
#include "syntax/node.h"

namespace psm {

TSNode ExtendedBy(TSNode klass) {
  TSNode base{};
  for (TSNode c : node::NamedChildren(klass)) {
    if (!node::Is(c, "class_heritage")) continue;
    base = ts_node_named_child(c, 0);
    if (node::Is(base, "extends_clause")) base = node::Field(base, "value");
    base = node::Unwrap(base);
  }
  return base;
}

bool Inherits(TSNode klass, TSNode ancestor, std::string_view source) {
  for (int depth = 0; depth < 8; ++depth) {
    TSNode base = ExtendedBy(klass);
    if (ts_node_is_null(base)) return false;
    if (!node::Is(base, "identifier")) return true;
    Binding b = ResolveName(node::Text(base, source), base, source);
    if (b.kind != Binding::Kind::kClass) return false;
    if (ts_node_eq(b.declarator, ancestor)) return true;
    klass = b.declarator;
  }
  return true;
}

bool Related(TSNode a, TSNode b, std::string_view source) {
  if (ts_node_is_null(a) || ts_node_is_null(b)) return false;
  return ts_node_eq(a, b) ||
         Inherits(node::Parent(a), node::Parent(b), source) ||
         Inherits(node::Parent(b), node::Parent(a), source);
}

}  // namespace psm
