// The check stage on several cores: batches of pairs go to a pool of worker threads (piscina) that run
// check-worker.ts (alignment, every check, the score). Used by the audit when the run is large enough to
// pay for the workers' start-up; results are the same as in-process checking, in the same order.
// Why piscina and how it was measured: docs/scale.md ("Both cores").
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';
import { stopRequested, yieldToEventLoop } from '../core/cancel.js';
import { checkFailedFinding, type ResolvedCheck } from '../core/runner.js';
import type { DocumentLocation, IdentifiedBlock, Pair, PairResult } from '../core/types.js';
import type { AlignOptions } from './align.js';
import { checkPair, unalignedResult } from './check.js';
import { noEvidence } from './pair.js';
import { importPairTermUses } from '../lexicon/glossary.js';
import { takeWordEnds } from '../lexicon/segment.js';
import type { CheckBatch, CheckBatchItem, CheckedItem, ResolvedCheckData, WorkerResult } from './check-worker.js';
import type { ScoringConfig } from './score.js';

/**
 * Pairs below which the audit checks in-process. A worker's start-up (modules, CC-CEDICT, jieba and its
 * IDF table, the glossary) and its cold caches cost about 5 CPU seconds; on 1,000 dev pairs two workers
 * took 17.5 CPU s and 25.7 s wall against 10.8 and 19.5 in-process (docs/scale.md).
 */
export const MIN_PAIRS_FOR_POOL = 2000;

/** Pairs per task: small enough that Ctrl-C waits for at most a few tens of milliseconds per worker. */
const BATCH = 16;
/** Pairs per task while the audit thread pairs (see `checkAll`'s `sharing`). */
const SHARED_BATCH = 64;
/** Batches in flight per worker while the audit thread pairs (a batch of SHARED_BATCH is about 0.1 s of checking). */
const SHARED_QUEUE = 8;
/** Batches handed to a worker at once (piscina's `concurrentTasksPerWorker`). */
const TASKS_PER_WORKER = 4;

/** The default of `--jobs`: the cores this process may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Where the worker module is: next to this file once built (dist/), or as TypeScript when run from src/ (tests). */
function workerFile(): { filename: string; execArgv: string[] } | undefined {
  for (const [name, execArgv] of [
    ['check-worker.js', []],
    ['check-worker.ts', ['--import', 'tsx']],
  ] as const) {
    const url = new URL(`./${name}`, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return { filename: url.href, execArgv: [...execArgv] };
  }
  return undefined;
}

/** What the pool needs to check pairs as the audit would in-process. */
export interface CheckPoolOptions {
  jobs: number;
  checks: readonly ResolvedCheck[];
  scoring?: ScoringConfig;
  align?: AlignOptions;
  /**
   * URL of a module exporting `checks` (the registry the workers take `checks` from by id); default the
   * built-in registry. Tests use it to run checks that throw.
   */
  registry?: string;
  /** Ctrl-C: the workers are terminated at once (a warm-up or a batch in flight is not waited for). */
  signal?: AbortSignal;
}

/** A pool of check workers, started early (their start-up overlaps pairing) and destroyed after the check stage. */
export class CheckPool {
  private readonly pool: Piscina;
  private readonly settings: Omit<CheckBatch, 'items'>;
  private readonly inProcess: { checks: readonly ResolvedCheck[]; scoring?: ScoringConfig; align?: AlignOptions };

  private constructor(pool: Piscina, options: CheckPoolOptions) {
    this.pool = pool;
    this.inProcess = options;
    const checks: ResolvedCheckData[] = options.checks.map((r) => ({
      id: r.check.meta.id,
      ...(r.severity !== undefined ? { severity: r.severity } : {}),
      options: r.options,
    }));
    this.settings = {
      checks,
      ...(options.registry ? { registry: options.registry } : {}),
      ...(options.scoring ? { scoring: options.scoring } : {}),
      ...(options.align ? { align: options.align } : {}),
    };
  }

  /**
   * A pool of `jobs` workers, or undefined when checking should stay in-process: one job, or no worker
   * module to run (a bundle without it).
   */
  static async start(options: CheckPoolOptions): Promise<CheckPool | undefined> {
    if (options.jobs < 2) return undefined;
    const file = workerFile();
    if (!file) return undefined;
    // Loaded only when a pool is started: small runs do not pay for the module.
    const { Piscina } = await import('piscina');
    // One worker fewer than jobs: the audit thread is the last job. While it pairs, the workers check
    // the attached pairs; after pairing it checks beside them (`checkAll`). With a worker for every job,
    // on 2 cores the second worker's start-up and caches competed with pairing and the audit thread sat
    // idle for the last 18 s of a 20k run (docs/scale.md, "Feeding the workers").
    const workers = options.jobs - 1;
    const pool = new Piscina({
      filename: file.filename,
      execArgv: file.execArgv,
      minThreads: workers,
      maxThreads: workers,
      // Tasks handed to a worker ahead of time: with one, a worker that finished a batch waited for the
      // audit thread's next turn of the event loop (every ~50 ms of pairing) to be given the next one,
      // 15 % of its time. A batch runs to its end before the next starts (a check awaits no I/O).
      concurrentTasksPerWorker: TASKS_PER_WORKER,
      // Workers live for the run; the audit destroys the pool when the check stage ends.
      idleTimeout: 60_000,
    });
    const started = new CheckPool(pool, options);
    if (options.signal) {
      const signal = options.signal;
      const stop = () => void started.destroy();
      signal.addEventListener('abort', stop, { once: true });
      // The listener would keep the pool (and its workers' memory) alive as long as the signal lives.
      void started.destroyed$.then(() => signal.removeEventListener('abort', stop));
    }
    started.warmUp();
    return started;
  }

  /** One tiny batch per worker, so that each loads its lexicons while the main thread pairs. */
  private warmUp(): void {
    const pair = warmUpPair();
    for (let i = 0; i < this.pool.threads.length; i++) {
      this.pool.run({ ...this.settings, items: [{ pair }] } satisfies CheckBatch).catch(() => undefined);
    }
  }

  /**
   * Checks every pair; results in the order of `items`. The workers take batches; when the audit thread
   * is not busy with other work (`sharing`), it checks batches itself between dispatches. Stops
   * dispatching when a stop is requested: pairs not checked then are missing from the result (as when
   * in-process checking stops).
   */
  async checkAll(
    items: ReadonlyArray<{ pair: Pair; duplicates?: DocumentLocation[] }>,
    signal: AbortSignal | undefined,
    onDone: (done: number) => void,
    /**
     * True while the audit thread is busy with other work (pairing): then only the workers check, in
     * larger batches; read before each batch.
     */
    sharing?: () => boolean,
    /** Applied to each result as it arrives (the audit's spill store takes its bulky parts out of memory). */
    keep?: (result: PairResult) => PairResult,
    /**
     * Given: each pair a worker checks without word ends from the audit thread comes back with its
     * translation's (the speculative checks, ahead of pairing: see run.ts `speculate`).
     */
    onWordEnds?: (pair: Pair, ends: Uint16Array | Uint32Array) => void,
  ): Promise<PairResult[]> {
    const results: Array<PairResult | undefined> = new Array(items.length);
    const inFlight = new Set<Promise<void>>();
    const threads = this.pool.threads.length;
    // Batches in flight: one queued behind each worker's current one, so that a worker finishing a batch
    // starts the next at once instead of waiting for the audit thread's next turn of the event loop (it
    // sat idle a third of the time during pairing). Queued tasks wait in piscina; no thread is added.
    const maxInFlight = threads * 2;
    // While the audit thread pairs, its event loop turns only between pairing's slices (about 50 ms, and
    // longer at the index's seal): more batches are in flight per worker, up to TASKS_PER_WORKER of them
    // handed to it at once, so that it has the next batch when it finishes one (measured with these values:
    // a worker waited 15 % of its time before, none after; docs/scale.md, session 16).
    const maxSharedInFlight = threads * SHARED_QUEUE;
    let done = 0;
    let next = 0;
    const stopped = () => stopRequested(signal) || this.destroyed !== undefined;
    while (next < items.length && !stopped()) {
      while (next < items.length && inFlight.size < (sharing?.() ? maxSharedInFlight : maxInFlight)) {
        // Shared: larger batches (the audit thread lets the event loop in only every ~50 ms).
        const start = next;
        next = Math.min(items.length, next + (sharing?.() ? SHARED_BATCH : BATCH));
        const slice = items.slice(start, next);
        const task: Promise<void> = this.runBatch(slice, onWordEnds).then((checked) => {
          checked.forEach((result, i) => (results[start + i] = keep ? keep(result) : result));
          done += checked.length;
          onDone(done);
          inFlight.delete(task);
        });
        inFlight.add(task);
      }
      if (next >= items.length) break;
      if (!sharing?.()) {
        // The audit thread's share: one batch in-process, then the event loop (workers' results, a stop).
        const start = next;
        next = Math.min(items.length, next + BATCH);
        for (let i = start; i < next; i++) {
          if (stopped()) break;
          const item = items[i] as (typeof items)[number];
          const result = await checkPair(item.pair, this.inProcess, item.duplicates);
          results[i] = keep ? keep(result) : result;
          onDone(++done);
        }
        await yieldToEventLoop();
      } else {
        await Promise.race(inFlight);
        // While the audit thread pairs, pairing lets the event loop in (and the stop flag's message) by
        // itself: a yield here would put the next batch behind one more pairing slice.
      }
    }
    await Promise.all(inFlight);
    return results.filter((r): r is PairResult => r !== undefined);
  }

  /** One batch in a worker; if the worker itself fails (not a check: those fail inside it), the batch is checked here. */
  private async runBatch(
    slice: ReadonlyArray<{ pair: Pair; duplicates?: DocumentLocation[] }>,
    onWordEnds?: (pair: Pair, ends: Uint16Array | Uint32Array) => void,
  ): Promise<PairResult[]> {
    let checked: WorkerResult[];
    const items = slice.map((item): CheckBatchItem => {
      const wordEnds = takeWordEnds(item.pair.translation.text);
      if (wordEnds) return { ...item, wordEnds };
      // Only translations are paired (an untranslated block's English is not).
      return onWordEnds && item.pair.translation.role === 'translation' ? { ...item, returnWordEnds: true } : item;
    });
    try {
      checked = (await this.pool.run({ ...this.settings, items } satisfies CheckBatch)) as WorkerResult[];
    } catch (error) {
      // Terminated on a stop: these pairs stay unchecked, as pairs not reached in-process do.
      if (this.destroyed) return [];
      const out: PairResult[] = [];
      for (const item of slice) {
        try {
          out.push(await checkPair(item.pair, this.inProcess, item.duplicates));
        } catch (again) {
          // checkPair itself threw (it catches what checks and alignment throw): a check-failed finding, scored.
          out.push(unalignedResult(item.pair, [checkFailedFinding('check-pool', again ?? error)], this.inProcess.scoring));
        }
      }
      return out;
    }
    return checked.map(({ checked: item, uses, wordEnds }, i) => {
      const { pair } = slice[i] as { pair: Pair };
      if (uses && pair.original) importPairTermUses(pair, uses, pair.original.text, pair.translation.text);
      if (wordEnds && onWordEnds) onWordEnds(pair, wordEnds);
      return withSentences(pair, item);
    });
  }

  private destroyed: Promise<void> | undefined;
  private markDestroyed: () => void = () => undefined;
  /** Settles when the pool has been destroyed. */
  private readonly destroyed$ = new Promise<void>((resolve) => (this.markDestroyed = resolve));

  /** Stops the workers (once, however often it is called); tasks in flight are rejected. */
  destroy(): Promise<void> {
    this.destroyed ??= this.pool.destroy().finally(() => this.markDestroyed());
    return this.destroyed;
  }
}

/** A worker's result with its pair and its sentences' texts, sliced from the pair's own texts. */
export function withSentences(pair: Pair, item: CheckedItem): PairResult {
  const source = pair.original?.text ?? '';
  const target = pair.translation.text;
  return {
    pair,
    ...item,
    sourceSentences: item.sourceSentences.map((s) => ({ text: source.slice(s.start, s.end), start: s.start, end: s.end })),
    targetSentences: item.targetSentences.map((s) => ({ text: target.slice(s.start, s.end), start: s.start, end: s.end })),
  };
}

/** A short real-looking pair that exercises the lexicons every check loads. */
function warmUpPair(): Pair {
  const block = (id: string, language: 'en' | 'zh', text: string): IdentifiedBlock => ({
    id,
    file: '(warm-up)',
    lines: [1, 1],
    raw: text,
    text,
    claimed: 'unknown',
    role: language === 'en' ? 'original' : 'translation',
    language,
    script: language === 'en' ? 'none' : 'simplified',
    hanRatio: language === 'en' ? 0 : 1,
  });
  const original = block('w:0', 'en', 'We train a convolutional neural network on 10 datasets. The model improves accuracy by 5%.');
  const translation = block('w:1', 'zh', '我们在10个数据集上训练卷积神经网络。该模型将准确率提高了5%。');
  return {
    id: 'w:1',
    translation,
    original,
    status: 'paired',
    confidence: 1,
    evidence: noEvidence(),
  };
}
