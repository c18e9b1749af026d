// The HTML report's inline style and script. The script reads the page's JSON data and builds every
// element with DOM APIs and textContent (never innerHTML), so whatever an abstract holds stays text.

/** The page's CSS. */
export const HTML_STYLE = String.raw`
:root { --fg: #1d2430; --muted: #5f6b7a; --line: #dde3ea; --bg: #f6f8fa; --card: #fff; --accent: #1f5fbf;
  --critical: #b71c1c; --major: #e65100; --minor: #f2b200; --info: #1e88e5; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--fg); background: var(--bg); }
header { background: #14213d; color: #fff; padding: 14px 24px; }
header h1 { margin: 0; font-size: 20px; font-weight: 600; overflow-wrap: anywhere; }
header .meta { margin: 2px 0 0; color: #c6d0e0; font-size: 12px; }
main { padding: 16px 24px 40px; max-width: 1500px; margin: 0 auto; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; margin-bottom: 16px; }
h2 { font-size: 16px; margin: 0 0 10px; }
h4 { font-size: 13px; margin: 12px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.charts { display: flex; flex-wrap: wrap; gap: 32px; }
.chart { margin: 0; }
.chart figcaption { font-weight: 600; margin-bottom: 6px; }
.chart svg { font-size: 12px; fill: var(--fg); }
.chart .bar { cursor: pointer; outline: none; }
.chart .bar:hover .hit, .chart .bar:focus .hit { fill: #eef3fb; }
.chart .n { fill: var(--muted); }
.legends { margin: 4px 0 0; font-size: 12px; color: var(--muted); }
.legend { margin-right: 12px; white-space: nowrap; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
.notes { margin: 12px 0 14px; padding: 8px 12px; background: #fff8e1; border-left: 3px solid #f2b200; font-size: 13px; }
.notes.errors { background: #fdecea; border-color: var(--critical); }
.notes ul { margin: 0; padding-left: 18px; }
details.notes summary, details.terms summary { cursor: pointer; font-weight: 600; }
details.terms { margin-top: 14px; }
.rendering { cursor: pointer; border-bottom: 1px dotted var(--muted); }
.rendering.wrong { color: var(--critical); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { font-size: 12px; color: var(--muted); font-weight: 600; white-space: nowrap; background: #fafbfc; }
th.sortable { cursor: pointer; user-select: none; }
th.sortable:hover { color: var(--accent); }
th .dir { margin-left: 3px; }
.files { margin-top: 14px; font-size: 13px; }
.files tr.file-row { cursor: pointer; }
.files tr.file-row:hover { background: #eef3fb; }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; padding-bottom: 10px; border-bottom: 1px solid var(--line); margin-bottom: 6px; position: sticky; top: 0; background: var(--card); z-index: 2; padding-top: 4px; }
.toolbar label { font-size: 12px; color: var(--muted); display: flex; gap: 4px; align-items: center; }
.toolbar select, .toolbar input, .toolbar button, .pager button { font: inherit; font-size: 13px; padding: 3px 6px; border: 1px solid #c5ced8; border-radius: 4px; background: #fff; color: var(--fg); }
.toolbar input[type=search] { width: 260px; }
.toolbar select { max-width: 230px; }
.toolbar button, .pager button { cursor: pointer; }
.toolbar button:hover, .pager button:hover:not(:disabled) { border-color: var(--accent); color: var(--accent); }
.count { font-size: 13px; color: var(--muted); margin-left: auto; }
.pager { display: flex; gap: 8px; align-items: center; justify-content: flex-end; padding: 8px 0; font-size: 13px; color: var(--muted); }
.pairs td { font-size: 13px; }
tr.row { cursor: pointer; }
tr.row:hover { background: #f3f7fd; }
tr.row.open { background: #eaf1fb; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.where { white-space: nowrap; color: var(--muted); font-size: 12px; max-width: 220px; overflow: hidden; text-overflow: ellipsis; }
td.what { max-width: 640px; }
.what .title { font-weight: 600; }
.what .first { color: var(--muted); }
.badge { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 12px; color: #fff; white-space: nowrap; line-height: 18px; }
.v-good { background: #2e7d32; } .v-review { background: #ef8f00; } .v-bad { background: #d32f2f; }
.v-untranslated { background: #7b1fa2; } .v-mismatched { background: #8e1b1b; } .v-unpaired { background: #5c7080; }
.v-too-short { background: #98a6b3; } .v-nothing-to-translate { background: #b0bec5; color: #1d2430; }
.chip { display: inline-block; min-width: 18px; padding: 0 5px; margin-right: 3px; border-radius: 3px; font-size: 11px; line-height: 17px; text-align: center; color: #fff; }
.s-critical { background: var(--critical); } .s-major { background: var(--major); } .s-minor { background: var(--minor); color: #1d2430; } .s-info { background: var(--info); }
td.detail { background: #fbfcfe; padding: 10px 14px 16px; border-bottom: 2px solid #b9c7da; }
.detail .head { font-size: 13px; color: var(--muted); margin-bottom: 4px; overflow-wrap: anywhere; }
.pairing { font-size: 13px; padding: 8px 12px; background: #f1f5fa; border-radius: 6px; }
.pairing p { margin: 2px 0; }
.pairing ul { margin: 2px 0 2px; padding-left: 18px; }
.tag { display: inline-block; padding: 0 5px; margin: 1px 3px 1px 0; border: 1px solid #c9d4e2; border-radius: 3px; background: #fff; font-size: 12px; }
table.aligned { table-layout: fixed; margin-top: 4px; }
table.aligned th.idx, table.aligned td.idx { width: 34px; color: var(--muted); text-align: right; }
table.aligned td.en, table.aligned td.zh { width: 50%; line-height: 1.65; unicode-bidi: isolate; overflow-wrap: anywhere; }
table.aligned td.zh { font-size: 14.5px; }
table.aligned tr.bead td { border-bottom: none; }
table.aligned tr.bead-findings td { padding-top: 0; }
td.empty { color: var(--muted); font-style: italic; }
mark { background: #ffe9a8; color: inherit; border-bottom: 2px solid var(--minor); padding: 0 1px; border-radius: 2px; cursor: pointer; }
mark.m-critical { background: #fbd0d0; border-color: var(--critical); }
mark.m-major { background: #ffe0c7; border-color: var(--major); }
mark.m-info { background: #dcebfb; border-color: var(--info); }
mark.cp { background: transparent; border-bottom-style: dashed; }
mark.gap { background: none; border: none; color: var(--critical); font-weight: 700; padding: 0; }
mark.hl, .finding.hl { outline: 2px solid var(--accent); }
.ctl { font-size: 10px; color: #fff; background: #6a1b9a; border-radius: 2px; padding: 0 2px; margin: 0 1px; font-family: ui-monospace, monospace; }
.findings { margin: 0; padding: 0; list-style: none; }
.finding { border-left: 3px solid var(--minor); background: #fff; padding: 4px 10px; margin: 4px 0; border-radius: 0 4px 4px 0; font-size: 13px; box-shadow: 0 0 0 1px var(--line); }
.finding.f-critical { border-color: var(--critical); } .finding.f-major { border-color: var(--major); } .finding.f-info { border-color: var(--info); }
.finding .msg { margin-left: 4px; }
.finding .ev { color: var(--muted); font-size: 12px; margin-top: 2px; }
.finding .ev b { color: var(--fg); font-weight: 600; }
.finding .fix { margin-top: 2px; font-size: 12px; color: #1b5e20; }
.finding .fix .ctx { color: var(--muted); }
.finding .sugg { margin-top: 2px; font-size: 12px; color: #4a148c; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; background: #eef1f5; padding: 0 3px; border-radius: 3px; overflow-wrap: anywhere; }
del { background: #fdecea; } ins { background: #e3f4e4; text-decoration: none; }
a { color: var(--accent); }
.fulltext { white-space: pre-wrap; overflow-wrap: anywhere; }
`;

/** The page's script (plain ES2020, no template literals: it lives inside one). */
export const HTML_CLIENT_SCRIPT = String.raw`(function () {
'use strict';
var D = JSON.parse(document.getElementById('transcheck-data').textContent);
var PAGE = 100;
var vRank = {}; D.verdicts.forEach(function (v, i) { vRank[v] = i; });
var sRank = {}; D.severities.forEach(function (s, i) { sRank[s] = i; });
// Invisible characters that can reorder or hide text: direction controls, and C0/C1 controls but tab and newline.
var BIDI = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
var BIDI_ALL = /([\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069])/;

function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) put(e, String(text));
  return e;
}
// Text goes in as text nodes; control characters are shown as visible code points instead of reordering the line.
function put(parent, s) {
  if (!BIDI.test(s)) { parent.appendChild(document.createTextNode(s)); return parent; }
  s.split(BIDI_ALL).forEach(function (part, i) {
    if (i % 2 === 0) { if (part) parent.appendChild(document.createTextNode(part)); return; }
    var c = el('span', 'ctl');
    c.textContent = 'U+' + part.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    c.title = 'invisible control character';
    parent.appendChild(c);
  });
  return parent;
}
function add(parent) { for (var i = 1; i < arguments.length; i++) { var c = arguments[i]; if (c === null || c === undefined) continue; parent.appendChild(typeof c === 'string' ? put(document.createDocumentFragment(), c) : c); } return parent; }
// A message's backtick-quoted values become code elements.
function message(parent, m) {
  String(m).split('\u0060').forEach(function (part, i) { if (i % 2 === 1) add(parent, el('code', null, part)); else if (part) put(parent, part); });
  return parent;
}
function safeHref(h) { return /^(https?:|file:|\.{0,2}\/|[A-Za-z0-9_.-])/.test(h) && !/^\s*(javascript|data|vbscript):/i.test(h) ? h : null; }
function refText(r) {
  var s = r.file + ':' + r.lines[0] + (r.lines[1] !== r.lines[0] ? '\u2013' + r.lines[1] : '');
  if (r.id) s += ' [' + r.id + ']';
  return s;
}
function refEl(r) {
  var span = el('span', null, refText(r));
  if (r.title) add(span, ' \u201c' + r.title + '\u201d');
  return span;
}
function pct(x) { return Math.round(x * 100) + ' %'; }
function first(s, n) { s = s.replace(/\s+/g, ' ').trim(); return s.length > n ? s.slice(0, n) + '\u2026' : s; }

// Per-pair facts computed once: worst severity, counts by severity, checks.
var P = D.pairs;
P.forEach(function (p, i) {
  p.i = i;
  p.worst = 99;
  p.counts = {};
  p.checks = {};
  p.fs.forEach(function (f) {
    p.counts[f.sv] = (p.counts[f.sv] || 0) + 1;
    p.checks[f.k] = true;
    if (sRank[f.sv] < p.worst) p.worst = sRank[f.sv];
  });
});
var hay = null;
function haystack(i) {
  if (!hay) hay = new Array(P.length);
  if (hay[i] === undefined) {
    var p = P[i];
    hay[i] = [p.id, p.rid || '', p.t || '', D.files[p.f].file, p.zh, p.en || '', p.fs.map(function (f) { return f.k + ' ' + f.m; }).join('\n')].join('\n').toLowerCase();
  }
  return hay[i];
}

var state = { verdict: '', check: '', severity: '', file: '', q: '', sort: 'worst', dir: 1, page: 0 };
var open = {};

function matches(p) {
  if (state.verdict && p.v !== state.verdict) return false;
  if (state.file !== '' && String(p.f) !== state.file) return false;
  if (state.check || state.severity) {
    if (state.severity === 'none') { if (p.fs.length > 0) return false; }
    else {
      var max = state.severity ? sRank[state.severity] : 99;
      var ok = p.fs.some(function (f) { return (!state.check || f.k === state.check) && sRank[f.sv] <= max; });
      if (!ok) return false;
    }
  }
  if (state.q && haystack(p.i).indexOf(state.q) < 0) return false;
  return true;
}
var SORTS = {
  worst: function (a, b) { return vRank[a.v] - vRank[b.v] || a.s - b.s || a.worst - b.worst || a.i - b.i; },
  score: function (a, b) { return a.s - b.s || a.i - b.i; },
  findings: function (a, b) { return b.fs.length - a.fs.length || a.worst - b.worst || a.i - b.i; },
  file: function (a, b) { return a.f - b.f || a.l[0] - b.l[0] || a.i - b.i; },
  confidence: function (a, b) { return a.c - b.c || a.i - b.i; }
};
function visible() {
  var rows = P.filter(matches);
  var cmp = SORTS[state.sort];
  rows.sort(function (a, b) { return state.dir * cmp(a, b); });
  return rows;
}

// ---- summary: notes, errors, files ----
function renderNotes() {
  var box = document.getElementById('notes');
  if (D.limitations.length) {
    var n = el('div', 'notes'); add(n, el('strong', null, 'Not covered by this run'));
    var ul = el('ul'); D.limitations.forEach(function (l) { add(ul, message(el('li'), l)); }); add(n, ul); add(box, n);
  }
  if (D.llm) {
    var u = D.llm;
    add(box, el('p', 'notes', 'LLM judge (' + u.model + '): ' + u.calls + ' calls, ' + u.cachedPairs + ' pairs from cache, ' + u.promptTokens + ' prompt + ' + u.completionTokens + ' completion tokens, ' + (u.priceUnknown ? 'cost unknown (no price for ' + u.model + ')' : 'about $' + u.costUsd.toFixed(4)) + '; ' + u.failures + ' failures, ' + u.unjudged + ' pairs unjudged.'));
  }
  var fileNotes = [];
  D.files.forEach(function (f) {
    f.notes.forEach(function (n) { fileNotes.push(f.file + ': ' + n); });
    if (f.dropped) fileNotes.push(f.file + ': ' + f.dropped + ' line(s) of page boilerplate not audited (listed in its Markdown report)');
  });
  if (fileNotes.length) {
    var fn = el('details', 'notes'); add(fn, el('summary', null, 'Notes on the inputs (' + fileNotes.length + ')'));
    var ul3 = el('ul'); fileNotes.forEach(function (x) { add(ul3, el('li', null, x)); }); add(fn, ul3); add(box, fn);
  }
  if (D.omitted) {
    add(box, el('div', 'notes errors', 'This page holds the ' + P.length + ' worst translations of the run; ' + D.omitted + ' more (the best by verdict and score) are left out to keep the page fast. The charts count them all; the JSON reports hold every one.'));
  }
  var errs = D.errors.slice();
  D.files.forEach(function (f) { f.errors.forEach(function (e) { errs.push(e); }); });
  if (errs.length) {
    var e = el('div', 'notes errors'); add(e, el('strong', null, 'Input errors'));
    var ul2 = el('ul'); errs.forEach(function (x) { add(ul2, el('li', null, x)); }); add(e, ul2); add(box, e);
  }
}
function chips(counts) {
  var f = document.createDocumentFragment();
  D.severities.forEach(function (s) { if (counts[s]) { var c = el('span', 'chip s-' + s, counts[s]); c.title = counts[s] + ' ' + s; add(f, c); } });
  return f;
}
function renderFiles() {
  var box = document.getElementById('files');
  var t = el('table', 'files');
  var h = el('tr');
  ['file', 'layout', 'translations', 'verdicts', 'findings'].forEach(function (c) { add(h, el('th', c === 'translations' ? 'num' : null, c)); });
  add(t, add(el('thead'), h));
  var body = el('tbody');
  D.files.forEach(function (f, i) {
    var tr = el('tr', 'file-row');
    tr.title = 'Show only this file';
    var tcount = D.verdicts.reduce(function (n, v) { return n + (f.summary.byVerdict[v] || 0); }, 0);
    var vs = el('td');
    D.verdicts.forEach(function (v) { if (f.summary.byVerdict[v]) { add(vs, el('span', 'badge v-' + v, f.summary.byVerdict[v] + ' ' + v), ' '); } });
    add(tr, el('td', null, f.file), el('td', null, f.layout + ', ' + f.encoding), el('td', 'num', tcount), vs, add(el('td'), chips(f.summary.bySeverity)));
    tr.addEventListener('click', function () { setFilter('file', String(i)); });
    add(body, tr);
  });
  add(t, body);
  add(box, el('h2', null, D.files.length === 1 ? 'Input' : 'Inputs (' + D.files.length + ')'), t);
}

function renderTerms() {
  if (!D.terminology.length) return;
  var box = document.getElementById('files');
  var d = el('details', 'terms');
  add(d, el('summary', null, 'Terminology across the corpus (' + (D.terminology.length + D.moreTerms) + ' terms rendered wrongly or in several ways)'));
  add(d, el('p', 'ev', 'Each translation counted once per rendering; \u2717 marks a known wrong rendering. Click a rendering to search for it.'));
  var t = el('table', 'files');
  var h = el('tr'); ['term', 'renderings (translations)', 'translations with a wrong rendering'].forEach(function (c) { add(h, el('th', null, c)); });
  add(t, add(el('thead'), h));
  var body = el('tbody');
  D.terminology.forEach(function (term) {
    var tr = el('tr');
    var r = el('td');
    term.renderings.forEach(function (x, i) {
      if (i) add(r, ', ');
      var a = el('span', 'rendering' + (x.accepted ? '' : ' wrong'), (x.accepted ? '' : '\u2717 ') + x.zh + ' (' + x.translations + ')');
      a.addEventListener('click', function () { ui.q.value = x.zh; setFilter('q', x.zh.toLowerCase()); document.getElementById('pairs').scrollIntoView(); });
      add(r, a);
    });
    add(tr, el('td', null, term.en), r, el('td', 'num', term.wrongTranslations));
    add(body, tr);
  });
  add(t, body); add(d, t);
  if (D.moreTerms) add(d, el('p', 'ev', D.moreTerms + ' more terms in the JSON reports.'));
  add(box, d);
}

// ---- the table of pairs ----
var ui = {};
var countEl = null;
function option(sel, value, label) { var o = el('option', null, label); o.value = value; add(sel, o); return o; }
function selectBox(name, label, options) {
  var l = el('label', null, label);
  var s = el('select'); s.name = name; s.id = 'filter-' + name;
  options.forEach(function (o) { option(s, o[0], o[1]); });
  s.addEventListener('change', function () { setFilter(name, s.value); });
  add(l, s); ui[name] = s; return l;
}
function renderToolbar(section) {
  add(section, el('h2', null, 'Translations'));
  var bar = el('div', 'toolbar');
  var q = el('input'); q.type = 'search'; q.id = 'search'; q.placeholder = 'Search text, id, title, file, message\u2026';
  var timer = null;
  q.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(function () { setFilter('q', q.value.trim().toLowerCase()); }, 150); });
  ui.q = q;
  add(bar, q);
  add(bar, selectBox('verdict', 'verdict', [['', 'all']].concat(D.verdicts.filter(function (v) { return D.summary.byVerdict[v]; }).map(function (v) { return [v, v + ' (' + D.summary.byVerdict[v] + ')']; }))));
  add(bar, selectBox('check', 'check', [['', 'all']].concat(Object.keys(D.summary.byCheck).map(function (c) { return [c, c + ' (' + D.summary.byCheck[c] + ')']; }))));
  add(bar, selectBox('severity', 'severity', [['', 'any'], ['critical', 'critical'], ['major', '\u2265 major'], ['minor', '\u2265 minor'], ['info', '\u2265 info'], ['none', 'no findings']]));
  if (D.files.length > 1) add(bar, selectBox('file', 'file', [['', 'all']].concat(D.files.map(function (f, i) { return [String(i), f.file]; }))));
  add(bar, selectBox('sort', 'sort', [['worst', 'worst first'], ['score', 'score'], ['findings', 'most findings'], ['confidence', 'pairing confidence'], ['file', 'file order']]));
  var reset = el('button', null, 'Reset'); reset.type = 'button'; reset.id = 'reset';
  reset.addEventListener('click', function () {
    state = { verdict: '', check: '', severity: '', file: '', q: '', sort: 'worst', dir: 1, page: 0 };
    Object.keys(ui).forEach(function (k) { ui[k].value = k === 'sort' ? 'worst' : ''; });
    draw();
  });
  add(bar, reset);
  countEl = el('span', 'count'); countEl.id = 'count';
  add(bar, countEl);
  add(section, bar);
}
// The view lives in the URL's fragment (#verdict=review&open=0:17), so a link can share it.
var HASH_KEYS = ['verdict', 'check', 'severity', 'file', 'q', 'sort'];
function readHash() {
  var byId = {};
  P.forEach(function (p) { byId[p.id] = p.i; });
  location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
    var i = kv.indexOf('=');
    if (i < 0) return;
    var k, v;
    try { k = decodeURIComponent(kv.slice(0, i)); v = decodeURIComponent(kv.slice(i + 1)); } catch (e) { return; }
    if (k === 'open' && byId[v] !== undefined) open[byId[v]] = true;
    else if (HASH_KEYS.indexOf(k) >= 0) state[k] = k === 'q' ? v.toLowerCase() : v;
  });
  if (!SORTS[state.sort]) state.sort = 'worst';
  HASH_KEYS.forEach(function (k) { if (ui[k]) ui[k].value = state[k]; });
  var first = Object.keys(open)[0];
  if (first !== undefined) {
    var at = visible().indexOf(P[first]);
    if (at >= 0) state.page = Math.floor(at / PAGE);
  }
  return first;
}
function writeHash() {
  var parts = [];
  HASH_KEYS.forEach(function (k) { if (state[k] && !(k === 'sort' && state[k] === 'worst')) parts.push(k + '=' + encodeURIComponent(state[k])); });
  Object.keys(open).forEach(function (i) { parts.push('open=' + encodeURIComponent(P[i].id)); });
  var target = parts.length ? '#' + parts.join('&') : location.pathname + location.search;
  try { history.replaceState(null, '', target); } catch (e) { /* some file:// settings refuse; the view still works */ }
}
function setFilter(name, value) {
  state[name] = value;
  if (name === 'sort') state.dir = 1;
  if (ui[name] && ui[name].value !== value) ui[name].value = value;
  state.page = 0;
  draw();
}
function pager(total) {
  var pages = Math.max(1, Math.ceil(total / PAGE));
  var box = el('div', 'pager');
  var prev = el('button', null, '\u2039 Previous'); prev.type = 'button'; prev.disabled = state.page === 0;
  var next = el('button', null, 'Next \u203a'); next.type = 'button'; next.disabled = state.page >= pages - 1;
  prev.addEventListener('click', function () { state.page--; draw(true); });
  next.addEventListener('click', function () { state.page++; draw(true); });
  add(box, 'Page ' + (state.page + 1) + ' of ' + pages, prev, next);
  return box;
}
var COLUMNS = [['#', 'file', 'num'], ['verdict', 'worst'], ['score', 'score', 'num'], ['findings', 'findings'], ['where', 'file'], ['translation', null], ['pairing', 'confidence', 'num']];
function draw(scroll) {
  var rows = visible();
  var section = document.getElementById('pairs');
  var old = document.getElementById('pair-table-box');
  var box = el('div'); box.id = 'pair-table-box';
  var from = state.page * PAGE;
  var shown = rows.slice(from, from + PAGE);
  countEl.textContent = (rows.length === P.length ? P.length + ' translations' : rows.length + ' of ' + P.length + ' translations') + (D.omitted ? ' (' + D.omitted + ' more in the JSON reports)' : '');
  var table = el('table', 'pairs'); table.id = 'pair-table';
  var hr = el('tr');
  COLUMNS.forEach(function (c) {
    var th = el('th', (c[2] || '') + (c[1] ? ' sortable' : ''), c[0]);
    if (c[1]) {
      if (state.sort === c[1]) add(th, el('span', 'dir', state.dir > 0 ? '\u25b2' : '\u25bc'));
      th.addEventListener('click', function () {
        if (state.sort === c[1]) state.dir = -state.dir; else { state.sort = c[1]; state.dir = 1; ui.sort.value = c[1]; }
        state.page = 0; draw();
      });
    }
    add(hr, th);
  });
  add(table, add(el('thead'), hr));
  var body = el('tbody');
  shown.forEach(function (p) {
    var tr = el('tr', 'row' + (open[p.i] ? ' open' : ''));
    tr.dataset.i = p.i; tr.tabIndex = 0;
    var f = D.files[p.f];
    var what = el('td', 'what');
    if (p.t) add(what, el('div', 'title', first(p.t, 120)));
    add(what, el('div', 'first', first(p.zh, 110)));
    var where = el('td', 'where', f.file.split(/[\\/]/).pop() + ':' + p.l[0]);
    where.title = f.file + ':' + p.l[0] + '\u2013' + p.l[1] + (p.rid ? ' [' + p.rid + ']' : '');
    add(tr, el('td', 'num', p.i + 1), add(el('td'), el('span', 'badge v-' + p.v, p.v)), el('td', 'num', p.role === 'untranslated' ? '\u2014' : p.s.toFixed(1)),
      add(el('td'), chips(p.counts)), where, what, el('td', 'num', p.or ? pct(p.c) : p.st));
    function toggle() { if (open[p.i]) delete open[p.i]; else open[p.i] = true; draw(); }
    tr.addEventListener('click', toggle);
    tr.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(); } });
    add(body, tr);
    if (open[p.i]) { var dr = el('tr', 'detail-row'); var td = el('td', 'detail'); td.colSpan = COLUMNS.length; add(td, detail(p)); add(dr, td); add(body, dr); }
  });
  add(table, body);
  if (rows.length === 0) add(box, el('p', 'empty', P.length ? 'No translation matches these filters.' : 'No translations in this run.'));
  else add(box, pager(rows.length), table, pager(rows.length));
  if (old) section.replaceChild(box, old); else add(section, box);
  writeHash();
  if (scroll) section.scrollIntoView();
}

// ---- one pair in detail ----
function pairing(p) {
  var box = el('div', 'pairing');
  var ev = p.ev;
  if (p.role === 'untranslated') add(box, el('p', null, 'The page claims this block is a translation, but it is English: the page shows the source where its translation should be.'));
  if (p.st === 'mismatched' && p.at) add(box, add(el('p'), el('strong', null, 'Mismatched: '), 'the input attaches this translation to ', refEl(p.at), ', which it does not translate.'));
  if (p.or) {
    add(box, add(el('p'), el('strong', null, 'Original: '), refEl(p.or)));
    add(box, el('p', null, 'Confidence ' + pct(p.c) + ' \u00b7 score ' + ev.score.toFixed(2) + ' \u00b7 margin ' + ev.margin.toFixed(2) + ' over the runner-up among ' + ev.candidates + ' candidates'));
    if (ev.confirmedBy) add(box, add(el('p'), 'Dictionary evidence alone was not conclusive; an LLM confirmed this pairing (', el('code', null, ev.confirmedBy), ').'));
  } else if (p.role !== 'untranslated') {
    add(box, add(el('p'), el('strong', null, 'Original: '), 'none found among ' + ev.candidates + ' candidates. Checks that need the English ran in target-only mode.'));
  }
  if (ev.anchors.length) { var a = add(el('p'), 'Shared anchors: '); ev.anchors.forEach(function (x) { add(a, el('span', 'tag', x)); }); add(box, a); }
  if (ev.terms.length) { var t = add(el('p'), 'Matched terms: '); ev.terms.forEach(function (x) { add(t, el('span', 'tag', x)); }); add(box, t); }
  function list(title, items, fn) { if (!items.length) return; add(box, el('p', null, title)); var ul = el('ul'); items.forEach(function (x) { add(ul, fn(x)); }); add(box, ul); }
  list('Closest candidates (none clearly ahead or close enough):', ev.best, function (b) { return add(el('li'), refEl(b.ref), ' \u2014 score ' + b.score.toFixed(2)); });
  list('Rejected candidates:', ev.rejected, function (b) { return add(el('li'), refEl(b.ref), ' \u2014 score ' + b.score.toFixed(2) + ', rejected because ' + b.reason); });
  list('Other versions of the same paper:', ev.versions, function (r) { return add(el('li'), refEl(r)); });
  list('Same text also at:', p.dup || [], function (r) { return add(el('li'), refEl(r)); });
  return box;
}
function sideText(p, side) { return side === 'source' ? (p.en || '') : p.zh; }
// Text of [start, end) with the findings' ranges marked; overlapping ranges split into pieces.
function marked(text, start, end, ranges) {
  var frag = document.createDocumentFragment();
  var own = ranges.filter(function (r) { return r.s < end && r.e > start || (r.s === r.e && r.s >= start && r.s < end); });
  var cuts = [start, end];
  own.forEach(function (r) { cuts.push(Math.max(start, r.s), Math.min(end, r.e)); });
  cuts = cuts.filter(function (c, i, a) { return a.indexOf(c) === i; }).sort(function (a, b) { return a - b; });
  for (var k = 0; k < cuts.length; k++) {
    var at = cuts[k];
    own.forEach(function (r) { if (r.s === r.e && r.s === at) { var g = el('mark', 'gap', '\u2038'); g.dataset.fi = String(r.fi); g.title = r.f.m; add(frag, g); } });
    if (k === cuts.length - 1) break;
    var to = cuts[k + 1];
    var piece = text.slice(at, to);
    var cover = own.filter(function (r) { return r.s < r.e && r.s <= at && r.e >= to; });
    if (!cover.length) { put(frag, piece); continue; }
    var worst = cover.reduce(function (w, r) { return sRank[r.f.sv] < sRank[w.f.sv] ? r : w; }, cover[0]);
    var m = el('mark', 'm-' + worst.f.sv + (cover.every(function (r) { return r.cp; }) ? ' cp' : ''), piece);
    m.dataset.fi = cover.map(function (r) { return r.fi; }).join(' ');
    m.title = cover.map(function (r) { return (r.cp ? 'the other side of: ' : '') + r.f.sv + ' ' + r.f.k + ': ' + r.f.m; }).join('\n');
    add(frag, m);
  }
  return frag;
}
// A fix as a reviewer reads it: the changed part only. Same-length substitutions (half-width to
// full-width punctuation, traditional to simplified) are listed as character changes with counts.
function fixLine(from, to) {
  var box = el('div', 'fix');
  add(box, el('b', null, 'Fix: '));
  // Short fixes read best whole; long ones are cut down to what changes.
  var whole = from.length <= 40 && to.length <= 40;
  var a = 0;
  while (!whole && a < from.length && a < to.length && from[a] === to[a]) a++;
  var z = 0;
  while (!whole && z < from.length - a && z < to.length - a && from[from.length - 1 - z] === to[to.length - 1 - z]) z++;
  var del = from.slice(a, from.length - z), ins = to.slice(a, to.length - z);
  var changes = [];
  if (from.length === to.length && del.length > 40) {
    var counts = {};
    for (var i = 0; i < del.length; i++) if (del[i] !== ins[i]) { var key = del[i] + '\u0000' + ins[i]; counts[key] = (counts[key] || 0) + 1; }
    changes = Object.keys(counts);
    if (changes.length <= 12) {
      add(box, 'replace ');
      changes.forEach(function (k, j) {
        var parts = k.split('\u0000');
        if (j) add(box, ', ');
        add(box, el('del', null, parts[0]), ' \u2192 ', el('ins', null, parts[1]), counts[k] > 1 ? ' \u00d7' + counts[k] : '');
      });
      add(box, ' (safe fix: transcheck fix applies it)');
      return box;
    }
  }
  var cut = function (s) { return s.length > 120 ? s.slice(0, 120) + '\u2026' : s; };
  var before = from.slice(Math.max(0, a - 8), a);
  add(box, 'replace ', before ? el('span', 'ctx', (a > 8 ? '\u2026' : '') + before) : null, el('del', null, cut(del) || '\u2205'), ' with ', el('ins', null, cut(ins) || '\u2205'), ' (safe fix: transcheck fix applies it)');
  return box;
}
function findingCard(p, f, fi) {
  var li = el('li', 'finding f-' + f.sv);
  li.dataset.fi = String(fi);
  var head = el('div');
  add(head, el('span', 'chip s-' + f.sv, f.sv), ' ');
  var href = safeHref(/^https?:/.test(f.d) ? f.d : D.docsBase + '/' + f.d);
  var name = el(href ? 'a' : 'strong', null, f.k);
  if (href) { name.setAttribute('href', href); name.title = 'What this check does'; }
  add(head, name, ' ', el('span', 'ev', '(' + f.cat + (f.o === 'judge' ? ', LLM judge' : f.o === 'both' ? ', checks and LLM judge' : '') + ')'));
  add(head, message(el('span', 'msg'), f.m));
  add(li, head);
  var ev = el('div', 'ev');
  if (f.a !== undefined) add(ev, el('b', null, 'found '), el('code', null, f.a), ' ');
  if (f.e !== undefined) add(ev, el('b', null, 'expected '), el('code', null, f.e), ' ');
  if (f.r) add(ev, el('span', null, ' at ' + f.sd + (f.r[1] - f.r[0] > 1 ? ' characters ' + (f.r[0] + 1) + '\u2013' + f.r[1] : ' character ' + (f.r[0] + 1))));
  if (f.n) add(ev, el('div', null, 'Note: ' + f.n));
  if (ev.childNodes.length) add(li, ev);
  if (f.fx) add(li, fixLine(sideText(p, f.fx.side).slice(f.fx.range[0], f.fx.range[1]), f.fx.text));
  if (f.sg !== undefined) add(li, add(el('div', 'sugg'), el('b', null, 'Suggestion: '), f.sg, ' (not applied automatically)'));
  li.addEventListener('mouseenter', function () { hl(li, fi, true); });
  li.addEventListener('mouseleave', function () { hl(li, fi, false); });
  return li;
}
function hl(scope, fi, on) {
  var root = scope.closest('td.detail');
  if (!root) return;
  root.querySelectorAll('mark').forEach(function (m) { if ((' ' + m.dataset.fi + ' ').indexOf(' ' + fi + ' ') >= 0) m.classList.toggle('hl', on); });
}
function detail(p) {
  var box = document.createDocumentFragment();
  var f = D.files[p.f];
  var head = el('div', 'head', 'Block ' + p.id + ' \u00b7 ' + f.file + ':' + p.l[0] + '\u2013' + p.l[1] + (p.rid ? ' \u00b7 ' + p.rid : '') + ' \u00b7 verdict ' + p.v + (p.vr ? ' (' + p.vr + ')' : '') + (p.role === 'untranslated' ? '' : ' \u00b7 score ' + p.s.toFixed(1) + ' \u00b7 MQM penalty ' + p.p));
  add(box, head);
  if (p.t) add(box, el('div', 'title', p.t));
  add(box, el('h4', null, 'Pairing'), pairing(p));
  // Findings with a range are shown at their span; a finding goes under the bead that holds its sentence or range start.
  var ranges = { source: [], target: [] };
  p.fs.forEach(function (x, fi) { if (x.r && ranges[x.sd]) ranges[x.sd].push({ s: x.r[0], e: x.r[1], fi: fi, f: x }); });
  var placed = {};
  var beads = p.b.length ? p.b : (p.en ? [] : p.zs.map(function (_, k) { return [[], [k]]; }));
  var findingIds = p.fs.map(function (_, fi) { return fi; });
  add(box, el('h4', null, p.en ? 'Aligned sentences' : 'Sentences'));
  var table = el('table', 'aligned');
  var hr = el('tr'); add(hr, el('th', 'idx', '#'));
  if (p.en) add(hr, el('th', null, 'English'));
  add(hr, el('th', null, p.role === 'untranslated' ? 'Text (English where a translation should be)' : 'Chinese'));
  add(table, add(el('thead'), hr));
  var body = el('tbody');
  function cell(cls, side, idx, sents, extra) {
    var td = el('td', cls);
    var text = sideText(p, side);
    if (!idx.length) { td.classList.add('empty'); td.textContent = '(nothing)'; return td; }
    var rs = ranges[side].concat(extra);
    idx.forEach(function (k, j) { var s = sents[k]; if (!s) return; if (j) add(td, ' '); add(td, marked(text, s[0], s[1], rs)); });
    return td;
  }
  function inBead(x, bead) {
    var idx = x.sd === 'source' ? bead[0] : x.sd === 'target' ? bead[1] : [];
    var sents = x.sd === 'source' ? p.es : p.zs;
    if (x.se !== undefined) return idx.indexOf(x.se) >= 0;
    if (!x.r) return false;
    return idx.some(function (k) { var s = sents[k]; return s && x.r[0] >= s[0] && (x.r[0] < s[1] || (x.r[0] === s[1] && x.r[1] === s[1])); });
  }
  // The other side of a finding: the first of the values it names (expected text, source term or
  // number) found in the bead's sentences on the other side, as a whole word or number.
  function counterpart(x, fi, bead) {
    if (!x.cv || !p.en) return null;
    var side = x.sd === 'target' ? 'source' : 'target';
    var text = sideText(p, side);
    var idx = side === 'source' ? bead[0] : bead[1];
    var sents = side === 'source' ? p.es : p.zs;
    for (var v = 0; v < x.cv.length; v++) {
      var needle = x.cv[v];
      var lower = /[A-Za-z]/.test(needle);
      for (var j = 0; j < idx.length; j++) {
        var s = sents[idx[j]]; if (!s) continue;
        var hay = text.slice(s[0], s[1]);
        if (lower) { hay = hay.toLowerCase(); needle = needle.toLowerCase(); }
        var from = 0, at;
        while ((at = hay.indexOf(needle, from)) >= 0) {
          var before = hay[at - 1] || ' ', after = hay[at + needle.length] || ' ';
          if (!/[A-Za-z0-9.]/.test(before) && !/[A-Za-z0-9]/.test(after) && !(/[0-9]/.test(needle) && after === '.' && /[0-9]/.test(hay[at + needle.length + 1] || ''))) {
            return { side: side, r: { s: s[0] + at, e: s[0] + at + needle.length, fi: fi, f: x, cp: true } };
          }
          from = at + 1;
        }
      }
    }
    return null;
  }
  beads.forEach(function (bead, bi) {
    var own = findingIds.filter(function (fi) { return !placed[fi] && inBead(p.fs[fi], bead); });
    var extra = { source: [], target: [] };
    own.forEach(function (fi) { var c = counterpart(p.fs[fi], fi, bead); if (c) extra[c.side].push(c.r); });
    var tr = el('tr', 'bead');
    add(tr, el('td', 'idx', bi + 1));
    if (p.en) add(tr, cell('en', 'source', bead[0], p.es, extra.source));
    add(tr, cell('zh', 'target', bead[1], p.zs, extra.target));
    add(body, tr);
    if (own.length) {
      own.sort(function (a, b) { return sRank[p.fs[a].sv] - sRank[p.fs[b].sv] || a - b; });
      var fr = el('tr', 'bead-findings'); add(fr, el('td'));
      var td = el('td'); td.colSpan = p.en ? 2 : 1;
      var ul = el('ul', 'findings');
      own.forEach(function (fi) { placed[fi] = true; add(ul, findingCard(p, p.fs[fi], fi)); });
      add(td, ul); add(fr, td); add(body, fr);
    }
  });
  if (!beads.length) {
    var tr = el('tr', 'bead'); add(tr, el('td', 'idx', '1'));
    if (p.en) { var e = el('td', 'en fulltext'); add(e, marked(p.en, 0, p.en.length, ranges.source)); add(tr, e); }
    var z = el('td', 'zh fulltext'); add(z, marked(p.zh, 0, p.zh.length, ranges.target)); add(tr, z);
    add(body, tr);
  }
  add(table, body);
  add(box, table);
  var rest = findingIds.filter(function (fi) { return !placed[fi]; });
  if (rest.length) {
    rest.sort(function (a, b) { return sRank[p.fs[a].sv] - sRank[p.fs[b].sv] || a - b; });
    add(box, el('h4', null, beads.length ? 'Findings on the whole pair' : 'Findings'));
    var ul = el('ul', 'findings');
    rest.forEach(function (fi) { add(ul, findingCard(p, p.fs[fi], fi)); });
    add(box, ul);
  }
  if (!p.fs.length) add(box, el('p', 'empty', 'No findings.'));
  return box;
}

// Marks in a detail: a click shows the finding it belongs to.
document.addEventListener('click', function (e) {
  var m = e.target.closest && e.target.closest('td.detail mark');
  if (!m) return;
  e.stopPropagation();
  var root = m.closest('td.detail');
  var ids = String(m.dataset.fi).split(' ');
  root.querySelectorAll('.finding').forEach(function (c) { c.classList.toggle('hl', ids.indexOf(c.dataset.fi) >= 0); });
  var card = root.querySelector('.finding[data-fi="' + ids[0] + '"]');
  if (card) card.scrollIntoView({ block: 'nearest' });
}, true);
document.querySelectorAll('.chart .bar').forEach(function (g) {
  function go() {
    var f = g.getAttribute('data-filter'); var k = f.indexOf(':');
    setFilter(f.slice(0, k), f.slice(k + 1));
    document.getElementById('pairs').scrollIntoView();
  }
  g.addEventListener('click', go);
  g.addEventListener('keydown', function (e) { if (e.key === 'Enter') go(); });
});

renderNotes();
renderFiles();
renderTerms();
renderToolbar(document.getElementById('pairs'));
var linked = readHash();
draw();
if (linked !== undefined) { var row = document.querySelector('#pair-table tr.row[data-i="' + linked + '"]'); if (row) row.scrollIntoView(); }
document.documentElement.setAttribute('data-ready', String(Math.round(performance.now())));
})();
`;
