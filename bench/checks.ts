// `npm run bench -- checks`: recall on synthetic corruptions, precision on WMT24 human references,
// agreement with human scores, and throughput of align + all checks. Writes bench/results/checks.md.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { checks } from '../src/checks/index.js';
import { resolveChecks } from '../src/core/runner.js';
import type { Finding, Severity } from '../src/core/types.js';
import { checkTexts, type CheckStageOptions, type TextCheckResult } from '../src/pipeline/check.js';
import { DEFAULT_SCORING, scorePair, type ScoringConfig } from '../src/pipeline/score.js';
import { option, peakRssMb, readJsonl, rng, sharedDir, shuffle, table, writeResult } from './common.js';
import { corrupt, CORRUPTION_TYPES, INTENDED, type Row } from './corrupt.js';

/** A WMT24 ESA record (fields used here). */
interface WmtRecord {
  system: string;
  domain: string;
  source: string;
  target: string;
  seg_id: number;
  esa_score: number;
  /** Penalty from the human spans: −5 per major, −1 per minor (0 = no error). */
  mqm_score: number;
  errors: Array<{ severity: string }>;
}

const RANK: Record<Severity, number> = { info: 0, minor: 1, major: 2, critical: 3 };
const atLeast = (f: Finding, s: Severity) => RANK[f.severity] >= RANK[s];
const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);

/** Kendall tau-b of two equally long series (O(n²), fine for a few thousand items). */
export function kendallTauB(x: readonly number[], y: readonly number[]): number {
  let concordant = 0;
  let discordant = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const yi = y[i] as number;
    for (let j = i + 1; j < x.length; j++) {
      const dx = Math.sign(xi - (x[j] as number));
      const dy = Math.sign(yi - (y[j] as number));
      if (dx === 0 && dy === 0) continue;
      if (dx === 0) tiesX++;
      else if (dy === 0) tiesY++;
      else if (dx === dy) concordant++;
      else discordant++;
    }
  }
  const denominator = Math.sqrt((concordant + discordant + tiesX) * (concordant + discordant + tiesY));
  return denominator === 0 ? 0 : (concordant - discordant) / denominator;
}

/** Result of {@link tieCalibratedAccuracy}. */
export interface TieCalibratedAccuracy {
  /** Best pairwise accuracy over the tie thresholds, 0–1. */
  accuracy: number;
  /** The metric difference at or below which two scores count as tied (score points). */
  epsilon: number;
  /** Accuracy of a constant metric (every pair tied): the share of human ties, 0–1. */
  constant: number;
  /** Among pairs the metric scores differently and humans do not tie: share ordered as humans do, 0–1. */
  separated: number;
  /** Number of such pairs. */
  separatedPairs: number;
}

/**
 * Pairwise accuracy with tie calibration (acc_eq; Deutsch, Foster and Freitag 2023, the WMT23/24
 * metrics statistic), grouped by item: within each group (the translations of one source), every pair
 * counts once; a pair is right when metric and human order it the same way, or both call it a tie.
 * Metric differences up to ε are ties, and ε is chosen to maximize the pooled accuracy.
 * Each group holds [metric, human] score pairs, higher = better for both.
 */
export function tieCalibratedAccuracy(groups: ReadonlyArray<ReadonlyArray<readonly [number, number]>>): TieCalibratedAccuracy {
  const pairs: Array<{ diff: number; humanTie: boolean; agree: boolean }> = [];
  for (const g of groups) {
    for (let i = 0; i < g.length; i++) {
      for (let j = i + 1; j < g.length; j++) {
        const [mi, hi] = g[i]!;
        const [mj, hj] = g[j]!;
        const humanTie = hi === hj;
        pairs.push({ diff: Math.abs(mi - mj), humanTie, agree: !humanTie && Math.sign(mi - mj) === Math.sign(hi - hj) });
      }
    }
  }
  if (pairs.length === 0) return { accuracy: 0, epsilon: 0, constant: 0, separated: 0, separatedPairs: 0 };
  const separated = pairs.filter((p) => p.diff > 0 && !p.humanTie);
  pairs.sort((a, b) => a.diff - b.diff);
  // ε below every difference: no metric ties except exact ones, handled by walking the sorted list.
  const humanTies = pairs.filter((p) => p.humanTie).length;
  let correct = pairs.filter((p) => p.agree).length; // all pairs untied by the metric (ε < 0)
  let best = { accuracy: -1, epsilon: 0 };
  for (let k = 0; k < pairs.length; ) {
    const d = pairs[k]!.diff;
    // Every pair with this difference becomes a metric tie.
    while (k < pairs.length && pairs[k]!.diff === d) {
      const p = pairs[k]!;
      if (p.agree) correct--;
      if (p.humanTie) correct++;
      k++;
    }
    if (correct / pairs.length > best.accuracy) best = { accuracy: correct / pairs.length, epsilon: Math.round(d * 100) / 100 };
  }
  return {
    ...best,
    constant: humanTies / pairs.length,
    separated: separated.length === 0 ? 0 : separated.filter((p) => p.agree).length / separated.length,
    separatedPairs: separated.length,
  };
}

export async function run(args: string[]): Promise<void> {
  const shared = sharedDir(args);
  const perType = Number(option(args, 'per-type', '200'));
  const dev = readJsonl<Row>(join(shared, 'corpora', 'arxiv-gt-zh', 'dev.jsonl'));
  const wmt = readJsonl<WmtRecord>(join(shared, 'corpora', 'wmt24-esa-enzh', 'wmt24_esa_enzh.jsonl'));
  const stage: CheckStageOptions = { checks: resolveChecks(checks) };
  const registered = new Set(checks.map((c) => c.meta.id));
  await checkTexts(dev[0]!.en, dev[0]!.zh, stage);
  const startupMs = performance.now();
  const out: string[] = ['# Checks benchmark', ''];
  out.push(
    `Registered checks (${registered.size}): ${[...registered].map((c) => `\`${c}\``).join(', ')}.`,
    `Command: \`npm run bench -- checks --per-type ${perType}\`. Seed 42. Heuristics only (no LLM judge).`,
    '',
  );

  // 1. Synthetic corruptions.
  const random = rng(42);
  const order = shuffle([...dev], random);
  const rows: Array<Array<string | number>> = [];
  const misses: string[] = [];
  for (const type of CORRUPTION_TYPES) {
    const intended = INTENDED[type];
    const present = intended.checks.filter((c) => registered.has(c));
    let made = 0;
    let caught = 0;
    const caughtBy = new Map<string, number>();
    for (const row of order) {
      if (made >= perType) break;
      const c = corrupt(row, type, random, order.slice(0, 3000));
      if (!c) continue;
      made++;
      const result = await checkTexts(c.en, c.zh, stage);
      const serious = result.findings.filter((f) => atLeast(f, intended.severity));
      for (const id of new Set(serious.map((f) => f.check))) caughtBy.set(id, (caughtBy.get(id) ?? 0) + 1);
      if (serious.some((f) => intended.checks.includes(f.check))) caught++;
      else if (present.length > 0 && misses.filter((m) => m.startsWith(`${type}:`)).length < 3) {
        misses.push(`${type}: ${c.id} (${c.note})`);
      }
    }
    const others = [...caughtBy.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([id, n]) => `${id} ${n}`).join(', ');
    rows.push([
      type,
      intended.checks.map((c) => `\`${c}\``).join(' / '),
      `${intended.severity}+`,
      made,
      present.length === 0 ? 'not registered' : pct(caught, made),
      others || '–',
    ]);
    process.stderr.write(`corruption ${type}: ${present.length === 0 ? 'not registered' : pct(caught, made)} of ${made}\n`);
  }
  const cleanSample = order.slice(3000, 4000);
  let cleanFlagged = 0;
  const cleanByCheck = new Map<string, number>();
  for (const row of cleanSample) {
    const r = await checkTexts(row.en, row.zh, stage);
    const serious = r.findings.filter((f) => atLeast(f, 'major'));
    if (serious.length > 0) cleanFlagged++;
    for (const id of new Set(serious.map((f) => f.check))) cleanByCheck.set(id, (cleanByCheck.get(id) ?? 0) + 1);
  }
  out.push(
    '## 1. Recall on synthetic corruptions of arXiv dev pairs',
    '',
    `Up to ${perType} corrupted pairs per type (generator: bench/corrupt.ts); recall = share on which an intended check reports at the given severity or above. Target ≥ 95 %.`,
    '',
    table(['corruption', 'intended check', 'severity', 'pairs', 'recall', 'checks reporting at that severity (pairs)'], rows),
    '',
    misses.length > 0 ? `Examples missed: ${misses.map((m) => `\`${m}\``).join('; ')}.` : 'No misses.',
    '',
    `Uncorrupted control: ${cleanFlagged} of ${cleanSample.length} clean dev pairs (${pct(cleanFlagged, cleanSample.length)}) have a major or critical finding` +
      (cleanByCheck.size > 0 ? ` (${[...cleanByCheck.entries()].map(([id, n]) => `${id} ${n}`).join(', ')}).` : '.'),
    '',
  );

  // 2 and 3. WMT24: precision on refA, agreement with humans on every system.
  const results: Array<{ record: WmtRecord; result: TextCheckResult }> = [];
  for (const r of wmt) results.push({ record: r, result: await checkTexts(r.source, r.target, stage) });
  const refA = results.filter((x) => x.record.system === 'refA');
  const refFlagged = refA.filter((x) => x.result.findings.some((f) => atLeast(f, 'major'))).length;
  const perCheck = new Map<string, number>();
  const perCheckMinor = new Map<string, number>();
  for (const x of refA) {
    for (const id of new Set(x.result.findings.filter((f) => atLeast(f, 'major')).map((f) => f.check))) perCheck.set(id, (perCheck.get(id) ?? 0) + 1);
    for (const id of new Set(x.result.findings.filter((f) => f.severity === 'minor').map((f) => f.check))) perCheckMinor.set(id, (perCheckMinor.get(id) ?? 0) + 1);
  }
  const checkRows = [...registered].sort().map((id) => [
    `\`${id}\``,
    pct(perCheck.get(id) ?? 0, refA.length),
    (perCheck.get(id) ?? 0) / refA.length <= 0.01 ? 'yes' : '**no**',
    pct(perCheckMinor.get(id) ?? 0, refA.length),
  ]);
  out.push(
    '## 2. Precision on human translations (WMT24 en→zh `refA`)',
    '',
    `${refA.length} human reference translations (news, social, speech, literary). Pairs with any major or critical heuristic finding: **${refFlagged} (${pct(refFlagged, refA.length)})**; target ≤ 5 %, and ≤ 1 % per check.`,
    '',
    table(['check', 'major+ on refA', '≤ 1 %', 'minor on refA'], checkRows),
    '',
  );

  // 3. Agreement with human judgement, and the calibration of the score's thresholds.
  const flagged = (v: string) => v === 'review' || v === 'bad' || v === 'mismatched' || v === 'untranslated';
  const positives: Array<[string, (r: WmtRecord) => boolean]> = [
    ['human major span', (r) => r.errors.some((e) => e.severity === 'major')],
    ['esa_score ≤ 66', (r) => r.esa_score <= 66],
  ];
  /** Verdict and score of one result under another scoring configuration (findings unchanged). */
  const rescore = (x: (typeof results)[number], config: ScoringConfig) => scorePair(undefined, x.result.findings, x.record.source, x.record.target, config);
  const prf = (isFlagged: (x: (typeof results)[number]) => boolean, positive: (r: WmtRecord) => boolean, subset = results) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const x of subset) {
      const p = isFlagged(x);
      const h = positive(x.record);
      if (p && h) tp++;
      else if (p) fp++;
      else if (h) fn++;
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { flagged: tp + fp, precision, recall, f1 };
  };
  const f = (n: number) => (100 * n).toFixed(1);
  const prfCells = (isFlagged: (x: (typeof results)[number]) => boolean, subset = results) =>
    positives.flatMap(([, positive]) => {
      const m = prf(isFlagged, positive, subset);
      return [f(m.precision), f(m.recall), f(m.f1)];
    });
  const refShare = (isFlagged: (x: (typeof results)[number]) => boolean) => pct(refA.filter(isFlagged).length, refA.length);
  const prfHeader = positives.flatMap(([name]) => [`P % (${name})`, `R %`, `F1 %`]);

  // Sweep of reviewBelow (badBelow at its default) and of the minor weight.
  const reviewSweep = [0, 50, 75, 85, 90, 92, 95, 98, 99.5].map((reviewBelow) => {
    const config: ScoringConfig = { ...DEFAULT_SCORING, reviewBelow, badBelow: Math.min(DEFAULT_SCORING.badBelow, reviewBelow) };
    const verdicts = new Map(results.map((x) => [x, rescore(x, config).verdict]));
    const isFlagged = (x: (typeof results)[number]) => flagged(verdicts.get(x)!);
    return [reviewBelow === DEFAULT_SCORING.reviewBelow ? `**${reviewBelow}**` : reviewBelow, results.filter(isFlagged).length, refShare(isFlagged), ...prfCells(isFlagged)];
  });
  const weightSweep = [0.5, 1, 2, 5].flatMap((minor) =>
    [90, 95].map((reviewBelow) => {
      const config: ScoringConfig = { ...DEFAULT_SCORING, reviewBelow, weights: { ...DEFAULT_SCORING.weights, minor } };
      const verdicts = new Map(results.map((x) => [x, rescore(x, config).verdict]));
      const isFlagged = (x: (typeof results)[number]) => flagged(verdicts.get(x)!);
      return [minor, reviewBelow, results.filter(isFlagged).length, refShare(isFlagged), ...prfCells(isFlagged)];
    }),
  );
  // badBelow: how much more often a `bad` verdict is a human error than a `review` verdict.
  const badSweep = [0, 25, 40, 50, 60, 75].map((badBelow) => {
    const config: ScoringConfig = { ...DEFAULT_SCORING, badBelow };
    const verdicts = new Map(results.map((x) => [x, rescore(x, config).verdict]));
    const bad = results.filter((x) => verdicts.get(x) === 'bad');
    const review = results.filter((x) => verdicts.get(x) === 'review');
    const share = (xs: typeof results, positive: (r: WmtRecord) => boolean) => pct(xs.filter((x) => positive(x.record)).length, xs.length);
    return [
      badBelow === DEFAULT_SCORING.badBelow ? `**${badBelow}**` : badBelow,
      bad.length,
      ...positives.map(([, positive]) => share(bad, positive)),
      review.length,
      ...positives.map(([, positive]) => share(review, positive)),
      bad.filter((x) => x.record.system === 'refA').length,
    ];
  });

  const isFlaggedNow = (x: (typeof results)[number]) => flagged(x.result.verdict);
  const verdictCells = prfCells(isFlaggedNow);
  const domains = [...new Set(wmt.map((r) => r.domain))].sort().map((d) => {
    const subset = results.filter((x) => x.record.domain === d);
    return [d, subset.length, subset.filter(isFlaggedNow).length, ...prfCells(isFlaggedNow, subset)];
  });
  const scores = results.map((x) => x.result.score);
  const tauEsa = kendallTauB(scores, results.map((x) => x.record.esa_score));
  const tauMqm = kendallTauB(scores, results.map((x) => x.record.mqm_score));
  const bySegment = new Map<number, typeof results>();
  for (const x of results) bySegment.set(x.record.seg_id, [...(bySegment.get(x.record.seg_id) ?? []), x]);
  const groups = [...bySegment.values()];
  const accEsa = tieCalibratedAccuracy(groups.map((g) => g.map((x) => [x.result.score, x.record.esa_score] as const)));
  const accMqm = tieCalibratedAccuracy(groups.map((g) => g.map((x) => [x.result.score, x.record.mqm_score] as const)));
  const systems = [...new Set(wmt.map((r) => r.system))].sort();
  const bySystem = systems.map((s) => {
    const xs = results.filter((x) => x.record.system === s);
    const mean = (fn: (x: (typeof xs)[number]) => number) => xs.reduce((a, x) => a + fn(x), 0) / xs.length;
    return {
      system: s,
      n: xs.length,
      tau: kendallTauB(xs.map((x) => x.result.score), xs.map((x) => x.record.esa_score)),
      score: mean((x) => x.result.score),
      esa: mean((x) => x.record.esa_score),
      mqm: mean((x) => x.record.mqm_score),
      flaggedShare: xs.filter(isFlaggedNow).length / xs.length,
    };
  });
  const rankingAgreement = (human: (s: (typeof bySystem)[number]) => number) => {
    let agree = 0;
    let pairs = 0;
    for (let i = 0; i < bySystem.length; i++) {
      for (let j = i + 1; j < bySystem.length; j++) {
        pairs++;
        if (Math.sign(bySystem[i]!.score - bySystem[j]!.score) === Math.sign(human(bySystem[i]!) - human(bySystem[j]!))) agree++;
      }
    }
    return `${agree} of ${pairs}`;
  };
  const positiveCounts = positives.map(([name, positive]) => `${name}: ${results.filter((x) => positive(x.record)).length} (${pct(results.filter((x) => positive(x.record)).length, results.length)})`).join('; ');
  out.push(
    '## 3. Agreement with human judgement, and calibration of the thresholds (WMT24 ESA, all 13 systems)',
    '',
    `${results.length} translations. Positive classes — ${positiveCounts}. Flagged = verdict \`review\`, \`bad\`, \`mismatched\` or \`untranslated\`. Defaults: reviewBelow ${DEFAULT_SCORING.reviewBelow}, badBelow ${DEFAULT_SCORING.badBelow}, weights minor ${DEFAULT_SCORING.weights.minor} / major ${DEFAULT_SCORING.weights.major} / critical ${DEFAULT_SCORING.weights.critical} / punctuation minor ${DEFAULT_SCORING.weights.minorPunctuation} (docs/scoring.md says how they were chosen).`,
    '',
    `Verdict flags at the defaults: ${results.filter(isFlaggedNow).length} flagged, ${refShare(isFlaggedNow)} of \`refA\`.`,
    '',
    table(['', ...prfHeader], [['defaults', ...verdictCells], ['flag everything', ...prfCells(() => true)]]),
    '',
    '### reviewBelow sweep (a major or critical finding flags whatever the score; badBelow ≤ reviewBelow)',
    '',
    table(['reviewBelow', 'flagged', 'refA flagged', ...prfHeader], reviewSweep),
    '',
    '### Minor weight (major 5, critical 25)',
    '',
    table(['minor weight', 'reviewBelow', 'flagged', 'refA flagged', ...prfHeader], weightSweep),
    '',
    '### badBelow sweep: share of human errors among `bad` and among `review` verdicts',
    '',
    table(['badBelow', 'bad', ...positives.map(([n]) => `bad: ${n}`), 'review', ...positives.map(([n]) => `review: ${n}`), 'refA bad'], badSweep),
    '',
    '### By domain (defaults)',
    '',
    table(['domain', 'n', 'flagged', ...prfHeader], domains),
    '',
    '### Score against human scores',
    '',
    table(
      ['measure', 'vs esa_score', 'vs mqm_score'],
      [
        ['segment Kendall tau-b (all 8,242 together)', tauEsa.toFixed(3), tauMqm.toFixed(3)],
        ['pairwise accuracy with tie calibration (acc_eq, pairs of translations of one source)', `${f(accEsa.accuracy)} % (ε ${accEsa.epsilon})`, `${f(accMqm.accuracy)} % (ε ${accMqm.epsilon})`],
        ['  the same for a constant score (every pair a tie)', `${f(accEsa.constant)} %`, `${f(accMqm.constant)} %`],
        [
          'pairs the score separates and humans do not tie: ordered as humans order them',
          `${f(accEsa.separated)} % of ${accEsa.separatedPairs}`,
          `${f(accMqm.separated)} % of ${accMqm.separatedPairs}`,
        ],
        ['system ranking: pairwise orderings of the 13 systems that agree', rankingAgreement((s) => s.esa), rankingAgreement((s) => s.mqm)],
      ],
    ),
    '',
    `${results.filter((x) => x.result.score === 100).length} of ${results.length} translations score exactly 100 (no weighted finding), so most pairs are tied and the score can only separate the few it flags.`,
    '',
    table(
      ['system', 'n', 'tau-b vs esa', 'mean score', 'mean esa', 'mean mqm', 'flagged'],
      [...bySystem]
        .sort((a, b) => b.esa - a.esa)
        .map((s) => [s.system, s.n, s.tau.toFixed(3), s.score.toFixed(2), s.esa.toFixed(1), s.mqm.toFixed(2), pct(s.flaggedShare, 1)]),
    ),
    '',
  );

  // 4. Throughput on the whole dev corpus.
  const rssBefore = peakRssMb();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const row of dev) await checkTexts(row.en, row.zh, stage);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  out.push(
    '## 4. Throughput (align + all registered checks, one core)',
    '',
    table(
      ['pairs', 'wall s', 'pairs/s (wall)', 'CPU s', 'pairs per CPU-second', 'start-up to first result (s)', 'peak RSS (MB)', 'load average'],
      [[dev.length, seconds.toFixed(2), Math.round(dev.length / seconds), cpuSeconds.toFixed(2), Math.round(dev.length / cpuSeconds), (startupMs / 1000).toFixed(2), Math.max(rssBefore, peakRssMb()), loadavg()[0]!.toFixed(1)]],
    ),
    '',
    'Start-up is measured from process start (tsx included) to the first checked pair (CC-CEDICT, jieba and the glossary loaded). Target ≥ 500 pairs/s. The machine is shared with other jobs (load average above), so pairs per CPU-second is the fairer figure.',
    '',
  );
  const path = writeResult('checks', out.join('\n'));
  process.stdout.write(`${out.join('\n')}\nWritten to ${path}\n`);
}
