// Asks the model whether a Chinese text translates an English one, for pairings whose margin is too small.
import type { JudgeOptions } from './options.js';
import { classifyError, createClient, fatalError, resolveEndpoint } from './client.js';
import { loadPrompt } from './prompt.js';
import { PAIR_CONFIRM_JSON_SCHEMA, pairConfirmSchema } from './schema.js';
import { askValidated } from './structured.js';
import { addCall, costOf, emptyUsage, priceFor } from './usage.js';
import type { LlmUsage } from '../core/types.js';

/** The model's answer, or `unknown` when it could not give a valid one. */
export type PairConfirmation = 'yes' | 'no' | 'partial' | 'unknown';

/**
 * Is `chinese` a translation of `english`? Uses the `pair-confirm` prompt with a strict yes/no/partial
 * schema. Fatal errors (bad key, no quota) throw LlmFatalError; other failures answer `unknown`.
 */
export async function confirmPairing(
  english: string,
  chinese: string,
  options: JudgeOptions,
  env: Record<string, string | undefined>,
  signal?: AbortSignal,
): Promise<{ answer: PairConfirmation; usage: LlmUsage; prompt: string }> {
  const endpoint = resolveEndpoint(options, env);
  const client = createClient(endpoint, options.timeoutMs, options.maxRetries ?? 3);
  const template = loadPrompt('pair-confirm');
  const usage = emptyUsage(options.model);
  const price = priceFor(options.model, options.prices);
  try {
    const outcome = await askValidated(
      {
        client,
        model: options.model,
        temperature: options.temperature ?? 0,
        server: `${endpoint.baseUrl}|${options.model}`,
        ...(signal ? { signal } : {}),
        onCall: (t) => addCall(usage, t, costOf(t, price)),
      },
      template,
      { source: english, translation: chinese },
      pairConfirmSchema,
      { name: 'pair_confirmation', schema: PAIR_CONFIRM_JSON_SCHEMA as unknown as Record<string, unknown> },
    );
    if (!outcome.ok) usage.failures++;
    return { answer: outcome.ok ? outcome.value.verdict : 'unknown', usage, prompt: template.ref };
  } catch (error) {
    if (classifyError(error) === 'fatal') throw fatalError(error, endpoint, options.model);
    usage.failures++;
    return { answer: 'unknown', usage, prompt: template.ref };
  }
}
