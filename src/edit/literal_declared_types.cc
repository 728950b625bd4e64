// LiteralPlanner (literal_planner_class.h): the TypeScript types given to
// the objects it edits. A type that lists fields no longer fits an object
// that gains sessionId or loses fields; the tool edits values, not types.

#include <algorithm>
#include <cctype>

#include "edit/literal_planner_class.h"
#include "find/declared_type.h"

namespace psm::literal_planner_detail {
namespace {


std::string List(const std::vector<std::string>& paths) {
  std::string list;
  for (const std::string& p : paths)
    list += (list.empty() ? "" : ", ") + Ticked(p);
  return list;
}

}  // namespace

// An object with nothing left to do (already migrated) whose type, shown
// in this file, still lacks `sessionId` or still requires a field the
// rule removes: the file does not compile, and a second run must not call
// it done (`--check` would pass it).
void LiteralPlanner::StaleTypeOfMigrated(const ObjectLiteral& object,
                                         const MethodRule& rule, bool* gains,
                                         std::vector<std::string>* drops) {
  const DeclaredType& type = *object.declared;
  if (!type.fields_known) return;
  auto has = [&](std::string_view key) {
    return std::any_of(object.members.begin(), object.members.end(),
                       [&](const Member& m) { return m.key == key; });
  };
  auto lists = [&](std::string_view key) {
    return std::any_of(
        type.fields.begin(), type.fields.end(),
        [&](const DeclaredType::Field& f) { return f.key == key; });
  };
  *gains = &object == &object_ && has("sessionId") && !lists("sessionId");
  for (const DeclaredType::Field& f : type.fields) {
    bool removed = std::find(rule.remove.begin(), rule.remove.end(), f.key) !=
                   rule.remove.end();
    if (removed && !f.optional && !has(f.key)) drops->push_back(f.key);
  }
}

void LiteralPlanner::NoteDeclaredTypes(const ObjectLiteral& object,
                                       const std::string& path,
                                       const MethodRule* rule) {
  for (const Member& m : object.members) {
    if (m.object)
      NoteDeclaredTypes(*m.object, path.empty() ? m.key : path + "." + m.key,
                        nullptr);
  }
  if (!object.declared) return;
  const std::string& meaning = object.declared->means.empty()
                                   ? object.declared->text
                                   : object.declared->means;
  if (!TypeListsFields(meaning)) return;
  std::vector<std::string> drops;
  CollectDrops(object, "", &drops);
  bool gains = &object == &object_ && new_member_;
  if (drops.empty() && !gains && path.empty() && rule)
    StaleTypeOfMigrated(object, *rule, &gains, &drops);
  if (drops.empty() && !gains) return;
  const DeclaredType& type = *object.declared;
  std::string where = "line " + std::to_string(type.line);
  if (!type.defined.empty()) where += "; " + type.defined;
  std::string change = gains ? "accept `sessionId`" : "";
  if (!drops.empty()) {
    change += (gains ? " and " : "") + std::string("no longer require ") +
              List(drops);
  }
  Blind((path.empty() ? "the payload" : "the payload's " + Ticked(path)) +
        " is declared as " + Ticked(type.text) + " (" + where +
        "): that type must " + change +
        ", or the file will not compile; update it by hand");
}

void LiteralPlanner::CollectDrops(const ObjectLiteral& object,
                                  const std::string& prefix,
                                  std::vector<std::string>* drops) const {
  auto under = [&](const std::string& key) {
    return prefix.empty() ? key : prefix + "." + key;
  };
  if (const std::vector<size_t>* removed = RemovedIn(&object)) {
    for (size_t i : *removed) {
      std::string path = under(object.members[i].key);
      // A key written twice is removed twice; the type names it once.
      if (std::find(drops->begin(), drops->end(), path) == drops->end())
        drops->push_back(std::move(path));
    }
  }
  for (const Member& m : object.members) {
    if (m.object && !m.object->declared)
      CollectDrops(*m.object, under(m.key), drops);
  }
}

const std::vector<size_t>* LiteralPlanner::RemovedIn(
    const ObjectLiteral* object) const {
  for (const auto& [seen, indices] : removals_) {
    if (seen == object) return &indices;
  }
  return nullptr;
}

}  // namespace psm::literal_planner_detail
