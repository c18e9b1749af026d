// The CLI with --llm against the local mock server: judge findings in the reports, usage in the
// index, the cache on rerun, and a fatal provider error as exit code 2.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { apiError, jsonReply, startMockOpenAI, type MockServer } from '../helpers/mock-openai-server.js';

const EN =
  'We propose a pre-trained model for dialogue policy learning. It improves the success rate by 3.5% on MultiWOZ. The code is available online.';
const ZH = '我们提出了一种用于对话策略学习的预训练模型。它在MultiWOZ上将成功率提高了3.5%。代码可在网上获得。';

function sink() {
  let text = '';
  return { write: (s: string) => { text += s; return true; }, get text() { return text; } };
}

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-llm-'));
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  writeFileSync(join(dir, 'pairs.jsonl'), `${JSON.stringify({ id: '2401.00001', en: EN, zh: ZH })}\n`);
  return dir;
}

async function audit(dir: string, url: string, extra: string[] = []) {
  const stdout = sink();
  const stderr = sink();
  const code = await main({
    argv: ['audit', 'pairs.jsonl', '--out', 'out', '--llm', '--base-url', url, '--model', 'mock-model', ...extra],
    stdout,
    stderr,
    env: {},
    cwd: dir,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('audit --llm', () => {
  it('adds the judge findings to the reports, records usage, and reuses the cache on rerun', async () => {
    server = await startMockOpenAI({
      chat: () =>
        jsonReply({
          errors: [
            {
              span: '网上',
              source_span: 'online',
              category: 'style/awkward',
              severity: 'minor',
              explanation: 'stiff wording',
              fix: '在线',
            },
          ],
        }),
    });
    const dir = workdir();
    const first = await audit(dir, server.url);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'pairs.json'), 'utf8'));
    expect(report.pairs).toHaveLength(1);
    expect(report.pairs[0].status).toBe('paired');
    const judged = report.pairs[0].findings.filter((f: { origin: string }) => f.origin !== 'heuristic');
    expect(judged).toHaveLength(1);
    expect(judged[0]).toMatchObject({ check: 'llm-judge', severity: 'minor', actual: '网上', expected: '在线' });
    expect(ZH.slice(judged[0].range[0], judged[0].range[1])).toBe('网上');
    expect(report.promptVersions.some((p: string) => p.startsWith('judge@'))).toBe(true);
    expect(readFileSync(join(dir, 'out', 'index.md'), 'utf8')).toMatch(/LLM judge/);
    expect(readFileSync(join(dir, 'out', 'pairs.md'), 'utf8')).toContain('(LLM judge)');
    const calls = server.chatCalls.length;
    expect(calls).toBeGreaterThan(0);

    const second = await audit(dir, server.url);
    expect(second.code).toBe(0);
    expect(server.chatCalls.length).toBe(calls);
    const again = JSON.parse(readFileSync(join(dir, 'out', 'pairs.json'), 'utf8'));
    expect(again.pairs[0].findings).toEqual(report.pairs[0].findings);
  });

  it('stops with exit code 2 and a clear message on 401', async () => {
    server = await startMockOpenAI({ chat: () => apiError(401, 'Incorrect API key provided', 'invalid_api_key') });
    const dir = workdir();
    const r = await audit(dir, server.url, ['--no-cache']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/401|key/i);
  });

  it('--dry-run estimates without calling the server', async () => {
    server = await startMockOpenAI();
    const dir = workdir();
    const stdout = sink();
    const code = await main({
      argv: ['audit', 'pairs.jsonl', '--out', 'out', '--dry-run', '--base-url', server.url],
      stdout,
      stderr: sink(),
      env: {},
      cwd: dir,
    });
    expect(code).toBe(0);
    expect(stdout.text).toMatch(/dry run: the judge would send 1 pairs/);
    expect(server.chatCalls).toHaveLength(0);
  });
});
