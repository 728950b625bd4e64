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
  gen-scale.py modules N DIRS OUT
                                N one-line modules spread over DIRS
                                directories of OUT (`export const vK = K;`),
                                one in 1,000 calling createSource
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


def main(argv):
    if len(argv) == 4 and argv[1] in ("sites", "writes"):
        (sites if argv[1] == "sites" else writes)(int(argv[2]), argv[3])
    elif len(argv) == 5 and argv[1] == "modules":
        modules(int(argv[2]), int(argv[3]), argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
