#ifndef PSM_PHP_PHP_FILE_INDEX_H_
#define PSM_PHP_PHP_FILE_INDEX_H_

#include <tree_sitter/api.h>

#include <map>
#include <optional>
#include <set>
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
  // The plain function of this file named `name` (not a method), or nullptr.
  const FunctionInfo* FunctionNamed(std::string_view name) const {
    return Find("", name);
  }
  // The methods of the file's classes named `name` (PHP ignores case), in
  // any class: what `$q->name()` may call when `$q` is not followed.
  std::vector<const FunctionInfo*> MethodsNamed(std::string_view name) const;

  // The FunctionInfo of a function_definition / method_declaration node.
  const FunctionInfo* FunctionAt(TSNode function) const;
  // Every call of the file whose Callee is `f`, in source order; for a
  // method, also every call of a method of that name on another object
  // than `$this` (`$builder->build()`), which may be of its class.
  std::vector<TSNode> CallsOf(const FunctionInfo& f) const;
  // The string an expression names through a constant of this file:
  // `self::TYPE`, `static::TYPE`, `Own::TYPE`, `TYPE` (a `const` or a
  // `define()`). nullopt when it names none.
  std::optional<std::string> ConstantString(TSNode expr) const;
  // For `static::TYPE` (or `self::TYPE` in a trait), which ConstantString
  // leaves open because the class the method runs for decides: the value
  // in the class around it, as a hint of what the array is. nullopt
  // otherwise.
  std::optional<std::string> LateBoundString(TSNode expr) const;

 private:
  std::optional<std::string> Lookup(TSNode expr, bool late_binding_known) const;
  void Walk(TSNode root);
  void AddFunction(TSNode n, const std::string& class_name);
  void AddConstants(TSNode declaration, const std::string& class_name);
  void AddDefine(TSNode call);
  const FunctionInfo* Find(const std::string& class_name,
                           std::string_view name) const;
  // The name of the class (trait, interface, enum) around `n`, or "".
  std::string ClassOf(TSNode n) const;
  TSNode ClassAround(TSNode n) const;
  // Whether `self::NAME` / `static::NAME` at `access` names the constant
  // of `class_name` whatever class the method runs for.
  bool BindsEarly(TSNode access, std::string_view scope,
                  const std::string& class_name, const std::string& name) const;

  std::string_view source_;
  std::vector<FunctionInfo> functions_;
  std::vector<TSNode> calls_;
  // (class, name) -> value; class "" for global constants. A name bound
  // twice maps to nullopt.
  std::map<std::pair<std::string, std::string>, std::optional<std::string>>
      constants_;
  std::set<std::string> declared_classes_;  // classes, interfaces, ...
  std::set<std::string> imported_names_;    // by `use`, as the file names them
  // (class, name) of constants declared `final` (PHP 8.1).
  std::set<std::pair<std::string, std::string>> final_constants_;
};

}  // namespace psm::php

#endif  // PSM_PHP_PHP_FILE_INDEX_H_
