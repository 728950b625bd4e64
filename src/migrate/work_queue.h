#ifndef PSM_MIGRATE_WORK_QUEUE_H_
#define PSM_MIGRATE_WORK_QUEUE_H_

#include <algorithm>
#include <concepts>
#include <condition_variable>
#include <cstddef>
#include <iterator>
#include <deque>
#include <limits>
#include <mutex>
#include <optional>
#include <utility>

namespace psm {

// A batch of work a queue may hand out in parts (a vector of files).
template <typename T>
concept Divisible = requires(T batch) {
  { batch.size() } -> std::convertible_to<size_t>;
  batch.erase(batch.begin(), batch.begin());
  T(batch.begin(), batch.begin());
};

// Items handed from one producer (the directory walk) to the worker
// threads, first in, first out, each numbered in the producer's order so
// results can be put back in that order. Bounded: a walk far ahead of the
// workers waits instead of holding a whole repository's paths in memory.
//
// Once the producer is done, a batch (Divisible) is handed out in shares
// that shrink with the work left, about 1/(2 x consumers) of it each
// (guided self-scheduling): with whole batches of 64 files, one worker
// still had most of a batch to do when the other ran out, 40 ms of one
// core idle at the end of a 0.9 s run on two (issue 14). The parts keep
// the producer's order, so the numbering still puts results back in it.
template <typename T>
class WorkQueue {
 public:
  explicit WorkQueue(size_t capacity = std::numeric_limits<size_t>::max())
      : capacity_(capacity) {}

  // How many threads take items: the share of a batch handed out once the
  // producer is done. 1 (the default) hands out whole batches.
  void ShareAmong(unsigned consumers) {
    std::lock_guard<std::mutex> lock(mutex_);
    consumers_ = consumers == 0 ? 1 : consumers;
  }

  // Adds an item, waiting while the queue is full. False once the queue
  // is closed: the consumers are gone, so the producer should stop.
  bool Push(T item) {
    std::unique_lock<std::mutex> lock(mutex_);
    space_.wait(lock, [&] { return items_.size() < capacity_ || closed_; });
    if (closed_) return false;
    if constexpr (Divisible<T>) units_ += item.size();
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
    if constexpr (Divisible<T>) {
      if (std::optional<T> part = TakeShare()) {
        return std::pair<size_t, T>(popped_++, std::move(*part));
      }
      units_ -= items_.front().size();
    }
    std::pair<size_t, T> next(popped_++, std::move(items_.front()));
    items_.pop_front();
    bool was_full = items_.size() + 1 == capacity_;
    lock.unlock();
    if (was_full) space_.notify_one();
    return next;
  }

 private:
  // The first part of the front batch, when the producer is done and the
  // batch is more than a share of what is left; the rest stays in front.
  std::optional<T> TakeShare() requires Divisible<T> {
    if (!closed_ || consumers_ <= 1) return std::nullopt;
    size_t share = std::max<size_t>(1, units_ / (2 * size_t{consumers_}));
    T& front = items_.front();
    if (front.size() <= share) return std::nullopt;
    auto cut = front.begin() + static_cast<std::ptrdiff_t>(share);
    T part(std::make_move_iterator(front.begin()), std::make_move_iterator(cut));
    front.erase(front.begin(), cut);
    units_ -= share;
    return part;
  }

  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable available_, space_;
  std::deque<T> items_;
  size_t popped_ = 0;
  size_t units_ = 0;  // elements of the Divisible batches queued
  unsigned consumers_ = 1;
  bool closed_ = false;
};

}  // namespace psm

#endif  // PSM_MIGRATE_WORK_QUEUE_H_
