#ifndef PSM_MIGRATE_ORDERED_POOL_H_
#define PSM_MIGRATE_ORDERED_POOL_H_

#include <atomic>
#include <cstddef>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "migrate/work_queue.h"

namespace psm {

// Runs `work(item, state)` for every item of `queue` on `jobs` threads,
// each with its own `State` (e.g. a parser and a read buffer), and hands
// every result to `sink(index, result)` in the queue's order, as soon as
// the results before it are done. Output is therefore the same whatever the
// thread count. The sink runs on the worker that completes the result the
// order waits for (it then also hands on the finished results after it),
// one call at a time: the calling thread only waits, so no thread is woken
// per file (on two cores such wake-ups cost a context switch each, some
// 2,500 on a 2,000-file run). Stops taking new items once `stop` is set,
// and then closes the queue so its producer stops too.
template <typename State, typename Result, typename Item, typename Work,
          typename Sink>
void RunOrdered(WorkQueue<Item>& queue, unsigned jobs,
                const std::atomic<bool>& stop, Work work, Sink sink) {
  if (jobs <= 1) {  // no threads: the pre-commit case, the WebAssembly build
    State state;
    while (!stop.load()) {
      auto next = queue.Pop();
      if (!next) break;
      sink(next->first, work(next->second, state));
    }
    queue.Close();
    return;
  }
  queue.ShareAmong(jobs);  // the last batches spread over every thread
  std::mutex mutex;
  std::map<size_t, Result> done;  // finished, waiting for their turn
  size_t turn = 0;                // the index the sink needs next
  bool sinking = false;           // a worker is handing results on
  // Called with `lock` held; hands on every result whose turn has come,
  // unless another worker is already doing so (it will see ours too).
  auto hand_on = [&](std::unique_lock<std::mutex>& lock) {
    if (sinking) return;
    sinking = true;
    for (auto it = done.find(turn); it != done.end(); it = done.find(turn)) {
      Result result = std::move(it->second);
      done.erase(it);
      lock.unlock();
      sink(turn, std::move(result));
      lock.lock();
      ++turn;
    }
    sinking = false;
  };
  auto worker = [&] {
    State state;
    while (!stop.load()) {
      auto next = queue.Pop();
      if (!next) break;
      Result result = work(next->second, state);
      std::unique_lock<std::mutex> lock(mutex);
      done.emplace(next->first, std::move(result));
      if (next->first == turn) hand_on(lock);
    }
    queue.Close();
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (std::thread& t : threads) t.join();
  // Items are taken in order and each taken one is finished, so nothing is
  // left waiting; hand on anything a race left behind all the same.
  std::unique_lock<std::mutex> lock(mutex);
  hand_on(lock);
}

}  // namespace psm

#endif  // PSM_MIGRATE_ORDERED_POOL_H_
