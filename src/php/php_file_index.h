#ifndef PSM_PHP_PHP_FILE_INDEX_H_
#define PSM_PHP_PHP_FILE_INDEX_H_

#include <tree_sitter/api.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace psm::php {

// A function or method the file defines.
struct FunctionInfo {
  TSNode node{};  // function_definition or method_declaration
  std::string name;
  std::string class_name;               // "" for a plain function
  std::vector<std::string> parameters;  // names without `$`, in order
  bool by_ref_parameter = false;        // it can write its caller's variables
};

// What one PHP file defines, read in one walk: its functions and methods,
// the calls that reach them, and the constants bound to strings. It
// answers for this file only: a class of another file is the project
// model's business (cross-file linking is not done here).
class FileIndex {
 public:
  FileIndex(TSNode root, std::string_view source);

  // The function of this file that `call` calls, or nullptr: `f()`,
  // `$this->m()`, `self::m()`, `static::m()`, `Own::m()` from inside the
  // class that defines `m`. Names defined twice (conditionally) are not
  // resolved.
  const FunctionInfo* Callee(TSNode call) const;
  // The FunctionInfo of a function_definition / method_declaration node.
  const FunctionInfo* FunctionAt(TSNode function) const;
  // Every call of the file whose Callee is `f`, in source order.
  std::vector<TSNode> CallsOf(const FunctionInfo& f) const;
  // The string an expression names through a constant of this file:
  // `self::TYPE`, `static::TYPE`, `Own::TYPE`, `TYPE` (a `const` or a
  // `define()`). nullopt when it names none.
  std::optional<std::string> ConstantString(TSNode expr) const;

 private:
  void Walk(TSNode root);
  void AddFunction(TSNode n, const std::string& class_name);
  void AddConstants(TSNode declaration, const std::string& class_name);
  void AddDefine(TSNode call);
  const FunctionInfo* Find(const std::string& class_name,
                           std::string_view name) const;
  // The name of the class (trait, interface, enum) around `n`, or "".
  std::string ClassOf(TSNode n) const;

  std::string_view source_;
  std::vector<FunctionInfo> functions_;
  std::vector<TSNode> calls_;
  // (class, name) -> value; class "" for global constants. A name bound
  // twice maps to nullopt.
  std::map<std::pair<std::string, std::string>, std::optional<std::string>>
      constants_;
};

}  // namespace psm::php

#endif  // PSM_PHP_PHP_FILE_INDEX_H_
