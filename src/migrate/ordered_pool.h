#ifndef PSM_MIGRATE_ORDERED_POOL_H_
#define PSM_MIGRATE_ORDERED_POOL_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace psm {

// Runs `work(index, state)` for index in [0, count) on `jobs` threads, each
// with its own `State` (e.g. a parser), and hands every result to
// `sink(index, result)` on the calling thread in index order, as soon as
// the results before it are done. Output is therefore the same whatever the
// thread count. Stops handing out new work once `stop` is set.
template <typename State, typename Result, typename Work, typename Sink>
void RunOrdered(size_t count, unsigned jobs, const std::atomic<bool>& stop,
                Work work, Sink sink) {
  if (jobs <= 1 || count <= 1) {  // no threads for the pre-commit case
    State state;
    for (size_t i = 0; i < count && !stop.load(); ++i) sink(i, work(i, state));
    return;
  }
  std::vector<std::optional<Result>> slots(count);
  std::mutex mutex;
  std::condition_variable ready;
  std::atomic<size_t> next{0};
  unsigned running = jobs;
  auto worker = [&] {
    State state;
    for (size_t i; (i = next.fetch_add(1)) < count && !stop.load();) {
      Result result = work(i, state);
      std::lock_guard<std::mutex> lock(mutex);
      slots[i] = std::move(result);
      ready.notify_one();
    }
    std::lock_guard<std::mutex> lock(mutex);
    --running;
    ready.notify_one();
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  std::unique_lock<std::mutex> lock(mutex);
  for (size_t emitted = 0; emitted < count; ++emitted) {
    ready.wait(lock,
               [&] { return slots[emitted].has_value() || running == 0; });
    if (!slots[emitted]) continue;  // stopped early: this one never ran
    Result result = std::move(*slots[emitted]);
    slots[emitted].reset();
    lock.unlock();
    sink(emitted, std::move(result));
    lock.lock();
  }
  lock.unlock();
  for (std::thread& t : threads) t.join();
}

}  // namespace psm

#endif  // PSM_MIGRATE_ORDERED_POOL_H_
