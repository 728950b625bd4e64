#ifndef PSM_MIGRATE_ORDERED_POOL_H_
#define PSM_MIGRATE_ORDERED_POOL_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "migrate/work_queue.h"

namespace psm {

// Runs `work(item, state)` for every item of `queue` on `jobs` threads,
// each with its own `State` (e.g. a parser and a read buffer), and hands
// every result to `sink(index, result)` on the calling thread in the
// queue's order, as soon as the results before it are done. Output is
// therefore the same whatever the thread count. Stops taking new items
// once `stop` is set, and then closes the queue so its producer stops too.
template <typename State, typename Result, typename Item, typename Work,
          typename Sink>
void RunOrdered(WorkQueue<Item>& queue, unsigned jobs,
                const std::atomic<bool>& stop, Work work, Sink sink) {
  if (jobs <= 1) {  // no threads for the pre-commit case
    State state;
    while (!stop.load()) {
      auto next = queue.Pop();
      if (!next) break;
      sink(next->first, work(next->second, state));
    }
    queue.Close();
    return;
  }
  std::mutex mutex;
  std::condition_variable ready;
  std::map<size_t, Result> done;  // finished, waiting for their turn
  size_t turn = 0;                 // the index the sink needs next
  unsigned running = jobs;
  auto worker = [&] {
    State state;
    while (!stop.load()) {
      auto next = queue.Pop();
      if (!next) break;
      Result result = work(next->second, state);
      std::lock_guard<std::mutex> lock(mutex);
      done.emplace(next->first, std::move(result));
      // Wake the sink only for the result it waits for: most files finish
      // out of its way, and a wake-up per file costs a system call.
      if (next->first == turn) ready.notify_one();
    }
    queue.Close();
    std::lock_guard<std::mutex> lock(mutex);
    --running;
    ready.notify_one();
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  std::unique_lock<std::mutex> lock(mutex);
  for (;;) {
    ready.wait(lock, [&] { return done.count(turn) || running == 0; });
    auto it = done.find(turn);
    // Items are taken in order and each taken one is finished, so once
    // every worker is gone there is no gap left to wait for.
    if (it == done.end()) break;
    Result result = std::move(it->second);
    done.erase(it);
    lock.unlock();
    sink(turn, std::move(result));
    lock.lock();
    ++turn;
  }
  lock.unlock();
  for (std::thread& t : threads) t.join();
}

}  // namespace psm

#endif  // PSM_MIGRATE_ORDERED_POOL_H_
