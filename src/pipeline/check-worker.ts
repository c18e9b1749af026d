// The worker side of the check pool (check-pool.ts): runs batches of pairs through checkPair in a worker
// thread. Lexicons (CC-CEDICT, jieba, glossaries) are module state, so each worker loads them once, on
// its first batch, and keeps them for the run.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { checks as builtinChecks } from '../checks/index.js';
import type { AnyCheck } from '../core/check.js';
import type { ResolvedCheck } from '../core/runner.js';
import type { DocumentLocation, Pair, PairResult, Sentence } from '../core/types.js';
import { exportPairTermUses, type PairTermUsesData } from '../lexicon/glossary.js';
import { keepWordEnds, wordEndsOf } from '../lexicon/segment.js';
import { checkPair, type CheckStageOptions } from './check.js';
import type { ScoringConfig } from './score.js';
import type { AlignOptions } from './align.js';

/** A resolved check as it crosses to a worker: functions do not cross, the id names the built-in check. */
export interface ResolvedCheckData {
  id: string;
  severity?: ResolvedCheck['severity'];
  options: object;
}

/** One batch: the pairs, their duplicates, and the stage settings (the same for every batch of a run). */
export interface CheckBatch {
  checks: readonly ResolvedCheckData[];
  /** URL of a module exporting `checks` to take the ids from instead of the built-in registry (tests). */
  registry?: string;
  scoring?: ScoringConfig;
  align?: AlignOptions;
  items: readonly CheckBatchItem[];
}

/**
 * One pair of a batch, with the other places its translation occurs and the word ends of the translation
 * that pairing cut on the audit thread (segment.ts `takeWordEnds`): with them the worker does not run
 * jieba on its sentences again, as an in-process check would not.
 */
export interface CheckBatchItem {
  pair: Pair;
  duplicates?: DocumentLocation[];
  wordEnds?: Uint16Array | Uint32Array;
  /** Send back the translation's word ends (checked while the audit thread has not paired it yet). */
  returnWordEnds?: boolean;
}

/** A worker's answer for one pair: the result, and the term uses the terminology table reads. */
export interface WorkerResult {
  checked: CheckedItem;
  uses?: PairTermUsesData;
  /** The translation's word ends, when the item asked for them. */
  wordEnds?: Uint16Array | Uint32Array;
}

/**
 * A pair's result without the pair (the caller has it; sending it back would copy both texts again), and
 * its sentences as offsets only: every sentence is `text.slice(start, end)` of its side's text, which the
 * caller holds. Sent whole, each sentence would come back as a copy of its characters, and a corpus run
 * keeps every pair's sentences until its reports are written (sliced again on the caller's side, they
 * share the block's text).
 */
export type CheckedItem = Omit<PairResult, 'pair' | 'sourceSentences' | 'targetSentences'> & {
  sourceSentences: SentenceSpan[];
  targetSentences: SentenceSpan[];
};

/** A sentence as it crosses back from a worker: its offsets in its side's text. */
export type SentenceSpan = Omit<Sentence, 'text'>;

const span = (s: Sentence): SentenceSpan => ({ start: s.start, end: s.end });

let resolvedCache: { key: string; value: ResolvedCheck[] } | undefined;

async function resolve(data: readonly ResolvedCheckData[], registry: string | undefined): Promise<ResolvedCheck[]> {
  // Every batch carries the same settings; turn them back into checks once per worker.
  const key = JSON.stringify([registry ?? '', data]);
  if (resolvedCache?.key === key) return resolvedCache.value;
  const list = registry ? await loadRegistry(registry) : builtinChecks;
  const byId = new Map<string, AnyCheck>(list.map((c) => [c.meta.id, c]));
  const value = data.map((d) => {
    const check = byId.get(d.id);
    if (!check) throw new Error(`check pool: unknown check \`${d.id}\` in a worker`);
    return { check, ...(d.severity !== undefined ? { severity: d.severity } : {}), options: d.options };
  });
  resolvedCache = { key, value };
  return value;
}

/** The checks of a registry module (tests). */
async function loadRegistry(url: string): Promise<readonly AnyCheck[]> {
  try {
    return ((await import(url)) as { checks: readonly AnyCheck[] }).checks;
  } catch (error) {
    // Tests run this worker from TypeScript through tsx, whose ESM hook Node 20 does not apply in a worker
    // thread (its CommonJS hook it does): a TypeScript registry is then required. Without this the batch
    // failed and was checked in-process, and the tests of the worker path never reached a worker.
    if ((error as { code?: string }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    const path = fileURLToPath(url);
    return (createRequire(path)(path) as { checks: readonly AnyCheck[] }).checks;
  }
}

/** Checks a batch of pairs; the results are in the order of the items. */
export default async function checkBatch(batch: CheckBatch): Promise<WorkerResult[]> {
  const options: CheckStageOptions = {
    checks: await resolve(batch.checks, batch.registry),
    ...(batch.scoring ? { scoring: batch.scoring } : {}),
    ...(batch.align ? { align: batch.align } : {}),
  };
  const out: WorkerResult[] = [];
  for (const item of batch.items) {
    if (item.wordEnds) keepWordEnds(item.pair.translation.text, item.wordEnds);
    const { pair: _pair, sourceSentences, targetSentences, ...rest } = await checkPair(item.pair, options, item.duplicates);
    // In the result's own key order (reports serialize it as it is).
    const checked: CheckedItem = { sourceSentences: sourceSentences.map(span), targetSentences: targetSentences.map(span), ...rest };
    const uses = exportPairTermUses(item.pair);
    const result: WorkerResult = uses ? { checked, uses } : { checked };
    if (item.returnWordEnds) result.wordEnds = wordEndsOf(item.pair.translation.text);
    out.push(result);
  }
  return out;
}
