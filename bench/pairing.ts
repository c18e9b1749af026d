// Pairing benchmark: shuffles arxiv-gt-zh dev, pairs every Chinese translation back to its English
// original among all of them; measures accuracy, the unpaired decision with originals removed,
// distractors from seed 004, scaling, time and memory; then, through the CLI (`audit` on files), the
// look-alike sets, mis-joined records and the WMT24 human references.
// `npm run bench -- pairing [--limit n] [--seed n] [--only cli]`.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import type { IdentifiedBlock, Pair } from '../src/core/types.js';
import { countHan } from '../src/core/text.js';
import { QUEUED_VERDICTS } from '../src/report/flagged.js';
import { crossLingualSimilarity } from '../src/lexicon/similarity.js';
import { pairTranslations } from '../src/pipeline/pair.js';
import { option, peakRssMb, readJsonl, rng, sharedDir, shuffle, table, writeResult } from './common.js';
import { auditThroughCli, lookalikeSets, type CorpusRecord, type FileReport } from './lookalikes.js';

interface Record {
  id: string;
  title: string;
  en: string;
  zh: string;
}

function block(id: string, file: string, line: number, text: string, zh: boolean, recordId?: string): IdentifiedBlock {
  return {
    id,
    file,
    lines: [line, line],
    raw: text,
    text: text.normalize('NFC').trim(),
    claimed: 'unknown',
    ...(recordId !== undefined ? { recordId } : {}),
    language: zh ? 'zh' : 'en',
    script: zh ? 'simplified' : 'none',
    role: zh ? 'translation' : 'original',
    hanRatio: zh ? 1 : 0,
  };
}

/** Translations (one per record) and distinct originals (one per distinct English text) of records. */
function blocks(records: readonly Record[]): { translations: IdentifiedBlock[]; originals: IdentifiedBlock[] } {
  const translations = records.map((r, i) => block(`0:${i}`, 'dev.jsonl', i + 1, r.zh, true, r.id));
  const seen = new Set<string>();
  const originals: IdentifiedBlock[] = [];
  records.forEach((r, i) => {
    if (seen.has(r.en)) return;
    seen.add(r.en);
    originals.push(block(`1:${i}`, 'originals.jsonl', i + 1, r.en, false, r.id));
  });
  return { translations, originals };
}

/** Abstract-length lines of the seed pages: Chinese ones are translations, English ones originals. */
function seedBlocks(dir: string, only?: string): { translations: IdentifiedBlock[]; originals: IdentifiedBlock[] } {
  const translations: IdentifiedBlock[] = [];
  const originals: IdentifiedBlock[] = [];
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && (only === undefined || f.startsWith(only)))
    .sort()
    .forEach((f, fi) => {
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .forEach((line, li) => {
          if (line.length < 200) return;
          const zh = countHan(line) > line.length / 4;
          (zh ? translations : originals).push(block(`s${fi}:${li}`, f, li + 1, line, zh));
        });
    });
  return { translations, originals };
}

interface Outcome {
  n: number;
  paired: number;
  correct: number;
  wrong: number;
  unpaired: number;
  top1: number;
  seconds: number;
}

function evaluate(pairs: readonly Pair[], seconds: number): Outcome {
  let paired = 0;
  let correct = 0;
  let wrong = 0;
  let top1 = 0;
  for (const p of pairs) {
    const truth = p.translation.recordId;
    if (p.evidence.best[0]?.original.id === truth) top1++;
    if (p.status !== 'paired' || !p.original) continue;
    paired++;
    if (p.original.recordId === truth) correct++;
    else wrong++;
  }
  return { n: pairs.length, paired, correct, wrong, unpaired: pairs.length - paired, top1, seconds };
}

/** Runs f; returns its value, wall seconds and CPU seconds of this process (the machine may be shared). */
function timed<T>(f: () => T): [T, number, number] {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = f();
  const c = process.cpuUsage(c0);
  return [value, (performance.now() - t0) / 1000, (c.user + c.system) / 1e6];
}

/** Values at the given quantiles (0-1) of xs, to three decimals. */
function quantiles(xs: readonly number[], qs: readonly number[]): string[] {
  const sorted = [...xs].sort((a, b) => a - b);
  return qs.map((q) => (sorted.length === 0 ? '–' : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number).toFixed(3)));
}

const pct = (x: number, n: number) => (n === 0 ? '–' : `${((100 * x) / n).toFixed(2)} %`);

/** Runs the benchmark and writes bench/results/pairing.md. */
export async function run(args: string[]): Promise<void> {
  const shared = sharedDir(args);
  const corpus = option(args, 'corpus', join(shared, 'corpora', 'arxiv-gt-zh', 'dev.jsonl')) as string;
  const seed = Number(option(args, 'seed', '1'));
  const limit = Number(option(args, 'limit', '0'));
  const seedsDir = option(args, 'seeds', join(shared, 'seeds')) as string;
  let records = shuffle(readJsonl<Record>(corpus), rng(seed));
  if (limit > 0) records = records.slice(0, limit);
  const out: string[] = [
    '# Pairing benchmark',
    '',
    `Corpus: \`${corpus.replace(shared, '../shared')}\` (${records.length} records, shuffled with seed ${seed}). ` +
      'Every `zh` is a translation, every distinct `en` an original. A pair is correct when the chosen ' +
      "original carries the translation's arXiv id (several ids have more than one English version).",
    '',
  ];
  const log = (s: string) => process.stdout.write(`${s}\n`);
  if (option(args, 'only') === 'cli') {
    await throughCli(shared, seed, out, log);
    log(`wrote ${writeResult('pairing-cli', out.join('\n'))}`);
    return;
  }

  // 1. All originals present.
  const all = blocks(records);
  const [pairsAll, tAll, cAll] = timed(() => pairTranslations(all.translations, all.originals));
  const a = evaluate(pairsAll, tAll);
  const exact = pairsAll.filter((p) => p.status === 'paired' && p.original?.text === records[Number(p.id.slice(2))]?.en).length;
  const peakAfterAll = peakRssMb();
  log(`all originals: ${a.n} × ${all.originals.length} in ${tAll.toFixed(1)} s`);
  out.push(
    '## All originals present',
    '',
    table(
      ['translations', 'originals', 'top-1 (best candidate)', 'paired correctly', 'paired wrongly', 'unpaired', 'precision', 'exact English version', 'wall s', 'CPU s', 'pairs/s (wall)'],
      [[a.n, all.originals.length, pct(a.top1, a.n), pct(a.correct, a.n), pct(a.wrong, a.n), pct(a.unpaired, a.n), pct(a.correct, a.paired), pct(exact, a.paired), a.seconds.toFixed(1), cAll.toFixed(1), Math.round(a.n / a.seconds)]],
    ),
    '',
    `Peak RSS of the process after this run (corpus loaded, lexicon, pairing): ${peakAfterAll} MB.`,
    '',
  );

  // 2. 10 % of the papers' originals removed.
  const ids = [...new Set(records.map((r) => r.id))];
  const removed = new Set(shuffle([...ids], rng(seed + 1)).slice(0, Math.round(ids.length / 10)));
  const kept = all.originals.filter((o) => !removed.has(o.recordId as string));
  const [pairsRemoved, tRemoved] = timed(() => pairTranslations(all.translations, kept));
  const orphanScores: number[] = [];
  const orphanMargins: number[] = [];
  const trueScores: number[] = [];
  const trueMargins: number[] = [];
  let absentUnpaired = 0;
  let absent = 0;
  let presentUnpaired = 0;
  let presentWrong = 0;
  let present = 0;
  for (const p of pairsRemoved) {
    if (removed.has(p.translation.recordId as string)) {
      absent++;
      if (p.status === 'unpaired') absentUnpaired++;
      orphanScores.push(p.evidence.score);
      orphanMargins.push(p.evidence.margin);
    } else {
      present++;
      if (p.evidence.best[0]?.original.id === p.translation.recordId) {
        trueScores.push(p.evidence.score);
        trueMargins.push(p.evidence.margin);
      }
      if (p.status === 'unpaired') presentUnpaired++;
      else if (p.original?.recordId !== p.translation.recordId) presentWrong++;
    }
  }
  log(`10 % removed: ${pct(absentUnpaired, absent)} of orphans unpaired; ${pct(presentUnpaired, present)} of others unpaired`);
  out.push(
    '## 10 % of originals removed',
    '',
    table(
      ['translations', 'originals left', 'without original', '…reported unpaired (≥ 97 %)', 'with original', '…wrongly unpaired (≤ 0.5 %)', '…paired wrongly', 'seconds'],
      [[pairsRemoved.length, kept.length, absent, pct(absentUnpaired, absent), present, pct(presentUnpaired, present), pct(presentWrong, present), tRemoved.toFixed(1)]],
    ),
    '',
    'Where the thresholds sit (minScore 0.42, minMargin 0.08): best-candidate score and margin of the translations',
    'without an original, against those of translations whose best candidate is their true original.',
    '',
    table(
      ['', 'score p50', 'score p99', 'score max', 'margin p50', 'margin p99', 'margin max'],
      [
        ['without original', ...quantiles(orphanScores, [0.5, 0.99, 1]), ...quantiles(orphanMargins, [0.5, 0.99, 1])],
        ['true original best', ...quantiles(trueScores, [0.5, 0.01, 0]).map((x) => x), ...quantiles(trueMargins, [0.5, 0.01, 0])],
      ],
    ),
    '',
    '(For the true originals the columns are p50, p1 and min.)',
    '',
  );

  // 3. Scaling.
  const rows: Array<Array<string | number>> = [];
  for (const n of [...new Set([1000, 3000, records.length])].filter((k) => k <= records.length)) {
    const sub = blocks(records.slice(0, n));
    const before = process.memoryUsage().rss;
    const [p, t, c] = timed(() => pairTranslations(sub.translations, sub.originals));
    const e = evaluate(p, t);
    rows.push([n, sub.originals.length, t.toFixed(2), c.toFixed(2), Math.round(n / t), pct(e.correct, n), Math.round((process.memoryUsage().rss - before) / 1e6)]);
    log(`scale ${n}: ${t.toFixed(2)} s`);
  }
  out.push('## Scaling', '', table(['translations', 'originals', 'wall s', 'CPU s', 'pairs/s (wall)', 'paired correctly', 'RSS growth MB'], rows), '');

  // 4. Distractors: 1,000 translations against all originals plus seed 004's abstracts.
  const distractors = seedBlocks(seedsDir, '004');
  const [pairsD, tD] = timed(() => pairTranslations(all.translations.slice(0, 1000), [...all.originals, ...distractors.originals]));
  const d = evaluate(pairsD, tD);
  const ontoSeed = pairsD.filter((p) => p.original?.file.startsWith('004')).length;
  log(`distractors: ${pct(d.correct, d.n)} correct, ${ontoSeed} onto seed 004`);
  out.push(
    '## 1,000 translations, all originals plus seed 004 as distractors',
    '',
    table(
      ['translations', 'originals', 'distractors', 'paired correctly', 'paired wrongly', 'paired onto a distractor', 'unpaired', 'seconds'],
      [[d.n, all.originals.length, distractors.originals.length, pct(d.correct, d.n), pct(d.wrong, d.n), ontoSeed, pct(d.unpaired, d.n), tD.toFixed(1)]],
    ),
    '',
  );

  // 5. The seeds alone: their Chinese abstracts' originals are not in the seeds.
  const seeds = seedBlocks(seedsDir);
  const pairsSeeds = pairTranslations(seeds.translations, seeds.originals);
  out.push(
    '## Seeds alone (all Chinese abstracts should be unpaired)',
    '',
    table(
      ['translation', 'status', 'best candidate', 'score', 'margin'],
      pairsSeeds.map((p) => [`${p.translation.file}:${p.translation.lines[0]}`, p.status, p.evidence.best[0] ? `${p.evidence.best[0].original.file}:${p.evidence.best[0].original.lines[0]}` : '–', p.evidence.score, p.evidence.margin]),
    ),
    '',
  );
  log(`seeds: ${pairsSeeds.map((p) => p.status).join(', ')}`);

  // 6. Single-pair similarity (what the mismatched-pair check sees), no corpus weights.
  const sample = records.slice(0, 500);
  const [sims, tSims] = timed(() => ({
    truePairs: sample.map((r) => crossLingualSimilarity(r.en, r.zh).score),
    wrongPairs: sample.map((r, i) => crossLingualSimilarity((sample[(i + 1) % sample.length] as Record).en, r.zh).score),
  }));
  out.push(
    '## Single-pair similarity (`crossLingualSimilarity`, generic weights)',
    '',
    `${sample.length} true pairs and ${sample.length} mismatched pairs (each translation against the next record's English), ${(tSims / (2 * sample.length) * 1000).toFixed(1)} ms a pair.`,
    '',
    table(
      ['', 'min', 'p1', 'p5', 'p50', 'p95', 'p99', 'max'],
      [
        ['true pairs', ...quantiles(sims.truePairs, [0, 0.01, 0.05, 0.5, 0.95, 0.99, 1])],
        ['mismatched pairs', ...quantiles(sims.wrongPairs, [0, 0.01, 0.05, 0.5, 0.95, 0.99, 1])],
      ],
    ),
    '',
  );

  await throughCli(shared, seed, out, log);

  out.push(`Load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(', ')} on ${cpus().length} cores (other jobs share the machine; CPU seconds are the steadier figure).`, '');
  out.push(`Peak RSS of the whole benchmark process: ${peakRssMb()} MB. Node ${process.version}, ${process.platform}.`, '');
  const path = writeResult('pairing', out.join('\n'));
  log(`wrote ${path}`);
}

/** Share of `x` in `n`, as a percentage with two decimals. */
function share(x: number, n: number): string {
  return pct(x, n);
}

/** Writes records as JSONL into `dir` and returns the path. */
function jsonl(dir: string, name: string, rows: readonly object[]): string {
  const path = join(dir, name);
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}

/** How the translations of a look-alike run came out: correct, wrong, unpaired (by arXiv id). */
function pairedOutcome(report: FileReport, truth: ReadonlyMap<string, string>): { correct: number; wrong: number; unpaired: number; rejected: number; n: number } {
  const idOf = new Map(report.blocks.map((b) => [b.id, b.recordId]));
  let correct = 0;
  let wrong = 0;
  let unpaired = 0;
  let rejected = 0;
  let n = 0;
  for (const p of report.pairs) {
    const id = idOf.get(p.translation);
    if (id === undefined || !truth.has(id)) continue;
    n++;
    if (p.evidence.rejected && p.evidence.rejected.length > 0) rejected++;
    if (p.status !== 'paired' || !p.original) unpaired++;
    else if (p.original.id === truth.get(id)) correct++;
    else wrong++;
  }
  return { correct, wrong, unpaired, rejected, n };
}

/** Verdict counts of a report's pairs, and how many record translations got no verdict. */
function verdicts(report: FileReport): { counts: Map<string, number>; pairs: number; withoutVerdict: number; translationBlocks: number } {
  const counts = new Map<string, number>();
  for (const p of report.pairs) counts.set(p.verdict, (counts.get(p.verdict) ?? 0) + 1);
  const withVerdict = new Set(report.pairs.map((p) => p.translation));
  // Every record's second block (`zh`) is the one a user reads as the translation.
  const translationBlocks = report.blocks.filter((b) => Number(b.id.split(':')[1]) % 2 === 1);
  return { counts, pairs: report.pairs.length, withoutVerdict: translationBlocks.filter((b) => !withVerdict.has(b.id)).length, translationBlocks: translationBlocks.length };
}

/** The verdicts that flag a translation: the re-translation queue's. */
const FLAGS: readonly string[] = QUEUED_VERDICTS;

/**
 * Figures measured as a user meets them: `audit` on JSONL files through `main()`, pairing, checks and
 * verdicts together. 300 sampled arXiv dev translations with their 3 most similar other abstracts (by
 * content-word overlap, below near-duplicate level), with the true originals removed and present;
 * mis-joined records; the WMT24 en→zh human references as attached records.
 */
async function throughCli(shared: string, seed: number, out: string[], log: (s: string) => void): Promise<void> {
  const corpus = readJsonl<CorpusRecord>(join(shared, 'corpora', 'arxiv-gt-zh', 'dev.jsonl'));
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-pairing-'));
  try {
    const t0 = process.cpuUsage();
    const sets = lookalikeSets(corpus, 300, 3, seed + 7);
    const truth = new Map(sets.map((s) => [(corpus[s.record] as CorpusRecord).id, (corpus[s.record] as CorpusRecord).id]));
    // Each translation is audited on its own, against its 3 look-alikes (and its true original): a pool
    // of 3–4 originals, where corpus weights cannot tell topic words from telling ones.
    const absent = { correct: 0, wrong: 0, unpaired: 0, rejected: 0, n: 0 };
    const present = { correct: 0, wrong: 0, unpaired: 0, rejected: 0, n: 0 };
    const add = (into: typeof absent, from: typeof absent) => {
      for (const k of Object.keys(into) as Array<keyof typeof absent>) into[k] += from[k];
    };
    let lookalikeCount = 0;
    for (const [i, s] of sets.entries()) {
      const r = corpus[s.record] as CorpusRecord;
      const translation = jsonl(dir, `t${i}.jsonl`, [{ id: r.id, zh: r.zh }]);
      const others = s.lookalikes.map((j) => ({ id: (corpus[j] as CorpusRecord).id, en: (corpus[j] as CorpusRecord).en }));
      lookalikeCount += others.length;
      add(absent, pairedOutcome(await auditThroughCli(translation, jsonl(dir, `l${i}.jsonl`, others)), truth));
      add(present, pairedOutcome(await auditThroughCli(translation, jsonl(dir, `p${i}.jsonl`, [...others, { id: r.id, en: r.en }])), truth));
    }
    log(`look-alikes: original absent ${share(absent.unpaired, absent.n)} unpaired; present ${share(present.correct, present.n)} correct`);

    // Mis-joined: the English of one paper with the Chinese of its most similar other paper; control: true records.
    const misjoined = jsonl(dir, 'misjoined.jsonl', sets.map((s) => {
      const a = corpus[s.record] as CorpusRecord;
      const b = corpus[s.lookalikes[0] as number] as CorpusRecord;
      return { id: a.id, en: a.en, zh: b.zh };
    }));
    const control = jsonl(dir, 'true-records.jsonl', sets.map((s) => {
      const a = corpus[s.record] as CorpusRecord;
      return { id: a.id, en: a.en, zh: a.zh };
    }));
    const mis = verdicts(await auditThroughCli(misjoined));
    // The same records with the originals their Chinese translates among the candidates (a corpus run).
    const misWithBetter = verdicts(
      await auditThroughCli(misjoined, jsonl(dir, 'misjoined-originals.jsonl', sets.map((s) => ({ id: (corpus[s.lookalikes[0] as number] as CorpusRecord).id, en: (corpus[s.lookalikes[0] as number] as CorpusRecord).en })))),
    );
    const ctl = verdicts(await auditThroughCli(control));
    log(`mis-joined: ${share(mis.counts.get('mismatched') ?? 0, mis.pairs)} mismatched (${share(misWithBetter.counts.get('mismatched') ?? 0, misWithBetter.pairs)} with their originals given); true records ${share(ctl.counts.get('mismatched') ?? 0, ctl.pairs)}`);

    // WMT24 human references (refA) as attached en/zh records.
    const wmt = readJsonl<{ system: string; doc: string; seg_id: number; source: string; target: string }>(join(shared, 'corpora', 'wmt24-esa-enzh', 'wmt24_esa_enzh.jsonl'))
      .filter((r) => r.system === 'refA')
      .map((r) => ({ id: `${r.doc}#${r.seg_id}`, en: r.source, zh: r.target }));
    const refReport = await auditThroughCli(jsonl(dir, 'refA.jsonl', wmt));
    const ref = verdicts(refReport);
    const flagged = FLAGS.reduce((sum, v) => sum + (ref.counts.get(v) ?? 0), 0);
    const byCheck = new Map<string, number>();
    for (const p of refReport.pairs) {
      if (!FLAGS.includes(p.verdict)) continue;
      for (const c of new Set(p.findings.filter((f) => f.severity === 'major' || f.severity === 'critical').map((f) => f.check))) byCheck.set(c, (byCheck.get(c) ?? 0) + 1);
    }
    const cpu = process.cpuUsage(t0);
    log(`refA: ${share(ref.counts.get('mismatched') ?? 0, wmt.length)} mismatched, ${share(flagged, wmt.length)} flagged, ${ref.withoutVerdict} without verdict`);

    const order = ['good', 'review', 'bad', 'mismatched', 'untranslated', 'unpaired', 'nothing-to-translate', 'too-short'];
    out.push(
      '## Through the CLI: look-alikes, mis-joined records, WMT24 human references',
      '',
      '`audit` run in process on JSONL files (`main()`, as `node dist/bin.js audit` does), pairing, checks and verdicts together.',
      `300 arXiv dev translations (sampled with seed ${seed + 7}), each with its 3 most similar other abstracts by content-stem Jaccard`,
      `under near-duplicate level (0.6). Each translation is audited alone (\`audit t.jsonl --originals lookalikes.jsonl\`) against its`,
      `${lookalikeCount / sets.length} look-alikes, then against them plus its true original.`,
      '',
      table(
        ['set', 'translations', 'paired correctly', 'paired wrongly', 'unpaired', 'with a rejected candidate'],
        [
          ['true originals absent (≥ 95 % unpaired)', absent.n, share(absent.correct, absent.n), share(absent.wrong, absent.n), share(absent.unpaired, absent.n), share(absent.rejected, absent.n)],
          ['true originals present (≥ 97 % correct)', present.n, share(present.correct, present.n), share(present.wrong, present.n), share(present.unpaired, present.n), share(present.rejected, present.n)],
        ],
      ),
      '',
      'Mis-joined records: `en` of a sampled paper, `zh` of its most similar other paper (target ≥ 90 % `mismatched`); control: the same papers\' true records.',
      '',
      table(
        ['records', ...order],
        [
          [`mis-joined (${mis.pairs})`, ...order.map((v) => share(mis.counts.get(v) ?? 0, mis.pairs))],
          [`mis-joined, true originals given with --originals (${misWithBetter.pairs})`, ...order.map((v) => share(misWithBetter.counts.get(v) ?? 0, misWithBetter.pairs))],
          [`true (${ctl.pairs})`, ...order.map((v) => share(ctl.counts.get(v) ?? 0, ctl.pairs))],
        ],
      ),
      '',
      `WMT24 en→zh human references (\`refA\`, ${wmt.length} segments of news, social, speech and literary text) as attached \`en\`/\`zh\` records.`,
      `Targets: \`mismatched\` ≤ 0.5 %, any flag (review, bad, mismatched, untranslated) ≤ 6 %, every translation block has a verdict.`,
      '',
      table(['', ...order, 'any flag', 'blocks without verdict'], [[`refA (${wmt.length})`, ...order.map((v) => share(ref.counts.get(v) ?? 0, wmt.length)), share(flagged, wmt.length), `${ref.withoutVerdict} of ${ref.translationBlocks}`]]),
      '',
      `Checks with a major or critical finding on flagged refA segments: ${[...byCheck].sort((a, b) => b[1] - a[1]).map(([c, n]) => `\`${c}\` ${n}`).join(', ') || 'none'}.`,
      '',
      `CPU time of these five audits: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s.`,
      '',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
