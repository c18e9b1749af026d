// The HTML report: one self-contained page for the whole run (reports/index.html). Pure (run → string):
// the data travels as escaped JSON in the page and a small inline script renders it with DOM APIs.
import { createHash } from 'node:crypto';
import type { BlockRef, FileResult, Finding, IdentifiedBlock, PairResult, RunResult, Severity, Summary, Verdict } from '../core/types.js';
import { SEVERITY_ORDER, VERDICT_ORDER } from '../pipeline/summarize.js';
import { htmlText } from './escape.js';
import { HTML_CLIENT_SCRIPT, HTML_STYLE } from './html-assets.js';

/** Options of the HTML reporter. */
export interface HtmlOptions {
  /** Path from the report folder to the docs folder (links to check pages). */
  docsBase: string;
  /** Most translations the page holds (the worst first); default HTML_MAX_PAIRS. */
  maxPairs?: number;
}

/**
 * Most translations one page holds: about 3.5 KB each, 20,000 make a 70 MB page that Chromium opened
 * in 2-3 s (bench/html.ts). Past it the page keeps the worst ones, says so, and the JSON keeps all.
 */
export const HTML_MAX_PAIRS = 20_000;

/** A block reference in the page data: file, first and last line, record id, title. */
export interface HtmlRef {
  file: string;
  lines: [number, number];
  id?: string;
  title?: string;
}

/** A finding in the page data (short keys: the page carries one per finding, thousands of them). */
export interface HtmlFinding {
  /** check id */
  k: string;
  /** severity */
  sv: Severity;
  /** MQM category */
  cat: string;
  /** side: source, target or pair */
  sd: string;
  /** 0-based sentence index on that side, when the finding concerns one */
  se?: number;
  /** [start, end) 0-based UTF-16 offsets into that side's normalized text */
  r?: [number, number];
  /** message */
  m: string;
  /** evidence: actual, expected, note */
  a?: string;
  e?: string;
  n?: string;
  /** safe fix: side, range, replacement */
  fx?: { side: string; range: [number, number]; text: string };
  /** suggestion never applied automatically */
  sg?: string;
  /** values the finding names (its message data) that may be found on the other side of the pair */
  cv?: string[];
  /** docs page: a URL, or a path relative to the docs folder */
  d: string;
  /** origin: heuristic, judge or both */
  o: string;
}

/** One pair in the page data. */
export interface HtmlPair {
  /** index into `files` */
  f: number;
  /** translation block id */
  id: string;
  /** translation's lines */
  l: [number, number];
  /** title and record id of the translation, if any */
  t?: string;
  rid?: string;
  /** verdict, score (0-100), MQM penalty */
  v: Verdict;
  /** why the verdict is review or bad */
  vr?: string;
  s: number;
  p: number;
  /** translation role (`untranslated` blocks are English where a translation should be) */
  role: string;
  /** target-only mode (no original) */
  to: boolean;
  /** Chinese text and English text (normalized; offsets refer to these) */
  zh: string;
  en?: string;
  /** sentences as [start, end) offsets, per side */
  zs: Array<[number, number]>;
  es: Array<[number, number]>;
  /** beads: [English sentence indices, Chinese sentence indices] */
  b: Array<[number[], number[]]>;
  /** pairing: status, confidence, original, attached original, evidence */
  st: string;
  c: number;
  or?: HtmlRef;
  at?: HtmlRef;
  ev: {
    score: number;
    margin: number;
    candidates: number;
    anchors: string[];
    terms: string[];
    best: Array<{ ref: HtmlRef; score: number }>;
    rejected: Array<{ ref: HtmlRef; score: number; reason: string }>;
    versions: HtmlRef[];
    confirmedBy?: string;
  };
  fs: HtmlFinding[];
  /** other places where the same text occurs */
  dup?: HtmlRef[];
}

/** Everything the page's script renders. */
export interface HtmlData {
  tool: string;
  schema: string;
  config: string;
  prompts: string[];
  limitations: string[];
  errors: string[];
  docsBase: string;
  verdicts: readonly Verdict[];
  severities: readonly Severity[];
  summary: Summary;
  files: Array<{ file: string; layout: string; encoding: string; summary: Summary; notes: string[]; errors: string[]; dropped: number }>;
  pairs: HtmlPair[];
  /** Translations of the run left out of the page (past maxPairs, the best ones). */
  omitted: number;
  /** Glossary terms rendered wrongly or in several ways across the run, worst first (at most TERMS_MAX). */
  terminology: NonNullable<RunResult['terminology']>;
  /** More terms than shown. */
  moreTerms: number;
  llm?: RunResult['llm'];
}

/** Anchors and matched terms shown per pair (the JSON report keeps them all). */
const EVIDENCE_LIST_MAX = 12;
/** Corpus-wide terminology rows shown (the JSON report keeps them all). */
const TERMS_MAX = 200;
/** Closest candidates shown for an unpaired translation. */
const BEST_MAX = 5;

function ref(r: BlockRef | IdentifiedBlock): HtmlRef {
  // A BlockRef's `id` is the record id; a block's `id` is its block id and `recordId` the record's.
  const id = 'block' in r ? r.id : r.recordId;
  return {
    file: r.file,
    lines: [r.lines[0], r.lines[1]],
    ...(id !== undefined ? { id } : {}),
    ...(r.title !== undefined ? { title: r.title } : {}),
  };
}

/** Counterpart values shown on the other side: the expected text and the message's values, short ones. */
function counterparts(f: Finding): string[] {
  const values = [f.expected, ...Object.values(f.data)].filter((v): v is string | number => v !== undefined).map(String);
  const out = [...new Set(values)].filter((v) => v.trim() !== '' && v.length <= 60 && v !== f.actual && !v.includes('`'));
  return out.slice(0, 4);
}

function finding(f: Finding): HtmlFinding {
  const cv = f.side === 'pair' ? [] : counterparts(f);
  return {
    k: f.check,
    sv: f.severity,
    cat: f.category,
    sd: f.side,
    ...(f.sentence !== undefined ? { se: f.sentence } : {}),
    ...(f.range ? { r: [f.range[0], f.range[1]] as [number, number] } : {}),
    m: f.message,
    ...(f.actual !== undefined ? { a: f.actual } : {}),
    ...(f.expected !== undefined ? { e: f.expected } : {}),
    ...(f.note !== undefined ? { n: f.note } : {}),
    ...(f.fix ? { fx: { side: f.fix.side, range: [f.fix.range[0], f.fix.range[1]] as [number, number], text: f.fix.text } } : {}),
    ...(f.suggestion !== undefined ? { sg: f.suggestion } : {}),
    ...(cv.length > 0 ? { cv } : {}),
    // A docs URL stays whole; a docs path is taken from the docs folder.
    d: /^https?:/.test(f.docs) ? f.docs : f.docs.replace(/^docs\//, ''),
    o: f.origin,
  };
}

function pairData(r: PairResult, fileIndex: number, duplicates: Record<string, Array<{ file: string; lines: [number, number] }>>): HtmlPair {
  const { pair } = r;
  const t = pair.translation;
  const ev = pair.evidence;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const dup = duplicates[t.id];
  return {
    f: fileIndex,
    id: t.id,
    l: [t.lines[0], t.lines[1]],
    ...(t.title !== undefined ? { t: t.title } : {}),
    ...(t.recordId !== undefined ? { rid: t.recordId } : {}),
    v: r.verdict,
    ...(r.verdictReason !== undefined ? { vr: r.verdictReason } : {}),
    s: Math.round(r.score * 10) / 10,
    p: Math.round(r.penalty * 100) / 100,
    role: t.role,
    to: r.targetOnly,
    zh: t.text,
    ...(pair.original ? { en: pair.original.text } : {}),
    zs: r.targetSentences.map((s) => [s.start, s.end] as [number, number]),
    es: r.sourceSentences.map((s) => [s.start, s.end] as [number, number]),
    b: r.beads.map((b) => [b.en, b.zh] as [number[], number[]]),
    st: pair.status,
    c: round(pair.confidence),
    ...(pair.original ? { or: ref(pair.original) } : {}),
    ...(pair.attached ? { at: ref(pair.attached) } : {}),
    ev: {
      score: round(ev.score),
      margin: round(ev.margin),
      candidates: ev.candidates,
      anchors: ev.anchors.slice(0, EVIDENCE_LIST_MAX),
      terms: ev.terms.slice(0, EVIDENCE_LIST_MAX),
      // The closest candidates matter where no original was taken; a paired translation shows its own.
      best: pair.original ? [] : ev.best.slice(0, BEST_MAX).map((b) => ({ ref: ref(b.original), score: round(b.score) })),
      rejected: (ev.rejected ?? []).map((x) => ({ ref: ref(x.original), score: round(x.score), reason: x.reason })),
      versions: (ev.versions ?? []).map(ref),
      ...(ev.confirmedBy !== undefined ? { confirmedBy: ev.confirmedBy } : {}),
    },
    fs: r.findings.map(finding),
    ...(dup && dup.length > 0 ? { dup: dup.map((d) => ({ file: d.file, lines: [d.lines[0], d.lines[1]] as [number, number] })) } : {}),
  };
}

/** The data the page renders: every pair of every file, texts included. */
export function htmlData(run: RunResult, options: HtmlOptions): HtmlData {
  const { data, kept } = htmlDataParts(run, options);
  return { ...data, pairs: kept.map(({ r, i }) => pairData(r, i, (run.files[i] as FileResult).duplicates)) };
}

/**
 * The page's data without its pairs, and the pairs it keeps (rendered one at a time by the streaming
 * writer, so that a page of 20,000 pairs is never one object and one string in memory at once).
 */
function htmlDataParts(run: RunResult, options: HtmlOptions): { data: HtmlData; kept: Array<{ r: PairResult; i: number }> } {
  const all = run.files.flatMap((f, i) => f.pairs.map((r, n) => ({ r, i, n })));
  const max = options.maxPairs ?? HTML_MAX_PAIRS;
  let kept = all;
  if (all.length > max) {
    // Too many for one page: keep the worst (verdict order, then score), shown in run order.
    const rank = (x: (typeof all)[number]) => VERDICT_ORDER.indexOf(x.r.verdict);
    const order = all.map((x, k) => ({ x, k })).sort((a, b) => rank(a.x) - rank(b.x) || a.x.r.score - b.x.r.score || a.k - b.k);
    const keep = new Set(order.slice(0, max).map((o) => o.k));
    kept = all.filter((_, k) => keep.has(k));
  }
  const data: HtmlData = {
    tool: `${run.tool.name} ${run.tool.version}`,
    schema: run.schemaVersion,
    config: run.configHash,
    prompts: run.promptVersions,
    limitations: run.limitations,
    errors: run.errors.map((e) => e.message),
    docsBase: options.docsBase,
    verdicts: VERDICT_ORDER,
    severities: SEVERITY_ORDER,
    summary: run.summary,
    files: run.files.map((f) => ({
      file: f.file,
      layout: f.layout,
      encoding: f.encoding,
      summary: f.summary,
      notes: f.notes,
      errors: f.errors.map((e) => e.message),
      dropped: f.dropped.length,
    })),
    pairs: [],
    omitted: all.length - kept.length,
    terminology: (run.terminology ?? []).slice(0, TERMS_MAX),
    moreTerms: Math.max(0, (run.terminology ?? []).length - TERMS_MAX),
    ...(run.llm ? { llm: run.llm } : {}),
  };
  return { data, kept: kept.map(({ r, i }) => ({ r, i })) };
}

/**
 * JSON that is safe inside a `<script>` element whatever the texts hold: `<`, `>` and `&` as \u escapes
 * (no `</script>` or `<!--` can end or bend the element), U+2028/U+2029 escaped too.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Colours of verdicts and severities (also used by the page's CSS classes). */
export const VERDICT_COLOURS: Record<Verdict, string> = {
  mismatched: '#8e1b1b',
  untranslated: '#7b1fa2',
  bad: '#d32f2f',
  review: '#ef8f00',
  unpaired: '#5c7080',
  'too-short': '#98a6b3',
  'nothing-to-translate': '#b0bec5',
  good: '#2e7d32',
};
export const SEVERITY_COLOURS: Record<Severity, string> = {
  critical: '#b71c1c',
  major: '#e65100',
  minor: '#f2b200',
  info: '#1e88e5',
};

const BAR_WIDTH = 260;
const ROW_HEIGHT = 22;
const LABEL_WIDTH = 150;

/** A horizontal bar chart as inline SVG: one row per label, stacked segments, clickable via data-*. */
function barChart(
  title: string,
  rows: Array<{ label: string; filter: string; segments: Array<{ value: number; colour: string; name: string }> }>,
): string {
  const max = Math.max(1, ...rows.map((r) => r.segments.reduce((n, s) => n + s.value, 0)));
  const height = rows.length * ROW_HEIGHT + 4;
  const width = LABEL_WIDTH + BAR_WIDTH + 60;
  const body = rows
    .map((row, i) => {
      const y = i * ROW_HEIGHT + 2;
      const total = row.segments.reduce((n, s) => n + s.value, 0);
      let x = LABEL_WIDTH;
      const segments = row.segments
        .filter((s) => s.value > 0)
        .map((s) => {
          const w = Math.max(1, (s.value / max) * BAR_WIDTH);
          const rect = `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW_HEIGHT - 8}" fill="${s.colour}"><title>${htmlText(`${row.label}: ${s.value} ${s.name}`)}</title></rect>`;
          x += w;
          return rect;
        })
        .join('');
      return (
        `<g class="bar" data-filter="${htmlText(row.filter)}" tabindex="0" role="button" aria-label="${htmlText(`${row.label}: ${total}`)}">` +
        `<rect class="hit" x="0" y="${y}" width="${width}" height="${ROW_HEIGHT}" fill="transparent"/>` +
        `<text x="${LABEL_WIDTH - 8}" y="${y + ROW_HEIGHT / 2 + 4}" text-anchor="end">${htmlText(row.label)}</text>` +
        segments +
        `<text x="${(x + 6).toFixed(1)}" y="${y + ROW_HEIGHT / 2 + 4}" class="n">${total}</text></g>`
      );
    })
    .join('');
  return `<figure class="chart"><figcaption>${htmlText(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${htmlText(title)}">${body}</svg></figure>`;
}

/** The verdict and check distribution charts of the run. */
export function summaryCharts(run: RunResult): string {
  const s = run.summary;
  const anyVerdict = VERDICT_ORDER.some((v) => s.byVerdict[v] > 0);
  const verdicts = !anyVerdict
    ? '<figure class="chart"><figcaption>Verdicts</figcaption><p>No translations in this run.</p></figure>'
    : barChart(
        'Verdicts (translations)',
        VERDICT_ORDER.filter((v) => s.byVerdict[v] > 0).map((v) => ({
          label: v,
          filter: `verdict:${v}`,
          segments: [{ value: s.byVerdict[v], colour: VERDICT_COLOURS[v], name: 'translations' }],
        })),
      );
  // Findings by check, split by severity: what fails most, and how badly.
  const byCheck = new Map<string, Record<Severity, number>>();
  for (const f of run.files)
    for (const p of f.pairs)
      for (const x of p.findings) {
        const row = byCheck.get(x.check) ?? { critical: 0, major: 0, minor: 0, info: 0 };
        row[x.severity]++;
        byCheck.set(x.check, row);
      }
  const checkRows = [...byCheck.entries()]
    .map(([check, counts]) => ({ check, counts, total: SEVERITY_ORDER.reduce((n, sev) => n + counts[sev], 0) }))
    .sort((a, b) => b.total - a.total || a.check.localeCompare(b.check));
  const checks =
    checkRows.length > 0
      ? barChart(
          'Findings by check and severity',
          checkRows.map((r) => ({
            label: r.check,
            filter: `check:${r.check}`,
            segments: SEVERITY_ORDER.map((sev) => ({ value: r.counts[sev], colour: SEVERITY_COLOURS[sev], name: sev })),
          })),
        )
      : '<figure class="chart"><figcaption>Findings by check</figcaption><p>No findings.</p></figure>';
  const legend = SEVERITY_ORDER.map(
    (sev) => `<span class="legend"><i style="background:${SEVERITY_COLOURS[sev]}"></i>${sev} ${s.bySeverity[sev]}</span>`,
  ).join(' ');
  return `<div class="charts">${verdicts}<div>${checks}<p class="legends">${legend}</p></div></div>`;
}

/** Renders the run's HTML report (reports/index.html): self-contained, works from file://. */
export function renderHtml(run: RunResult, options: HtmlOptions): string {
  return [...renderHtmlChunks(run, options)].join('');
}

/** Marks where the pairs go in the page's data while the rest of it is serialized. */
const PAIRS_SLOT = '\u0000pairs\u0000';

/**
 * The same page in chunks, byte for byte what `renderHtml` returns: the page up to its data, the data
 * one pair at a time, the rest. A page of 20,000 pairs (about 100 MB) is written without one string
 * (and its escaped copies) of the whole page.
 */
export function* renderHtmlChunks(run: RunResult, options: HtmlOptions): Generator<string> {
  const { data: head, kept } = htmlDataParts(run, options);
  const skeleton = scriptJson({ ...head, pairs: PAIRS_SLOT });
  const slot = scriptJson(PAIRS_SLOT);
  const at = skeleton.indexOf(slot);
  const [page, end] = renderHtmlPage(run, '\u0000data\u0000').split('\u0000data\u0000') as [string, string];
  yield page;
  yield skeleton.slice(0, at);
  yield '[';
  for (const [k, { r, i }] of kept.entries()) yield `${k === 0 ? '' : ','}${scriptJson(pairData(r, i, (run.files[i] as FileResult).duplicates))}`;
  yield ']';
  yield skeleton.slice(at + slot.length);
  yield end;
}

/** The page around its data (`data` is put in the data script element as it is). */
function renderHtmlPage(run: RunResult, data: string): string {
  const scriptHash = createHash('sha256').update(HTML_CLIENT_SCRIPT).digest('base64');
  // No request may leave the page: nothing to fetch, and only this page's own script may run.
  const csp = `default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; base-uri 'none'; form-action 'none'`;
  const s = run.summary;
  const pairs = run.files.reduce((n, f) => n + f.pairs.length, 0);
  const title = `transcheck report: ${run.files.length === 1 ? run.files[0]?.file : `${run.files.length} files`}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${htmlText(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header>
<h1>${htmlText(title)}</h1>
<p class="meta">${htmlText(`${run.tool.name} ${run.tool.version} · schema ${run.schemaVersion} · config ${run.configHash} · ${run.files.length} file(s) · ${s.blocks} blocks · ${pairs} translations`)}</p>
</header>
<main>
<section id="summary" aria-label="Summary">${summaryCharts(run)}<div id="notes"></div><div id="files"></div></section>
<section id="pairs" aria-label="Translations"><noscript>This report needs JavaScript to list the translations; the JSON and Markdown reports hold the same data.</noscript></section>
</main>
<script type="application/json" id="transcheck-data">${data}</script>
<script>${HTML_CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
