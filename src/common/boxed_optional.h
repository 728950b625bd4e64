#ifndef PSM_COMMON_BOXED_OPTIONAL_H_
#define PSM_COMMON_BOXED_OPTIONAL_H_

#include <memory>
#include <optional>
#include <utility>

namespace psm {

// std::optional's interface over a value kept on the heap: the size of a
// pointer when empty. For fields that few of many objects have (a payload
// model is made for every call and object literal; issue 14: 8,000 sites).
// Copies copy the value.
template <typename T>
class BoxedOptional {
 public:
  BoxedOptional() = default;
  BoxedOptional(std::nullopt_t) {}
  BoxedOptional(T value) : box_(std::make_unique<T>(std::move(value))) {}
  BoxedOptional(std::optional<T> value) {
    if (value) box_ = std::make_unique<T>(std::move(*value));
  }
  BoxedOptional(const BoxedOptional& other)
      : box_(other.box_ ? std::make_unique<T>(*other.box_) : nullptr) {}
  BoxedOptional(BoxedOptional&&) noexcept = default;
  BoxedOptional& operator=(BoxedOptional other) noexcept {
    box_ = std::move(other.box_);
    return *this;
  }

  bool has_value() const { return box_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  T& operator*() { return *box_; }
  const T& operator*() const { return *box_; }
  T* operator->() { return box_.get(); }
  const T* operator->() const { return box_.get(); }
  void reset() { box_.reset(); }
  operator std::optional<T>() const {
    return box_ ? std::optional<T>(*box_) : std::nullopt;
  }

 private:
  std::unique_ptr<T> box_;
};

}  // namespace psm

#endif  // PSM_COMMON_BOXED_OPTIONAL_H_
