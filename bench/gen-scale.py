#!/usr/bin/env python3
"""Generates the scaling cases of issue 14: inputs that are cheap to parse but
were expensive per site (quadratic), and a tree of many tiny modules.

Deterministic (no randomness at all).

  gen-scale.py sites N FILE     one file of N one-line PayPal payloads, each
                                its own `dr.createSource({...})` call
  gen-scale.py writes N FILE    `var payload = {...}`, then N lines
                                `payload.noteK = K;`, then N lines
                                `if (xK) { payload = {...}; }`, then one
                                `dr.createSource(payload)`: every write can
                                reach the call, as can every assignment
  gen-scale.py bundle N FILE    a minified bundle on one line: N modules,
                                each declaring a wrapper `r(e)` around
                                createSource and calling it with a literal
                                (the short names stand in every module)
  gen-scale.py globals N FILE   N payload variables of the top level, each
                                its own name, each passed to createSource
  gen-scale.py modules N DIRS OUT
                                N one-line modules spread over DIRS
                                directories of OUT (`export const vK = K;`),
                                one in 1,000 calling createSource
  gen-scale.py monorepo SITES FILLER OUT
                                a workspace monorepo (issue 11) whose SITES
                                calls each take a payload built in another
                                module: a third through ES imports of a
                                relative module, a third through CommonJS
                                `require` + `module.exports = {build}`, a
                                third through a workspace package
                                (`@shop/payloads`, `exports` in its
                                package.json); plus FILLER plain modules
"""

import os
import sys

PAYLOAD = ('{type: "payPal", amount: %d, currency: "USD", payPal: '
           '{returnUrl: "https://shop.example/r", items: [], taxAmount: 1}}')


def sites(n, path):
    with open(path, "w") as f:
        for k in range(n):
            f.write("dr.createSource(%s);\n" % (PAYLOAD % k))


def writes(n, path):
    with open(path, "w") as f:
        f.write("var payload = %s;\n" % (PAYLOAD % 0))
        for k in range(n):
            f.write("payload.note%d = %d;\n" % (k, k))
        for k in range(n):
            f.write("if (x%d) { payload = %s; }\n" % (k, PAYLOAD % (k + 1)))
        f.write("dr.createSource(payload);\n")


def bundle(n, path):
    with open(path, "w") as f:
        f.write("!function(m){m.forEach(function(f){f()})}([")
        for k in range(n):
            f.write("%sfunction(e,t,n){function r(e){return dr.createSource(e)}"
                    "var o=e+%d;r(%s)}" % ("," if k else "", k,
                                           (PAYLOAD % k).replace(" ", "")))
        f.write("]);\n")


def globals_(n, path):
    with open(path, "w") as f:
        for k in range(n):
            f.write("var payload%d = %s;\ndr.createSource(payload%d);\n"
                    % (k, PAYLOAD % k, k))


ONE_FILE = {"sites": sites, "writes": writes, "bundle": bundle,
            "globals": globals_}


def modules(n, dirs, out):
    for k in range(n):
        d = os.path.join(out, "m%04d" % (k % dirs))
        if k < dirs:
            os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "v%06d.js" % k), "w") as f:
            if k % 1000 == 999:
                f.write("dr.createSource(%s);\n" % (PAYLOAD % k))
            else:
                f.write("export const v%d = %d;\n" % (k, k))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


BUILDER = ('  return {type: "payPal", amount: cart.total, currency: cart.currency,\n'
           '          payPal: {returnUrl: cart.returnUrl, items: cart.items}};\n')


def monorepo(sites, filler, out):
    write(os.path.join(out, "package.json"),
          '{"name": "shop", "private": true, "workspaces": ["packages/*"]}\n')
    write(os.path.join(out, "packages/payloads/package.json"),
          '{"name": "@shop/payloads", "version": "1.0.0", '
          '"exports": {".": {"import": "./src/index.js"}}}\n')
    write(os.path.join(out, "packages/web/package.json"),
          '{"name": "@shop/web", "version": "1.0.0", '
          '"dependencies": {"@shop/payloads": "1.0.0"}}\n')
    index = []
    for k in range(sites):
        d = "d%02d" % (k // 3 % 40)
        if k % 3 == 0:  # ES modules, a relative import
            write(os.path.join(out, "apps/shop/src/payments", d, "p%d.js" % k),
                  "export function build%d(cart) {\n%s}\n" % (k, BUILDER))
            write(os.path.join(out, "apps/shop/src/checkout", d, "c%d.js" % k),
                  "import {build%d} from '../../payments/%s/p%d.js';\n\n"
                  "export const pay%d = (dr, cart) => dr.createSource(build%d(cart));\n"
                  % (k, d, k, k, k))
        elif k % 3 == 1:  # CommonJS
            write(os.path.join(out, "legacy/lib", d, "p%d.js" % k),
                  "'use strict';\nfunction build(cart) {\n%s}\nmodule.exports = {build};\n"
                  % BUILDER)
            write(os.path.join(out, "legacy/lib", d, "c%d.js" % k),
                  "'use strict';\nconst payloads = require('./p%d');\n\n"
                  "module.exports = function pay(dr, cart) {\n"
                  "  return dr.createSource(payloads.build(cart));\n};\n" % k)
        else:  # a workspace package
            index.append("export function build%d(cart) {\n%s}\n" % (k, BUILDER))
            write(os.path.join(out, "packages/web/src", d, "pay%d.js" % k),
                  "import {build%d} from '@shop/payloads';\n\n"
                  "export const pay%d = (dr, cart) => dr.createSource(build%d(cart));\n"
                  % (k, k, k))
    write(os.path.join(out, "packages/payloads/src/index.js"), "\n".join(index))
    for k in range(filler):
        write(os.path.join(out, "apps/shop/src/util", "u%02d" % (k % 40), "u%d.js" % k),
              "export function format%d(x) {\n  return String(x) + %d;\n}\n" % (k, k))


def main(argv):
    if len(argv) == 4 and argv[1] in ONE_FILE:
        ONE_FILE[argv[1]](int(argv[2]), argv[3])
    elif len(argv) == 5 and argv[1] == "modules":
        modules(int(argv[2]), int(argv[3]), argv[4])
    elif len(argv) == 5 and argv[1] == "monorepo":
        monorepo(int(argv[2]), int(argv[3]), argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
