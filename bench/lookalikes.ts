// Look-alike sets for the pairing benchmark: for sampled records of a corpus, the other abstracts most
// similar to each one's English by content-word overlap (below near-duplicate level), and mis-joined
// records (the English of one paper with the Chinese of its most similar other paper).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { enFeatures } from '../src/lexicon/similarity.js';
import { rng, shuffle } from './common.js';

/** A corpus record: arXiv id, English abstract, its Chinese translation. */
export interface CorpusRecord {
  id: string;
  title?: string;
  en: string;
  zh: string;
}

/** Stem-set Jaccard at or above which two abstracts are versions of one text, not look-alikes (pairing's own level). */
export const NEAR_DUPLICATE = 0.6;

/** One sampled record with the indices of its most similar other records, most similar first. */
export interface LookalikeSet {
  record: number;
  lookalikes: number[];
  /** Jaccard of each look-alike's stems with the record's English. */
  overlaps: number[];
}

/**
 * For `count` records sampled with `seed`, the `k` other records (other arXiv id, different English)
 * with the highest content-stem Jaccard to its English, under NEAR_DUPLICATE.
 */
export function lookalikeSets(records: readonly CorpusRecord[], count: number, k: number, seed: number): LookalikeSet[] {
  const stems = records.map((r) => [...enFeatures(r.en, { surface: false }).stems]);
  const postings = new Map<string, number[]>();
  stems.forEach((list, i) => {
    for (const s of list) {
      const p = postings.get(s);
      if (p) p.push(i);
      else postings.set(s, [i]);
    }
  });
  const sample = shuffle(
    records.map((_, i) => i),
    rng(seed),
  ).slice(0, count);
  const shared = new Int32Array(records.length);
  return sample.map((i) => {
    const mine = stems[i] as string[];
    const touched: number[] = [];
    for (const s of mine) {
      for (const j of postings.get(s) ?? []) {
        if (shared[j] === 0) touched.push(j);
        shared[j] = (shared[j] ?? 0) + 1;
      }
    }
    const scored: Array<{ j: number; jac: number }> = [];
    for (const j of touched) {
      const inter = shared[j] ?? 0;
      shared[j] = 0;
      const r = records[j] as CorpusRecord;
      if (j === i || r.id === (records[i] as CorpusRecord).id || r.en === (records[i] as CorpusRecord).en) continue;
      const jac = inter / (mine.length + (stems[j] as string[]).length - inter);
      if (jac < NEAR_DUPLICATE) scored.push({ j, jac });
    }
    scored.sort((a, b) => b.jac - a.jac || a.j - b.j);
    const top = scored.slice(0, k);
    return { record: i, lookalikes: top.map((t) => t.j), overlaps: top.map((t) => t.jac) };
  });
}

/** One pair of a JSON report, as the benchmark reads it. */
export interface ReportedPair {
  translation: string;
  status: string;
  verdict: string;
  original?: { id?: string; block: string };
  evidence: { rejected?: Array<{ reason: string; id?: string }>; versions?: unknown[] };
  findings: Array<{ check: string; severity: string; messageId: string }>;
}

/** A JSON report of one input file, as the benchmark reads it. */
export interface FileReport {
  blocks: Array<{ id: string; role: string; language: string; recordId?: string }>;
  pairs: ReportedPair[];
}

/**
 * Runs `transcheck audit <input> [--originals <originals>] --format json` in process, as a user would,
 * and returns the JSON report of the input file.
 */
export async function auditThroughCli(input: string, originals?: string): Promise<FileReport> {
  const out = mkdtempSync(join(tmpdir(), 'transcheck-bench-'));
  const errors: string[] = [];
  const sink = (into: string[]) => ({ write: (s: string) => (into.push(s), true) });
  try {
    const argv = ['audit', input, ...(originals ? ['--originals', originals] : []), '--format', 'json', '--out', out, '--quiet'];
    const code = await main({ argv, stdout: sink([]), stderr: sink(errors), env: {} });
    if (code === 2) throw new Error(`audit failed: ${errors.join('')}`);
    const report = readdirSync(out).find((f) => f.endsWith('.json') && f !== 'index.json');
    if (!report) throw new Error(`audit wrote no JSON report: ${errors.join('')}`);
    return JSON.parse(readFileSync(join(out, report), 'utf8')) as FileReport;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
