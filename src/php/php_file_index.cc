#include "php/php_file_index.h"

#include "php/php_syntax.h"
#include "syntax/node.h"

namespace psm::php {
namespace {

bool IsClassLike(TSNode n) {
  std::string_view t = node::Type(n);
  return t == "class_declaration" || t == "trait_declaration" ||
         t == "interface_declaration" || t == "enum_declaration";
}

bool HasFinalModifier(TSNode n) {
  for (TSNode child : node::NamedChildren(n)) {
    if (node::Is(child, "final_modifier")) return true;
  }
  return false;
}

// The last segment of a name or qualified name: `X` for `\A\B\X`.
std::string_view ShortName(TSNode n, std::string_view source) {
  std::string_view text = node::Text(n, source);
  size_t slash = text.rfind('\\');
  return slash == std::string_view::npos ? text : text.substr(slash + 1);
}

void ReadParameters(TSNode function, std::string_view source,
                    FunctionInfo* info) {
  TSNode list = node::Field(function, "parameters");
  for (TSNode p : node::NamedChildren(list)) {
    TSNode name = node::Field(p, "name");
    if (node::Is(name, "by_ref")) {
      info->by_ref_parameter = true;
      name = ts_node_named_child(name, 0);
    }
    if (!ts_node_is_null(node::Field(p, "reference_modifier")))
      info->by_ref_parameter = true;
    info->parameters.emplace_back(VariableName(name, source));
  }
}

}  // namespace

FileIndex::FileIndex(TSNode root, std::string_view source) : source_(source) {
  Walk(root);
}

void FileIndex::Walk(TSNode root) {
  // Explicit stack: hostile input can nest deeper than the C++ stack.
  std::vector<std::pair<TSNode, std::string>> stack{{root, ""}};
  while (!stack.empty()) {
    auto [n, class_name] = std::move(stack.back());
    stack.pop_back();
    std::string_view type = node::Type(n);
    if (IsClassLike(n)) {
      TSNode name = node::Field(n, "name");
      if (!ts_node_is_null(name)) class_name = node::Text(name, source_);
      declared_classes_.insert(class_name);
    } else if (type == "namespace_use_clause") {
      TSNode alias = node::Field(n, "alias");
      TSNode named = ts_node_named_child(n, 0);
      imported_names_.emplace(
          ShortName(ts_node_is_null(alias) ? named : alias, source_));
    } else if (type == "function_definition") {
      AddFunction(n, "");
    } else if (type == "method_declaration") {
      AddFunction(n, class_name);
    } else if (type == "const_declaration") {
      AddConstants(n, class_name);
    } else if (IsCall(n)) {
      calls_.push_back(n);
      if (SameName(CalledName(n, source_), "define")) AddDefine(n);
    }
    std::vector<TSNode> children = node::NamedChildren(n);
    for (auto it = children.rbegin(); it != children.rend(); ++it) {
      stack.emplace_back(*it, class_name);
    }
  }
}

void FileIndex::AddFunction(TSNode n, const std::string& class_name) {
  FunctionInfo info;
  info.node = n;
  info.name = std::string(node::Text(node::Field(n, "name"), source_));
  info.class_name = class_name;
  ReadParameters(n, source_, &info);
  functions_.push_back(std::move(info));
}

void FileIndex::AddConstants(TSNode declaration,
                             const std::string& class_name) {
  for (TSNode element : node::NamedChildren(declaration)) {
    if (!node::Is(element, "const_element")) continue;
    std::vector<TSNode> parts = node::NamedChildren(element);
    if (parts.size() != 2 || !node::Is(parts[0], "name")) continue;
    std::string value;
    std::optional<std::string> bound;
    if (StringValue(parts[1], source_, &value)) bound = value;
    auto key =
        std::make_pair(class_name, std::string(node::Text(parts[0], source_)));
    if (HasFinalModifier(declaration)) final_constants_.insert(key);
    auto [it, fresh] = constants_.emplace(key, bound);
    if (!fresh) it->second.reset();
  }
}

void FileIndex::AddDefine(TSNode call) {
  std::vector<TSNode> args =
      node::NamedChildren(node::Field(call, "arguments"));
  if (args.size() != 2) return;
  std::string name, value;
  if (!StringValue(ts_node_named_child(args[0], 0), source_, &name)) return;
  std::optional<std::string> bound;
  if (StringValue(ts_node_named_child(args[1], 0), source_, &value))
    bound = value;
  auto [it, fresh] =
      constants_.emplace(std::make_pair(std::string(), name), bound);
  if (!fresh) it->second.reset();
}

std::vector<const FunctionInfo*> FileIndex::MethodsNamed(
    std::string_view name) const {
  std::vector<const FunctionInfo*> methods;
  for (const FunctionInfo& f : functions_) {
    if (!f.class_name.empty() && SameName(f.name, name)) methods.push_back(&f);
  }
  return methods;
}

const FunctionInfo* FileIndex::Find(const std::string& class_name,
                                    std::string_view name) const {
  const FunctionInfo* found = nullptr;
  for (const FunctionInfo& f : functions_) {
    if (!SameName(f.class_name, class_name) || !SameName(f.name, name))
      continue;
    if (found) return nullptr;  // defined twice: cannot tell which
    found = &f;
  }
  return found;
}

TSNode FileIndex::ClassAround(TSNode n) const {
  for (TSNode a : node::Ancestors(n)) {
    if (IsClassLike(a)) return a;
  }
  return TSNode{};
}

bool FileIndex::BindsEarly(TSNode access, std::string_view scope,
                           const std::string& class_name,
                           const std::string& name) const {
  TSNode around = ClassAround(access);
  if (ts_node_is_null(around)) return false;
  // In a trait, `self` and `static` are the class that uses it, which may
  // live in any file.
  if (node::Is(around, "trait_declaration")) return false;
  if (scope == "self" || node::Is(around, "enum_declaration")) return true;
  // `static::NAME` is late static binding: a subclass anywhere can
  // redeclare NAME, unless the class or the constant is final.
  return HasFinalModifier(around) ||
         final_constants_.count({class_name, name}) > 0;
}

std::string FileIndex::ClassOf(TSNode n) const {
  for (TSNode a : node::Ancestors(n)) {
    if (!IsClassLike(a)) continue;
    TSNode name = node::Field(a, "name");
    return ts_node_is_null(name) ? "" : std::string(node::Text(name, source_));
  }
  return "";
}

const FunctionInfo* FileIndex::Callee(TSNode call) const {
  std::string_view name = CalledName(call, source_);
  if (name.empty()) return nullptr;
  std::string_view type = node::Type(call);
  if (type == "function_call_expression") return Find("", name);
  std::string own = ClassOf(call);
  // `(new Builder())->build()` names a class of the file from anywhere.
  if (type == "member_call_expression" ||
      type == "nullsafe_member_call_expression") {
    TSNode made = Unparen(node::Field(call, "object"));
    if (node::Is(made, "object_creation_expression")) {
      TSNode klass = ts_node_named_child(made, 0);
      if (node::Is(klass, "name") || node::Is(klass, "qualified_name"))
        return Find(std::string(ShortName(klass, source_)), name);
    }
  }
  // `Ledger::getAmount()` names a class of the file from anywhere.
  if (type == "scoped_call_expression") {
    std::string_view scope = node::Text(node::Field(call, "scope"), source_);
    if (!SameName(scope, "self") && !SameName(scope, "static") &&
        !SameName(scope, "parent") && !scope.starts_with('$')) {
      if (const FunctionInfo* f =
              Find(std::string(ShortName(node::Field(call, "scope"), source_)),
                   name))
        return f;
    }
  }
  if (own.empty()) return nullptr;
  if (type == "member_call_expression" ||
      type == "nullsafe_member_call_expression") {
    TSNode object = node::Field(call, "object");
    return node::Text(object, source_) == "$this" ? Find(own, name) : nullptr;
  }
  if (type == "scoped_call_expression") {
    std::string_view scope = node::Text(node::Field(call, "scope"), source_);
    bool own_scope =
        SameName(scope, "self") || SameName(scope, "static") ||
        SameName(ShortName(node::Field(call, "scope"), source_), own);
    return own_scope ? Find(own, name) : nullptr;
  }
  return nullptr;
}

const FunctionInfo* FileIndex::FunctionAt(TSNode function) const {
  for (const FunctionInfo& f : functions_) {
    if (ts_node_eq(f.node, function)) return &f;
  }
  return nullptr;
}

std::vector<TSNode> FileIndex::CallsOf(const FunctionInfo& f) const {
  std::vector<TSNode> calls;
  for (TSNode call : calls_) {
    const FunctionInfo* callee = Callee(call);
    if (callee == &f) {
      calls.push_back(call);
      continue;
    }
    if (callee) continue;  // another function of the file
    // `(new Builder())->build()`, `$builder->build()`: which class an
    // object is of is not followed, so any call of a method of that name
    // on another object than `$this` may be one.
    std::string_view type = node::Type(call);
    if (f.class_name.empty()) continue;
    bool member = type == "member_call_expression" ||
                  type == "nullsafe_member_call_expression";
    std::string_view called = CalledName(call, source_);
    // `$b->$m()`, `$b->{'bu' . 'ild'}()`: a name computed at run time may
    // be this one.
    if ((member || type == "scoped_call_expression") && called.empty()) {
      calls.push_back(call);
      continue;
    }
    if (member && SameName(called, f.name) &&
        node::Text(node::Field(call, "object"), source_) != "$this")
      calls.push_back(call);
    // `parent::build()` in a subclass's override, `Other::build()`: which
    // class a scope names is not followed either.
    if (type == "scoped_call_expression" && SameName(called, f.name)) {
      std::string_view scope = node::Text(node::Field(call, "scope"), source_);
      if (SameName(scope, "parent") ||
          (!SameName(scope, "self") && !SameName(scope, "static") &&
           !SameName(ShortName(node::Field(call, "scope"), source_),
                     f.class_name)))
        calls.push_back(call);
    }
  }
  return calls;
}

std::optional<std::string> FileIndex::ConstantString(TSNode expr) const {
  return Lookup(expr, /*late_binding_known=*/false);
}

std::optional<std::string> FileIndex::LateBoundString(TSNode expr) const {
  if (ConstantString(expr)) return std::nullopt;
  return Lookup(expr, /*late_binding_known=*/true);
}

std::optional<std::string> FileIndex::Lookup(TSNode expr,
                                             bool late_binding_known) const {
  expr = Unparen(expr);
  std::string class_name;
  TSNode name = expr;
  std::string_view scope;
  if (node::Is(expr, "class_constant_access_expression")) {
    std::vector<TSNode> parts = node::NamedChildren(expr);
    if (parts.size() != 2) return std::nullopt;
    scope = node::Text(parts[0], source_);
    // `$this::TYPE` binds late, as `static::TYPE` does; another variable
    // (`$class::TYPE`) names a class picked at run time.
    if (scope == "$this") scope = "static";
    if (scope.starts_with('$')) return std::nullopt;
    if (scope == "self" || scope == "static") {
      class_name = ClassOf(expr);
    } else {
      // Only a class this file declares, named as it is declared: a
      // qualified or imported name may be another file's class of the
      // same short name.
      class_name = ShortName(parts[0], source_);
      if (scope.find('\\') != std::string_view::npos ||
          !declared_classes_.contains(class_name) ||
          imported_names_.contains(class_name))
        return std::nullopt;
    }
    name = parts[1];
  }
  if (!node::Is(name, "name") && !node::Is(name, "qualified_name"))
    return std::nullopt;
  std::string short_name(ShortName(name, source_));
  if ((scope == "self" || scope == "static") && !late_binding_known &&
      !BindsEarly(expr, scope, class_name, short_name)) {
    return std::nullopt;
  }
  auto it = constants_.find({class_name, short_name});
  if (it != constants_.end()) return it->second;
  if (class_name.empty() || !declared_classes_.contains(class_name))
    return std::nullopt;
  // Inherited from a class or interface of this file: taken when every
  // class constant of that name here holds the same string.
  std::optional<std::string> agreed;
  for (const auto& [key, value] : constants_) {
    if (key.first.empty() || key.second != short_name) continue;
    if (!value || (agreed && *agreed != *value)) return std::nullopt;
    agreed = value;
  }
  return agreed;
}

}  // namespace psm::php
