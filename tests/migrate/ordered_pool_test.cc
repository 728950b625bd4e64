#include "migrate/ordered_pool.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "migrate/work_queue.h"

namespace psm {
namespace {

struct Counter {
  int items = 0;
};

// Results reach the sink in the producer's order, whatever the thread
// count and however long each item takes, while the producer is still
// producing into a queue smaller than the work.
TEST(RunOrderedTest, SinksInProducerOrderWhileTheProducerRuns) {
  for (unsigned jobs : {1u, 2u, 4u}) {
    WorkQueue<int> queue(8);
    std::thread producer([&] {
      for (int i = 0; i < 500; ++i) {
        if (!queue.Push(i)) break;
      }
      queue.Close();
    });
    std::atomic<bool> stop{false};
    std::vector<int> seen;
    RunOrdered<Counter, std::string>(
        queue, jobs, stop,
        [](int item, Counter& state) {
          ++state.items;
          if (item % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
          return std::to_string(item);
        },
        [&](size_t index, std::string&& result) {
          EXPECT_EQ(result, std::to_string(index));
          seen.push_back(std::stoi(result));
        });
    producer.join();
    ASSERT_EQ(seen.size(), 500u) << jobs << " jobs";
    for (int i = 0; i < 500; ++i) EXPECT_EQ(seen[i], i);
  }
}

// Once stopped, the pool takes no new items and closes the queue, so a
// producer waiting on a full queue is released instead of hanging.
TEST(RunOrderedTest, StoppingReleasesABlockedProducer) {
  for (unsigned jobs : {1u, 2u}) {
    WorkQueue<int> queue(2);
    std::atomic<bool> producer_done{false};
    std::thread producer([&] {
      for (int i = 0; i < 100000; ++i) {
        if (!queue.Push(i)) break;
      }
      queue.Close();
      producer_done = true;
    });
    std::atomic<bool> stop{false};
    size_t sunk = 0;
    RunOrdered<Counter, int>(
        queue, jobs, stop, [](int item, Counter&) { return item; },
        [&](size_t index, int&& item) {
          EXPECT_EQ(static_cast<size_t>(item), index);
          if (++sunk == 10) stop = true;
        });
    producer.join();
    EXPECT_TRUE(producer_done);
    EXPECT_GE(sunk, 10u);
    EXPECT_LT(sunk, 100000u);
  }
}

// Once the producer is done, batches go out in shares that shrink with the
// work left (so the last files spread over the threads), in the producer's
// order; before that, and for one consumer, whole batches.
TEST(WorkQueueTest, HandsOutShrinkingSharesOfBatchesOnceClosed) {
  WorkQueue<std::vector<int>> queue;
  queue.ShareAmong(2);
  int next = 0;
  for (int batch = 0; batch < 4; ++batch) {
    std::vector<int> items;
    for (int i = 0; i < 64; ++i) items.push_back(next++);
    ASSERT_TRUE(queue.Push(std::move(items)));
  }
  auto open = queue.Pop();  // the producer may still add: a whole batch
  ASSERT_TRUE(open);
  EXPECT_EQ(open->second.size(), 64u);
  queue.Close();
  std::vector<size_t> sizes;
  std::vector<int> seen = open->second;
  size_t index = open->first;
  while (auto part = queue.Pop()) {
    EXPECT_EQ(part->first, ++index);
    sizes.push_back(part->second.size());
    seen.insert(seen.end(), part->second.begin(), part->second.end());
  }
  ASSERT_EQ(seen.size(), 256u);
  for (int i = 0; i < 256; ++i) EXPECT_EQ(seen[i], i);
  ASSERT_GE(sizes.size(), 8u);
  EXPECT_EQ(sizes.front(), 192u / 4);  // a quarter of what is left
  EXPECT_EQ(sizes.back(), 1u);
  size_t left = 192;  // no part is more than a quarter of what is left
  for (size_t size : sizes) {
    EXPECT_LE(size, std::max<size_t>(1, left / 4)) << left << " left";
    left -= size;
  }

  WorkQueue<std::vector<int>> single;  // one consumer: whole batches
  ASSERT_TRUE(single.Push(std::vector<int>(64, 1)));
  single.Close();
  auto whole = single.Pop();
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->second.size(), 64u);
  EXPECT_FALSE(single.Pop());
}

}  // namespace
}  // namespace psm
