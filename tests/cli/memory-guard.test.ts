// Issue 12: a run too large for the heap stops cleanly (reports of what finished, exit 2, advice) instead
// of dying with "JavaScript heap out of memory"; the audit thread's heap limit follows the machine.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { auditHeapLimitMb, guardMemory, heapLimitMb, LIVE_SHARE, memoryAdvice, memoryBudgetMb, type MemoryStop } from '../../src/cli/memory-guard.js';
import { pairingRecords } from '../fixtures/pairing/records.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'bin.js');
const GiB = 1024 ** 3;

describe('memory budget and heap limit', () => {
  it('budget: --max-memory when smaller, else a share of the heap limit', () => {
    expect(memoryBudgetMb(undefined, 1000)).toBe(LIVE_SHARE * 1000);
    expect(memoryBudgetMb(100, 1000)).toBe(100);
    expect(memoryBudgetMb(5000, 1000)).toBe(LIVE_SHARE * 1000);
  });

  it('heap limit: three quarters of the memory, a container limit first, never under Node default, the user’s own kept', () => {
    const own = Math.round(heapLimitMb());
    expect(auditHeapLimitMb([], 24 * GiB, undefined)).toBe(Math.max(own, 18 * 1024));
    // A cgroup limit of 8 GiB on a 24 GiB host.
    expect(auditHeapLimitMb([], 24 * GiB, 8 * GiB)).toBe(Math.max(own, 6 * 1024));
    // "No limit" is reported as a huge number.
    expect(auditHeapLimitMb([], 24 * GiB, 2 ** 64)).toBe(Math.max(own, 18 * 1024));
    // A small machine keeps Node's default.
    expect(auditHeapLimitMb([], 1 * GiB, undefined)).toBe(own);
    expect(auditHeapLimitMb(['--max-old-space-size=2000'], 24 * GiB, undefined)).toBeUndefined();
    expect(auditHeapLimitMb(['--max_old_space_size=2000'], 24 * GiB, undefined)).toBeUndefined();
  });

  it('advice names the figures and the ways out', () => {
    const text = memoryAdvice({ liveMb: 900, budgetMb: 750, limitMb: 1000 });
    expect(text).toContain('900 MB');
    expect(text).toContain('--shard k/n');
    expect(text).toContain('--index');
  });
});

describe('guardMemory', () => {
  // A full collection on demand (the guard reads the heap after mark-compact collections only).
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const afterGc = async () => {
    gc();
    // GC entries reach observers asynchronously.
    await new Promise((r) => setTimeout(r, 50));
  };

  it('fires once, after a full collection that leaves more than the budget', async () => {
    const stops: MemoryStop[] = [];
    const stop = guardMemory(100, (s) => stops.push(s), () => 300 * 1024 * 1024);
    await afterGc();
    await afterGc();
    stop();
    expect(stops).toHaveLength(1);
    expect(stops[0]).toMatchObject({ liveMb: 300, budgetMb: 100 });
  });

  it('does not fire under the budget, nor after it is stopped', async () => {
    const stops: MemoryStop[] = [];
    let live = 50 * 1024 * 1024;
    const stop = guardMemory(100, (s) => stops.push(s), () => live);
    await afterGc();
    expect(stops).toHaveLength(0);
    stop();
    live = 500 * 1024 * 1024;
    await afterGc();
    expect(stops).toHaveLength(0);
  });
});

function workdir(copies: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-mem-'));
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  const lines: string[] = [];
  for (let c = 0; c < copies; c++) {
    for (const r of pairingRecords()) lines.push(JSON.stringify({ id: `${r.id}.${c}`, en: `${r.en} Run ${c} of the study.`, zh: `${r.zh}研究的第${c}轮。` }));
  }
  writeFileSync(join(dir, 'big.jsonl'), `${lines.join('\n')}\n`);
  return dir;
}

function runBin(dir: string, argv: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...argv], { cwd: dir, env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('the CLI under a memory budget (dist/bin.js in a child process)', () => {
  it('--max-memory: stops, writes the reports of what finished marked interrupted, exits 2 with advice', async () => {
    if (!existsSync(bin)) throw new Error('build first: npm run build');
    const dir = workdir(30);
    // Loading the lexicons alone passes 1 MB of live heap: the first full collection of the run stops it.
    const r = await runBin(dir, ['audit', 'big.jsonl', '--out', 'out', '--jobs', '1', '--max-memory', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stopped for memory');
    expect(r.stderr).toContain('--shard k/n');
    expect(r.stderr).not.toContain('unexpected error');
    const index = readFileSync(join(dir, 'out', 'index.md'), 'utf8');
    expect(index).toContain('Interrupted');
    expect(index).toContain('Stopped for memory');
  }, 60_000);

  it('a heap too small for the lexicons: a clear memory error, exit 2, no stack trace', async () => {
    if (!existsSync(bin)) throw new Error('build first: npm run build');
    const dir = workdir(3);
    const r = await runBin(dir, ['audit', 'big.jsonl', '--out', 'out', '--jobs', '1'], { NODE_OPTIONS: '--max-old-space-size=48' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/out of memory|stopped for memory/);
    expect(r.stderr).not.toContain('unexpected error');
  }, 60_000);

  it('an invalid --max-memory is a usage error', async () => {
    if (!existsSync(bin)) throw new Error('build first: npm run build');
    const dir = workdir(1);
    const r = await runBin(dir, ['audit', 'big.jsonl', '--out', 'out', '--max-memory', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-memory');
  }, 30_000);
});
