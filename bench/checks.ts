// `npm run bench -- checks`: recall on synthetic corruptions, precision on WMT24 human references,
// agreement with human scores, and throughput of align + all checks. Writes bench/results/checks.md.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { checks } from '../src/checks/index.js';
import { resolveChecks } from '../src/core/runner.js';
import type { Finding, Severity } from '../src/core/types.js';
import { checkTexts, type CheckStageOptions, type TextCheckResult } from '../src/pipeline/check.js';
import { DEFAULT_SCORING } from '../src/pipeline/score.js';
import { option, peakRssMb, readJsonl, rng, sharedDir, shuffle, table, writeResult } from './common.js';
import { corrupt, CORRUPTION_TYPES, INTENDED, type Row } from './corrupt.js';

/** A WMT24 ESA record (fields used here). */
interface WmtRecord {
  system: string;
  domain: string;
  source: string;
  target: string;
  esa_score: number;
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

  const flagged = (v: string) => v === 'review' || v === 'bad' || v === 'mismatched' || v === 'untranslated';
  const human = (r: WmtRecord) => r.errors.some((e) => e.severity === 'major');
  const pr = (pred: (x: (typeof results)[number]) => boolean, subset = results) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const x of subset) {
      const p = pred(x);
      const h = human(x.record);
      if (p && h) tp++;
      else if (p) fp++;
      else if (h) fn++;
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    return { tp, fp, fn, precision, recall, flagged: tp + fp };
  };
  const verdictPr = pr((x) => flagged(x.result.verdict));
  const sweep = [80, 90, 95, 98, 99.5].map((threshold) => {
    const m = pr((x) => x.result.findings.some((f) => atLeast(f, 'major')) || x.result.score < threshold);
    return [threshold, m.flagged, (100 * m.precision).toFixed(1), (100 * m.recall).toFixed(1)];
  });
  const domains = [...new Set(wmt.map((r) => r.domain))].sort().map((d) => {
    const m = pr((x) => flagged(x.result.verdict), results.filter((x) => x.record.domain === d));
    return [d, m.flagged, (100 * m.precision).toFixed(1), (100 * m.recall).toFixed(1)];
  });
  const tauAll = kendallTauB(results.map((x) => x.result.score), results.map((x) => x.record.esa_score));
  const systems = [...new Set(wmt.map((r) => r.system))].sort();
  const bySystem = systems.map((s) => {
    const xs = results.filter((x) => x.record.system === s);
    const mean = (f: (x: (typeof xs)[number]) => number) => xs.reduce((a, x) => a + f(x), 0) / xs.length;
    return {
      system: s,
      n: xs.length,
      tau: kendallTauB(xs.map((x) => x.result.score), xs.map((x) => x.record.esa_score)),
      score: mean((x) => x.result.score),
      esa: mean((x) => x.record.esa_score),
      flaggedShare: xs.filter((x) => flagged(x.result.verdict)).length / xs.length,
    };
  });
  let agree = 0;
  let pairs = 0;
  for (let i = 0; i < bySystem.length; i++) {
    for (let j = i + 1; j < bySystem.length; j++) {
      const a = bySystem[i]!;
      const b = bySystem[j]!;
      pairs++;
      if (Math.sign(a.score - b.score) === Math.sign(a.esa - b.esa)) agree++;
    }
  }
  out.push(
    '## 3. Agreement with human judgement (WMT24 ESA, all 13 systems)',
    '',
    `${results.length} translations; positive class = "has a human major span" (${results.filter((x) => human(x.record)).length}). Flagged = verdict \`review\`, \`bad\`, \`mismatched\` or \`untranslated\` (reviewBelow ${DEFAULT_SCORING.reviewBelow}, badBelow ${DEFAULT_SCORING.badBelow}).`,
    '',
    `Verdict flags: ${verdictPr.flagged} flagged, precision **${(100 * verdictPr.precision).toFixed(1)} %**, recall **${(100 * verdictPr.recall).toFixed(1)} %** (base rate ${pct(results.filter((x) => human(x.record)).length, results.length)}).`,
    '',
    'Threshold sweep (flag = a major finding or score under the threshold), used to calibrate `reviewBelow`:',
    '',
    table(['score threshold', 'flagged', 'precision %', 'recall %'], sweep),
    '',
    table(['domain', 'flagged', 'precision %', 'recall %'], domains),
    '',
    `Segment-level Kendall tau-b between score and \`esa_score\`: **${tauAll.toFixed(3)}** overall.`,
    '',
    table(
      ['system', 'n', 'tau-b', 'mean score', 'mean esa', 'flagged'],
      [...bySystem]
        .sort((a, b) => b.esa - a.esa)
        .map((s) => [s.system, s.n, s.tau.toFixed(3), s.score.toFixed(2), s.esa.toFixed(1), pct(s.flaggedShare, 1)]),
    ),
    '',
    `System ranking by mean score vs mean esa_score: **${agree} of ${pairs}** pairwise orderings agree.`,
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
