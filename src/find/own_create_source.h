#ifndef PSM_FIND_OWN_CREATE_SOURCE_H_
#define PSM_FIND_OWN_CREATE_SOURCE_H_

#include <tree_sitter/api.h>

#include <string_view>

namespace psm {

// Whether the file (`root`, `source`) gives the object written `object`
// (`DRGC`, `api`, `app.services`) a createSource function of its own by
// assignment (`DRGC.createSource = function (payload) {...}`), or, when
// `through_prototype`, gives the constructor function `object` one through
// its prototype (`ShopApi.prototype.createSource = ...`, `ShopApi.prototype
// = { createSource: ... }`): the shop's own code, as a class with its own
// createSource is.
bool AssignsOwnCreateSource(std::string_view object, bool through_prototype,
                            TSNode root, std::string_view source);

// Whether the call `call` makes an object that is not DigitalRiver.js but
// has a createSource: a jQuery object (`$('#pay')`, `jQuery(form)`, whose
// createSource is a plugin's, `$.fn.createSource = function ...`), or what
// a function of the file makes whose `fn` or `prototype` the file gives a
// createSource.
bool CallMakesOwnCreateSource(TSNode call, std::string_view source);

// Whether the file keeps the createSource that `object` had before it gave
// it one of its own (`var orig = dr.createSource`, `dr.createSource.bind(
// dr)`) or reads DigitalRiver.js's (`DigitalRiver.prototype.createSource`):
// the new one may hand the payload on to DigitalRiver.js (a logging
// wrapper), so `object` is still DigitalRiver.js's instance.
bool KeepsOriginalCreateSource(std::string_view object, TSNode root,
                               std::string_view source);

// Whether `call` lies inside the function the file gives `object` as its
// createSource (`dr.createSource = function (p) {...}`, `Object.assign(dr,
// { createSource(p) {...} })`).
bool InsideOwnCreateSource(TSNode call, std::string_view object,
                           std::string_view source);

// The assignment that gives `object` (written as in the file, "DRGC" or
// "ShopApi.prototype") a createSource function of its own; null if none.
TSNode OwnCreateSourceAssignment(std::string_view object, TSNode root,
                                 std::string_view source);

// A call that copies into `object` (written as in the file) the members of
// an object the file does not write out (`Object.assign(ShopApi,
// restClient)`, `$.extend(true, ShopApi, { ...impl })`): it may give it a
// createSource the file never names. Null when none.
TSNode OpaqueMixinInto(std::string_view object, TSNode root,
                       std::string_view source);

// Whether `text` may call a function that copies members between objects
// (`Object.assign(`, `$.extend(`, `_.merge(`, `Object.defineProperties(`).
bool MayMixIn(std::string_view text);

// Whether `text` may define a createSource (`createSource: ...`,
// `createSource = ...`, `createSource(d) {`): a word search that lets the
// project model skip parsing files that only call one. Also true for a
// file that may mix members into an object (MayMixIn).
bool MayDefineCreateSource(std::string_view text);

}  // namespace psm

#endif  // PSM_FIND_OWN_CREATE_SOURCE_H_
