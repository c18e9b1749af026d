// The judge stage's seams: createJudge's configuration error, the dry-run estimate, the merge export.
import { describe, expect, it } from 'vitest';
import { ConfigError, KnownError } from '../../src/core/errors.js';
import { createJudge, DEFAULT_JUDGE_OPTIONS, estimateJudgeCost, mergeFindings } from '../../src/pipeline/judge.js';
import { makePair, makePairs } from '../llm/fixtures/pairs.js';

describe('judge stage', () => {
  it('refuses to build a judge with neither a key nor a server, with a hint', () => {
    try {
      createJudge({ ...DEFAULT_JUDGE_OPTIONS }, {});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toBeInstanceOf(KnownError);
      expect((error as ConfigError).hint).toMatch(/--base-url/);
    }
  });
  it('builds a judge from OPENAI_API_KEY alone', () => {
    expect(createJudge({ ...DEFAULT_JUDGE_OPTIONS }, { OPENAI_API_KEY: 'sk-test' })).toHaveProperty('judgeAll');
  });
  it('estimates only paired translations, and halves the cost in batch mode', () => {
    const pairs = makePairs(4);
    const unpaired = makePair('9:9', 'x', '中文');
    unpaired.pair.status = 'unpaired';
    const live = estimateJudgeCost([...pairs, unpaired], { ...DEFAULT_JUDGE_OPTIONS });
    const batch = estimateJudgeCost(pairs, { ...DEFAULT_JUDGE_OPTIONS, batch: true });
    expect(live.pairs).toBe(4);
    expect(batch.costUsd).toBeCloseTo(live.costUsd / 2, 12);
    expect(live.costUsd).toBeGreaterThan(0);
    expect(estimateJudgeCost(pairs, { ...DEFAULT_JUDGE_OPTIONS, model: 'llama3:8b' }).costUsd).toBe(0);
  });
  it('exports mergeFindings for the run orchestration', () => {
    expect(mergeFindings([], [])).toEqual([]);
  });
});
