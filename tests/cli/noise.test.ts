// Issue 11: no MaxListenersExceededWarning on long judged runs, unknown prices shown as unknown,
// --dry-run estimates from pairing alone with cached pairs free, progress on a terminal for every stage.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { pairingRecords } from '../fixtures/pairing/records.js';
import { jsonReply, startMockOpenAI, type MockServer } from '../helpers/mock-openai-server.js';

function sink(isTTY = false) {
  let text = '';
  return { write: (s: string) => { text += s; return true; }, isTTY, get text() { return text; } };
}

/** 10 × `copies` distinct pairs in one JSONL file. */
function workdir(copies: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-noise-'));
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  const lines: string[] = [];
  for (let c = 0; c < copies; c++) {
    for (const r of pairingRecords()) lines.push(JSON.stringify({ id: `${r.id}.${c}`, en: `${r.en} Run ${c}.`, zh: `${r.zh}第${c}轮。` }));
  }
  writeFileSync(join(dir, 'pairs.jsonl'), `${lines.join('\n')}\n`);
  return dir;
}

async function run(dir: string, argv: string[], tty = false) {
  const stdout = sink();
  const stderr = sink(tty);
  const code = await main({ argv, stdout, stderr, env: {}, cwd: dir });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('noise', () => {
  it('no MaxListenersExceededWarning when the judge handles more than 16 pairs', async () => {
    server = await startMockOpenAI({ chat: () => jsonReply({ errors: [] }) });
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    try {
      const dir = workdir(3);
      const r = await run(dir, ['audit', 'pairs.jsonl', '--out', 'out', '--llm', '--base-url', server.url, '--model', 'mock-model', '--no-cache']);
      expect(r.code).toBe(0);
      expect(server.chatCalls.length).toBeGreaterThan(16);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((w) => w.includes('MaxListeners'))).toEqual([]);
  }, 60_000);

  it("an unknown model's price shows as unknown, not $0.0000", async () => {
    server = await startMockOpenAI({ chat: () => jsonReply({ errors: [] }) });
    const dir = workdir(1);
    const r = await run(dir, ['audit', 'pairs.jsonl', '--out', 'out', '--llm', '--base-url', server.url, '--model', 'mock-model', '--no-cache']);
    expect(r.stdout).toMatch(/cost unknown \(no price for mock-model/);
    expect(r.stdout).not.toContain('$0.0000');
    const dry = await run(dir, ['audit', 'pairs.jsonl', '--dry-run', '--model', 'mock-model']);
    expect(dry.stdout).toMatch(/cost unknown/);
  }, 60_000);

  it('--dry-run estimates from pairing alone (no reports) and counts cached pairs as free', async () => {
    server = await startMockOpenAI({ chat: () => jsonReply({ errors: [] }) });
    const dir = workdir(1);
    const cold = await run(dir, ['audit', 'pairs.jsonl', '--out', 'dry', '--dry-run', '--base-url', server.url, '--model', 'gpt-4o-mini']);
    expect(cold.code).toBe(0);
    expect(cold.stdout).toMatch(/would send 10 pairs to gpt-4o-mini \(0 more are in the cache, free\)/);
    expect(existsSync(join(dir, 'dry'))).toBe(false);
    // judge 10 pairs for real, then estimate again: all are cached
    const live = await run(dir, ['audit', 'pairs.jsonl', '--out', 'out', '--llm', '--base-url', server.url, '--model', 'gpt-4o-mini']);
    expect(live.code).toBe(0);
    const warm = await run(dir, ['audit', 'pairs.jsonl', '--dry-run', '--base-url', server.url, '--model', 'gpt-4o-mini', '--json']);
    expect(JSON.parse(warm.stdout).dryRun).toMatchObject({ pairs: 0, cachedPairs: 10, costUsd: 0 });
    expect(warm.stderr).toMatch(/would send 0 pairs .*10 more are in the cache, free/);
  }, 60_000);

  it('progress on a terminal covers every stage with counts', async () => {
    const dir = workdir(1);
    const r = await run(dir, ['audit', 'pairs.jsonl', '--out', 'out'], true);
    for (const stage of ['read 1/1', 'pair 0/10', 'pair 10/10', 'check 10/10', 'reports 2/2']) expect(r.stderr).toContain(stage);
  });

  it('progress in a log only with --progress, as plain lines', async () => {
    const dir = workdir(1);
    const quiet = await run(dir, ['audit', 'pairs.jsonl', '--out', 'out'], false);
    expect(quiet.stderr).not.toContain('transcheck: check');
    const logged = await run(dir, ['audit', 'pairs.jsonl', '--out', 'out2', '--progress'], false);
    for (const stage of ['transcheck: read 1/1', 'transcheck: pair 10/10', 'transcheck: check 10/10']) expect(logged.stderr).toContain(stage);
    expect(logged.stderr).not.toMatch(/\r|\x1b\[/);
  });
});
