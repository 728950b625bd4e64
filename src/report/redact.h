#ifndef PSM_REPORT_REDACT_H_
#define PSM_REPORT_REDACT_H_

#include <string>
#include <string_view>

namespace psm {

// Replaces the contents of the string literals in `code` ('..', "..", and
// `..` without ${}) that look like personal or card data with "[redacted]",
// keeping the quotes, so excerpts can go into CI logs and pull requests.
// A literal is redacted when it holds an email address, a phone number, a
// Luhn-valid card number or a street address, or when it is the value of a
// key such as firstName, email, line1 or postalCode (`name` is left alone: it
// names products too). Comments and everything else stay as they are.
std::string Redact(std::string_view code);

}  // namespace psm

#endif  // PSM_REPORT_REDACT_H_
