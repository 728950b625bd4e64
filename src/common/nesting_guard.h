#ifndef PSM_COMMON_NESTING_GUARD_H_
#define PSM_COMMON_NESTING_GUARD_H_

namespace psm {

// Counts how deep a recursive walk over a tree has gone, for as long as it
// lives: generated code nests a ternary or an `else if` tens of thousands
// deep, which would overflow a worker thread's stack. Each walk keeps its
// own thread_local counter and gives up (with its cautious answer) once
// TooDeep().
class NestingGuard {
 public:
  explicit NestingGuard(int& depth) : depth_(depth) { ++depth_; }
  ~NestingGuard() { --depth_; }
  NestingGuard(const NestingGuard&) = delete;
  NestingGuard& operator=(const NestingGuard&) = delete;

  bool TooDeep() const { return depth_ > kLimit; }

 private:
  static constexpr int kLimit = 64;
  int& depth_;
};

}  // namespace psm

#endif  // PSM_COMMON_NESTING_GUARD_H_
