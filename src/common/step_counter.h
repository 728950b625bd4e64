#ifndef PSM_COMMON_STEP_COUNTER_H_
#define PSM_COMMON_STEP_COUNTER_H_

#include <cstdint>

namespace psm {

// Counts the steps of the loops whose cost once grew with the square of a
// file's call sites (edit sets, excerpt offsets, pairing payload writes with
// payload literals; issue 14), per thread. Tests read it to prove the
// per-file work linear without timing anything; one increment of a
// thread-local costs nothing measurable next to the work it counts.
inline thread_local uint64_t g_steps = 0;

inline void CountSteps(uint64_t n) { g_steps += n; }
// A scan of text counts one step per this many bytes.
inline constexpr uint64_t kBytesPerStep = 64;
inline uint64_t StepsTaken() { return g_steps; }

}  // namespace psm

#endif  // PSM_COMMON_STEP_COUNTER_H_
