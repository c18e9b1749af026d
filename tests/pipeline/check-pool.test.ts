// The check stage on worker threads (src/pipeline/check-pool.ts): the same results as in-process, in
// the same order; a check that throws in a worker still becomes `check-failed`; a stop leaves no thread.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveChecks } from '../../src/core/runner.js';
import type { Pair, RunResult } from '../../src/core/types.js';
import { CheckPool } from '../../src/pipeline/check-pool.js';
import { audit, type AuditOptions } from '../../src/pipeline/run.js';
import { checks as throwingRegistry } from '../fixtures/check-pool/throwing-checks.js';
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

  it('turns a check that throws in a worker into a check-failed finding; the other checks still report', async () => {
    const dir = input();
    const pairs = (await run(dir, { jobs: 1 })).files[0]?.pairs.map((p) => p.pair) as Pair[];
    const pool = CheckPool.start({
      jobs: 2,
      checks: resolveChecks(throwingRegistry),
      registry: pathToFileURL(join(import.meta.dirname, '..', 'fixtures', 'check-pool', 'throwing-checks.ts')).href,
    });
    expect(pool).toBeDefined();
    try {
      const results = await (pool as CheckPool).checkAll(pairs.map((pair) => ({ pair })), undefined, () => undefined);
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
    const pool = CheckPool.start({ jobs: 2, checks: resolveChecks(throwingRegistry), registry: pathToFileURL(join(import.meta.dirname, '..', 'fixtures', 'check-pool', 'throwing-checks.ts')).href });
    const controller = new AbortController();
    controller.abort();
    try {
      const results = await (pool as CheckPool).checkAll(pairs.map((pair) => ({ pair })), controller.signal, () => undefined);
      expect(results).toEqual([]);
    } finally {
      await pool?.destroy();
    }
  }, 60_000);

  it('stays in-process with one job', () => {
    expect(CheckPool.start({ jobs: 1, checks: [] })).toBeUndefined();
  });
});
