// The judge stage: builds the LLM judge from options, estimates its cost for --dry-run, and merges
// its findings into the heuristic ones.
import type { Judge } from '../core/judge.js';
import type { PairResult } from '../core/types.js';
import { assertKeyTransport, resolveEndpoint } from '../llm/client.js';
import { estimateJob, isJudgeable, LlmJudge, promptData } from '../llm/judge-runner.js';
import { BATCH_DISCOUNT } from '../llm/batch.js';
import { DEFAULT_JUDGE_OPTIONS, type JudgeOptions } from '../llm/options.js';
import { loadPrompt } from '../llm/prompt.js';
import { costOf, priceFor } from '../llm/usage.js';

export { mergeFindings } from '../llm/merge.js';
export { DEFAULT_JUDGE_OPTIONS, type JudgeOptions } from '../llm/options.js';

/** Throws ConfigError (src/core/errors.ts), exit code 2, when neither a key nor a base URL is available. */
export function createJudge(options: JudgeOptions, env: Record<string, string | undefined>): Judge {
  const endpoint = resolveEndpoint(options, env);
  assertKeyTransport(endpoint, options.allowInsecureHttp ?? false);
  return new LlmJudge({ ...DEFAULT_JUDGE_OPTIONS, ...options }, endpoint);
}

/**
 * For --dry-run: estimated tokens and cost of judging every paired translation, no calls (and no
 * cache lookup: it is the cost of a cold run). Tokens are estimated without a tokenizer (about one
 * per Han character, one per 4 other characters); completion tokens are a fixed 300 per pair.
 */
export function estimateJudgeCost(
  pairs: readonly PairResult[],
  options: JudgeOptions,
): { pairs: number; promptTokens: number; completionTokens: number; costUsd: number } {
  const template = loadPrompt('judge');
  const price = priceFor(options.model, options.prices);
  let promptTokens = 0;
  let completionTokens = 0;
  let count = 0;
  for (const result of pairs.filter(isJudgeable)) {
    const estimate = estimateJob(template, promptData(result, []), false);
    promptTokens += estimate.prompt;
    completionTokens += estimate.completion;
    count++;
  }
  const costUsd = costOf({ prompt: promptTokens, completion: completionTokens, cached: 0 }, price, options.batch ? BATCH_DISCOUNT : 1);
  return { pairs: count, promptTokens, completionTokens, costUsd };
}
