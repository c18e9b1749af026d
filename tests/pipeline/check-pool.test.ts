// The check stage on worker threads (src/pipeline/check-pool.ts): the same results as in-process, in
// the same order; a check that throws in a worker still becomes `check-failed`; a stop leaves no thread.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveChecks } from '../../src/core/runner.js';
import type { Pair, RunResult } from '../../src/core/types.js';
import { wordEndsOf } from '../../src/lexicon/segment.js';
import { CheckPool, MIN_PAIRS_FOR_POOL } from '../../src/pipeline/check-pool.js';
import { audit, type AuditOptions } from '../../src/pipeline/run.js';
import { checks as throwingRegistry } from '../fixtures/check-pool/throwing-checks.js';
import { checks as threadRegistry } from '../fixtures/check-pool/thread-checks.js';
import { pairingRecords } from '../fixtures/pairing/records.js';

/** 3 × 10 fixture records with a numbered sentence each (distinct texts), one JSONL file, plus a duplicate. */
function input(): string {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-pool-'));
  const lines: string[] = [];
  for (let c = 0; c < 3; c++) {
    for (const r of pairingRecords()) lines.push(JSON.stringify({ id: `${r.id}.${c}`, en: `${r.en} Run ${c} of the study.`, zh: `${r.zh}研究的第${c}轮。` }));
  }
  lines.push(lines[0] as string);
  writeFileSync(join(dir, 'pairs.jsonl'), `${lines.join('\n')}\n`);
  return dir;
}

function run(dir: string, extra: Partial<AuditOptions>): Promise<RunResult> {
  return audit({ inputs: ['pairs.jsonl'], cwd: dir, tool: { name: 'transcheck', version: 'test' }, configHash: 'x', minPairsForPool: 1, ...extra });
}

/** The run without its timings (they differ between any two runs). */
function comparable(r: RunResult): unknown {
  return { ...r, timings: undefined };
}

describe('check pool', () => {
  it('gives the same results as in-process checking, in the same order', async () => {
    const dir = input();
    const one = await run(dir, { jobs: 1 });
    const two = await run(dir, { jobs: 2 });
    const pairs = two.files[0]?.pairs ?? [];
    expect(pairs).toHaveLength(31);
    expect(pairs.some((p) => p.findings.length > 0)).toBe(true);
    expect(pairs.some((p) => p.findings.some((f) => f.check === 'duplicate'))).toBe(true);
    expect(comparable(two)).toEqual(comparable(one));
    expect(JSON.stringify(comparable(two))).toBe(JSON.stringify(comparable(one)));
  }, 60_000);

  it('keeps a speculative result only where pairing kept the attached original; the run is the in-process one', async () => {
    const dir = input();
    const records = pairingRecords();
    const [r1, r2, r3] = [records[1], records[2], records[3]] as [(typeof records)[number], (typeof records)[number], (typeof records)[number]];
    const extra = [
      // A translation of one abstract attached to another: checked on speculation, then found mismatched.
      { id: 'swapped', en: `${r1.en} Run 7 of the study.`, zh: `${r2.zh}研究的第7轮。` },
      // English where the Chinese should be: untranslated (known before pairing, checked on speculation).
      { id: 'untranslated', en: `${r3.en} Run 8 of the study.`, zh: `${r3.en} Run 8 of the study.` },
    ];
    writeFileSync(join(dir, 'pairs.jsonl'), `${readFileSync(join(dir, 'pairs.jsonl'), 'utf8')}${extra.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const one = await run(dir, { jobs: 1 });
    const two = await run(dir, { jobs: 2 });
    const pairs = two.files[0]?.pairs ?? [];
    const swapped = pairs.find((p) => p.pair.translation.recordId === 'swapped');
    expect(swapped?.pair.status).toBe('mismatched');
    expect(swapped?.verdict).toBe('mismatched');
    expect(pairs.find((p) => p.pair.translation.recordId === 'untranslated')?.verdict).toBe('untranslated');
    expect(JSON.stringify(comparable(two))).toBe(JSON.stringify(comparable(one)));
  }, 60_000);

  it('turns a check that throws in a worker into a check-failed finding; the other checks still report', async () => {
    const dir = input();
    const pairs = (await run(dir, { jobs: 1 })).files[0]?.pairs.map((p) => p.pair) as Pair[];
    const pool = await CheckPool.start({
      jobs: 2,
      checks: resolveChecks(throwingRegistry),
      registry: pathToFileURL(join(import.meta.dirname, '..', 'fixtures', 'check-pool', 'throwing-checks.ts')).href,
    });
    expect(pool).toBeDefined();
    try {
      // As during pairing: only the worker checks (else the audit thread takes batches too).
      const results = await (pool as CheckPool).checkAll(pairs.map((pair) => ({ pair })), undefined, () => undefined, () => true);
      expect(results.map((r) => r.pair.id)).toEqual(pairs.map((p) => p.id));
      for (const r of results) {
        expect(r.findings.map((f) => f.check)).toEqual(['sentence-counter', 'check-failed']);
        expect(r.findings[1]?.data).toEqual({ check: 'thrower', error: 'boom in a worker' });
      }
    } finally {
      await pool?.destroy();
    }
  }, 60_000);

  it('stops dispatching when the run is stopped: the pairs checked so far, in order', async () => {
    const dir = input();
    const pairs = (await run(dir, { jobs: 1 })).files[0]?.pairs.map((p) => p.pair) as Pair[];
    const pool = await CheckPool.start({ jobs: 2, checks: resolveChecks(throwingRegistry), registry: pathToFileURL(join(import.meta.dirname, '..', 'fixtures', 'check-pool', 'throwing-checks.ts')).href });
    const controller = new AbortController();
    controller.abort();
    try {
      const results = await (pool as CheckPool).checkAll(pairs.map((pair) => ({ pair })), controller.signal, () => undefined);
      expect(results).toEqual([]);
    } finally {
      await pool?.destroy();
    }
  }, 60_000);

  it('with 2 jobs runs one worker; the audit thread checks beside it unless it is busy pairing', async () => {
    const dir = input();
    const pairs = (await run(dir, { jobs: 1 })).files[0]?.pairs.map((p) => p.pair) as Pair[];
    const many = Array.from({ length: 4 }, () => pairs).flat();
    const pool = await CheckPool.start({ jobs: 2, checks: resolveChecks(threadRegistry), registry: pathToFileURL(join(import.meta.dirname, '..', 'fixtures', 'check-pool', 'thread-checks.ts')).href });
    const threadOf = (r: { findings: Array<{ data?: unknown }> }) => (r.findings[0]?.data as { thread: string }).thread;
    try {
      const shared = await (pool as CheckPool).checkAll(many.map((pair) => ({ pair })), undefined, () => undefined, () => true);
      expect(shared.map((r) => r.pair.id)).toEqual(many.map((p) => p.id));
      expect(new Set(shared.map(threadOf))).toEqual(new Set(['worker']));
      const helped = await (pool as CheckPool).checkAll(many.map((pair) => ({ pair })), undefined, () => undefined);
      expect(helped.map((r) => r.pair.id)).toEqual(many.map((p) => p.id));
      expect(new Set(helped.map(threadOf))).toEqual(new Set(['worker', 'audit']));
    } finally {
      await pool?.destroy();
    }
  }, 60_000);

  it('sends back the word ends of each translation it was given none for (pairing then does not cut it again)', async () => {
    const dir = input();
    const pairs = (await run(dir, { jobs: 1 })).files[0]?.pairs.map((p) => p.pair) as Pair[];
    const pool = await CheckPool.start({ jobs: 2, checks: resolveChecks(threadRegistry), registry: pathToFileURL(join(import.meta.dirname, '..', 'fixtures', 'check-pool', 'thread-checks.ts')).href });
    const got = new Map<string, number[]>();
    try {
      // Only the workers check (`sharing` true): every pair crosses to a worker and back.
      const results = await (pool as CheckPool).checkAll(pairs.map((pair) => ({ pair })), undefined, () => undefined, () => true, undefined, (pair, ends) => got.set(pair.id, Array.from(ends)));
      expect(results).toHaveLength(pairs.length);
    } finally {
      await pool?.destroy();
    }
    expect(got.size).toBe(new Set(pairs.map((p) => p.id)).size);
    for (const pair of pairs) expect(got.get(pair.id)).toEqual(Array.from(wordEndsOf(pair.translation.text)));
  }, 60_000);

  it('stays in-process with one job', async () => {
    expect(await CheckPool.start({ jobs: 1, checks: [] })).toBeUndefined();
  });
});

describe('check pool through the CLI (dist/bin.js in a child process)', () => {
  it('SIGINT with the pool in use stops within seconds, writes reports marked interrupted, exits 130', async () => {
    const root = join(import.meta.dirname, '..', '..');
    const bin = join(root, 'dist', 'bin.js');
    if (!existsSync(bin)) throw new Error('build first: npm run build');
    const dir = mkdtempSync(join(tmpdir(), 'transcheck-pool-int-'));
    writeFileSync(join(dir, 'transcheck.config.json'), '{}');
    const lines: string[] = [];
    // 10,000 pairs: over MIN_PAIRS_FOR_POOL, so the workers are started, and (at about 4 ms a pair on two
    // cores) far from done when the signal comes after 4 s; 2,500 pairs were done in 3.8 s once the checks
    // got faster, and the run exited 0 before the signal.
    for (let c = 0; c < 1000; c++) {
      for (const r of pairingRecords()) lines.push(JSON.stringify({ id: `${r.id}.${c}`, en: `${r.en} Run ${c} of the study.`, zh: `${r.zh}研究的第${c}轮。` }));
    }
    expect(lines.length).toBeGreaterThanOrEqual(MIN_PAIRS_FOR_POOL);
    writeFileSync(join(dir, 'big.jsonl'), `${lines.join('\n')}\n`);
    const r = await new Promise<{ code: number | null; stopMs: number }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'audit', 'big.jsonl', '--out', 'out', '--jobs', '2'], { cwd: dir });
      child.stdout.resume();
      child.stderr.resume();
      let sent = 0;
      setTimeout(() => {
        sent = Date.now();
        child.kill('SIGINT');
      }, 4000);
      child.on('exit', (code) => resolve({ code, stopMs: sent === 0 ? -1 : Date.now() - sent }));
    });
    expect(r.code).toBe(130);
    expect(r.stopMs).toBeGreaterThanOrEqual(0);
    expect(r.stopMs).toBeLessThan(5000);
    expect(readFileSync(join(dir, 'out', 'index.md'), 'utf8')).toContain('Interrupted');
  }, 60_000);
});
