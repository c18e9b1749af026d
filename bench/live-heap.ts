// Where a run's live heap goes (docs/scale.md, "Blocks moved too"): runs `audit()` in process on one input
// (`--jobs 1`, results spilled to a temporary folder from the first pair unless `off`), then reads the heap
// after full collections (until it stops shrinking) with the run held, and again after each part of the run is dropped in
// turn. Run two sizes and divide the differences by the pairs between them:
//   node --expose-gc --import tsx bench/live-heap.ts pairs-20000.jsonl [0|off]
// `peakAfterMajorGc` is the highest heap read after a full collection during the audit (as the memory
// guard reads it; approximate: read when the collection is reported). Prints one JSON line: `count`
// pairs, the rest in MB (what dropping each part freed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { SpillFile } from '../src/cli/spill-file.js';
import type { IdentifiedBlock, RunResult } from '../src/core/types.js';
import { audit } from '../src/pipeline/run.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

async function main(): Promise<void> {
  const [file, spillArg = '0'] = process.argv.slice(2);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!file || !gc) throw new Error('usage: node --expose-gc --import tsx bench/live-heap.ts FILE [0|off]');
  // Collections until the heap stops shrinking: at 20,000 pairs the third and fourth full collections after
  // the audit still freed about 47 MB that no part of the run held (V8's own caches), which two left to be
  // counted against the first part dropped (session 18, docs/scale.md).
  const heap = () => {
    let now = Infinity;
    for (let i = 0; i < 8; i++) {
      gc();
      const after = process.memoryUsage().heapUsed / 1e6;
      if (now - after < 0.1) return after;
      now = after;
    }
    return now;
  };
  let peak = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) peak = Math.max(peak, process.memoryUsage().heapUsed / 1e6);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-live-heap-'));
  const store = spillArg === 'off' ? undefined : new SpillFile(dir);
  let run: Mutable<RunResult> | undefined = await audit({
    inputs: [file],
    tool: { name: 'transcheck', version: 'bench' },
    configHash: 'bench',
    jobs: 1,
    ...(store ? { spill: { store, minPairs: 0 } } : {}),
  });
  observer.disconnect();
  const r = run;
  const pairs = r.files.reduce((n, f) => n + f.pairs.length, 0);
  const held = heap();
  const out: Record<string, number> = { count: pairs, held: round(held), peakAfterMajorGc: round(peak) };
  let last = held;
  const drop = (name: string, clear: () => void) => {
    clear();
    const now = heap();
    out[name] = round(last - now);
    last = now;
  };
  // A block whose texts are its own fields (not spilled) gives them up here; a spilled one holds none.
  const own = (b: IdentifiedBlock) => Object.getOwnPropertyDescriptor(b, 'text') !== undefined;
  drop('terminology', () => (r.terminology = []));
  drop('duplicates', () => r.files.forEach((f) => (f.duplicates = {})));
  drop('evidence', () => r.files.forEach((f) => f.pairs.forEach((p) => ((p.pair as { evidence: unknown }).evidence = null))));
  drop('blockTexts', () => r.files.forEach((f) => f.blocks.filter(own).forEach((b) => ((b as Mutable<IdentifiedBlock>).text = (b as Mutable<IdentifiedBlock>).raw = ''))));
  drop('pairs', () => r.files.forEach((f) => f.pairs.forEach((p) => ((p as { pair: unknown }).pair = null))));
  drop('results', () => r.files.forEach((f) => (f.pairs = [])));
  drop('blocks', () => r.files.forEach((f) => (f.blocks = [])));
  run = undefined;
  drop('run', () => undefined);
  out.rest = round(last);
  out.spillFile = round((store?.bytes ?? 0) / 1e6);
  process.stdout.write(`${JSON.stringify(out)}\n`);
  store?.close();
  rmSync(dir, { recursive: true, force: true });
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

void main();
