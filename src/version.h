#ifndef PSM_VERSION_H_
#define PSM_VERSION_H_

namespace psm {
inline constexpr const char* kToolName = "payment-session-migrate";
inline constexpr const char* kToolVersion = "0.1.0";
}  // namespace psm

#endif  // PSM_VERSION_H_
