// Token counting, token estimates without a tokenizer, and cost from the price table.
import type { LlmUsage } from '../core/types.js';
import { DEFAULT_PRICES, type ModelPrice } from './options.js';

/** Tokens of one call as the server reported them. */
export interface CallTokens {
  prompt: number;
  completion: number;
  /** Prompt tokens served from the provider's prompt cache (part of `prompt`). */
  cached: number;
}

/** The price of a model (USD per 1M tokens), or undefined when the table has none. */
export function priceFor(model: string, prices?: Record<string, ModelPrice>): ModelPrice | undefined {
  const table = { ...DEFAULT_PRICES, ...prices };
  if (table[model]) return table[model];
  // Dated snapshots (`gpt-4o-mini-2024-07-18`) cost what their alias costs: longest matching prefix wins.
  const prefix = Object.keys(table)
    .filter((name) => model.startsWith(`${name}-`))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? table[prefix] : undefined;
}

/** Cost in USD of some tokens; `discount` is 0.5 for the Batch API. */
export function costOf(tokens: CallTokens, price: ModelPrice | undefined, discount = 1): number {
  if (!price) return 0;
  const uncached = Math.max(0, tokens.prompt - tokens.cached);
  const cost =
    (uncached * price.input + tokens.cached * (price.cachedInput ?? price.input) + tokens.completion * price.output) /
    1_000_000;
  return cost * discount;
}

/** Reads `usage` of a chat completion (missing fields count 0). */
export function tokensOf(usage: unknown): CallTokens {
  const u = (usage ?? {}) as {
    prompt_tokens?: number;
    completion_tokens?: number;
    prompt_tokens_details?: { cached_tokens?: number } | null;
  };
  return {
    prompt: u.prompt_tokens ?? 0,
    completion: u.completion_tokens ?? 0,
    cached: u.prompt_tokens_details?.cached_tokens ?? 0,
  };
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;

/**
 * Estimated tokens of a text without a tokenizer: about one token per Han character (o200k and
 * cl100k give 0.7–1.2) and one per 4 other characters. Used for --dry-run and the --max-cost guard.
 */
export function estimateTokens(text: string): number {
  const han = text.match(HAN)?.length ?? 0;
  return Math.ceil(han + (text.length - han) / 4);
}

/** A zeroed usage record for a model. */
export function emptyUsage(model: string): LlmUsage {
  return {
    model,
    calls: 0,
    cachedPairs: 0,
    promptTokens: 0,
    completionTokens: 0,
    cachedTokens: 0,
    costUsd: 0,
    unjudged: 0,
    failures: 0,
  };
}

/** Adds a call's tokens and cost to a usage record. */
export function addCall(usage: LlmUsage, tokens: CallTokens, costUsd: number): void {
  usage.calls += 1;
  usage.promptTokens += tokens.prompt;
  usage.completionTokens += tokens.completion;
  usage.cachedTokens += tokens.cached;
  usage.costUsd += costUsd;
}

/** The calls of one job (a pair, with its re-asks): its own tokens and cost, also added to the run's usage. */
export interface CallMeter {
  /** Tokens of this job's calls so far. */
  tokens: CallTokens;
  /** USD of this job's calls so far. */
  spent: number;
  /** Records one call; returns its cost in USD. */
  onCall(tokens: CallTokens): number;
}

/** A meter for one job's calls; `start` holds tokens already spent on it (a batch answer before its re-ask). */
export function callMeter(usage: LlmUsage, price: ModelPrice | undefined, start?: CallTokens): CallMeter {
  const meter: CallMeter = {
    tokens: start ? { ...start } : { prompt: 0, completion: 0, cached: 0 },
    spent: 0,
    onCall(t) {
      const cost = costOf(t, price);
      meter.spent += cost;
      meter.tokens = {
        prompt: meter.tokens.prompt + t.prompt,
        completion: meter.tokens.completion + t.completion,
        cached: meter.tokens.cached + t.cached,
      };
      addCall(usage, t, cost);
      return cost;
    },
  };
  return meter;
}
