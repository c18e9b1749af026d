// Batch mode against the mock: JSONL upload, create, poll, output and error files joined on
// custom_id, validation and cache like live results, and collecting a saved batch on a rerun.
import { existsSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchDir } from '../../src/llm/batch.js';
import { resetLearnedModes } from '../../src/llm/structured.js';
import { createJudge } from '../../src/pipeline/judge.js';
import { jsonReply, startMockOpenAI, type MockServer } from '../helpers/mock-openai-server.js';
import { makePairs } from './fixtures/pairs.js';
import { testOptions } from './fixtures/options.js';

let mock: MockServer | undefined;
const noTerms = () => [];
beforeEach(() => resetLearnedModes());
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const route = (m: MockServer, method: string, path: RegExp) => m.requests.filter((r) => r.method === method && path.test(r.path));

describe('batch judge', () => {
  it('uploads one JSONL, joins output and error files on custom_id, and caches the good answers', async () => {
    mock = await startMockOpenAI({
      batchPollsUntilDone: 2,
      chat: (call) =>
        call.translation.includes('p2')
          ? { content: 'not json at all' }
          : jsonReply({ errors: [{ span: '强化学习', source_span: 'reinforcement learning', category: 'terminology/inappropriate', severity: 'minor', explanation: 'x', fix: '强化学习方法' }] }),
      batchLineError: (call) => (call.translation.includes('p3') ? 'The server had an error processing your request' : undefined),
    });
    const options = testOptions(mock.url, { batch: true });
    const pairs = makePairs(5);
    const outcome = await createJudge(options, {}).judgeAll(pairs, noTerms, {});

    expect(route(mock, 'POST', /^\/files$/)).toHaveLength(1);
    expect(route(mock, 'POST', /^\/batches$/)).toHaveLength(1);
    const input = [...mock.files.values()].find((f) => f.purpose === 'batch');
    const lines = (input?.content ?? '').trim().split('\n').map((l) => JSON.parse(l) as { custom_id: string; url: string; body: { response_format: { type: string } } });
    expect(lines).toHaveLength(5);
    expect(new Set(lines.map((l) => l.custom_id)).size).toBe(5);
    expect(lines[0]?.url).toBe('/v1/chat/completions');
    expect(lines[0]?.body.response_format.type).toBe('json_schema');

    // Output lines come back reversed; each pair still gets its own answer.
    for (const id of ['0:0', '0:1', '0:4']) {
      const [f] = outcome.findings.get(id) ?? [];
      expect(f?.actual).toBe('强化学习');
      expect(f?.range).toEqual([pairs[Number(id.slice(2))]?.pair.translation.text.indexOf('强化学习'), expect.any(Number)]);
    }
    // p2's invalid batch answer got one live re-ask (also invalid) → judge-failed; p3 is in the error file.
    expect(outcome.findings.get('0:2')?.[0]?.messageId).toBe('judge-failed');
    expect(mock.chatCalls.filter((c) => !c.batch && c.reask)).toHaveLength(1);
    expect(outcome.findings.get('0:3')?.[0]).toMatchObject({ messageId: 'judge-failed' });
    expect(String(outcome.findings.get('0:3')?.[0]?.data.reason)).toMatch(/server had an error/);
    expect(outcome.usage.failures).toBe(2);
    // Batch tokens cost half: 4 batch answers at 0.0012 × 0.5, plus one live re-ask at 0.0012.
    expect(outcome.usage.costUsd).toBeCloseTo(4 * 0.0006 + 0.0012, 10);
    // The record of a collected batch is removed.
    expect(existsSync(batchDir(options.cacheDir)) ? readdirSync(batchDir(options.cacheDir)) : []).toEqual([]);

    // A rerun submits only the two failed pairs.
    const again = await createJudge(options, {}).judgeAll(pairs, noTerms, {});
    expect(again.usage.cachedPairs).toBe(3);
    expect(route(mock, 'POST', /^\/batches$/)).toHaveLength(2);
    const second = [...mock.files.values()].filter((f) => f.purpose === 'batch')[1];
    expect((second?.content ?? '').trim().split('\n')).toHaveLength(2);
  });

  it('saves the batch id so that a rerun collects the running batch instead of paying twice', async () => {
    mock = await startMockOpenAI({ batchPollsUntilDone: 3 });
    const options = testOptions(mock.url, { batch: true });
    const controller = new AbortController();
    const first = await createJudge(options, {}).judgeAll(makePairs(4), noTerms, {
      signal: controller.signal,
      onProgress: () => {
        if (mock && route(mock, 'GET', /^\/batches\//).length >= 1) controller.abort();
      },
    });
    expect(first.findings.size).toBe(0);
    expect(first.usage.unjudged).toBe(4);
    expect(first.notes.join('\n')).toMatch(/still in_progress; rerun/);
    const saved = readdirSync(batchDir(options.cacheDir));
    expect(saved).toHaveLength(1);

    const second = await createJudge(options, {}).judgeAll(makePairs(4), noTerms, {});
    expect(route(mock, 'POST', /^\/batches$/)).toHaveLength(1);
    expect(route(mock, 'POST', /^\/files$/)).toHaveLength(1);
    expect(second.findings.size).toBe(4);
    expect(second.notes.join('\n')).toMatch(/collecting batch/);
    expect(readdirSync(batchDir(options.cacheDir))).toEqual([]);

    const third = await createJudge(options, {}).judgeAll(makePairs(4), noTerms, {});
    expect(third.usage.cachedPairs).toBe(4);
    expect(route(mock, 'POST', /^\/batches$/)).toHaveLength(1);
  });
});
