// Asks the model whether a Chinese text translates an English one, for pairings whose margin is too small.
import type { JudgeOptions } from './options.js';
import { classifyError, createClient, fatalError, resolveEndpoint } from './client.js';
import { loadPrompt, type PromptTemplate } from './prompt.js';
import { PAIR_CONFIRM_JSON_SCHEMA, pairConfirmSchema } from './schema.js';
import { askValidated, type AskContext, type AskOutcome } from './structured.js';
import { addCall, costOf, emptyUsage, priceFor } from './usage.js';
import type { LlmUsage } from '../core/types.js';

/** The model's answer, or `unknown` when it could not give a valid one. */
export type PairConfirmation = 'yes' | 'no' | 'partial' | 'unknown';

/** The JSON schema given as response_format (name and schema). */
export const PAIR_CONFIRM_RESPONSE_SCHEMA = {
  name: 'pair_confirmation',
  schema: PAIR_CONFIRM_JSON_SCHEMA as unknown as Record<string, unknown>,
};

/** Prompt placeholder values of one question. */
export function pairConfirmData(english: string, chinese: string): Record<string, string> {
  return { source: english, translation: chinese };
}

/**
 * One validated ask of the `pair-confirm` prompt through an existing client. Errors other than
 * validation failures (fatal, transient after retries, abort) are thrown, as by askValidated.
 */
export function askPairConfirmation(
  context: AskContext,
  template: PromptTemplate,
  english: string,
  chinese: string,
): Promise<AskOutcome<{ verdict: 'yes' | 'no' | 'partial' }>> {
  return askValidated(context, template, pairConfirmData(english, chinese), pairConfirmSchema, PAIR_CONFIRM_RESPONSE_SCHEMA);
}

/**
 * Is `chinese` a translation of `english`? Uses the `pair-confirm` prompt with a strict yes/no/partial
 * schema. Fatal errors (bad key, no quota) throw LlmFatalError; other failures answer `unknown`.
 * A single question with its own client; a run asks through `LlmJudge.confirmPairs` (cache, budget).
 */
export async function confirmPairing(
  english: string,
  chinese: string,
  options: JudgeOptions,
  env: Record<string, string | undefined>,
  signal?: AbortSignal,
): Promise<{ answer: PairConfirmation; usage: LlmUsage; prompt: string }> {
  const endpoint = resolveEndpoint(options, env);
  const client = createClient(endpoint, options.timeoutMs, options.maxRetries ?? 3, (options.maxRetryAfterS ?? 60) * 1000);
  const template = loadPrompt('pair-confirm');
  const usage = emptyUsage(options.model);
  const price = priceFor(options.model, options.prices);
  try {
    const outcome = await askPairConfirmation(
      {
        client,
        model: options.model,
        temperature: options.temperature ?? 0,
        server: `${endpoint.baseUrl}|${options.model}`,
        ...(signal ? { signal } : {}),
        onCall: (t) => addCall(usage, t, costOf(t, price)),
      },
      template,
      english,
      chinese,
    );
    if (!outcome.ok) usage.failures++;
    return { answer: outcome.ok ? outcome.value.verdict : 'unknown', usage, prompt: template.ref };
  } catch (error) {
    if (classifyError(error) === 'fatal') throw fatalError(error, endpoint, options.model);
    usage.failures++;
    return { answer: 'unknown', usage, prompt: template.ref };
  }
}
