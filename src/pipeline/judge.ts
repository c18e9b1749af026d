// The judge stage: builds the LLM judge from options, estimates its cost for --dry-run, and merges
// its findings into the heuristic ones.
import type { Judge } from '../core/judge.js';
import type { PairResult } from '../core/types.js';
import { JudgeCache, cacheKey } from '../llm/cache.js';
import { assertKeyTransport, OPENAI_BASE_URL, resolveEndpoint } from '../llm/client.js';
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
 * For --dry-run: estimated tokens and cost of judging every paired translation, no calls. Pairs whose
 * answer is in the cache are free and counted apart. Tokens are estimated without a tokenizer (about one
 * per Han character, one per 4 other characters); completion tokens are a fixed 300 per pair. Takes the
 * pairs straight from pairing (the heuristic findings a live run adds to each prompt are not counted).
 */
export function estimateJudgeCost(
  pairs: ReadonlyArray<Pick<PairResult, 'pair'> & Partial<Pick<PairResult, 'findings'>>>,
  options: JudgeOptions,
  env: Record<string, string | undefined> = {},
): { pairs: number; cachedPairs: number; promptTokens: number; completionTokens: number; costUsd: number; priceUnknown: boolean } {
  const template = loadPrompt('judge');
  const price = priceFor(options.model, options.prices);
  const cache = new JudgeCache(options.cacheDir, options.cache);
  const baseUrl = (options.baseUrl || env.OPENAI_BASE_URL || OPENAI_BASE_URL).replace(/\/+$/, '');
  let promptTokens = 0;
  let completionTokens = 0;
  let count = 0;
  let cachedPairs = 0;
  for (const entry of pairs) {
    const result = { findings: [], ...entry } as PairResult;
    if (!isJudgeable(result)) continue;
    const key = cacheKey({
      model: options.model,
      baseUrl,
      prompt: template.ref,
      options: { temperature: options.temperature ?? DEFAULT_JUDGE_OPTIONS.temperature ?? 0 },
      source: result.pair.original?.text ?? '',
      translation: result.pair.translation.text,
    });
    if (cache.get(key)) {
      cachedPairs++;
      continue;
    }
    const estimate = estimateJob(template, promptData(result, []), false);
    promptTokens += estimate.prompt;
    completionTokens += estimate.completion;
    count++;
  }
  const costUsd = costOf({ prompt: promptTokens, completion: completionTokens, cached: 0 }, price, options.batch ? BATCH_DISCOUNT : 1);
  return { pairs: count, cachedPairs, promptTokens, completionTokens, costUsd, priceUnknown: !price };
}
