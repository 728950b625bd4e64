#include "find/defined_accessors.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <unordered_set>

namespace psm {
namespace {

std::set<std::string> Accessors(const std::string& source) {
  std::unordered_set<std::string> names;
  AddDefinedAccessors(source, &names);
  return {names.begin(), names.end()};
}

TEST(DefinedAccessorsTest, DefinePropertyAndLegacyGetterNameTheirString) {
  EXPECT_EQ(Accessors("Object.defineProperty(cart, 'total', {get: f});\n"
                      "cart.__defineGetter__(\"tax\", g);"),
            (std::set<std::string>{"tax", "total"}));
}

TEST(DefinedAccessorsTest, DefinePropertiesTakesTheKeysOfItsSecondArgument) {
  EXPECT_EQ(Accessors("Object.defineProperties(cart, {\n"
                      "  total: {get() { return sum(this.items); }},\n"
                      "  'tax': {value: 2}\n});\n"
                      "const payload = {amount: 1, currency: 'USD'};"),
            (std::set<std::string>{"tax", "total"}));
}

TEST(DefinedAccessorsTest, ABabelHelperIsNotACallOfDefineProperties) {
  // Babel's own helper, then a class whose methods are plain values: no
  // accessor, and the payload's keys after it are not taken for any.
  EXPECT_EQ(
      Accessors(
          "function _defineProperties(target, props) { for (var i = 0;"
          " i < props.length; i++) { var descriptor = props[i];"
          " descriptor.enumerable = descriptor.enumerable || false;"
          " Object.defineProperty(target, descriptor.key, descriptor);"
          " } }\n"
          "var Checkout = _createClass(function Checkout() {}, [{\n"
          "  key: \"sendPaymentData\", value: function sendPaymentData() {"
          " return dr.createSource({type: 'payPal', amount: 1,"
          " currency: 'USD'}); }\n}]);"),
      std::set<std::string>{});
}

TEST(DefinedAccessorsTest, ATranspiledGetterDescriptorNamesItsKey) {
  EXPECT_EQ(Accessors("_createClass(Cart, [{ key: 'items', value: function "
                      "items() { return []; } }, { key: \"total\", get: "
                      "function get() { return this.sum(); } }]);"),
            std::set<std::string>{"total"});
}

}  // namespace
}  // namespace psm
