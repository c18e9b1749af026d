// `npm run bench -- judge --base-url … --model …` (or `--mock`): the LLM judge on a WMT24 ESA sample
// (+ arXiv dev): agreement with human spans and scores, tokens and cost per 1,000 pairs, throughput
// at several concurrency levels. `--mock` measures the judge's own overhead against the local mock
// server (200 ms per answer); quality figures need a real model.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding, PairResult } from '../src/core/types.js';
import { DEFAULT_JUDGE_OPTIONS, type JudgeOptions } from '../src/llm/options.js';
import { costOf, priceFor } from '../src/llm/usage.js';
import { createJudge, estimateJudgeCost } from '../src/pipeline/judge.js';
import { jsonReply, startMockOpenAI } from '../tests/helpers/mock-openai-server.js';
import { makePair } from '../tests/llm/fixtures/pairs.js';
import { option, readJsonl, rng, sharedDir, shuffle, table, writeResult } from './common.js';

interface WmtRecord {
  doc: string;
  domain: string;
  seg_id: number;
  system: string;
  source: string;
  target: string;
  mqm_score: number;
  esa_score: number;
  errors: Array<{ severity: string; start: number | null; end: number | null; category?: string }>;
}
interface ArxivRecord {
  id: string;
  en: string;
  zh: string;
}

const WEIGHT: Record<string, number> = { info: 0, minor: 1, major: 5, critical: 25 };

/** Kendall tau-b between two equally long lists. */
export function kendallTau(a: readonly number[], b: readonly number[]): number {
  let concordant = 0;
  let discordant = 0;
  let tiesA = 0;
  let tiesB = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      const da = Math.sign((a[i] as number) - (a[j] as number));
      const db = Math.sign((b[i] as number) - (b[j] as number));
      if (da === 0 && db === 0) continue;
      if (da === 0) tiesA++;
      else if (db === 0) tiesB++;
      else if (da === db) concordant++;
      else discordant++;
    }
  }
  const denominator = Math.sqrt((concordant + discordant + tiesA) * (concordant + discordant + tiesB));
  return denominator === 0 ? 0 : (concordant - discordant) / denominator;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const f3 = (x: number) => x.toFixed(3);

/** A deterministic stand-in model for --mock: flags the first two Han characters of one text in ten. */
function mockAnswer(translation: string): ReturnType<typeof jsonReply> {
  let h = 0;
  for (const c of translation) h = (h * 31 + (c.codePointAt(0) ?? 0)) >>> 0;
  const han = /[\u4e00-\u9fff]{2}/.exec(translation)?.[0];
  const errors =
    h % 10 === 0 && han
      ? [{ span: han, source_span: '', category: 'accuracy/mistranslation', severity: h % 20 === 0 ? 'major' : 'minor', explanation: 'mock', fix: '' }]
      : [];
  return jsonReply({ errors });
}

async function timedRun(pairs: PairResult[], options: JudgeOptions): Promise<{ seconds: number; findings: Map<string, Finding[]>; usage: import('../src/core/types.js').LlmUsage }> {
  const start = performance.now();
  const outcome = await createJudge(options, process.env).judgeAll(pairs, () => [], {});
  return { seconds: (performance.now() - start) / 1000, findings: outcome.findings, usage: outcome.usage };
}

/** Starts the mock server in a child process (a real server is not in the client's process either). */
async function startMockProcess(latencyMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const here = dirname(fileURLToPath(import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'run.ts'), 'judge', '--serve-mock', '--latency', String(latencyMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /MOCK (\S+)/.exec(out);
      if (m) resolve(m[1] as string);
    });
    child.on('exit', (code) => reject(new Error(`mock server exited with ${code}`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function run(args: string[]): Promise<void> {
  if (args.includes('--serve-mock')) {
    const latency = Number(option(args, 'latency', '200'));
    const server = await startMockOpenAI({ latencyMs: latency, chat: (call) => mockAnswer(call.translation) });
    // Only counters are needed across processes; keeping every call would grow without bound.
    server.chatCalls.length = 0;
    setInterval(() => {
      server.chatCalls.length = 0;
      server.requests.length = 0;
    }, 1000).unref();
    process.stdout.write(`MOCK ${server.url}\n`);
    process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
    return;
  }
  const mockMode = args.includes('--mock');
  const shared = sharedDir(args);
  const seed = Number(option(args, 'seed', '7'));
  const segments = Number(option(args, 'segments', mockMode ? '40' : '40'));
  const arxivCount = Number(option(args, 'arxiv', '50'));
  const latencyMs = Number(option(args, 'latency', '200'));
  const levels = (option(args, 'concurrency', mockMode ? '4,16,64' : '4,16') as string).split(',').map(Number);
  const throughputPairs = Number(option(args, 'throughput-pairs', mockMode ? '1000' : '100'));
  let mock: { url: string; close(): Promise<void> } | undefined;
  if (mockMode) mock = await startMockProcess(latencyMs);
  const baseUrl = mock?.url ?? option(args, 'base-url');
  const model = option(args, 'model', mockMode ? 'mock-model' : DEFAULT_JUDGE_OPTIONS.model) as string;
  const base: JudgeOptions = {
    ...DEFAULT_JUDGE_OPTIONS,
    model,
    ...(baseUrl ? { baseUrl } : {}),
    ...(mockMode ? { apiKey: 'mock' } : option(args, 'api-key') ? { apiKey: option(args, 'api-key') as string } : {}),
    cache: !args.includes('--no-cache'),
    cacheDir: option(args, 'cache-dir', join(mkdtempSync(join(tmpdir(), 'transcheck-bench-judge-')), 'cache')) as string,
    concurrency: Number(option(args, 'judge-concurrency', '16')),
    timeoutMs: Number(option(args, 'timeout', '120000')),
  };

  // Sample: whole segments with all their systems, so that system ranking is measured on equal items.
  const wmt = readJsonl<WmtRecord>(join(shared, 'corpora/wmt24-esa-enzh/wmt24_esa_enzh.jsonl'));
  const bySegment = new Map<string, WmtRecord[]>();
  for (const r of wmt) bySegment.set(`${r.doc}#${r.seg_id}`, [...(bySegment.get(`${r.doc}#${r.seg_id}`) ?? []), r]);
  const random = rng(seed);
  const chosen = shuffle([...bySegment.keys()], random).slice(0, segments);
  const records = chosen.flatMap((k) => bySegment.get(k) ?? []);
  const wmtPairs = records.map((r, i) => makePair(`w:${i}`, r.source, r.target));
  const arxiv = shuffle(readJsonl<ArxivRecord>(join(shared, 'corpora/arxiv-gt-zh/dev.jsonl')), random).slice(0, arxivCount);
  const arxivPairs = arxiv.map((r, i) => makePair(`a:${i}`, r.en, r.zh));

  const lines: string[] = ['# LLM judge benchmark', ''];
  lines.push(
    mockMode
      ? `Run: \`npm run bench -- judge --mock\` against the local mock server (${latencyMs} ms per answer, a fixed stand-in answer). **Quality figures below are those of the stand-in, not of a model: they only show the harness works. Measure quality with \`--base-url … --model …\`.**`
      : `Run: \`npm run bench -- judge --base-url ${baseUrl ?? '(OpenAI)'} --model ${model}\`.`,
    '',
  );

  // 1. Estimated tokens and cost (no calls).
  const estRows: Array<Array<string | number>> = [];
  for (const [name, pairs] of [['WMT24 ESA paragraphs', wmtPairs], ['arXiv abstracts', arxivPairs]] as const) {
    const est = estimateJudgeCost(pairs, base);
    const perPair = est.promptTokens / Math.max(1, est.pairs);
    const cost = (m: string) =>
      costOf({ prompt: (perPair * 1000), completion: 300 * 1000, cached: 0 }, priceFor(m)).toFixed(2);
    estRows.push([name, est.pairs, Math.round(perPair), 300, cost('gpt-4o-mini'), cost('gpt-4.1-mini'), cost('gpt-4o')]);
  }
  lines.push('## Estimated tokens and cost per 1,000 pairs (no calls)', '');
  lines.push(table(['sample', 'pairs', 'prompt tokens / pair (est.)', 'completion / pair (assumed)', 'USD gpt-4o-mini', 'USD gpt-4.1-mini', 'USD gpt-4o'], estRows));
  lines.push('', 'Prompt tokens are estimated without a tokenizer (1 per Han character, 1 per 4 other characters); the Batch API halves these costs.', '');

  // 2. Quality on WMT24 (one run over the sample).
  const quality = await timedRun([...wmtPairs, ...arxivPairs], base);
  const judged = wmtPairs.filter((p) => (quality.findings.get(p.pair.id) ?? []).every((f) => f.messageId !== 'judge-failed'));
  let tp = 0, fp = 0, fn = 0, spanTp = 0, spanPred = 0, spanGold = 0, unlocated = 0, judgeFindings = 0;
  const penalties: number[] = [];
  const mqm: number[] = [];
  const esa: number[] = [];
  const systemScores = new Map<string, { judge: number; human: number; n: number }>();
  for (const p of judged) {
    const r = records[Number(p.pair.id.slice(2))] as WmtRecord;
    const findings = (quality.findings.get(p.pair.id) ?? []).filter((f) => f.messageId === 'judge-error');
    judgeFindings += findings.length;
    unlocated += findings.filter((f) => f.data.located === 'no').length;
    const penalty = findings.reduce((s, f) => s + (WEIGHT[f.severity] ?? 0), 0);
    penalties.push(-penalty);
    mqm.push(r.mqm_score);
    esa.push(r.esa_score);
    const flagged = findings.some((f) => f.severity === 'major' || f.severity === 'critical');
    const gold = r.errors.some((e) => e.severity === 'major');
    if (flagged && gold) tp++;
    else if (flagged) fp++;
    else if (gold) fn++;
    const goldChars = new Set<number>();
    for (const e of r.errors) if (e.start !== null && e.end !== null) for (let i = e.start; i < e.end; i++) goldChars.add(i);
    const predChars = new Set<number>();
    for (const f of findings) if (f.side === 'target' && f.range) for (let i = f.range[0]; i < f.range[1]; i++) predChars.add(i);
    spanGold += goldChars.size;
    spanPred += predChars.size;
    for (const i of predChars) if (goldChars.has(i)) spanTp++;
    const s = systemScores.get(r.system) ?? { judge: 0, human: 0, n: 0 };
    s.judge -= penalty;
    s.human += r.mqm_score;
    s.n++;
    systemScores.set(r.system, s);
  }
  const systems = [...systemScores.entries()].map(([name, s]) => ({ name, judge: s.judge / s.n, human: s.human / s.n }));
  let agree = 0, pairsOfSystems = 0;
  for (let i = 0; i < systems.length; i++) {
    for (let j = i + 1; j < systems.length; j++) {
      const a = systems[i]!, b = systems[j]!;
      if (a.human === b.human) continue;
      pairsOfSystems++;
      if (Math.sign(a.judge - b.judge) === Math.sign(a.human - b.human)) agree++;
    }
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  lines.push(`## Agreement with WMT24 human annotation (${segments} segments × their systems = ${wmtPairs.length} pairs, seed ${seed})`, '');
  lines.push(
    table(
      ['measure', 'value'],
      [
        ['pairs judged (not failed)', `${judged.length} / ${wmtPairs.length}`],
        ['flag "has a major span": precision / recall / F1', `${pct(precision)} / ${pct(recall)} / ${pct((2 * precision * recall) / Math.max(1e-9, precision + recall))}`],
        ['segment Kendall tau-b, judge penalty vs mqm_score', f3(kendallTau(penalties, mqm))],
        ['segment Kendall tau-b, judge penalty vs esa_score', f3(kendallTau(penalties, esa))],
        ['pairwise system accuracy (mean judge penalty vs mean mqm_score)', `${pct(agree / Math.max(1, pairsOfSystems))} of ${pairsOfSystems} system pairs`],
        ['span overlap (characters): precision / recall', `${pct(spanTp / Math.max(1, spanPred))} / ${pct(spanTp / Math.max(1, spanGold))}`],
        ['judge findings / unlocated spans', `${judgeFindings} / ${unlocated}`],
      ],
    ),
  );
  const arxivFlagged = arxivPairs.filter((p) => (quality.findings.get(p.pair.id) ?? []).some((f) => f.severity === 'major' || f.severity === 'critical')).length;
  const u = quality.usage;
  const calls = Math.max(1, u.calls);
  lines.push('', `arXiv dev sample (no human labels): ${arxivFlagged} of ${arxivPairs.length} abstracts have a major or critical judge finding.`, '');
  lines.push('## Measured usage of that run', '');
  lines.push(
    table(
      ['calls', 'prompt tokens / call', 'completion tokens / call', 'cached tokens', 'cost USD', 'cost USD per 1,000 pairs', 'failures', 'seconds'],
      [[u.calls, Math.round(u.promptTokens / calls), Math.round(u.completionTokens / calls), u.cachedTokens, u.costUsd.toFixed(4), ((u.costUsd / Math.max(1, u.calls)) * 1000).toFixed(3), u.failures, quality.seconds.toFixed(1)]],
    ),
  );
  if (mockMode) lines.push('', 'The mock reports 1,000 prompt and 100 completion tokens per call, and has no price: these rows show the accounting, not real usage.');

  // 3. Throughput at several concurrency levels (cache off, so every pair is a call).
  lines.push('', `## Throughput (cache off${mockMode ? `, mock latency ${latencyMs} ms` : ''})`, '');
  const rows: Array<Array<string | number>> = [];
  const pool = [...wmtPairs, ...arxivPairs];
  for (const level of levels) {
    const n = mockMode ? (level >= 16 ? throughputPairs : Math.max(100, level * 50)) : Math.min(throughputPairs, pool.length);
    const pairs = Array.from({ length: n }, (_, i) => {
      const p = pool[i % pool.length] as PairResult;
      // Distinct texts, so no two pairs share one request.
      return makePair(`t:${i}`, p.pair.original?.text ?? '', `${p.pair.translation.text}（${i}）`);
    });
    const r = await timedRun(pairs, { ...base, cache: false, concurrency: level });
    const ideal = mockMode ? (Math.ceil(n / level) * latencyMs) / 1000 : undefined;
    rows.push([
      level,
      n,
      r.seconds.toFixed(2),
      (n / r.seconds).toFixed(1),
      ideal === undefined ? '–' : ideal.toFixed(2),
      ideal === undefined ? '–' : `${(100 * (r.seconds / ideal - 1)).toFixed(1)} %`,
      r.usage.failures,
    ]);
    process.stderr.write(`concurrency ${level}: ${n} pairs in ${r.seconds.toFixed(2)} s\n`);
  }
  lines.push(table(['concurrency', 'pairs', 'seconds', 'pairs / s', 'ideal s', 'overhead vs ideal', 'failures'], rows));
  if (mockMode) {
    lines.push(
      '',
      'Ideal = ceil(pairs / concurrency) × latency. Acceptance: 1,000 pairs at concurrency 16 within 10 % of 1000/16 × 0.2 s = 12.5 s.',
    );
  }
  const load = loadavg().map((x) => x.toFixed(1)).join(' / ');
  lines.push('', `Node ${process.version}, ${cpus().length} cores, load average at the end ${load} (1/5/15 min; other jobs share the machine, so overhead figures carry that noise), ${new Date().toISOString().slice(0, 10)}.`);
  await mock?.close();
  const path = writeResult(mockMode ? 'judge' : `judge-${model.replace(/[^\w.-]/g, '_')}`, `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n\nWrote ${path}\n`);
}
