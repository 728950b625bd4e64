#ifndef PSM_REPORT_HTML_ASSETS_H_
#define PSM_REPORT_HTML_ASSETS_H_

// The fixed parts of the HTML report: page head, style sheet and script,
// inlined so the page needs no network.

#include <string_view>

namespace psm::html_assets {

inline constexpr std::string_view kHead = R"html(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="payment-session-migrate">
<title>Payment session migration report</title>
)html";

inline constexpr std::string_view kStyle = R"css(
:root{--bg:#f6f8fa;--card:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;
--del:#ffebe9;--add:#dafbe1;--pad:#eff2f5;--code:#f6f8fa;
--migrated:#1a7f37;--already-migrated:#8250df;--needs-review:#cf222e;
--unknown-method:#bc4c00;--ignored:#818b98;--can-use-session:#0969da}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--card:#151b23;--fg:#e6edf3;
--muted:#9198a1;--line:#3d444d;--del:#3c1618;--add:#12261e;--pad:#1c2128;--code:#0d1117}}
*{box-sizing:border-box}
body{margin:0;padding:24px 32px;background:var(--bg);color:var(--fg);
font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:0 0 12px}
.meta{color:var(--muted);margin:0 0 20px}
code,pre{font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.panel,.file{background:var(--card);border:1px solid var(--line);border-radius:8px;
padding:16px;margin-bottom:16px}
.top{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px}
.counts{display:grid;grid-template-columns:repeat(auto-fill,minmax(130px,1fr));gap:8px;margin:0}
.counts div{border:1px solid var(--line);border-radius:6px;padding:8px 10px}
.counts dt{color:var(--muted);font-size:12px}.counts dd{margin:0;font-size:22px;font-weight:600}
.chart svg{width:100%;height:auto}.chart text{fill:var(--fg);font-size:12px}
.bar{cursor:pointer}.bar:hover rect{opacity:.8}
.filters{display:flex;flex-wrap:wrap;gap:16px;align-items:center}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:10px}
.filters legend{float:left;margin-right:8px;font-weight:600}
#shown{margin:0 0 0 auto;color:var(--muted)}
.badge{display:inline-block;border-radius:10px;padding:0 8px;color:#fff;font-size:12px;
font-weight:600;background:var(--c)}
.site{border-top:1px solid var(--line);padding:12px 0 4px}
.site>header{display:flex;gap:10px;align-items:center;flex-wrap:wrap}
.site a{color:inherit;font-weight:600}.site ul{margin:6px 0;padding-left:20px}
.compare{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:8px;margin-top:8px}
.compare.single{grid-template-columns:minmax(0,1fr)}
.compare h3{font-size:12px;color:var(--muted);margin:0 0 4px}
.compare pre{margin:0;padding:6px 0;background:var(--code);border:1px solid var(--line);
border-radius:6px;overflow-x:auto}
.l{display:block;padding:0 8px;white-space:pre;min-height:1.45em}
.l::before{content:attr(data-n);display:inline-block;width:3.5em;color:var(--muted);
user-select:none}
.del{background:var(--del)}.add{background:var(--add)}.pad{background:var(--pad)}
.error{color:var(--needs-review);font-weight:600}
table{border-collapse:collapse;width:100%}table.ledger{width:auto;margin:6px 0}
td,th{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
[hidden]{display:none!important}
@media (max-width:900px){.top,.compare{grid-template-columns:minmax(0,1fr)}}
)css";

inline constexpr std::string_view kScript = R"js(
(function () {
  'use strict';
  var sites = Array.prototype.slice.call(document.querySelectorAll('article.site'));
  var files = Array.prototype.slice.call(document.querySelectorAll('section.file'));
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name="status"]'));
  var method = document.getElementById('filter-method');
  function apply() {
    var on = {};
    boxes.forEach(function (box) { on[box.value] = box.checked; });
    var shown = 0;
    sites.forEach(function (site) {
      var show = on[site.dataset.status] === true &&
          (method.value === '' || site.dataset.method === method.value);
      site.hidden = !show;
      if (show) shown += 1;
    });
    files.forEach(function (file) {
      file.hidden = !file.querySelector('article.site:not([hidden]), .error');
    });
    document.getElementById('shown-count').textContent = String(shown);
  }
  function fromHash() {
    var params = new URLSearchParams(window.location.hash.slice(1));
    var statuses = params.get('status');
    if (statuses !== null) {
      var wanted = statuses.split(',');
      boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
    }
    var wantedMethod = params.get('method');
    if (wantedMethod !== null) method.value = wantedMethod;
    if (method.selectedIndex < 0) method.value = '';
  }
  function only(status) {
    boxes.forEach(function (box) { box.checked = box.value === status; });
    apply();
  }
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  method.addEventListener('change', apply);
  document.getElementById('show-all').addEventListener('click', function () {
    boxes.forEach(function (box) { box.checked = true; });
    method.value = '';
    apply();
  });
  document.querySelectorAll('.bar').forEach(function (bar) {
    bar.addEventListener('click', function () { only(bar.dataset.status); });
  });
  window.addEventListener('hashchange', function () { fromHash(); apply(); });
  fromHash();
  apply();
  document.body.dataset.ready = 'true';
})();
)js";

}  // namespace psm::html_assets

#endif  // PSM_REPORT_HTML_ASSETS_H_
