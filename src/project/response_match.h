#ifndef PSM_PROJECT_RESPONSE_MATCH_H_
#define PSM_PROJECT_RESPONSE_MATCH_H_

#include <string>
#include <string_view>
#include <vector>

namespace psm {

// Whether a browser reading `keys` of a server response gets what the
// server sent under `sent`: `sent` ends `keys`, the keys before it being
// the framework's envelope (at most two); what is sent as the whole
// response (`sent` empty) is got by a read of the response itself or of
// one envelope key (`data`, `content`, `result`, `responseJSON`, `body`,
// `response`).
bool ReadGetsSent(const std::vector<std::string>& keys,
                  const std::vector<std::string>& sent);

// How a value at `keys` of a server response stands to what the server
// sent under `sent`.
enum class ResponsePart {
  kOther,    // neither
  kMayHold,  // a key below it may lead to the array (`r.x` may be an
             // envelope of `r.x.payload`): followed, not alarmed on
  kHolds,    // the array is inside it (`r` or `r.data` for `payload`)
  kIs,       // it is the array (ReadGetsSent)
};
ResponsePart PartOfResponse(const std::vector<std::string>& keys,
                            const std::vector<std::string>& sent);

// Whether `url` names the PHP file `file` (relative to the project root):
// its last two segments end the file's path (Magento's `front/dir/action`
// names `Controller/Dir/Action.php`, `/api/pay.php` names `api/pay.php`),
// or its one segment is the file's name with `.php`. A Magento route
// without its action names `Index.php`.
bool UrlNamesFile(std::string_view url, std::string_view file);

// Whether `url` may reach the Magento action `file` (`Controller/Dir/
// Action.php`): it names it (UrlNamesFile), or holds its directory and
// action as two segments in a row, parameters following
// (`drpay/paypal/start/quote/12`).
bool UrlMayReachMagentoAction(std::string_view url, std::string_view file);

}  // namespace psm

#endif  // PSM_PROJECT_RESPONSE_MATCH_H_
