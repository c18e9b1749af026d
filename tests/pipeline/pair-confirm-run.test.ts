// LLM pairing confirmation in the audit, against the local mock server: only ambiguous pairings are
// asked, `yes` pairs, `no` leaves unpaired, a rerun uses the cache, and a 401 stops with exit code 2.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { CONFIRM_FLOOR } from '../../src/pipeline/confirm.js';
import { audit } from '../../src/pipeline/run.js';
import { resetLearnedModes } from '../../src/llm/structured.js';
import { apiError, jsonReply, startMockOpenAI, type ChatCall, type MockServer, type Reply } from '../helpers/mock-openai-server.js';

// The translation of A, and B: another abstract on the same problem with the same numbers and terms,
// close enough that dictionary evidence cannot tell them apart (margin under 0.08).
const EN_A =
  'We propose a graph neural network for predicting molecular properties. It improves the mean absolute error by 12% on the QM9 benchmark. The code is available online.';
const ZH_A = '我们提出了一种用于预测分子性质的图神经网络。它在QM9基准上将平均绝对误差降低了12%。代码可在网上获得。';
const EN_B =
  'A message passing neural network is proposed for predicting molecular properties. On the QM9 benchmark it lowers the mean absolute error by 12% over prior work. We release the code online.';
// A clear pair.
const EN_C =
  'We propose a pre-trained model for dialogue policy learning. It improves the success rate by 3.5% on MultiWOZ. The code is available online.';
const ZH_C = '我们提出了一种用于对话策略学习的预训练模型。它在MultiWOZ上将成功率提高了3.5%。代码可在网上获得。';
// A translation of none of them: its best candidate scores under the floor.
const ZH_X = '我们研究了卷积神经网络在遥感图像分割中的应用，并在两个公开数据集上评估了不同损失函数的效果。';

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-confirm-'));
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  writeFileSync(join(dir, 'translations.txt'), `${[ZH_A, ZH_C, ZH_X].join('\n\n')}\n`);
  const originals = [
    ['2401.00001', EN_A],
    ['2401.00002', EN_B],
    ['2401.00003', EN_C],
  ].map(([id, en]) => JSON.stringify({ id, en }));
  writeFileSync(join(dir, 'originals.jsonl'), `${originals.join('\n')}\n`);
  return dir;
}

function sink() {
  let text = '';
  return { write: (s: string) => { text += s; return true; }, get text() { return text; } };
}

async function run(dir: string, url: string, extra: string[] = []) {
  const stderr = sink();
  const code = await main({
    argv: ['audit', 'translations.txt', '--originals', 'originals.jsonl', '--out', 'out', '--llm', '--base-url', url, '--model', 'mock-model', ...extra],
    stdout: sink(),
    stderr,
    env: {},
    cwd: dir,
  });
  return { code, stderr: stderr.text };
}

/** The texts of a pair-confirm prompt (ENGLISH and CHINESE blocks), or undefined for other prompts. */
function confirmTexts(call: ChatCall): { english: string; chinese: string } | undefined {
  if (call.body.response_format?.json_schema?.name !== 'pair_confirmation') return undefined;
  const user = call.body.messages.filter((m) => m.role === 'user').at(0)?.content ?? '';
  const block = (name: string) => new RegExp(`<<<${name} (\\w+)\\n([\\s\\S]*?)\\n${name} \\1>>>`).exec(user)?.[2] ?? '';
  return { english: block('ENGLISH'), chinese: block('CHINESE') };
}

/** Answers confirmations with `verdict` and judge prompts with no errors. */
function answering(verdict: string): (call: ChatCall) => Reply {
  return (call) => (confirmTexts(call) ? jsonReply({ verdict }) : jsonReply({ errors: [] }));
}

function confirmCalls(server: MockServer) {
  return server.chatCalls.map(confirmTexts).filter((t) => t !== undefined);
}

interface JsonPair {
  translation: string;
  status: string;
  original: { id?: string } | null;
  confidence: number;
  evidence: { score: number; margin: number };
}

function pairs(dir: string): JsonPair[] {
  return JSON.parse(readFileSync(join(dir, 'out', 'translations.json'), 'utf8')).pairs as JsonPair[];
}

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  resetLearnedModes();
});

describe('pairing confirmation in the audit', () => {
  it('the constructed case is ambiguous without the LLM, the others clear either way', async () => {
    const dir = workdir();
    const result = await audit({
      inputs: ['translations.txt'],
      originals: ['originals.jsonl'],
      cwd: dir,
      tool: { name: 'transcheck', version: 'test' },
      configHash: 'test',
      registry: [],
    });
    const [a, c, x] = result.files[0]?.pairs.map((r) => r.pair) ?? [];
    expect(a?.status).toBe('unpaired');
    expect(a?.evidence.best[0]?.original.id).toBe('2401.00001');
    expect(a?.evidence.best[0]?.score).toBeGreaterThanOrEqual(CONFIRM_FLOOR);
    expect(a?.evidence.margin).toBeLessThan(0.08);
    expect(c?.status).toBe('paired');
    expect(c?.original?.recordId).toBe('2401.00003');
    expect(x?.status).toBe('unpaired');
    expect(x?.evidence.best[0]?.score ?? 0).toBeLessThan(CONFIRM_FLOOR);
    expect(result.promptVersions).toEqual([]);
  });

  it('pairs an ambiguous translation on yes, asks about nothing else, and uses the cache on rerun', async () => {
    server = await startMockOpenAI({ chat: answering('yes') });
    const dir = workdir();
    const first = await run(dir, server.url);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const asked = confirmCalls(server);
    expect(asked).toEqual([{ english: EN_A, chinese: ZH_A }]);
    const [a, c, x] = pairs(dir);
    expect(a).toMatchObject({ status: 'paired', original: { id: '2401.00001' } });
    expect(a?.confidence).toBeCloseTo(a?.evidence.score ?? -1, 5);
    expect(c).toMatchObject({ status: 'paired', original: { id: '2401.00003' } });
    expect(x?.status).toBe('unpaired');
    const report = JSON.parse(readFileSync(join(dir, 'out', 'translations.json'), 'utf8'));
    expect(report.promptVersions).toContain('pair-confirm@1');
    expect(report.pairs[0].evidence.confirmedBy).toBe('pair-confirm@1');
    expect(report.pairs[1].evidence.confirmedBy).toBeUndefined();
    // The confirmation call is counted with the judge calls (A and C judged).
    expect(server.chatCalls.length).toBe(3);
    expect(readFileSync(join(dir, 'out', 'index.md'), 'utf8')).toMatch(/\(mock-model\): 3 calls/);
    expect(readFileSync(join(dir, 'out', 'translations.md'), 'utf8')).toMatch(/the LLM confirmed this pairing \(`pair-confirm@1`\)/);

    const calls = server.chatCalls.length;
    const second = await run(dir, server.url);
    expect(second.code).toBe(0);
    expect(server.chatCalls.length).toBe(calls);
    expect(pairs(dir)[0]).toMatchObject({ status: 'paired', original: { id: '2401.00001' } });
  });

  it('leaves the translation unpaired on no (and on partial)', async () => {
    for (const verdict of ['no', 'partial']) {
      server = await startMockOpenAI({ chat: answering(verdict) });
      const dir = workdir();
      const r = await run(dir, server.url);
      expect(r.code).toBe(0);
      expect(confirmCalls(server)).toHaveLength(1);
      const [a] = pairs(dir);
      expect(a).toMatchObject({ status: 'unpaired', original: null });
      expect(readFileSync(join(dir, 'out', 'translations.md'), 'utf8')).not.toMatch(/LLM confirmed/);
      await server.close();
      server = undefined;
    }
  });

  it('stops with exit code 2 on 401, before judging anything', async () => {
    server = await startMockOpenAI({ chat: () => apiError(401, 'Incorrect API key provided', 'invalid_api_key') });
    const dir = workdir();
    const r = await run(dir, server.url, ['--no-cache']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/401|key/i);
    expect(server.chatCalls.every((c) => confirmTexts(c) !== undefined)).toBe(true);
  });

  it('--dry-run sends no confirmation', async () => {
    server = await startMockOpenAI({ chat: answering('yes') });
    const dir = workdir();
    const r = await run(dir, server.url, ['--dry-run']);
    expect(r.code).toBe(0);
    expect(server.chatCalls).toHaveLength(0);
  });
});
