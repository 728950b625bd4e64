// Lookups that once walked a whole tree per call site (issue 14): they
// start from the occurrences of a name in the text instead.
#include <algorithm>

#include "common/step_counter.h"
#include "common/strings.h"
#include "find/scope.h"
#include "find/scope_index.h"
#include "syntax/node.h"

namespace psm {

// From the index, only the words inside are copied: a short name in a
// bundle occurs thousands of times, and this is asked per site.
std::vector<uint32_t> WholeWordsOf(TSNode root, std::string_view name,
                                   std::string_view source, ByteRange within) {
  if (name.empty()) return {};
  auto inside = [&](uint32_t at) {
    return within.Contains({at, static_cast<uint32_t>(at + name.size())});
  };
  if (const scope_detail::ScopeIndex* index = scope_detail::IndexFor(root)) {
    const std::vector<uint32_t>& all = index->Words(name);
    auto it = std::lower_bound(all.begin(), all.end(), within.begin);
    std::vector<uint32_t> words;
    for (; it != all.end() && inside(*it); ++it) words.push_back(*it);
    CountSteps(words.size() + 1);
    return words;
  }
  std::vector<uint32_t> words;
  for (size_t at = source.find(name, within.begin);
       at != std::string_view::npos && inside(static_cast<uint32_t>(at));
       at = source.find(name, at + name.size())) {
    if (IsWholeIdentifierAt(source, at, name.size()))
      words.push_back(static_cast<uint32_t>(at));
  }
  return words;
}

namespace {

// A node and its depth below the root.
struct Placed {
  TSNode node;
  size_t depth;
};

// The nodes in a walk's order (by start, the enclosing node first: nodes
// of one range by depth), each once.
std::vector<TSNode> InWalkOrder(std::vector<Placed> placed) {
  std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
    uint32_t sa = ts_node_start_byte(a.node), sb = ts_node_start_byte(b.node);
    if (sa != sb) return sa < sb;
    uint32_t ea = ts_node_end_byte(a.node), eb = ts_node_end_byte(b.node);
    if (ea != eb) return ea > eb;
    return a.depth < b.depth;
  });
  std::vector<TSNode> nodes;
  nodes.reserve(placed.size());
  for (const Placed& p : placed) {
    if (nodes.empty() || !ts_node_eq(nodes.back(), p.node))
      nodes.push_back(p.node);
  }
  return nodes;
}

}  // namespace

std::vector<TSNode> NodesAtWords(TSNode root,
                                 std::initializer_list<WordIn> words,
                                 std::string_view source) {
  std::vector<Placed> placed;
  for (const WordIn& w : words) {
    ByteRange within = node::Range(ts_node_is_null(w.within) ? root : w.within);
    for (uint32_t at : WholeWordsOf(root, w.word, source, within)) {
      ByteRange word{at, static_cast<uint32_t>(at + w.word.size())};
      std::vector<TSNode> path = node::PathTo(root, word.begin, word.end);
      // The walk does not visit the root itself.
      for (size_t depth = 1; depth < path.size(); ++depth)
        placed.push_back({path[depth], depth});
    }
  }
  return InWalkOrder(std::move(placed));
}

std::vector<TSNode> CallsNaming(TSNode root, std::string_view name,
                                std::string_view source, TSNode within) {
  ByteRange scope = node::Range(ts_node_is_null(within) ? root : within);
  std::vector<Placed> calls;
  for (uint32_t at : WholeWordsOf(root, name, source, scope)) {
    ByteRange word{at, static_cast<uint32_t>(at + name.size())};
    // Every call whose callee spans the word is among its ancestors.
    std::vector<TSNode> path = node::PathTo(root, word.begin, word.end);
    for (size_t depth = 0; depth < path.size(); ++depth) {
      TSNode n = path[depth];
      if (!node::Is(n, "call_expression")) continue;
      TSNode callee = node::Field(n, "function");
      if (!ts_node_is_null(callee) && node::Range(callee).Contains(word))
        calls.push_back({n, depth});
    }
  }
  return InWalkOrder(std::move(calls));
}

}  // namespace psm
