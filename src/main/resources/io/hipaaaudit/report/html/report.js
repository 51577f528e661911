// Filters and search for the findings list. Works from file:// without a server and without inline handlers
// (the page's Content-Security-Policy allows this one script by its hash). Rows are shown or hidden with the
// `hidden` attribute only when their state changes, so a filter over 20,000 findings is one pass over arrays.
(function () {
  'use strict';
  var $ = function (sel) { return document.querySelector(sel); };
  var all = function (sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); };
  var rows = all('details.f');
  var rules = all('details.rule');
  var areas = all('section.area');
  var rowSt = [], rowSev = [], rowRule = [], rowArea = [], areaNames = [];
  var ruleIdx = new Map(), areaIdx = new Map();
  rules.forEach(function (r, j) { ruleIdx.set(r, j); });
  areas.forEach(function (a, j) { areaIdx.set(a, j); areaNames.push(a.getAttribute('data-area')); });
  rows.forEach(function (r) {
    rowSt.push(r.getAttribute('data-st'));
    rowSev.push(r.getAttribute('data-sev'));
    rowRule.push(ruleIdx.get(r.parentNode));
    rowArea.push(areaIdx.get(r.parentNode.parentNode));
  });
  var texts = null; // lower-cased text of each finding, built on the first search
  var statusBoxes = all('input[name=status]');
  var sevBoxes = all('input[name=severity]');
  var areaSel = $('#area');
  var search = $('#q');

  function checked(boxes) {
    var out = {};
    boxes.forEach(function (b) { out[b.value] = b.checked; });
    return out;
  }

  function apply() {
    var st = checked(statusBoxes), sev = checked(sevBoxes);
    var area = areaSel.value === '' ? -1 : areaNames.indexOf(areaSel.value);
    var q = search.value.trim().toLowerCase();
    if (q && !texts) {
      texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
    }
    var stCount = {}, sevCount = {}, ruleN = rules.map(function () { return 0; });
    var areaN = areas.map(function () { return 0; }), shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var base = (area < 0 || rowArea[i] === area) && (!q || texts[i].indexOf(q) >= 0);
      if (base && sev[rowSev[i]]) { stCount[rowSt[i]] = (stCount[rowSt[i]] || 0) + 1; }
      if (base && st[rowSt[i]]) { sevCount[rowSev[i]] = (sevCount[rowSev[i]] || 0) + 1; }
      var show = base && st[rowSt[i]] && sev[rowSev[i]];
      if (rows[i].hidden === show) { rows[i].hidden = !show; }
      if (show) { shown++; ruleN[rowRule[i]]++; areaN[rowArea[i]]++; }
    }
    rules.forEach(function (r, j) {
      r.hidden = ruleN[j] === 0;
      r.querySelector('.rule-count').textContent = ruleN[j];
    });
    areas.forEach(function (a, j) {
      a.hidden = areaN[j] === 0;
      a.querySelector('.area-count').textContent = areaN[j];
    });
    all('[data-count]').forEach(function (c) { c.textContent = stCount[c.getAttribute('data-count')] || 0; });
    all('[data-sev-count]').forEach(function (c) { c.textContent = sevCount[c.getAttribute('data-sev-count')] || 0; });
    $('#visible-count').textContent = shown;
    $('#no-match').hidden = shown > 0;
    $('#filter-note').textContent = describe(st, sev, q, shown);
  }

  // what a printout says about the filters, since the controls themselves are not printed
  function describe(st, sev, q, shown) {
    var parts = [];
    var off = function (m) { return Object.keys(m).filter(function (k) { return !m[k]; }); };
    if (off(st).length) { parts.push('statuses hidden: ' + off(st).join(', ')); }
    if (off(sev).length) { parts.push('severities hidden: ' + off(sev).join(', ')); }
    if (areaSel.value) { parts.push('area: ' + areaSel.value); }
    if (q) { parts.push('search: "' + q + '"'); }
    return parts.length ? shown + ' of ' + rows.length + ' findings shown (' + parts.join('; ') + ').'
      : 'All ' + rows.length + ' findings.';
  }

  var timer = null;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(apply, 120);
  }

  function reset() {
    statusBoxes.concat(sevBoxes).forEach(function (b) { b.checked = true; });
    areaSel.value = '';
    search.value = '';
    apply();
  }

  // a link to a finding (from the resource index) opens it and everything around it, clearing filters that hide it
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    if (!el || !el.classList.contains('f')) { return; }
    if (el.hidden) { reset(); }
    for (var p = el; p; p = p.parentElement) {
      if (p.tagName === 'DETAILS') { p.open = true; }
    }
    el.scrollIntoView();
  }

  // printing shows every detail; what was closed is closed again afterwards
  var closed = [];
  window.addEventListener('beforeprint', function () {
    closed = all('details:not([open])');
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });

  statusBoxes.concat(sevBoxes).forEach(function (b) { b.addEventListener('change', apply); });
  areaSel.addEventListener('change', apply);
  search.addEventListener('input', later);
  $('#reset').addEventListener('click', reset);
  window.addEventListener('hashchange', reveal);
  reveal();
})();
