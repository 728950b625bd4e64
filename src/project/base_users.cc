// The classes that share a base class's method across modules: through
// `super.build()` in their own method, or by inheriting it with `type:
// this.type` set in their constructors (see Linker::UsersOf).

#include <functional>
#include <set>

#include "common/strings.h"
#include "find/class_fields.h"
#include "find/object_builder.h"
#include "find/payload_resolver.h"
#include "find/payload_uses.h"
#include "find/scope.h"
#include "io/file_io.h"
#include "project/class_syntax.h"
#include "project/module_exports.h"
#include "project/module_linker.h"
#include "syntax/embedded_script.h"
#include "syntax/language.h"
#include "syntax/node.h"

namespace psm {
namespace {

using class_syntax::ClassOfMethod;
using class_syntax::FieldUse;
using class_syntax::IsClassNode;
using class_syntax::NameOf;
using class_syntax::OwnMethod;
using class_syntax::SuperUses;
using class_syntax::TypeValue;

constexpr int kMaxReExports = 6;

// A mention of the class name that is an import, a re-export or the base of
// a class (those are looked at on their own).
bool ImportsOrExtends(TSNode id) {
  for (TSNode p = node::Parent(id); !ts_node_is_null(p); p = node::Parent(p)) {
    if (node::Is(p, "import_statement") || node::Is(p, "class_heritage"))
      return true;
    if (node::Is(p, "export_statement"))
      return !ts_node_is_null(node::Field(p, "source"));
  }
  return false;
}

// `const {BaseRequest} = require('./base')`: the name bound by a require.
bool RequiredHere(TSNode id, std::string_view text) {
  for (TSNode p = node::Parent(id); !ts_node_is_null(p); p = node::Parent(p)) {
    if (!node::Is(p, "variable_declarator")) continue;
    TSNode value = node::Unwrap(node::Field(p, "value"));
    return node::Range(node::Field(p, "name")).Contains(node::Range(id)) &&
           !ts_node_is_null(ModuleLoadCall(value, text));
  }
  return false;
}

// Stands for an object built on the base's fields that sets no `type`:
// the base's own type is sent.
constexpr std::string_view kBaseType = "\n";

// The payment type the object `p` gives the fields of the base, when it is
// built on them (holds their covered spread) and sets `type` after it.
// Null when it is not built on them; "" when its type is no string (or
// comes before them); kBaseType when it sets none.
std::optional<std::string> TypeOnBase(const ObjectLiteral& p) {
  std::optional<size_t> spread;
  for (size_t i = 0; i < p.members.size(); ++i) {
    if (!p.members[i].covered().empty()) spread = i;
  }
  if (!spread) return std::nullopt;
  const Member* type = p.Find("type");
  if (!type) return std::string(kBaseType);
  if (!type->string_value || type < &p.members[*spread]) return "";
  return *type->string_value;
}

// The type a class that does not set `type` itself sends with the object
// of `base`: the base's string, or the string the nearest constructor
// (`klass`'s, else the base's) sets the field `type: this.x` reads.
void InheritedType(const Module& module, TSNode klass, TSNode base,
                   const Module& base_module, PayloadUser* user) {
  TSNode type = TypeValue(base, base_module.text);
  std::string value;
  if (node::StringLiteralValue(type, base_module.text, &value)) {
    user->method = value;
    return;
  }
  if (!node::Is(type, "member_expression") ||
      !node::Is(node::Field(type, "object"), "this")) {
    user->why_unknown =
        "the object of " +
        Quote(node::Text(node::Field(base, "name"), base_module.text)) +
        " has no string type";
    return;
  }
  std::string_view field =
      node::Text(node::Field(type, "property"), base_module.text);
  TSNode mine = FieldUse(klass, field, module.text);
  bool ok = ts_node_is_null(mine)
                ? TraceFieldToString(type, base_module.text, &value)
                : TraceFieldToString(mine, module.text, &value);
  if (ok) {
    user->method = value;
  } else {
    user->why_unknown = "its class does not set " +
                        Quote("this." + std::string(field)) +
                        " once, in the constructor, to a string";
  }
}

PayloadUser Unknown(std::string name, std::string where, std::string why) {
  PayloadUser u;
  u.name = std::move(name);
  u.where = std::move(where);
  u.why_unknown = std::move(why);
  return u;
}

}  // namespace

Found Linker::FollowSuper(const Module& module, TSNode builder) {
  Found found;
  std::string_view text = module.text;
  TSNode klass = ClassOfMethod(builder);
  std::string member = NameOf(builder, text);
  if (ts_node_is_null(klass)) return found;
  std::vector<TSNode> uses = SuperUses(klass, member, text);
  if (uses.empty()) return found;
  std::string call = "super." + member + "()";
  if (uses.size() != 1 ||
      !node::Range(builder).Contains(node::Range(uses[0]))) {
    found.why_not = "its class uses " + Quote(call) + " more than once, or " +
                    "outside " + Quote(member);
    return found;
  }
  TSNode base = BaseClassOf(klass);
  std::string_view name = node::Text(base, text);
  std::optional<ModuleRef> ref;
  if (node::Is(base, "identifier"))
    ref = ImportedAs(ResolveName(name, base, text), name, text);
  if (!ref || ref->specifier.empty()) {
    found.why_not = "its base class " + Quote(name) +
                    " is not a class imported from a module of the project";
    return found;
  }
  ModuleRequest up;
  up.ref = *ref;
  up.member = member;
  up.access = ModuleRequest::Access::kNewThenMethod;
  found = Follow(module.path, up);
  found.hops.insert(found.hops.begin(),
                    options_.display(module.path) + ":" +
                        std::to_string(node::Line(uses[0])) + ": " +
                        Quote(call) + " of " + Quote(name));
  return found;
}

std::vector<BaseUserFound> Linker::UsersOf(const Module& module, TSNode base) {
  std::vector<BaseUserFound> users;
  TSNode klass = ClassOfMethod(base);
  if (NameOf(klass, module.text).empty()) return users;
  VisitExtenders(
      module, klass, true,
      [&](const Module& m, TSNode sub) {
        std::optional<BaseUserFound> user = UserOf(m, sub, base, module);
        if (!user) return;
        PayloadUser parent = user->user;
        users.push_back(std::move(*user));
        DeeperUsers(m, sub, parent, base, module, 1, &users);
      },
      &users);
  return users;
}

void Linker::DeeperUsers(const Module& module, TSNode klass,
                         const PayloadUser& parent, TSNode base,
                         const Module& base_module, int depth,
                         std::vector<BaseUserFound>* users) {
  if (depth > 3) return;
  std::string member = NameOf(base, base_module.text);
  TSNode type = TypeValue(base, base_module.text);
  bool from_field = node::Is(type, "member_expression") &&
                    node::Is(node::Field(type, "object"), "this");
  VisitExtenders(
      module, klass, false,
      [&](const Module& m, TSNode sub) {
        std::string where =
            options_.display(m.path) + ":" + std::to_string(node::Line(sub));
        TSNode own = OwnMethod(sub, member, m.text);
        bool supers = !SuperUses(sub, member, m.text).empty();
        if (!ts_node_is_null(own) && !supers) return;  // never reaches it
        PayloadUser user = parent;
        user.name = NameOf(sub, m.text);
        user.where = where;
        if (!ts_node_is_null(own) || supers) {
          user = Unknown(user.name, where,
                         "extends " + parent.name + " and uses " +
                             Quote("super." + member) +
                             ": the tool follows one level of `super`");
        } else if (from_field && !parent.sets_type) {
          std::string_view field =
              node::Text(node::Field(type, "property"), base_module.text);
          TSNode mine = FieldUse(sub, field, m.text);
          std::string value;
          if (!ts_node_is_null(mine) &&
              !TraceFieldToString(mine, m.text, &value)) {
            user = Unknown(user.name, where,
                           "its class sets " +
                               Quote("this." + std::string(field)) +
                               " otherwise than once, in the constructor");
          } else if (!ts_node_is_null(mine)) {
            user.method = value;
          }
        }
        users->push_back({user, m.path, {}});
        DeeperUsers(m, sub, user, base, base_module, depth + 1, users);
      },
      users);
}

void Linker::VisitExtenders(
    const Module& module, TSNode klass, bool mentions,
    const std::function<void(const Module&, TSNode)>& visit,
    std::vector<BaseUserFound>* users) {
  std::string name = NameOf(klass, module.text);
  if (name.empty()) return;
  // Subclasses in the class's own file.
  ForEachDescendant(module.tree.Root(), true, [&](TSNode n) {
    if (IsClassNode(n) && !ts_node_eq(n, klass) &&
        ts_node_eq(ValueOf(BaseClassOf(n), module.text), klass)) {
      visit(module, n);
    }
  });
  Parser parser;
  for (uint32_t i : FilesNaming(name)) {
    const std::string& path = ProjectFiles()[i];
    std::string file = AbsolutePath(path);
    if (file == module.path) continue;
    // A script, or the scripts of a page or template (a page's own text is
    // no JavaScript: loaded as a module, any page naming the class was a
    // user that "could not be read or parsed").
    std::optional<Module> page;
    const Module* other = ScriptsOf(path, parser, &page);
    std::string shown = options_.display(file);
    if (!other) {
      std::optional<Language> language = LanguageForPath(file);
      if (language && *language != Language::kPhp && !IsScriptContainer(file))
        users->push_back(
            {Unknown(shown, shown, "could not be read or parsed"), file, {}});
      continue;
    }
    if (page) {  // classes are not followed into pages: said, if it names it
      if (!WordsAt(other->text, name).empty())
        users->push_back({Unknown(shown, shown,
                                  "a script of this page names " + Quote(name) +
                                      "; the tool does not follow classes "
                                      "into pages"),
                          file,
                          {}});
      continue;
    }
    ForEachDescendant(other->tree.Root(), true, [&](TSNode n) {
      std::string where = shown + ":" + std::to_string(node::Line(n));
      std::string_view heritage = node::Text(BaseClassOf(n), other->text);
      if (IsClassNode(n) && heritage.find(name) != std::string_view::npos) {
        if (heritage == name && Extends(*other, n, module, klass)) {
          visit(*other, n);
        } else {
          users->push_back(
              {Unknown(NameOf(n, other->text), where,
                       "extends " + Quote(heritage) +
                           ", which the tool cannot trace to " + Quote(name) +
                           " of " + options_.display(module.path)),
               file,
               {}});
        }
        return;
      }
      if (mentions && node::Is(n, "identifier") &&
          node::Text(n, other->text) == name && !ImportsOrExtends(n) &&
          !RequiredHere(n, other->text)) {
        users->push_back({Unknown(shown, where,
                                  "names " + Quote(name) + " (" +
                                      StatementAround(n, other->text) + ")"),
                          file,
                          {}});
      }
    });
  }
}

std::optional<BaseUserFound> Linker::UserOf(const Module& module, TSNode klass,
                                            TSNode base,
                                            const Module& base_module) {
  std::string_view text = module.text;
  std::string member = NameOf(base, base_module.text);
  BaseUserFound found;
  found.file = module.path;
  PayloadUser& user = found.user;
  user.name = NameOf(klass, text);
  user.where =
      options_.display(module.path) + ":" + std::to_string(node::Line(klass));
  TSNode own = OwnMethod(klass, member, text);
  std::vector<TSNode> supers = SuperUses(klass, member, text);
  if (!ts_node_is_null(own) && supers.empty()) return std::nullopt;
  if (ts_node_is_null(own) && !supers.empty()) {
    user.why_unknown =
        "uses " + Quote("super." + member) + " outside " + Quote(member);
    return found;
  }
  if (!ts_node_is_null(own))
    return SuperUser(module, own, base, base_module, found);
  InheritedType(module, klass, base, base_module, &user);
  return found;
}

BaseUserFound Linker::SuperUser(const Module& module, TSNode own, TSNode base,
                                const Module& base_module,
                                BaseUserFound found) {
  PayloadUser& user = found.user;
  std::string member = NameOf(own, module.text);
  CallSite site;
  BuiltPayloadOptions follow{member, "followed", false};
  ResolveBuiltPayload(module.text, module.tree.Root(), own, true, &site,
                      follow);
  std::set<std::string> types;
  for (const PayloadLiteral& p : site.payloads) {
    if (std::optional<std::string> type = TypeOnBase(p.object))
      types.insert(*type);
  }
  if (types.size() == 1 && *types.begin() == kBaseType) {
    InheritedType(module, ClassOfMethod(own), base, base_module, &user);
  } else if (types.size() == 1 && !types.begin()->empty()) {
    user.method = *types.begin();
    user.sets_type = true;
  } else {
    user.why_unknown = "its " + Quote(member) +
                       " does not set one string `type` after the fields of " +
                       Quote("super." + member + "()");
  }
  std::string in = "in " + user.name + " (" + user.where + "): ";
  for (const PayloadObserver& o : site.observers)
    found.observers.push_back({o.path, in + o.what});
  // A field the subclass writes after `super.build()` stays in the base:
  // the write may need it (`payload.payPal.items.push(...)`).
  for (const PayloadMutation& m : site.mutations) {
    if (!m.after_call)
      found.observers.push_back({m.path, in + m.what + " changes it"});
  }
  return found;
}

bool Linker::Extends(const Module& module, TSNode klass,
                     const Module& base_module, TSNode base) {
  TSNode id = BaseClassOf(klass);
  std::string_view name = node::Text(id, module.text);
  if (!node::Is(id, "identifier")) return false;
  std::optional<ModuleRef> ref =
      ImportedAs(ResolveName(name, id, module.text), name, module.text);
  if (!ref || ref->specifier.empty()) return false;
  std::string from = module.path;
  for (int hop = 0; hop < kMaxReExports; ++hop) {
    std::optional<std::string> file = paths_.Resolve(from, ref->specifier);
    const Module* target = file ? cache_.Load(*file) : nullptr;
    if (!target) return false;
    ExportedValue value =
        FindExport(target->tree.Root(), target->text, ref->exported);
    if (value.passed_on) {
      from = *file;
      ref = value.passed_on;
      continue;
    }
    TSNode klass_node = ValueOf(value.node, target->text);
    return target == &base_module && !ts_node_is_null(klass_node) &&
           node::Range(klass_node).Contains(node::Range(base));
  }
  return false;
}

}  // namespace psm
