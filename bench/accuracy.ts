// `npm run bench -- accuracy [--annotations <file>] [--shared <dir>] [audit options, e.g. --llm …]`:
// the audit measured against our hand-annotated development set (bench/annotated/, guide in
// docs/annotation-guide.md). Builds a JSONL of the annotated pairs in a temporary folder, runs
// `transcheck audit` on it through the CLI's `main()` (pairing, checks, judge and verdicts together),
// reads the JSON report and compares it with the annotations: verdict precision/recall, span
// precision/recall/F1 with partial-overlap credit, the major-span figures of issue 8 and Kendall tau
// of score against annotated penalty, overall and per check. Writes bench/results/accuracy.md.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.js';
import { countEnglishWords } from '../src/core/text.js';
import type { Finding, Severity, Verdict } from '../src/core/types.js';
import { scorePair } from '../src/pipeline/score.js';
import { QUEUED_VERDICTS } from '../src/report/flagged.js';
import { ANNOTATIONS_FILE, type AnnotatedPair, type DevRecord, devRecord, readDevLines, textHash } from './annotated/dataset.js';
import { binaryPrf, hitRate, overlaps, type Prf, type Span, spanPrf } from './annotated/metrics.js';
import { annotatedPenalty } from './annotated/rule.js';
import { kendallTauB } from './checks.js';
import { option, peakRssMb, readJsonl, rng, sharedDir, table, writeResult } from './common.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Verdicts that tell a user to look at the translation. */
export const FLAGGED: ReadonlySet<Verdict> = new Set(QUEUED_VERDICTS);

/** A finding as the JSON report gives it (fields used here). */
interface JsonFinding {
  check: string;
  severity: Severity;
  category: Finding['category'];
  side: Finding['side'];
  range: [number, number] | null;
  actual: string | null;
  message: string;
  origin: Finding['origin'];
}

/** A pair of the JSON report (fields used here). */
interface JsonPair {
  translation: string;
  lines: [number, number];
  status: string;
  verdict: Verdict;
  score: number;
  penalty: number;
  findings: JsonFinding[];
}

/** One annotated pair with the tool's result on it. */
interface Scored {
  ann: AnnotatedPair;
  record: DevRecord;
  /** Added to an annotated zh offset to get the offset in the tool's normalized text; null when the
   * normalization changed more than leading whitespace (spans of that pair are then left out). */
  zhShift: number | null;
  result: JsonPair | null;
}

const RANK: Record<Severity, number> = { info: 0, minor: 1, major: 2, critical: 3 };
const isMajor = (s: Severity) => RANK[s] >= RANK.major;
const fmt = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(2));
const pct = (x: number) => (Number.isNaN(x) ? '–' : `${(100 * x).toFixed(1)} %`);

/** Offset shift from the record's text to the tool's normalized text (NFC, line ends, trimmed). */
export function normalizationShift(raw: string): number | null {
  const normalized = raw.replace(/\r\n?/g, '\n').normalize('NFC');
  if (normalized !== raw) return null;
  return raw.length - raw.trimStart().length;
}

/** Flags of the accuracy benchmark itself; everything else is passed to `transcheck audit`. */
function auditArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--annotations' || args[i] === '--shared' || args[i] === '--keep') i++;
    else out.push(args[i] as string);
  }
  return out;
}

/** Target-side spans of findings (in the record's offsets), optionally filtered. */
function toolSpans(s: Scored, keep: (f: JsonFinding) => boolean): Span[] {
  if (!s.result || s.zhShift === null) return [];
  const shift = s.zhShift;
  return s.result.findings
    .filter((f) => f.side === 'target' && f.range !== null && keep(f))
    .map((f) => [f.range![0] + shift, f.range![1] + shift] as const);
}

function goldSpans(s: Scored, keep: (sev: Severity) => boolean): Span[] {
  if (s.zhShift === null) return [];
  return s.ann.errors.filter((e) => e.zh !== null && keep(e.severity)).map((e) => e.zh as Span);
}

/** The figures of one finding source (all findings, or one check's). */
interface Figures {
  verdict: Prf;
  span: Prf;
  majorFound: { rate: number; hit: number; total: number };
  majorOnMajor: { rate: number; hit: number; total: number };
  tau: number;
}

function figures(scored: readonly Scored[], keep: (f: JsonFinding) => boolean, useToolVerdict: boolean, withTau = true): Figures {
  const withResult = scored.filter((s) => s.result);
  const verdictOf = (s: Scored): { verdict: Verdict; score: number } => {
    const r = s.result!;
    if (useToolVerdict) return r;
    const fs = r.findings.filter(keep) as unknown as Finding[];
    return scorePair(undefined, fs, s.record.en, s.record.zh);
  };
  const outcomes = withResult.map((s) => ({ s, ...verdictOf(s) }));
  return {
    verdict: binaryPrf(outcomes.map((o) => ({ flagged: FLAGGED.has(o.verdict), label: o.s.ann.needsRevision }))),
    span: spanPrf(withResult.map((s) => ({ gold: goldSpans(s, () => true), predicted: toolSpans(s, keep) }))),
    majorFound: hitRate(withResult.map((s) => ({ spans: goldSpans(s, isMajor), others: toolSpans(s, keep) }))),
    majorOnMajor: hitRate(withResult.map((s) => ({ spans: toolSpans(s, (f) => keep(f) && isMajor(f.severity)), others: goldSpans(s, isMajor) }))),
    tau: withTau
      ? kendallTauB(
          outcomes.map((o) => o.score),
          outcomes.map((o) => -annotatedPenalty(o.s.ann.errors, countEnglishWords(o.s.record.en))),
        )
      : Number.NaN,
  };
}

/** 95 % percentile interval of a sample of figures (NaNs dropped). */
function interval(xs: number[]): [number, number] {
  const v = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return [Number.NaN, Number.NaN];
  return [v[Math.floor(0.025 * (v.length - 1))]!, v[Math.ceil(0.975 * (v.length - 1))]!];
}

/**
 * Bootstrap over pairs (resampled with replacement, seeded): how much the headline figures could move
 * on another sample of the same size. The set is 200 pairs; a difference inside these intervals is
 * not evidence.
 */
function bootstrap(scored: readonly Scored[], rounds: number, seed: number): Record<'precision' | 'recall' | 'found' | 'onMajor', [number, number]> {
  const random = rng(seed);
  const acc = { precision: [] as number[], recall: [] as number[], found: [] as number[], onMajor: [] as number[] };
  for (let b = 0; b < rounds; b++) {
    const sample = scored.map(() => scored[Math.floor(random() * scored.length)]!);
    const f = figures(sample, () => true, true, false);
    acc.precision.push(f.verdict.precision);
    acc.recall.push(f.verdict.recall);
    acc.found.push(f.majorFound.rate);
    acc.onMajor.push(f.majorOnMajor.rate);
  }
  return { precision: interval(acc.precision), recall: interval(acc.recall), found: interval(acc.found), onMajor: interval(acc.onMajor) };
}

export async function run(args: string[]): Promise<void> {
  const started = process.cpuUsage();
  const wall = Date.now();
  const devPath = join(sharedDir(args), 'corpora', 'arxiv-gt-zh', 'dev.jsonl');
  const annotationsPath = resolve(option(args, 'annotations', ANNOTATIONS_FILE)!);
  const annotations = readJsonl<AnnotatedPair>(annotationsPath);
  const lines = readDevLines(devPath);

  // Pairs whose corpus text changed since annotation are left out, each named.
  const problems: string[] = [];
  const kept: Array<{ ann: AnnotatedPair; record: DevRecord }> = [];
  for (const ann of annotations) {
    const record = devRecord(lines, ann.line, devPath);
    if (record.id !== ann.id || textHash(record.en) !== ann.enHash || textHash(record.zh) !== ann.zhHash) {
      problems.push(`${annotationsPath}: line ${ann.line} (${ann.id}) no longer matches ${devPath}; left out`);
      continue;
    }
    kept.push({ ann, record });
  }
  for (const p of problems) process.stderr.write(`${p}\n`);

  // The audit through the CLI, on a JSONL of the annotated pairs (one record a line, in set order).
  // `--keep DIR` leaves the set and its reports in DIR for reading (otherwise a temporary folder, removed).
  const keep = option(args, 'keep');
  const dir = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'transcheck-accuracy-'));
  if (keep) mkdirSync(dir, { recursive: true });
  const input = join(dir, 'annotated.jsonl');
  const out = join(dir, 'reports');
  writeFileSync(input, `${kept.map(({ record: r }) => JSON.stringify({ id: r.id, title: r.title, en: r.en, zh: r.zh })).join('\n')}\n`);
  const passThrough = auditArgs(args);
  const stderr: string[] = [];
  const code = await main({
    argv: ['audit', input, '--out', out, '--format', 'json', '--quiet', ...passThrough],
    stdout: { write: () => true },
    stderr: { write: (c: string) => stderr.push(c) },
    env: process.env,
    cwd: resolve(here, '..'),
  });
  if (code === 2) {
    if (!keep) rmSync(dir, { recursive: true, force: true });
    throw new Error(`transcheck audit failed (exit 2): ${stderr.join('')}`);
  }
  const report = JSON.parse(readFileSync(join(out, 'annotated.json'), 'utf8')) as { pairs: JsonPair[] };
  if (!keep) rmSync(dir, { recursive: true, force: true });
  const byLine = new Map(report.pairs.map((p) => [p.lines[0], p]));
  const scored: Scored[] = kept.map(({ ann, record }, i) => ({
    ann,
    record,
    zhShift: normalizationShift(record.zh),
    result: byLine.get(i + 1) ?? null,
  }));
  const missing = scored.filter((s) => !s.result).length;
  // Per-check verdicts rescore a subset of findings; rescoring all of them must give the tool's own
  // verdict, or the per-check figures would not be comparable with the overall ones.
  const rescoredAgree = scored.filter(
    (s) => s.result && scorePair(undefined, s.result.findings as unknown as Finding[], s.record.en, s.record.zh).verdict === s.result.verdict,
  ).length;
  const shifted = scored.filter((s) => s.zhShift === null).length;

  // Overall, then per check (a check's own verdict = the score of its findings alone).
  const all = figures(scored, () => true, true);
  const ci = bootstrap(scored, 1000, 20261130);
  const checks = [...new Set(scored.flatMap((s) => s.result?.findings.map((f) => f.check) ?? []))].sort();
  const perCheck = checks.map((c) => ({ check: c, f: figures(scored, (f) => f.check === c, false) }));
  const heuristicOnly = checks.includes('llm-judge') ? figures(scored, (f) => f.check !== 'llm-judge', false) : null;

  const nErr = (sev: Severity) => scored.reduce((n, s) => n + s.ann.errors.filter((e) => e.severity === sev).length, 0);
  const noZh = scored.reduce((n, s) => n + s.ann.errors.filter((e) => e.zh === null).length, 0);
  const verdicts = new Map<string, number>();
  for (const s of scored) if (s.result) verdicts.set(s.result.verdict, (verdicts.get(s.result.verdict) ?? 0) + 1);

  const row = (name: string, f: Figures) => [
    name,
    `${fmt(f.verdict.precision)} (${f.verdict.predicted})`,
    fmt(f.verdict.recall),
    fmt(f.span.precision),
    fmt(f.span.recall),
    fmt(f.span.f1),
    `${pct(f.majorFound.rate)} (${f.majorFound.hit}/${f.majorFound.total})`,
    `${pct(f.majorOnMajor.rate)} (${f.majorOnMajor.hit}/${f.majorOnMajor.total})`,
    fmt(f.tau),
  ];
  const header = ['findings', 'verdict P (flagged)', 'verdict R', 'span P', 'span R', 'span F1', 'major spans found', 'tool majors on a major', 'Kendall τ'];

  // Where the tool and the annotation part: the material for calibrating checks and severities.
  const fpMajors: string[] = [];
  const missedMajors: string[] = [];
  // Per check and tool severity: target findings on an annotated major, on a minor only, on nothing.
  const agreement = new Map<string, { major: number; minor: number; none: number }>();
  const missedKinds = new Map<string, number>();
  for (const s of scored) {
    if (!s.result || s.zhShift === null) continue;
    const gold = s.ann.errors.filter((e) => e.zh !== null);
    for (const f of s.result.findings) {
      if (f.side !== 'target' || f.range === null) continue;
      const span: Span = [f.range[0] + s.zhShift, f.range[1] + s.zhShift];
      const hits = gold.filter((e) => overlaps(span, e.zh as Span));
      const on = hits.find((e) => isMajor(e.severity)) ?? hits[0];
      const key = `${f.check}\u0000${f.severity}`;
      const cell = agreement.get(key) ?? { major: 0, minor: 0, none: 0 };
      cell[on ? (isMajor(on.severity) ? 'major' : 'minor') : 'none']++;
      agreement.set(key, cell);
      if (!isMajor(f.severity)) continue;
      if (!on || !isMajor(on.severity)) {
        fpMajors.push(`${s.ann.id} \`${f.check}\` ${f.severity}: \`${s.record.zh.slice(span[0], span[1])}\` — ${on ? `annotated ${on.severity} (${on.note})` : 'no annotated error'}`);
      }
    }
    const tool = toolSpans(s, () => true);
    for (const e of gold) {
      if (isMajor(e.severity) && !tool.some((t) => overlaps(t, e.zh as Span))) {
        missedMajors.push(`${s.ann.id} ${e.category}: \`${e.zhText}\` ← \`${e.enText}\` (${e.note})`);
        // A term (a few characters) or a clause: the two need different mechanisms.
        const kind = `${e.category}, ${e.zhText.length <= 8 ? 'term (≤ 8 characters)' : 'clause'}`;
        missedKinds.set(kind, (missedKinds.get(kind) ?? 0) + 1);
      }
    }
  }

  // Omissions are often reported on the English side (a source sentence with no counterpart): an
  // annotated major whose English span a non-info source finding overlaps, and no target finding does.
  let sourceOnly = 0;
  for (const s of scored) {
    if (!s.result) continue;
    const srcShift = normalizationShift(s.record.en) ?? 0;
    const src = s.result.findings
      .filter((f) => f.side === 'source' && f.range !== null && f.severity !== 'info')
      .map((f) => [f.range![0] + srcShift, f.range![1] + srcShift] as const);
    const tgt = toolSpans(s, () => true);
    for (const e of s.ann.errors) {
      if (!isMajor(e.severity) || e.en === null) continue;
      const onTarget = e.zh !== null && tgt.some((t) => overlaps(t, e.zh as Span));
      if (!onTarget && src.some((t) => overlaps(t, e.en as Span))) sourceOnly++;
    }
  }
  const goods = scored.filter((s) => s.result?.verdict === 'good');
  const goodsWithMajor = goods.filter((s) => s.ann.errors.some((e) => isMajor(e.severity))).length;

  const cpu = process.cpuUsage(started);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const summary = [
    `Set: ${scored.length} annotated pairs (${annotationsPath.replace(`${resolve(here, '..')}/`, '')}), ${scored.filter((s) => s.ann.needsRevision).length} need revision; errors ${nErr('critical')} critical, ${nErr('major')} major, ${nErr('minor')} minor (${noZh} without a Chinese span).`,
    `Audit: \`transcheck audit <set>.jsonl --format json${passThrough.length ? ` ${passThrough.join(' ')}` : ''}\` through main(); verdicts: ${[...verdicts].map(([v, n]) => `${v} ${n}`).join(', ')}.`,
    `Annotated major errors found only on the English side (a non-info source finding on their English span, none on the Chinese): ${sourceOnly}.`,
    `Of the ${goods.length} pairs the audit calls \`good\`, ${goodsWithMajor} (${pct(goodsWithMajor / goods.length)}) have an annotated major or critical error.`,
    `95 % bootstrap intervals of the overall row (1,000 resamples of the pairs): verdict precision ${fmt(ci.precision[0])}–${fmt(ci.precision[1])}, recall ${fmt(ci.recall[0])}–${fmt(ci.recall[1])}; major spans found ${pct(ci.found[0])}–${pct(ci.found[1])}; tool majors on a major ${pct(ci.onMajor[0])}–${pct(ci.onMajor[1])}.`,
    `Rescoring all findings with the default scoring reproduces the tool's verdict on ${rescoredAgree} of ${scored.length - missing} pairs (the per-check rows rescore one check's findings the same way).`,
    ...(missing ? [`${missing} annotated pairs have no pair in the report.`] : []),
    ...(shifted ? [`${shifted} pairs changed under normalization; their spans are left out.`] : []),
    ...(problems.length ? [`${problems.length} pairs left out: corpus changed since annotation.`] : []),
  ];
  const md = [
    '# Accuracy on the annotated development set',
    '',
    'Produced by `npm run bench -- accuracy` (bench/accuracy.ts). Annotation guide: docs/annotation-guide.md.',
    '',
    ...summary.map((l) => `- ${l}`),
    '',
    '**Definitions.** Verdict: a pair is *flagged* when its verdict is review, bad, mismatched or untranslated; precision and recall against the annotated "needs revision". Per check, the verdict is the one the check\'s findings alone would give (same scoring). Span: target-side findings with a range against annotated Chinese spans, partial-overlap credit (a span earns the share of its length that lies on the other side\'s spans), micro-averaged over all spans. *Major spans found*: annotated major/critical spans overlapped by any tool finding on the target. *Tool majors on a major*: the tool\'s major/critical target findings that overlap an annotated major/critical span. Kendall τ-b between the tool\'s score and minus the annotated penalty (guide weights per 100 English words), so positive = agreement.',
    '',
    '**Targets (issue 8):** verdict recall ≥ 0.60 at precision ≥ 0.90; major spans found ≥ 25 %; ≥ 50 % of the tool\'s major target findings on an annotated major error.',
    '',
    table(header, [row('all (tool verdict)', all), ...(heuristicOnly ? [row('heuristic checks only', heuristicOnly)] : []), ...perCheck.map((c) => row(`\`${c.check}\``, c.f))]),
    '',
    '## Tool target findings against the annotation, by check and severity',
    '',
    'Each target finding with a range: does it overlap an annotated major/critical error, only minor ones, or none? (The calibration table for severities: a check whose majors mostly sit on minor or no errors is over-severe.)',
    '',
    table(
      ['check', 'tool severity', 'findings', 'on a major', 'on a minor only', 'on no error'],
      [...agreement]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, c]) => {
          const [check, severity] = key.split('\u0000');
          const n = c.major + c.minor + c.none;
          return [`\`${check}\``, severity!, n, `${c.major} (${pct(c.major / n)})`, `${c.minor} (${pct(c.minor / n)})`, `${c.none} (${pct(c.none / n)})`];
        }),
    ),
    '',
    '## Annotated major errors that no target finding touches, by kind',
    '',
    table(
      ['category, span', 'missed'],
      [...missedKinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, n]),
    ),
    '',
    `## Tool major/critical target findings not on an annotated major error (${fpMajors.length})`,
    '',
    ...fpMajors.map((l) => `- ${l}`),
    '',
    `## Annotated major errors no target finding touches (${missedMajors.length})`,
    '',
    ...missedMajors.map((l) => `- ${l}`),
    '',
    `CPU ${cpuSeconds.toFixed(1)} s, wall ${((Date.now() - wall) / 1000).toFixed(1)} s, peak memory ${peakRssMb()} MB.`,
    '',
  ].join('\n');
  // A run on another annotation file must not overwrite the set's reference figures.
  const path = writeResult(annotationsPath === resolve(ANNOTATIONS_FILE) ? 'accuracy' : 'accuracy-custom', md);
  process.stdout.write(
    `${summary.join('\n')}\n\n${table(header, [row('all (tool verdict)', all), ...(heuristicOnly ? [row('heuristic checks only', heuristicOnly)] : []), ...perCheck.map((c) => row(c.check, c.f))])}\n\n` +
      `CPU ${cpuSeconds.toFixed(1)} s, peak memory ${peakRssMb()} MB → ${path}\n`,
  );
}
