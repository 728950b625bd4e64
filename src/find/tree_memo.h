#ifndef PSM_FIND_TREE_MEMO_H_
#define PSM_FIND_TREE_MEMO_H_

#include <tree_sitter/api.h>

#include <cstdint>
#include <string>
#include <unordered_map>

#include "find/scope.h"

namespace psm {

// Answers that depend only on a file's tree and a key (a class body and a
// field name, a method name), remembered while the file's IndexedTree is
// alive: asked once per call site, each answer looked at the whole file, so
// a file of many sites was quadratic. Keep one per thread (thread_local);
// without an IndexedTree nothing is remembered.
template <typename Value>
class TreeMemo {
 public:
  // The answer for `key` in `at`'s tree: remembered, or `make()`.
  template <typename Make>
  Value Get(TSNode at, const std::string& key, Make make) {
    uint64_t tree = IndexedTreeId(at);
    if (tree == 0) return make();
    if (tree != tree_) {
      values_.clear();
      tree_ = tree;
    }
    if (auto known = values_.find(key); known != values_.end())
      return known->second;
    Value value = make();  // may ask this memo about other keys meanwhile
    if (tree_ == tree) values_.emplace(key, value);
    return value;
  }

 private:
  uint64_t tree_ = 0;
  std::unordered_map<std::string, Value> values_;
};

// A memo key naming a node of the tree (by identity) and a name.
inline std::string NodeKey(TSNode n, std::string_view name = {}) {
  std::string key(reinterpret_cast<const char*>(&n.id), sizeof n.id);
  key.append(name);
  return key;
}

}  // namespace psm

#endif  // PSM_FIND_TREE_MEMO_H_
