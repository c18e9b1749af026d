// Asks for JSON that validates: json_schema (strict) → json_object with the schema in the prompt →
// JSON extracted from text, remembered per server; zod validation with one re-ask.
import type OpenAI from 'openai';
import type { z } from 'zod';
import { chat, classifyError, type ChatAnswer, type OutputMode } from './client.js';
import { extractJson } from './extract-json.js';
import { renderPrompt, type PromptTemplate } from './prompt.js';
import { describeZodError } from './schema.js';
import type { CallTokens } from './usage.js';

const NEXT_MODE: Record<OutputMode, OutputMode | undefined> = {
  json_schema: 'json_object',
  json_object: 'text',
  text: undefined,
};

/** Output modes learned per server and model (`baseUrl|model`), for the life of the process. */
const learnedModes = new Map<string, OutputMode>();

/** The output mode to use first for a server and model. */
export function modeFor(server: string): OutputMode {
  return learnedModes.get(server) ?? 'json_schema';
}

/** Records that a server does not support a mode (so later calls start with the next one). */
export function downgradeMode(server: string, from: OutputMode): OutputMode | undefined {
  const next = NEXT_MODE[from];
  if (next) learnedModes.set(server, next);
  return next;
}

/** Forgets learned modes (tests). */
export function resetLearnedModes(): void {
  learnedModes.clear();
}

/** What one validated ask needs. */
export interface AskContext {
  client: OpenAI;
  model: string;
  temperature: number;
  /** `baseUrl|model`: the key of learned output modes. */
  server: string;
  signal?: AbortSignal;
  /** Called after every HTTP call that returned, with its tokens. */
  onCall(tokens: CallTokens): void;
}

/** The outcome of a validated ask. */
export type AskOutcome<T> =
  | { ok: true; value: T; mode: OutputMode; reasked: boolean }
  | { ok: false; reason: string; mode: OutputMode };

/** Validates model text against a zod schema; returns the value or a message saying what is wrong. */
export function validateAnswer<T>(
  answer: Pick<ChatAnswer, 'content' | 'finishReason'>,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; reason: string } {
  if (answer.content.trim() === '') return { ok: false, reason: 'the answer was empty' };
  const json = extractJson(answer.content);
  if (json === undefined) {
    const truncated = answer.finishReason === 'length' ? ' (cut off at the token limit)' : '';
    return { ok: false, reason: `the answer is not valid JSON${truncated}` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `the JSON does not follow the schema: ${describeZodError(parsed.error)}` };
  return { ok: true, value: parsed.data };
}

/** The re-ask message after an answer failed validation. */
export function reaskMessage(reason: string): string {
  return `Your answer could not be used: ${reason}. Answer again with only the JSON object that follows the required schema, and nothing else.`;
}

/**
 * Renders the template, calls the model and validates the answer, falling back through output modes
 * on a 400 that says the mode is unsupported and re-asking once with the validation error.
 * Errors other than validation failures (fatal, transient after retries, abort) are thrown.
 */
export async function askValidated<T>(
  context: AskContext,
  template: PromptTemplate,
  data: Record<string, string>,
  schema: z.ZodType<T>,
  jsonSchema: { name: string; schema: Record<string, unknown> },
  /** An earlier answer (e.g. from a batch) that failed validation: start with the re-ask. */
  previous?: { content: string; reason: string },
): Promise<AskOutcome<T>> {
  let mode = modeFor(context.server);
  for (;;) {
    const prompt = renderPrompt(template, data, mode === 'json_schema' ? undefined : jsonSchema.schema);
    const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
      { role: 'system', content: prompt.system },
      { role: 'user', content: prompt.user },
    ];
    const request = { model: context.model, temperature: context.temperature, messages, mode, schema: jsonSchema };
    let first: ChatAnswer;
    try {
      first = previous
        ? { content: previous.content, finishReason: 'stop', tokens: { prompt: 0, completion: 0, cached: 0 } }
        : await chat(context.client, request, context.signal);
    } catch (error) {
      if (classifyError(error) === 'format-unsupported') {
        const next = downgradeMode(context.server, mode);
        if (next) {
          mode = next;
          continue;
        }
      }
      throw error;
    }
    if (!previous) context.onCall(first.tokens);
    const checked = previous ? { ok: false as const, reason: previous.reason } : validateAnswer(first, schema);
    if (checked.ok) return { ok: true, value: checked.value, mode, reasked: false };

    const again = await chat(
      context.client,
      {
        ...request,
        messages: [
          ...messages,
          { role: 'assistant', content: first.content },
          { role: 'user', content: reaskMessage(checked.reason) },
        ],
      },
      context.signal,
    );
    context.onCall(again.tokens);
    const rechecked = validateAnswer(again, schema);
    if (rechecked.ok) return { ok: true, value: rechecked.value, mode, reasked: true };
    return { ok: false, reason: `${checked.reason}; after a re-ask: ${rechecked.reason}`, mode };
  }
}
