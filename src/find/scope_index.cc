#include "find/scope_index.h"

#include <algorithm>

#include "common/step_counter.h"
#include "common/strings.h"
#include "find/scope_declarations.h"
#include "syntax/node.h"

namespace psm {
namespace scope_detail {
namespace {


thread_local const ScopeIndex* g_index = nullptr;
thread_local uint64_t g_index_id = 0;
thread_local uint64_t g_next_index_id = 0;

}  // namespace

NameEntry& ScopeIndex::EntryOf(std::string_view name) const {
  auto [it, made] = names_.try_emplace(std::string(name));
  if (made && !name.empty()) it->second.words = WordsOf(name);  // "": MISSING
  return it->second;
}

const std::vector<uint32_t>& ScopeIndex::Words(std::string_view name) const {
  return EntryOf(name).words;
}

const NameEntry& ScopeIndex::Get(std::string_view name) const {
  NameEntry& entry = EntryOf(name);
  if (entry.classified) return entry;
  entry.classified = true;
  for (uint32_t at : entry.words) {
    CountSteps(1);
    size_t end = at + name.size();
    // One descent gives the node and the ancestors Classify looks at.
    std::vector<TSNode> path = node::PathTo(root_, static_cast<uint32_t>(at),
                                            static_cast<uint32_t>(end));
    if (path.empty()) continue;
    TSNode n = path.back();
    path.pop_back();
    std::reverse(path.begin(), path.end());
    Classify(n, path, &entry);
  }
  return entry;
}

bool ScopeIndex::HasVarKeywordIn(ByteRange range) const {
  if (!var_keywords_) var_keywords_ = WordsOf("var");
  auto first = std::lower_bound(var_keywords_->begin(), var_keywords_->end(),
                                range.begin);
  return first != var_keywords_->end() && *first < range.end;
}

std::vector<uint32_t> ScopeIndex::WordsOf(std::string_view name) const {
  // A few names cost a few searches of the text; past that, reading every
  // word once is cheaper. A whole word is a maximal run of identifier
  // bytes, so the run's text is the key.
  constexpr size_t kNamesBeforeAllWords = 32;
  bool plain = std::all_of(name.begin(), name.end(), IsIdentifierByte);
  if (plain && !all_words_made_ && names_.size() > kNamesBeforeAllWords) {
    const char* begin = source_.data();
    CountSteps(source_.size() / kBytesPerStep + 1);
    ForEachWord(source_, [&](std::string_view word) {
      all_words_[word].push_back(static_cast<uint32_t>(word.data() - begin));
    });
    all_words_made_ = true;
  }
  if (plain && all_words_made_) {
    auto it = all_words_.find(name);
    return it == all_words_.end() ? std::vector<uint32_t>{} : it->second;
  }
  CountSteps(source_.size() / kBytesPerStep + 1);  // the search below
  std::vector<uint32_t> words;
  for (size_t at = source_.find(name); at != std::string_view::npos;
       at = source_.find(name, at + name.size())) {
    if (IsWholeIdentifierAt(source_, at, name.size()))
      words.push_back(static_cast<uint32_t>(at));
  }
  return words;
}

void ScopeIndex::Classify(TSNode n, const std::vector<TSNode>& up,
                          NameEntry* entry) {
  std::string_view type = node::Type(n);
  if (type == "shorthand_property_identifier") {  // `{ payload }` reads it
    entry->identifiers.push_back(n);
    return;
  }
  if (type != "identifier" && type != "shorthand_property_identifier_pattern")
    return;
  auto parent = [&](size_t i) { return i < up.size() ? up[i] : TSNode{}; };
  if (type == "identifier") {
    entry->identifiers.push_back(n);
    size_t i = 0;  // up[i] is the parent of `top`
    TSNode top = n;
    while (node::Is(parent(i), "parenthesized_expression")) top = parent(i++);
    TSNode assignment = parent(i);
    if (node::Is(assignment, "assignment_expression") &&
        ts_node_eq(node::Field(assignment, "left"), top)) {
      entry->assignments.push_back(assignment);
    }
  }
  size_t i = 0;
  TSNode top = n;
  while (node::IsPatternPart(parent(i))) top = parent(i++);
  TSNode declarator = parent(i);
  if (node::Is(declarator, "variable_declarator") &&
      ts_node_eq(node::Field(declarator, "name"), top) &&
      node::Is(parent(i + 1), "variable_declaration")) {
    entry->vars.push_back(declarator);
  } else if (IsVarLoopHead(declarator) &&
             ts_node_eq(node::Field(declarator, "left"), top)) {
    entry->vars.push_back(declarator);  // `for (var m of list)`
  }
}

const std::vector<TSNode>& ScopeIndex::NamedChildrenOf(TSNode scope) const {
  auto it = children_.find(scope.id);
  if (it != children_.end()) return it->second;
  return children_.emplace(scope.id, node::NamedChildren(scope)).first->second;
}

const ScopeIndex* IndexFor(TSNode n) {
  return g_index && g_index->tree == n.tree ? g_index : nullptr;
}

}  // namespace scope_detail

using scope_detail::g_index;
using scope_detail::g_index_id;
using scope_detail::g_next_index_id;
using scope_detail::ScopeIndex;

IndexedTree::IndexedTree(TSNode root, std::string_view source)
    : previous_(g_index), previous_id_(g_index_id) {
  auto* index = new ScopeIndex(root, source);
  index_ = index;
  g_index = index;
  g_index_id = ++g_next_index_id;
}

IndexedTree::~IndexedTree() {
  g_index = static_cast<const ScopeIndex*>(previous_);
  g_index_id = previous_id_;
  delete static_cast<const ScopeIndex*>(index_);
}

uint64_t IndexedTreeId(TSNode n) {
  return scope_detail::IndexFor(n) ? g_index_id : 0;
}

}  // namespace psm
