#ifndef PSM_PROJECT_RESPONSE_READS_H_
#define PSM_PROJECT_RESPONSE_READS_H_

#include <tree_sitter/api.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "find/call_site.h"

namespace psm {

// What a browser script does with the payload arrays a PHP file sends it
// under the response paths `sent` ({} for the whole response): one
// observer per field it reads, and one of the whole array where it hands
// the array, or a response holding it, to anything the search does not
// follow (a helper, a global, `JSON.stringify`, a spread, a return).
// `may_answer(urls)`: whether a request of those URLs (RequestUrls) may
// be answered by that PHP file. `shown`: the script's path as reported.
// `*create_source_calls`, when given, grows by the createSource calls the
// array is handed to: what shows it is a DigitalRiver.js payload at all.
std::vector<PayloadObserver> ResponseReadsIn(
    TSNode root, std::string_view text, const std::string& shown,
    const std::vector<std::vector<std::string>>& sent,
    const std::function<bool(const std::vector<std::string>&)>& may_answer,
    int* create_source_calls = nullptr);

// What a browser script does with an array a Magento ConfigProvider's
// getConfig() returns under `path`: the storefront has it as
// `window.checkoutConfig` (`window.checkoutConfig.payment.drpay.payload`).
std::vector<PayloadObserver> CheckoutConfigReadsIn(
    TSNode root, std::string_view text, const std::string& shown,
    const std::vector<std::string>& path, int* create_source_calls = nullptr);

// What the scripts of a page do with a value its template prints into one
// of them at byte `at` of `page` (`var p = <?= json_encode($payload) ?>;`),
// the array sitting under `path` in that value: its observers, as above.
// Printed anywhere but as a script's expression (into a string, an
// attribute, the HTML) it is seen whole; so is a global it becomes.
std::vector<PayloadObserver> PrintedValueReads(
    std::string_view page, uint32_t at, const std::vector<std::string>& path,
    const std::string& shown, int* create_source_calls = nullptr);

}  // namespace psm

#endif  // PSM_PROJECT_RESPONSE_READS_H_
