// The judge in live mode against the mock server through the real openai client: answers, faults,
// fallbacks, cache, budget, interruption.
import { readFileSync, existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { cacheFile } from '../../src/llm/cache.js';
import { LlmFatalError } from '../../src/llm/client.js';
import { resetLearnedModes } from '../../src/llm/structured.js';
import { createJudge, estimateJudgeCost } from '../../src/pipeline/judge.js';
import { apiError, jsonReply, startMockOpenAI, type MockServer, type Reply, type ChatCall } from '../helpers/mock-openai-server.js';
import { makePair, makePairs } from './fixtures/pairs.js';
import { testOptions } from './fixtures/options.js';

let mock: MockServer | undefined;
const noTerms = () => [];

async function start(chat?: (call: ChatCall) => Reply | Promise<Reply>, latencyMs = 0): Promise<MockServer> {
  mock = await startMockOpenAI({ ...(chat ? { chat } : {}), latencyMs });
  return mock;
}

function cacheLines(dir: string): number {
  const path = cacheFile(dir);
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).length : 0;
}

beforeEach(() => resetLearnedModes());
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const SOURCE = 'We propose a transformer model that improves accuracy by 3.5% on ImageNet.';
const TARGET = '我们提出了一种变压器模型，在ImageNet上将准确率提高了3.5%。';

describe('live judge', () => {
  it('turns a good answer into located findings with the model severity, fix and note', async () => {
    const server = await start(() =>
      jsonReply({
        errors: [
          { span: '变压器', source_span: 'transformer', category: 'terminology/inappropriate', severity: 'major', explanation: 'Transformer is the neural architecture here.', fix: 'Transformer' },
        ],
      }),
    );
    const options = testOptions(server.url);
    const judge = createJudge(options, {});
    const outcome = await judge.judgeAll([makePair('0:0', SOURCE, TARGET)], noTerms, {});
    const [finding] = outcome.findings.get('0:0') ?? [];
    expect(finding).toMatchObject({
      check: 'llm-judge',
      origin: 'judge',
      severity: 'major',
      category: 'terminology/inappropriate',
      side: 'target',
      range: [TARGET.indexOf('变压器'), TARGET.indexOf('变压器') + 3],
      actual: '变压器',
      expected: 'Transformer',
      note: 'Transformer is the neural architecture here.',
      sentence: 0,
    });
    expect(finding?.data.located).toBe('exact');
    // The model's correction is a suggestion, never a fix that `transcheck fix` would apply.
    expect(finding?.suggestion).toBe('Transformer');
    expect(finding?.fix).toBeUndefined();
    expect(outcome.usage).toMatchObject({ calls: 1, promptTokens: 1000, completionTokens: 100, failures: 0, unjudged: 0 });
    expect(outcome.usage.costUsd).toBeCloseTo((1000 * 1 + 100 * 2) / 1e6, 10);
    expect(outcome.promptVersions).toEqual(['judge@1']);
    // Structured output was requested strictly, at temperature 0, sent explicitly.
    const body = server.chatCalls[0]?.body;
    expect(body?.response_format?.type).toBe('json_schema');
    expect(body?.response_format?.json_schema?.strict).toBe(true);
    expect(body?.temperature).toBe(0);
  });

  it('judges only paired translations', async () => {
    const server = await start();
    const unpaired = makePair('0:1', SOURCE, TARGET);
    unpaired.pair.status = 'unpaired';
    unpaired.pair.original = null;
    const outcome = await createJudge(testOptions(server.url), {}).judgeAll([makePair('0:0', SOURCE, TARGET), unpaired], noTerms, {});
    expect(server.chatCalls).toHaveLength(1);
    expect(outcome.findings.has('0:1')).toBe(false);
    expect(outcome.findings.get('0:0')).toEqual([]);
  });

  it('makes no call for cached pairs, and calls again with --no-cache', async () => {
    const server = await start();
    const options = testOptions(server.url);
    const pairs = makePairs(3);
    await createJudge(options, {}).judgeAll(pairs, noTerms, {});
    expect(server.chatCalls).toHaveLength(3);
    expect(cacheLines(options.cacheDir)).toBe(3);
    const again = await createJudge(options, {}).judgeAll(pairs, noTerms, {});
    expect(server.chatCalls).toHaveLength(3);
    expect(again.usage).toMatchObject({ calls: 0, cachedPairs: 3 });
    expect(again.findings.size).toBe(3);
    // Another model or prompt options make another key.
    await createJudge({ ...options, temperature: 0.5 }, {}).judgeAll(pairs.slice(0, 1), noTerms, {});
    expect(server.chatCalls).toHaveLength(4);
    await createJudge({ ...options, cache: false }, {}).judgeAll(pairs, noTerms, {});
    expect(server.chatCalls).toHaveLength(7);
  });

  it('judges identical texts once and gives every pair the findings', async () => {
    const server = await start(() => jsonReply({ errors: [{ span: '变压器', source_span: '', category: 'mistranslation', severity: 'minor', explanation: '', fix: '' }] }));
    const outcome = await createJudge(testOptions(server.url), {}).judgeAll([makePair('0:0', SOURCE, TARGET), makePair('1:0', SOURCE, TARGET)], noTerms, {});
    expect(server.chatCalls).toHaveLength(1);
    expect(outcome.findings.get('1:0')?.[0]?.category).toBe('accuracy/mistranslation');
  });

  it('retries a 429 after its retry-after and a 500, then succeeds', async () => {
    const server = await start((call) => {
      if (call.attempt === 0 && call.translation.includes('p0')) return apiError(429, 'Rate limit reached', 'rate_limit_exceeded', 'requests', { 'retry-after': '0.05' });
      if (call.attempt === 0 && call.translation.includes('p1')) return apiError(500, 'The server had an error', null, 'server_error');
      return jsonReply({ errors: [] });
    });
    const outcome = await createJudge(testOptions(server.url), {}).judgeAll(makePairs(2), noTerms, {});
    expect(server.chatCalls).toHaveLength(4);
    expect(outcome.usage).toMatchObject({ calls: 2, failures: 0 });
    expect(outcome.findings.get('0:0')).toEqual([]);
    expect(outcome.findings.get('0:1')).toEqual([]);
  });

  it('stops at once on 429 insufficient_quota, without retrying', async () => {
    const server = await start(() => apiError(429, 'You exceeded your current quota', 'insufficient_quota', 'insufficient_quota'));
    const options = testOptions(server.url, { concurrency: 1 });
    const outcome = await createJudge(options, {}).judgeAll(makePairs(5), noTerms, {});
    expect(outcome.fatal).toBeInstanceOf(LlmFatalError);
    expect(outcome.fatal?.message).toMatch(/quota/);
    expect(outcome.usage.unjudged).toBe(5);
    expect(server.chatCalls).toHaveLength(1);
  });

  it('stops at once on 401 with a clear message', async () => {
    const server = await start(() => apiError(401, 'Incorrect API key provided', 'invalid_api_key'));
    const outcome = await createJudge(testOptions(server.url, { concurrency: 1 }), {}).judgeAll(makePairs(4), noTerms, {});
    expect(outcome.fatal?.message).toMatch(/refused the API key/);
    expect(server.chatCalls).toHaveLength(1);
  });

  it('keeps the finished pairs in the cache when a fatal error stops the run', async () => {
    const server = await start((call) =>
      call.index < 2 ? jsonReply({ errors: [] }) : apiError(401, 'Incorrect API key provided', 'invalid_api_key'),
    );
    const options = testOptions(server.url, { concurrency: 1 });
    const outcome = await createJudge(options, {}).judgeAll(makePairs(5), noTerms, {});
    expect(outcome.fatal).toBeInstanceOf(LlmFatalError);
    expect(cacheLines(options.cacheDir)).toBe(2);
    // the answers paid for before the error are kept for this run's reports
    expect(outcome.findings.size).toBe(2);
  });

  it('re-asks once with the validation error after malformed JSON', async () => {
    const server = await start((call) => (call.reask ? jsonReply({ errors: [] }) : { content: '{"errors": [{"span": "模型", ' }));
    const outcome = await createJudge(testOptions(server.url), {}).judgeAll([makePair('0:0', SOURCE, TARGET)], noTerms, {});
    expect(server.chatCalls).toHaveLength(2);
    const reask = server.chatCalls[1]?.body.messages.at(-1)?.content ?? '';
    expect(reask).toMatch(/not valid JSON/);
    expect(outcome.findings.get('0:0')).toEqual([]);
    expect(outcome.usage).toMatchObject({ calls: 2, failures: 0 });
  });

  it('re-asks on an answer that does not follow the schema', async () => {
    const server = await start((call) =>
      call.reask
        ? jsonReply({ errors: [{ span: '变压器', source_span: 'transformer', category: 'accuracy/mistranslation', severity: 'major', explanation: 'x', fix: 'Transformer' }] })
        : jsonReply({ errors: [{ span: '变压器', severity: 'terrible' }] }),
    );
    const outcome = await createJudge(testOptions(server.url), {}).judgeAll([makePair('0:0', SOURCE, TARGET)], noTerms, {});
    expect(server.chatCalls[1]?.body.messages.at(-1)?.content).toMatch(/severity/);
    expect(outcome.findings.get('0:0')?.[0]?.severity).toBe('major');
  });

  it.each([
    ['truncated', { content: '{"errors": [{"span": "变压', finishReason: 'length' } as Reply, /cut off/],
    ['empty', { content: '' } as Reply, /empty/],
    ['prose without JSON', { content: 'The translation looks fine to me.' } as Reply, /not valid JSON/],
  ])('records a judge-failed finding (never a score) after a %s answer and a failed re-ask', async (_name, reply, reason) => {
    const server = await start(() => reply);
    const options = testOptions(server.url);
    const outcome = await createJudge(options, {}).judgeAll([makePair('0:0', SOURCE, TARGET)], noTerms, {});
    expect(server.chatCalls).toHaveLength(2);
    const findings = outcome.findings.get('0:0') ?? [];
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ messageId: 'judge-failed', severity: 'info', check: 'llm-judge' });
    expect(String(findings[0]?.data.reason)).toMatch(reason);
    expect(outcome.usage.failures).toBe(1);
    expect(cacheLines(options.cacheDir)).toBe(0);
    // Failures are not cached: the next run asks again.
    await createJudge(options, {}).judgeAll([makePair('0:0', SOURCE, TARGET)], noTerms, {});
    expect(server.chatCalls).toHaveLength(4);
  });

  it('keeps a span that is not in the text as an unlocated finding', async () => {
    const server = await start(() =>
      jsonReply({ errors: [{ span: '卷积网络', source_span: 'model', category: 'accuracy/mistranslation', severity: 'minor', explanation: 'x', fix: '' }] }),
    );
    const outcome = await createJudge(testOptions(server.url), {}).judgeAll([makePair('0:0', SOURCE, TARGET)], noTerms, {});
    const [finding] = outcome.findings.get('0:0') ?? [];
    expect(finding?.range).toBeUndefined();
    expect(finding?.data.located).toBe('no');
    expect(finding?.message).toMatch(/not found/);
  });

  it('locates spans that differ only in whitespace and punctuation width', async () => {
    const server = await start(() =>
      jsonReply({ errors: [{ span: '变压器模型,在 ImageNet', source_span: '', category: 'style/awkward', severity: 'minor', explanation: '', fix: '' }] }),
    );
    const outcome = await createJudge(testOptions(server.url), {}).judgeAll([makePair('0:0', SOURCE, TARGET)], noTerms, {});
    const [finding] = outcome.findings.get('0:0') ?? [];
    expect(finding?.data.located).toBe('normalized');
    const [s, e] = finding?.range ?? [0, 0];
    expect(TARGET.slice(s, e)).toBe('变压器模型，在ImageNet');
  });

  it('falls back to json_object, then to text, when the server rejects response_format, and remembers it', async () => {
    const server = await start((call) => {
      const type = call.body.response_format?.type;
      if (type === 'json_schema') return apiError(400, "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.");
      if (type === 'json_object') return apiError(400, 'response_format json_object is not supported by this server');
      return { content: 'Sure! Here is the review:\n```json\n{"errors": []}\n```\nHope this helps.' };
    });
    const outcome = await createJudge(testOptions(server.url, { concurrency: 1 }), {}).judgeAll(makePairs(3), noTerms, {});
    expect(outcome.usage.failures).toBe(0);
    expect(outcome.findings.size).toBe(3);
    const types = server.chatCalls.map((c) => c.body.response_format?.type ?? 'text');
    expect(types).toEqual(['json_schema', 'json_object', 'text', 'text', 'text']);
    // Without json_schema the schema travels in the system prompt.
    expect(server.chatCalls[2]?.body.messages[0]?.content).toMatch(/JSON Schema:\n\{"type":"object"/);
  });

  it('fails a pair whose answers are slower than the timeout, after the retries', async () => {
    const server = await start(() => ({ hang: true }));
    const outcome = await createJudge(testOptions(server.url, { timeoutMs: 200, maxRetries: 1 }), {}).judgeAll(
      [makePair('0:0', SOURCE, TARGET)],
      noTerms,
      {},
    );
    expect(server.chatCalls).toHaveLength(2);
    expect(outcome.findings.get('0:0')?.[0]).toMatchObject({ messageId: 'judge-failed' });
    expect(String(outcome.findings.get('0:0')?.[0]?.data.reason)).toMatch(/timed out/);
  });

  it('stops before --max-cost would be exceeded and counts the unjudged pairs', async () => {
    const server = await start();
    // Each call costs 0.0012 USD at the test price; the reservation per request is about 0.0014.
    const options = testOptions(server.url, { concurrency: 1, maxCostUsd: 0.004 });
    const outcome = await createJudge(options, {}).judgeAll(makePairs(6), noTerms, {});
    expect(outcome.usage.costUsd).toBeLessThanOrEqual(0.004);
    expect(server.chatCalls.length).toBeGreaterThan(0);
    expect(server.chatCalls.length).toBeLessThan(6);
    expect(outcome.usage.unjudged).toBe(6 - server.chatCalls.length);
    expect(outcome.notes.join('\n')).toMatch(/max-cost .* left unjudged/);
  });

  it('stops cleanly on abort, keeping finished pairs in the cache', async () => {
    const controller = new AbortController();
    const server = await start(() => {
      if (mock && mock.answered >= 2) controller.abort();
      return jsonReply({ errors: [] });
    }, 30);
    const options = testOptions(server.url, { concurrency: 1 });
    const outcome = await createJudge(options, {}).judgeAll(makePairs(6), noTerms, { signal: controller.signal });
    const finished = cacheLines(options.cacheDir);
    expect(finished).toBe(outcome.findings.size);
    expect(outcome.usage.unjudged).toBe(6 - finished);
    expect(finished).toBeLessThan(6);
    expect(outcome.notes.join('\n')).toMatch(/interrupted/);
    const rest = await createJudge(options, {}).judgeAll(makePairs(6), noTerms, {});
    expect(rest.usage.cachedPairs).toBe(finished);
    expect(rest.usage.calls).toBe(6 - finished);
  });

  it('reports progress up to the total', async () => {
    const server = await start();
    const seen: Array<[number, number]> = [];
    await createJudge(testOptions(server.url), {}).judgeAll(makePairs(3), noTerms, { onProgress: (d, t) => seen.push([d, t]) });
    expect(seen.at(-1)).toEqual([3, 3]);
  });

  it('estimates a dry run without calling', async () => {
    const server = await start();
    const options = testOptions(server.url, { dryRun: true, model: 'gpt-4o-mini', prices: {} });
    const estimate = estimateJudgeCost(makePairs(10), options);
    expect(estimate.pairs).toBe(10);
    expect(estimate.promptTokens).toBeGreaterThan(10 * 500);
    expect(estimate.completionTokens).toBe(3000);
    expect(estimate.costUsd).toBeCloseTo((estimate.promptTokens * 0.15 + estimate.completionTokens * 0.6) / 1e6, 10);
    const outcome = await createJudge(options, {}).judgeAll(makePairs(10), noTerms, {});
    expect(server.chatCalls).toHaveLength(0);
    expect(outcome.usage.unjudged).toBe(10);
  });
});

describe('createJudge', () => {
  it('is a ConfigError without a key or a base URL', () => {
    expect(() => createJudge({ ...testOptions(''), baseUrl: undefined, apiKey: undefined }, {})).toThrow(ConfigError);
  });
  it('accepts OPENAI_BASE_URL alone (a local server needs no key)', () => {
    expect(() => createJudge({ ...testOptions(''), baseUrl: undefined, apiKey: undefined }, { OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' })).not.toThrow();
  });
});
