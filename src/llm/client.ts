// The openai client for any OpenAI-compatible server: endpoint resolution, fail-fast errors
// (401, 429 insufficient_quota), and one chat call that reports content and tokens.
import OpenAI, { APIError, APIUserAbortError } from 'openai';
import { ConfigError, KnownError } from '../core/errors.js';
import { tokensOf, type CallTokens } from './usage.js';

/** The OpenAI API, used when neither an option nor OPENAI_BASE_URL names a server. */
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** Sent as the key to servers that need none (Ollama, llama.cpp, vLLM without --api-key). */
export const PLACEHOLDER_KEY = 'transcheck-no-key';

/** An error that must stop the whole judge run at once (bad key, no quota, unknown model). */
export class LlmFatalError extends KnownError {}

/** Where to send requests, and with what key. */
export interface Endpoint {
  baseUrl: string;
  apiKey: string;
}

/** Picks base URL and key from options, then the environment. Throws ConfigError when there is neither. */
export function resolveEndpoint(
  options: { baseUrl?: string; apiKey?: string },
  env: Record<string, string | undefined>,
): Endpoint {
  const baseUrl = options.baseUrl || env.OPENAI_BASE_URL || undefined;
  const apiKey = options.apiKey || env.OPENAI_API_KEY || undefined;
  if (!baseUrl && !apiKey) {
    throw new ConfigError(
      'The LLM judge needs an API key or a server: neither OPENAI_API_KEY nor a base URL is set',
      'Set OPENAI_API_KEY for OpenAI, or pass --base-url http://localhost:11434/v1 --model <name> for a local server (Ollama, vLLM, llama.cpp, LM Studio)',
    );
  }
  return { baseUrl: (baseUrl ?? OPENAI_BASE_URL).replace(/\/+$/, ''), apiKey: apiKey ?? PLACEHOLDER_KEY };
}

/**
 * fetch for the openai client: a 429 whose body says `insufficient_quota` gets `x-should-retry:
 * false`, which the client obeys, so an empty account stops the run instead of a retry storm.
 */
export const quotaAwareFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.status !== 429) return response;
  const body = await response.text();
  const headers = new Headers(response.headers);
  if (body.includes('insufficient_quota')) headers.set('x-should-retry', 'false');
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
};

/** Creates the client; `maxRetries` covers connection errors, 408, 409, 429 and 5xx (honouring retry-after). */
export function createClient(endpoint: Endpoint, timeoutMs: number, maxRetries: number): OpenAI {
  return new OpenAI({
    baseURL: endpoint.baseUrl,
    apiKey: endpoint.apiKey,
    timeout: timeoutMs,
    maxRetries,
    fetch: quotaAwareFetch,
  });
}

/** What kind of failure an error of a call is. */
export type ErrorKind = 'fatal' | 'format-unsupported' | 'aborted' | 'transient';

/** Classifies an error thrown by a call. */
export function classifyError(error: unknown): ErrorKind {
  if (error instanceof APIUserAbortError) return 'aborted';
  if (error instanceof LlmFatalError) return 'fatal';
  if (error instanceof APIError && error.status !== undefined) {
    if (error.status === 401 || error.status === 403) return 'fatal';
    if (error.status === 429 && error.code === 'insufficient_quota') return 'fatal';
    if (error.status === 404) return 'fatal';
    if (error.status === 400 || error.status === 422) {
      const text = `${error.message} ${error.param ?? ''} ${error.code ?? ''}`.toLowerCase();
      if (/response_format|json_schema|json_object|structured|schema/.test(text)) return 'format-unsupported';
    }
  }
  return 'transient';
}

/** A clear, fatal message for an error classified `fatal`. */
export function fatalError(error: unknown, endpoint: Endpoint, model: string): LlmFatalError {
  if (error instanceof LlmFatalError) return error;
  const e = error as APIError;
  if (e.status === 401 || e.status === 403) {
    return new LlmFatalError(
      `The LLM server ${endpoint.baseUrl} refused the API key (HTTP ${e.status}); the judge stopped`,
      'Check OPENAI_API_KEY (or --api-key) for this server; finished pairs are kept in the cache',
    );
  }
  if (e.status === 404) {
    return new LlmFatalError(
      `The LLM server ${endpoint.baseUrl} does not know model \`${model}\` or the chat completions endpoint (HTTP 404)`,
      'Check --model and --base-url (a local server usually ends in /v1)',
    );
  }
  return new LlmFatalError(
    `The LLM account has no quota left (HTTP 429 insufficient_quota at ${endpoint.baseUrl}); the judge stopped`,
    'Add credit or raise the limit with the provider, then rerun: finished pairs are kept in the cache',
  );
}

/** The structured-output request style of a server. */
export type OutputMode = 'json_schema' | 'json_object' | 'text';

/** The answer of one chat call. */
export interface ChatAnswer {
  content: string;
  finishReason: string;
  tokens: CallTokens;
}

/** One chat request in a given output mode. */
export interface ChatRequest {
  model: string;
  temperature: number;
  messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[];
  mode: OutputMode;
  /** For json_schema mode. */
  schema: { name: string; schema: Record<string, unknown> };
}

/** The request body of a chat request (also used for Batch API lines). */
export function chatBody(request: ChatRequest): OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming {
  const body: OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming = {
    model: request.model,
    temperature: request.temperature,
    messages: request.messages,
  };
  if (request.mode === 'json_schema') {
    body.response_format = {
      type: 'json_schema',
      json_schema: { name: request.schema.name, strict: true, schema: request.schema.schema },
    };
  } else if (request.mode === 'json_object') {
    body.response_format = { type: 'json_object' };
  }
  return body;
}

/** Reads content, finish reason and tokens from a chat completion body. */
export function readCompletion(completion: unknown): ChatAnswer {
  const c = completion as OpenAI.Chat.Completions.ChatCompletion;
  const choice = c?.choices?.[0];
  const message = choice?.message as { content?: string | null; refusal?: string | null } | undefined;
  return {
    content: message?.content ?? '',
    finishReason: choice?.finish_reason ?? 'unknown',
    tokens: tokensOf(c?.usage),
  };
}

/** Sends one chat request; errors propagate for the caller to classify. */
export async function chat(client: OpenAI, request: ChatRequest, signal?: AbortSignal): Promise<ChatAnswer> {
  const completion = await client.chat.completions.create(chatBody(request), signal ? { signal } : {});
  return readCompletion(completion);
}
