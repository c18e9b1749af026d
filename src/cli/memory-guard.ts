// Stops a run before V8 runs out of heap. A corpus run keeps every pair's result until its reports are
// written (docs/scale.md, "Memory"), so a corpus too large for the machine used to grow until Node died
// with "JavaScript heap out of memory" after hours of work, writing nothing. Instead the audit watches
// the heap that survives each full collection (the live data, not the garbage V8 has not collected yet)
// and, past a budget, stops as on Ctrl-C: the pairs finished are reported, marked interrupted, and the
// error says how to split the run.
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';

const MB = 1024 * 1024;

/**
 * The audit thread's heap limit: three quarters of the memory this process may use (the machine's, or a
 * container's limit), and never under Node's own default. Node's default (about 4 GB on 64-bit, whatever
 * the machine) made a 300k pool of originals die with "JavaScript heap out of memory" on a machine with
 * 24 GB (issue 12); the memory guard below then stops cleanly under whichever limit
 * applies. A limit the user gives (NODE_OPTIONS or node's own arguments) is kept: undefined.
 */
export function auditHeapLimitMb(given: readonly string[], total = totalmem(), constrained = process.constrainedMemory?.()): number | undefined {
  if (given.some((a) => /^--max[-_]old[-_]space[-_]size\b/.test(a))) return undefined;
  const available = constrained !== undefined && constrained > 0 && constrained < total ? constrained : total;
  const own = getHeapStatistics().heap_size_limit / MB;
  return Math.max(Math.round(own), Math.floor((0.75 * available) / MB));
}

/**
 * Share of the heap limit the live heap may reach before the run stops: what is left must hold the
 * report writing (reports are written in pieces, but the per-file Markdown and the index are built
 * whole) and the garbage between two full collections.
 */
export const LIVE_SHARE = 0.75;

/** Why a run was stopped for memory, for the error and the reports' limitations. */
export interface MemoryStop {
  /** Live heap after the full collection that crossed the budget, MB. */
  liveMb: number;
  /** The budget, MB. */
  budgetMb: number;
  /** The heap limit of this thread, MB. */
  limitMb: number;
}

/** The heap limit of the calling thread (a worker's own when it was started with resource limits), MB. */
export function heapLimitMb(): number {
  return getHeapStatistics().heap_size_limit / MB;
}

/** The live-heap budget: `--max-memory` when given and smaller, else LIVE_SHARE of the heap limit. */
export function memoryBudgetMb(maxMemoryMb: number | undefined, limitMb = heapLimitMb()): number {
  const share = LIVE_SHARE * limitMb;
  return maxMemoryMb !== undefined ? Math.min(maxMemoryMb, share) : share;
}

/**
 * Calls `onExceeded` once, after the first full (mark-compact) collection that leaves more than
 * `budgetMb` of live heap. Returns the function that stops watching. Reading the heap after a full
 * collection, not at any moment, is what makes the figure the live data: between collections the heap
 * also holds garbage, up to a third more with the audit's heap growth setting (bin.ts).
 */
export function guardMemory(budgetMb: number, onExceeded: (stop: MemoryStop) => void, liveBytes: () => number = usedHeap): () => void {
  let fired = false;
  const observer = new PerformanceObserver((list) => {
    if (fired) return;
    for (const entry of list.getEntries()) {
      if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      const liveMb = liveBytes() / MB;
      if (liveMb <= budgetMb) continue;
      fired = true;
      observer.disconnect();
      onExceeded({ liveMb: Math.round(liveMb), budgetMb: Math.round(budgetMb), limitMb: Math.round(heapLimitMb()) });
      return;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return () => observer.disconnect();
}

function usedHeap(): number {
  return getHeapStatistics().used_heap_size;
}

/** The advice that goes with a stop for memory: what to do instead of running the same command again. */
export function memoryAdvice(stop: MemoryStop): string {
  return (
    `the live heap reached ${stop.liveMb} MB (budget ${stop.budgetMb} MB of a ${stop.limitMb} MB heap limit). ` +
    'Split the run with `--shard k/n` (one process per shard, then `transcheck merge`), pair against a persistent ' +
    '`--index` instead of `--originals`, or give Node more heap (NODE_OPTIONS=--max-old-space-size=<MB>) on a machine with the memory'
  );
}
