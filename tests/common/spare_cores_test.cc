#include "common/spare_cores.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

namespace psm {
namespace {

// Leaves no spare core behind for the other tests.
struct SpareCoresTest : ::testing::Test {
  void TearDown() override { SpareCores::Set(0); }
};

TEST_F(SpareCoresTest, WithoutASpareCoreAllIsWorkedOnThisThread) {
  SpareCores::Set(0);
  std::vector<std::pair<size_t, size_t>> calls;
  SplitOverSpareCore(1000, 10, [&](size_t begin, size_t end, bool borrowed) {
    EXPECT_FALSE(borrowed);
    calls.push_back({begin, end});
  });
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0], (std::pair<size_t, size_t>{0, 1000}));
}

TEST_F(SpareCoresTest, SmallWorkIsNotSplitEvenWithASpareCore) {
  SpareCores::Set(1);
  uint64_t lent = SpareCores::Lent();
  int calls = 0;
  SplitOverSpareCore(9, 10, [&](size_t begin, size_t end, bool borrowed) {
    EXPECT_EQ(begin, 0u);
    EXPECT_EQ(end, 9u);
    EXPECT_FALSE(borrowed);
    ++calls;
  });
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(SpareCores::Lent(), lent);
}

TEST_F(SpareCoresTest, TheSecondHalfRunsOnAnotherThreadAndEveryIndexOnce) {
  SpareCores::Set(1);
  uint64_t lent = SpareCores::Lent();
  std::vector<std::atomic<int>> done(1001);
  std::mutex mutex;
  std::vector<std::thread::id> threads(2);
  SplitOverSpareCore(1001, 10, [&](size_t begin, size_t end, bool borrowed) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      threads[borrowed] = std::this_thread::get_id();
    }
    EXPECT_EQ(borrowed, begin != 0);
    for (size_t i = begin; i < end; ++i) done[i].fetch_add(1);
  });
  for (size_t i = 0; i < done.size(); ++i) EXPECT_EQ(done[i].load(), 1) << i;
  EXPECT_EQ(threads[0], std::this_thread::get_id());
  EXPECT_NE(threads[1], threads[0]);
  EXPECT_EQ(SpareCores::Lent(), lent + 1);
  // The core was given back: the next split gets it again.
  SplitOverSpareCore(100, 10, [](size_t, size_t, bool) {});
  EXPECT_EQ(SpareCores::Lent(), lent + 2);
}

TEST_F(SpareCoresTest, OneCoreIsLentOnceAtATime) {
  SpareCores::Set(1);
  int borrowed_inside = 0;
  SplitOverSpareCore(100, 10, [&](size_t, size_t, bool borrowed) {
    if (borrowed) return;
    // The core is out: a nested split runs whole here.
    SplitOverSpareCore(100, 10, [&](size_t b, size_t e, bool inner) {
      borrowed_inside += inner;
      EXPECT_EQ(e - b, 100u);
    });
  });
  EXPECT_EQ(borrowed_inside, 0);
}

TEST_F(SpareCoresTest, AnExceptionOfEitherHalfReachesTheCaller) {
  SpareCores::Set(1);
  for (bool throw_in_borrowed : {false, true}) {
    std::atomic<int> ended{0};
    EXPECT_THROW(SplitOverSpareCore(100, 10,
                                    [&](size_t, size_t, bool borrowed) {
                                      ended.fetch_add(1);
                                      if (borrowed == throw_in_borrowed)
                                        throw std::runtime_error("half failed");
                                    }),
                 std::runtime_error);
    EXPECT_EQ(ended.load(), 2);  // the other half was waited for
  }
  // Both leases were given back.
  uint64_t lent = SpareCores::Lent();
  SplitOverSpareCore(100, 10, [](size_t, size_t, bool) {});
  EXPECT_EQ(SpareCores::Lent(), lent + 1);
}

// A lease kept past the end of a run (a tree freed aside) holds a core of
// the next run's count: it neither lends a core the run does not have nor
// leaves one more behind when it ends.
TEST_F(SpareCoresTest, ALeaseThatOutlivesARunCountsAgainstTheNext) {
  SpareCores::Set(1);
  std::optional<SpareCores::Lease> kept(SpareCores::Borrow());
  ASSERT_TRUE(*kept);
  SpareCores::Set(0);  // the run ends
  SpareCores::Set(1);  // the next begins, its core still taken
  EXPECT_FALSE(SpareCores::Borrow());
  kept.reset();
  EXPECT_TRUE(SpareCores::Borrow());
  // Given back after a run without spare cores, it leaves none.
  kept.emplace(SpareCores::Borrow());
  ASSERT_TRUE(*kept);
  SpareCores::Set(0);
  kept.reset();
  EXPECT_FALSE(SpareCores::Borrow());
}

}  // namespace
}  // namespace psm
