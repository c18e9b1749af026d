// Issue 11: SIGINT and SIGTERM stop a run promptly in every stage; the reports of what finished are
// written and marked interrupted; exit 130; a second signal while writing still leaves an index.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { setStopPoll } from '../../src/core/cancel.js';
import { pairingRecords } from '../fixtures/pairing/records.js';
import { jsonReply, startMockOpenAI, type MockServer } from '../helpers/mock-openai-server.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'bin.js');

/** `copies` × 10 distinct records (a numbered sentence keeps the copies apart), one file. */
function bigInput(dir: string, copies: number, name = 'big.jsonl'): void {
  const lines: string[] = [];
  for (let c = 0; c < copies; c++) {
    for (const r of pairingRecords()) {
      lines.push(JSON.stringify({ id: `${r.id}.${c}`, en: `${r.en} Run ${c} of the study.`, zh: `${r.zh}研究的第${c}轮。` }));
    }
  }
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
}

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-int-'));
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  return dir;
}

/**
 * Runs dist/bin.js, sends `signals` (name, ms after the trigger); resolves with code, stderr and the
 * time from the first signal to exit. The trigger is the start, or with `after` the first stderr
 * line that contains it (`--progress` lines name the stage), so a loaded machine that reads slowly
 * still gets its signal in the stage the test means.
 */
function runBin(dir: string, argv: string[], signals: Array<[NodeJS.Signals, number]>, after?: string) {
  return new Promise<{ code: number | null; stderr: string; stopMs: number }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...argv], { cwd: dir });
    let stderr = '';
    let first = 0;
    let armed = false;
    const arm = () => {
      armed = true;
      for (const [signal, at] of signals) {
        setTimeout(() => {
          if (first === 0) first = Date.now();
          child.kill(signal);
        }, at);
      }
    };
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!armed && after !== undefined && stderr.includes(after)) arm();
    });
    child.stdout.resume();
    if (after === undefined) arm();
    child.on('exit', (code) => resolve({ code, stderr, stopMs: first === 0 ? -1 : Date.now() - first }));
  });
}

describe('signals (dist/bin.js in a child process)', () => {
  beforeAll(() => {
    if (!existsSync(bin)) throw new Error('build first: npm run build');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} during the CPU-bound stages stops within seconds, writes reports marked interrupted, exits 130`, async () => {
      const dir = workdir();
      bigInput(dir, 150);
      const r = await runBin(dir, ['audit', 'big.jsonl', '--out', 'out', '--progress'], [[signal, 300]], 'transcheck: check ');
      expect(r.code).toBe(130);
      // an uninterrupted run of this input takes well over 10 s on this machine kind
      expect(r.stopMs).toBeLessThan(5000);
      expect(r.stderr).toContain(signal);
      const index = readFileSync(join(dir, 'out', 'index.md'), 'utf8');
      expect(index).toContain('Interrupted');
      expect(existsSync(join(dir, 'out', 'big.json'))).toBe(true);
    }, 30_000);
  }
  it('a second SIGINT still leaves the index, and exits 130', async () => {
    const dir = workdir();
    for (let i = 0; i < 6; i++) bigInput(dir, 20, `part-${i}.jsonl`);
    const r = await runBin(dir, ['audit', '.', '--out', 'out', '--progress'], [['SIGINT', 300], ['SIGINT', 320]], 'transcheck: check ');
    expect(r.code).toBe(130);
    expect(readFileSync(join(dir, 'out', 'index.md'), 'utf8')).toContain('Interrupted');
  }, 30_000);
});

function sink(isTTY: boolean, onWrite?: (s: string) => void) {
  let text = '';
  return { write: (s: string) => { text += s; onWrite?.(s); return true; }, isTTY, get text() { return text; } };
}

let server: MockServer | undefined;
afterEach(async () => {
  setStopPoll(undefined);
  await server?.close();
  server = undefined;
});

describe('a stop in each stage (main in process)', () => {
  // The progress lines on a terminal name the stage; the stop is requested when one is seen.
  async function stopAt(stage: RegExp, argv: string[], dir: string) {
    const controller = new AbortController();
    const stdout = sink(false);
    const stderr = sink(true, (s) => {
      if (stage.test(s)) controller.abort();
    });
    const code = await main({ argv, stdout, stderr, env: {}, cwd: dir, signal: controller.signal });
    return { code, stderr: stderr.text, index: readFileSync(join(dir, 'out', 'index.md'), 'utf8') };
  }

  it('reading: the files not read yet are left out', async () => {
    const dir = workdir();
    for (let i = 0; i < 4; i++) bigInput(dir, 1, `f${i}.jsonl`);
    const r = await stopAt(/read 1\//, ['audit', '.', '--out', 'out'], dir);
    expect(r.code).toBe(130);
    expect(r.index).toContain('Interrupted');
    expect(r.index.match(/\| \[f\d\.jsonl\]/g)).toHaveLength(1);
  }, 60_000);

  it('pairing: stops at a loop head, translations stay unpaired', async () => {
    const dir = workdir();
    bigInput(dir, 3);
    const controller = new AbortController();
    let polls = 0;
    // the first polls are the reading loop; the next ones are pairing's
    setStopPoll(() => {
      if (++polls === 5) controller.abort();
    });
    const stdout = sink(false);
    const code = await main({ argv: ['audit', 'big.jsonl', '--out', 'out', '--json'], stdout, stderr: sink(false), env: {}, cwd: dir, signal: controller.signal });
    expect(code).toBe(130);
    const summary = JSON.parse(stdout.text);
    expect(summary.interrupted).toBe(true);
    expect(summary.summary.byVerdict.good ?? 0).toBe(0);
  }, 60_000);

  it('checks: the pairs checked are reported, the rest show no verdict', async () => {
    const dir = workdir();
    bigInput(dir, 10);
    const controller = new AbortController();
    // the stop arrives once the checks have begun: a timer runs at the loop's first yield
    const stderr = sink(true, (line) => {
      if (/check 0\//.test(line)) setTimeout(() => controller.abort(), 0);
    });
    const code = await main({ argv: ['audit', 'big.jsonl', '--out', 'out'], stdout: sink(false), stderr, env: {}, cwd: dir, signal: controller.signal });
    expect(code).toBe(130);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'big.json'), 'utf8'));
    const checked = report.pairs.length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThan(100);
    expect(report.limitations.join(' ')).toContain('Interrupted');
  }, 60_000);

  it('judge: requests in flight to a slow server do not hold the stop', async () => {
    const controller = new AbortController();
    // the stop comes while the first request is in flight (its answer would take 20 s)
    server = await startMockOpenAI({
      chat: () => {
        setTimeout(() => controller.abort(), 200);
        return { ...jsonReply({ errors: [] }), delayMs: 20_000 };
      },
    });
    const dir = workdir();
    bigInput(dir, 1);
    const started = Date.now();
    const code = await main({
      argv: ['audit', 'big.jsonl', '--out', 'out', '--llm', '--base-url', server.url, '--model', 'mock-model'],
      stdout: sink(false),
      stderr: sink(false),
      env: {},
      cwd: dir,
      signal: controller.signal,
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(code).toBe(130);
    expect(server.chatCalls.length).toBeGreaterThan(0);
    const index = readFileSync(join(dir, 'out', 'index.md'), 'utf8');
    expect(index).toContain('Interrupted');
    expect(index).toMatch(/10 pairs unjudged/);
  }, 60_000);
});
