#!/usr/bin/env python3
"""Generates the DENSE benchmark tree: merchant checkout files, each with 1-3
legacy DigitalRiver.js `createSource()` payloads.

Deterministic: the same --seed and --files give byte-identical output (only
random.Random with a fixed seed is used; no time, no hash ordering).

Every payment method of rules/payment-methods.json appears, in varied styles:
unquoted / double / single / mixed quoted keys, inline payloads and payloads
in a var/let/const, nested method objects given inline or by a variable,
comments, trailing commas or not, 2/4-space or tab indentation, a few CRLF
files, several receivers (digitalriver, dr, this.drjs, window.DigitalRiver
Instance, DR), `createSource?.(...)`, card payloads as the second argument,
and TypeScript files with `as` / `satisfies` wrappers.

Usage: gen-dense.py OUT_DIR [--files 2000] [--seed 20240601]
       gen-dense.py --single FILE [--seed N] [--sites 3]   (one file)
"""

import argparse
import os
import random
import sys

METHODS = [
    "creditCard", "payPal", "payPalBilling", "payPalCredit", "directDebit",
    "wireTransfer", "codJapan", "payco", "bankTransfer", "onlineBanking",
    "bPay", "konbini", "klarnaCredit", "klarnaCreditRecurring",
]

CURRENCIES = ["USD", "EUR", "GBP", "JPY", "KRW", "AUD", "SEK", "CAD"]
SHOPS = ["acme", "northwind", "contoso", "globex", "initech", "umbrella",
         "hooli", "stark", "wayne", "wonka", "tyrell", "cyberdyne", "soylent",
         "vandelay", "pied-piper", "gringotts", "oscorp", "aperture"]
AREAS = ["checkout", "cart", "payments", "billing", "subscriptions", "store",
         "pages", "components", "services", "legacy"]
WORDS = ["order", "basket", "shopper", "invoice", "promo", "voucher", "tax",
         "shipping", "address", "review", "summary", "locale", "price",
         "product", "inventory", "coupon", "gift", "loyalty", "session"]


class Style:
    """How one file writes its object literals."""

    def __init__(self, rng):
        self.quote = rng.choice(["none", "none", "double", "double", "single", "mixed"])
        self.indent = rng.choice(["  ", "  ", "    ", "\t"])
        self.trailing = rng.random() < 0.4
        self.comments = rng.random() < 0.5
        self.spaced_colon = rng.random() < 0.08
        self.str_quote = rng.choice(["'", "'", '"'])
        self.rng = rng

    def key(self, name):
        q = self.quote
        if q == "mixed":
            q = self.rng.choice(["none", "double", "single"])
        if q == "double":
            return '"%s"' % name
        if q == "single":
            return "'%s'" % name
        return name

    def s(self, text):
        return "%s%s%s" % (self.str_quote, text, self.str_quote)

    def colon(self):
        return " : " if self.spaced_colon else ": "


def obj(style, props, depth, comment_rng=None):
    """Renders props [(key, value-or-list, comment)] as a multi-line object
    literal whose opening brace is at indentation `depth`."""
    ind = style.indent * (depth + 1)
    close = style.indent * depth
    lines = ["{"]
    for i, (k, v, comment) in enumerate(props):
        if isinstance(v, list):
            v = obj(style, v, depth + 1)
        last = i == len(props) - 1
        comma = "," if (not last or style.trailing) else ""
        line = "%s%s%s%s%s" % (ind, style.key(k), style.colon(), v, comma)
        if comment and style.comments:
            line += " // " + comment
        lines.append(line)
    lines.append(close + "}")
    return "\n".join(lines)


def items_array(style, rng, depth, recurring=False):
    ind = style.indent * (depth + 1)
    parts = []
    for n in range(rng.randint(1, 2)):
        props = [("name", style.s(rng.choice(["T-shirt", "Mug", "Gift card", "Bean box", "Sticker pack"])), None),
                 ("quantity", str(rng.randint(1, 4)), None),
                 ("unitAmount", "%d.%02d" % (rng.randint(1, 199), rng.randint(0, 99)), None)]
        if recurring:
            props.append(("subscriptionInfo", [("autoRenewal", "true", None), ("freeTrial", "false", None)], None))
        parts.append(ind + obj(style, props, depth + 1))
    comma = "," if style.trailing else ""
    return "[\n" + (",\n".join(parts)) + comma + "\n" + style.indent * depth + "]"


def shipping_obj(style, rng):
    return [("recipient", "cart.shipTo.name", None),
            ("phoneNumber", "cart.shipTo.phone", None),
            ("address", [("line1", "cart.shipTo.line1", None),
                         ("city", "cart.shipTo.city", None),
                         ("postalCode", "cart.shipTo.postalCode", None),
                         ("country", style.s(rng.choice(["US", "DE", "JP", "KR", "AU", "SE"])), None)], None)]


def owner_value(style, rng):
    if rng.random() < 0.5:
        return rng.choice(["readBillingAddress()", "customer.billing", "shopper.owner", "billingInfo"])
    return [("firstName", "form.firstName", None),
            ("lastName", "form.lastName", None),
            ("email", "form.email", None),
            ("address", [("line1", "form.line1", None),
                         ("city", "form.city", None),
                         ("postalCode", "form.postalCode", None),
                         ("country", style.s("US"), None)], None)]


def method_details(method, style, rng, depth):
    """The method's sub-object props (or None when the method has none)."""
    urls = [("returnUrl", "window.location.origin + " + style.s("/checkout/return"), None),
            ("cancelUrl", "window.location.origin + " + style.s("/checkout/cancel"), None)]
    if method in ("payPal", "payPalBilling", "payPalCredit"):
        props = list(urls)
        props.append(("items", items_array(style, rng, depth + 1), "line items for the PayPal popup"))
        props.append(("taxAmount", "cart.tax", None))
        props.append(("shippingAmount", "cart.shippingTotal", None))
        if rng.random() < 0.6:
            props.append(("amountsEstimated", rng.choice(["true", "false"]), None))
        if rng.random() < 0.6:
            props.append(("requestShipping", "true", None))
        if rng.random() < 0.7:
            props.append(("shipping", shipping_obj(style, rng), None))
        return props
    if method in ("klarnaCredit", "klarnaCreditRecurring"):
        rec = method == "klarnaCreditRecurring"
        props = list(urls)
        props.append(("items", items_array(style, rng, depth + 1, recurring=rec), None))
        props.append(("locale", style.s(rng.choice(["en_US", "de_DE", "sv_SE", "en_GB"])), None))
        props.append(("discountAmount", "0", None))
        props.append(("taxAmount", "cart.tax", "VAT included"))
        props.append(("shippingAmount", "cart.shippingTotal", None))
        if rng.random() < 0.5:
            props.append(("shipping", shipping_obj(style, rng), None))
        props.append(("accountId", "shopper.id", None))
        if rng.random() < 0.5:
            props.append(("accountCreatedDate", "shopper.created", None))
            props.append(("accountUpdatedDate", "shopper.updated", None))
        props.append(("hasPaidBefore", rng.choice(["true", "false"]), None))
        if rec:
            props.append(("subscriptionDescription", style.s("Monthly box"), None))
            props.append(("subscriptionStartDate", style.s("2024-03-01T00:00:00.000Z"), None))
            props.append(("subscriptionEndDate", style.s("2025-03-01T00:00:00.000Z"), None))
            props.append(("autoRenewal", style.s("true"), None))
        if rng.random() < 0.3:
            props.append(("affiliateName", style.s("partner-blog"), None))
        rng.shuffle(props)
        return props
    if method == "directDebit":
        return [("returnUrl", "returnUrl", None)]
    if method == "onlineBanking":
        return [("bankCode", style.s(rng.choice(["ideal", "sofort", "bancontact"])), None)] + urls
    if method == "payco":
        return [("returnUrl", "returnUrl", None)]
    if method == "bankTransfer":
        return [("returnUrl", "returnUrl", None)]
    if method == "konbini":
        return [("storeId", style.s(str(rng.randint(10000, 99999))), "chosen konbini chain"),
                ("overrideTimeLimit", "false", None)]
    if method == "codJapan":
        return None if rng.random() < 0.5 else [("deliveryTime", style.s("morning"), None)]
    return None  # creditCard, wireTransfer, bPay


def payload_props(method, style, rng, depth, details_var=None):
    props = [("type", style.s(method), None)]
    if rng.random() < 0.85:
        props.append(("amount", rng.choice(["cart.total", "order.grandTotal", "%d.%02d" % (rng.randint(5, 999), rng.randint(0, 99))]), rng.choice([None, "in major units"])))
        props.append(("currency", rng.choice(["cart.currency", style.s(rng.choice(CURRENCIES))]), None))
    elif rng.random() < 0.5:
        props.append(("amount", "total", None))
    props.append(("owner", owner_value(style, rng), None))
    if method == "creditCard" and rng.random() < 0.4:
        props.append(("usage", style.s("convenience"), None))
    details = method_details(method, style, rng, 1 if details_var else depth + 1)
    if details is not None:
        key = method
        if method == "payPalCredit" or (method == "payPalBilling" and rng.random() < 0.3):
            key = "payPal"
        props.append((key, details_var if details_var else details, None))
    if rng.random() < 0.3:
        props.append(("metadata", [("orderRef", "order.id", None), ("channel", style.s("web"), None)], None))
    # type is usually first but not always
    if rng.random() < 0.15:
        t = props.pop(0)
        props.insert(rng.randint(1, len(props)), t)
    return props, details


RECEIVERS = ["digitalriver", "digitalriver", "dr", "DR", "this.drjs", "window.DigitalRiverInstance", "drjs"]


def page_cart(props):
    """`props` reading `checkoutCart.x` (a global of the page) for `cart.x`."""
    out = []
    for key, value, comment in props:
        if isinstance(value, list):
            value = page_cart(value)
        elif isinstance(value, str) and value.startswith("cart."):
            value = "checkoutCart." + value[len("cart."):]
        out.append((key, value, comment))
    return out


def site_block(method, style, rng, ts, fn_name, idx):
    """A function that builds one payload and calls createSource."""
    i1 = style.indent
    i2 = i1 * 2
    receiver = rng.choice(RECEIVERS)
    opt = "?." if rng.random() < 0.05 else ""
    this_fn = receiver.startswith("this.")
    card = method == "creditCard"
    use_details_var = method in ("payPal", "klarnaCredit", "klarnaCreditRecurring") and rng.random() < 0.3
    details_var = "%sDetails%d" % (method, idx) if use_details_var else None
    mode = rng.choice(["var", "var", "inline", "module"]) if not use_details_var else "var"
    props, details = payload_props(method, style, rng, 0 if mode == "module" else 1, details_var)
    if mode == "module":
        # Built when the file loads, outside the functions taking `cart`:
        # it reads the page's global, as a script at that level would
        # (reading an undeclared `cart` there would throw).
        props = page_cart(props)
    decl = rng.choice(["var", "const", "let"]) if not ts else rng.choice(["const", "let"])
    wrap_open, wrap_close = "", ""
    if ts and rng.random() < 0.5:
        wrap_close = rng.choice([" as SourcePayload", " satisfies SourcePayload", " as const"])
    out = []
    if style.comments and rng.random() < 0.6:
        out.append("// %s: create a %s source for the current cart" % (fn_name, method))
    params = "cart, form" + (", cardElement" if card else "")
    if ts:
        params = "cart: Cart, form: BillingForm" + (", cardElement: CardElement" if card else "")
    if mode == "module":
        var = "%sPayload%d" % (method, idx)
        out.append("%s %s = %s%s;" % (decl if decl != "let" else "var", var, obj(style, props, 0), wrap_close))
        out.append("")
    header = ("%s(%s) {" % (fn_name, params)) if this_fn else ("function %s(%s) {" % (fn_name, params))
    if this_fn:
        out.append("Checkout.prototype.%s = function (%s) {" % (fn_name, params))
    else:
        out.append(header)
    if use_details_var:
        out.append("%s%s %s = %s;" % (i1, decl, details_var, obj(style, details, 1)))
    if mode == "var":
        var = "payload" if rng.random() < 0.5 else rng.choice(["sourceData", "sourceRequest", "request", "data"])
        out.append("%s%s %s = %s%s;" % (i1, decl, var, obj(style, props, 1), wrap_close))
        arg = var
    elif mode == "inline":
        arg = obj(style, props, 1)
    else:
        arg = var
    args = ("cardElement, " + arg) if card else arg
    out.append("%sreturn %s.createSource%s(%s).then(function (result) {" % (i1, receiver, opt, args))
    out.append("%sif (result.error) {" % i2)
    out.append("%s%sshowError(result.error.errors[0].message);" % (i2, i1))
    out.append("%s%sreturn null;" % (i2, i1))
    out.append("%s}" % i2)
    out.append("%sreturn attachSource(result.source);" % i2)
    out.append("%s});" % i1)
    out.append("};" if this_fn else "}")
    return "\n".join(out)


def filler_block(style, rng, ts, n):
    """Ordinary merchant code around the payloads."""
    i1 = style.indent
    i2 = i1 * 2
    w = rng.choice(WORDS)
    W = w[0].upper() + w[1:]
    kind = rng.randrange(7)
    if kind == 0:
        return "\n".join([
            "function format%s%d(value%s) {" % (W, n, ": number" if ts else ""),
            "%sif (value == null || isNaN(value)) {" % i1,
            "%sreturn %s;" % (i2, style.s("-")),
            "%s}" % i1,
            "%sreturn new Intl.NumberFormat(locale, { style: %s, currency: cart.currency }).format(value);" % (i1, style.s("currency")),
            "}",
        ])
    if kind == 1:
        return "\n".join([
            "function load%s%d(id%s) {" % (W, n, ": string" if ts else ""),
            "%sreturn fetch(%s + encodeURIComponent(id), {" % (i1, style.s("/api/%s/" % w)),
            "%sheaders: { Accept: %s }," % (i2, style.s("application/json")),
            "%scredentials: %s" % (i2, style.s("same-origin")),
            "%s}).then(function (response) {" % i1,
            "%sif (!response.ok) throw new Error(%s + response.status);" % (i2, style.s("HTTP ")),
            "%sreturn response.json();" % i2,
            "%s});" % i1,
            "}",
        ])
    if kind == 2:
        return "\n".join([
            "var %sDefaults%d = {" % (w, n),
            "%slocale: %s," % (i1, style.s(rng.choice(["en-US", "de-DE", "ja-JP", "ko-KR"]))),
            "%sretries: %d," % (i1, rng.randint(1, 5)),
            "%stimeoutMs: %d," % (i1, rng.randint(1, 30) * 1000),
            "%sfeatureFlags: [%s, %s]" % (i1, style.s("new-" + w), style.s("fast-" + w)),
            "};",
        ])
    if kind == 3:
        return "\n".join([
            "/**",
            " * Updates the %s summary shown next to the payment form." % w,
            " * Called whenever the cart changes.",
            " */",
            "function render%sSummary%d(cart%s) {" % (W, n, ": Cart" if ts else ""),
            "%svar el = document.getElementById(%s);" % (i1, style.s("%s-summary" % w)),
            "%sif (!el) return;" % i1,
            "%svar rows = cart.lines.map(function (line) {" % i1,
            "%sreturn '<li>' + line.title + ' x ' + line.qty + '</li>';" % i2,
            "%s});" % i1,
            "%sel.innerHTML = '<ul>' + rows.join('') + '</ul>';" % i1,
            "}",
        ])
    if kind == 4:
        return "\n".join([
            "function track%s%d(event%s, data%s) {" % (W, n, ": string" if ts else "", ": Record<string, unknown>" if ts else ""),
            "%sif (!window.dataLayer) return;" % i1,
            "%swindow.dataLayer.push(Object.assign({ event: event, area: %s }, data));" % (i1, style.s(w)),
            "}",
        ])
    if kind == 5:
        return "\n".join([
            "function validate%s%d(form%s) {" % (W, n, ": BillingForm" if ts else ""),
            "%svar errors = [];" % i1,
            "%sif (!form.email || form.email.indexOf('@') < 0) errors.push(%s);" % (i1, style.s("email")),
            "%sif (!form.postalCode) errors.push(%s);" % (i1, style.s("postalCode")),
            "%sfor (var i = 0; i < form.lines.length; i++) {" % i1,
            "%sif (form.lines[i].qty <= 0) errors.push(%s + i);" % (i2, style.s("qty-")),
            "%s}" % i1,
            "%sreturn errors;" % i1,
            "}",
        ])
    return "\n".join([
        "var %sCache%d = new Map();" % (w, n),
        "function cached%s%d(key%s, compute%s) {" % (W, n, ": string" if ts else "", ": () => unknown" if ts else ""),
        "%sif (%sCache%d.has(key)) return %sCache%d.get(key);" % (i1, w, n, w, n),
        "%svar value = compute();" % i1,
        "%s%sCache%d.set(key, value);" % (i1, w, n),
        "%sreturn value;" % i1,
        "}",
    ])


TS_PRELUDE = """type Cart = { total: number; currency: string; tax: number; shippingTotal: number; lines: any[]; shipTo: any };
type BillingForm = Record<string, any>;
type CardElement = unknown;
type SourcePayload = Record<string, unknown>;
declare const checkout: { id: string };
"""


def make_file(rng, methods, ts):
    style = Style(rng)
    shop = rng.choice(SHOPS)
    parts = []
    parts.append("/* %s - %s payment integration (legacy DigitalRiver.js). Generated benchmark fixture. */" % (shop, rng.choice(AREAS)))
    if ts:
        parts.append(TS_PRELUDE.rstrip("\n"))
    else:
        parts.append("'use strict';")
    parts.append("var digitalriver = new DigitalRiver(%s, { locale: %s });" % (style.s("pk_test_%032x" % rng.getrandbits(128)), style.s("en-US")))
    parts.append("var dr = digitalriver, DR = digitalriver, drjs = digitalriver;")
    parts.append("\n".join([
        "function showError(message%s) {" % (": string" if ts else ""),
        "%sdocument.getElementById(%s).textContent = message;" % (style.indent, style.s("payment-errors")),
        "}",
        "function attachSource(source%s) {" % (": any" if ts else ""),
        "%sreturn fetch(%s + checkout.id + %s, { method: %s, body: JSON.stringify({ sourceId: source.id }) });" % (
            style.indent, style.s("/checkout/"), style.s("/sources"), style.s("POST")),
        "}",
    ]))
    if rng.random() < 0.03:  # another library's createSource: must be left alone
        parts.append("const stripe = Stripe(%s);\nfunction stripeSource(el) {\n%sreturn stripe.createSource(el, { type: %s, currency: %s });\n}" % (
            style.s("pk_live_x"), style.indent, style.s("card"), style.s("usd")))
    nfill = rng.randint(8, 16)
    blocks = [("fill", k) for k in range(nfill)] + [("site", m) for m in methods]
    # keep the sites in order but scatter them among the filler
    rng.shuffle(blocks)
    n = 0
    for kind, what in blocks:
        n += 1
        if kind == "fill":
            parts.append(filler_block(style, rng, ts, n))
        else:
            parts.append(site_block(what, style, rng, ts, "pay%s%d" % (what[0].upper() + what[1:], n), n))
    if ts:
        parts.append("export { attachSource, showError };")
    text = "\n\n".join(parts) + "\n"
    if rng.random() < 0.03:
        text = text.replace("\n", "\r\n")
    return text


def write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?")
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--single")
    ap.add_argument("--sites", type=int, default=3)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    if a.single:
        methods = [METHODS[(a.seed + k * 5) % len(METHODS)] for k in range(a.sites)]
        write(a.single, make_file(rng, methods, False))
        return 0
    if not a.out:
        ap.error("OUT_DIR or --single FILE is required")
    # Method sequence: a cycle over every method, so each appears ~equally.
    cycle = 0
    exts = [".js"] * 6 + [".ts"] * 2 + [".mjs", ".jsx", ".tsx", ".cjs"]
    sites = 0
    for i in range(a.files):
        count = rng.choice([1, 1, 2, 2, 2, 3])
        methods = []
        for _ in range(count):
            methods.append(METHODS[cycle % len(METHODS)])
            cycle += 1
        ext = rng.choice(exts)
        ts = ext in (".ts", ".tsx")
        shop = SHOPS[i % len(SHOPS)]
        area = rng.choice(AREAS)
        path = os.path.join(a.out, shop, "src", area, "merchant-%04d%s" % (i, ext))
        write(path, make_file(rng, methods, ts))
        sites += count
    print("dense: %d files, %d createSource payloads, seed %d" % (a.files, sites, a.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
