#ifndef PSM_MIGRATE_WORK_QUEUE_H_
#define PSM_MIGRATE_WORK_QUEUE_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <limits>
#include <mutex>
#include <optional>
#include <utility>

namespace psm {

// Items handed from one producer (the directory walk) to the worker
// threads, first in, first out, each numbered in the producer's order so
// results can be put back in that order. Bounded: a walk far ahead of the
// workers waits instead of holding a whole repository's paths in memory.
template <typename T>
class WorkQueue {
 public:
  explicit WorkQueue(size_t capacity = std::numeric_limits<size_t>::max())
      : capacity_(capacity) {}

  // Adds an item, waiting while the queue is full. False once the queue
  // is closed: the consumers are gone, so the producer should stop.
  bool Push(T item) {
    std::unique_lock<std::mutex> lock(mutex_);
    space_.wait(lock, [&] { return items_.size() < capacity_ || closed_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    lock.unlock();
    available_.notify_one();
    return true;
  }

  // No more items will come (from the producer, when done; from the
  // consumers, when they stop early). Safe to call more than once.
  void Close() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closed_ = true;
    }
    available_.notify_all();
    space_.notify_all();
  }

  // The next item with its number, waiting for one; nullopt once the queue
  // is closed and empty.
  std::optional<std::pair<size_t, T>> Pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    available_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    std::pair<size_t, T> next(popped_++, std::move(items_.front()));
    items_.pop_front();
    bool was_full = items_.size() + 1 == capacity_;
    lock.unlock();
    if (was_full) space_.notify_one();
    return next;
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable available_, space_;
  std::deque<T> items_;
  size_t popped_ = 0;
  bool closed_ = false;
};

}  // namespace psm

#endif  // PSM_MIGRATE_WORK_QUEUE_H_
