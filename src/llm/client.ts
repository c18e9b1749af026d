// The openai client for any OpenAI-compatible server: endpoint resolution, fail-fast errors
// (401, 429 insufficient_quota), and one chat call that reports content and tokens.
import OpenAI, { APIError, APIUserAbortError } from 'openai';
import { ConfigError, KnownError } from '../core/errors.js';
import { registerSecret } from '../core/redact.js';
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
  registerSecret(apiKey);
  return { baseUrl: (baseUrl ?? OPENAI_BASE_URL).replace(/\/+$/, ''), apiKey: apiKey ?? PLACEHOLDER_KEY };
}

/** True for a host name of this machine (where plain http does not cross a network). */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\./.test(h) || h === '0.0.0.0';
}

/**
 * Refuses to send a real API key over plain http to another machine (anyone on the way could read it),
 * unless the user allowed it explicitly. Throws ConfigError (exit 2).
 */
export function assertKeyTransport(endpoint: Endpoint, allowInsecureHttp: boolean): void {
  if (endpoint.apiKey === PLACEHOLDER_KEY || allowInsecureHttp) return;
  let url: URL;
  try {
    url = new URL(endpoint.baseUrl);
  } catch {
    throw new ConfigError(`The LLM base URL \`${endpoint.baseUrl}\` is not a URL`, 'Use e.g. --base-url http://localhost:11434/v1');
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new ConfigError(
      `Refusing to send the API key over plain http to ${url.host}: anyone on the network path could read it`,
      'Use an https:// base URL, or pass --allow-insecure-http if this network is trusted',
    );
  }
}

/**
 * fetch for the openai client: a 429 whose body says `insufficient_quota` gets `x-should-retry:
 * false`, which the client obeys, so an empty account stops the run instead of a retry storm; a
 * `retry-after` longer than `maxRetryAfterMs` is cut to it (the client would otherwise sleep as long as
 * the server asks, an hour for `retry-after: 3600`).
 */
export function boundedFetch(maxRetryAfterMs: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.status < 400) return response;
    const headers = new Headers(response.headers);
    let changed = false;
    const asked = retryAfterMs(headers);
    if (asked !== undefined && asked > maxRetryAfterMs) {
      headers.delete('retry-after');
      headers.set('retry-after-ms', String(maxRetryAfterMs));
      changed = true;
    }
    if (response.status !== 429 && !changed) return response;
    const body = await response.text();
    if (response.status === 429 && body.includes('insufficient_quota')) headers.set('x-should-retry', 'false');
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  };
}

/** The wait a response asks for (`retry-after-ms`, `retry-after` in seconds or as a date), in ms. */
function retryAfterMs(headers: Headers): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) return ms;
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? date - Date.now() : undefined;
}

/** The fetch with the default cap of 60 s (kept for callers that do not configure one). */
export const quotaAwareFetch: typeof fetch = boundedFetch(60_000);

/** Creates the client; `maxRetries` covers connection errors, 408, 409, 429 and 5xx (honouring retry-after up to its cap). */
export function createClient(endpoint: Endpoint, timeoutMs: number, maxRetries: number, maxRetryAfterMs = 60_000): OpenAI {
  return new OpenAI({
    baseURL: endpoint.baseUrl,
    apiKey: endpoint.apiKey,
    timeout: timeoutMs,
    maxRetries,
    fetch: boundedFetch(maxRetryAfterMs),
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
