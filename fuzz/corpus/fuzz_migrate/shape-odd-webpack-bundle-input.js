/******/ (() => { // webpackBootstrap
/******/ 	var __webpack_modules__ = ({

/***/ "./src/checkout/sepa.js":
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

"use strict";
__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   "paySepa": () => (/* binding */ paySepa)
/* harmony export */ });
const dr = DigitalRiver(window.DR_KEY);
function paySepa(owner, total) {
  return dr.createSource({
    type: 'directDebit',
    amount: total,
    currency: 'EUR',
    owner,
  });
}

/***/ })

/******/ 	});
/******/ })()
;
