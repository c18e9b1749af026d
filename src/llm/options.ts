// Options of the LLM judge, as the CLI and configuration give them, with their documented defaults.

/** Price of a model in USD per 1 million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
  /** Price of prompt tokens served from the provider's prompt cache; defaults to `input`. */
  cachedInput?: number;
}

/** Everything the judge needs to know to run. */
export interface JudgeOptions {
  /** Model name as the server knows it, e.g. `gpt-4o-mini` or `qwen2.5:14b`. */
  model: string;
  /** Server base URL (e.g. `http://localhost:11434/v1`); else `OPENAI_BASE_URL`, else OpenAI. */
  baseUrl?: string;
  /** API key; else `OPENAI_API_KEY`. A local base URL may need none (a placeholder is sent). */
  apiKey?: string;
  /** Requests in flight at once. */
  concurrency: number;
  /** Per-request timeout in milliseconds (each retry gets its own). */
  timeoutMs: number;
  /** Budget in USD: no request is started that could take the total above it. */
  maxCostUsd?: number;
  /** Estimate tokens and cost only; make no call. */
  dryRun: boolean;
  /** Use the OpenAI Batch API (half price, results within 24 h) instead of live calls. */
  batch: boolean;
  /** Read and write the JSONL result cache (`--no-cache` → false). */
  cache: boolean;
  /** Folder of the cache and of saved batch ids. */
  cacheDir: string;
  /** USD per 1M tokens by model name; merged over the built-in table. */
  prices?: Record<string, ModelPrice>;
  /** Sampling temperature, always sent (some servers default to 1.0). */
  temperature?: number;
  /** Retries of the openai client for connection errors, 408, 409, 429 and 5xx. */
  maxRetries?: number;
  /** Batch mode: milliseconds between status polls. */
  batchPollMs?: number;
  /** Longest wait a server's `retry-after` may impose before a retry, in seconds (default 60). */
  maxRetryAfterS?: number;
  /** Pairs in a row that time out after their retries before the judge stops (default 3). */
  maxTimeoutsInARow?: number;
  /** Send the API key over plain http to a host that is not this machine (default false: refused). */
  allowInsecureHttp?: boolean;
}

/** Defaults; the default model is a small, cheap current OpenAI model. */
export const DEFAULT_JUDGE_OPTIONS: Omit<JudgeOptions, 'model'> & { model: string } = {
  model: 'gpt-4o-mini',
  concurrency: 4,
  timeoutMs: 120_000,
  dryRun: false,
  batch: false,
  cache: true,
  cacheDir: '.transcheck-cache',
  temperature: 0,
  maxRetries: 3,
  batchPollMs: 30_000,
  maxRetryAfterS: 60,
  maxTimeoutsInARow: 3,
};

/** Reference prices (USD per 1M tokens, standard tier) of common models; local models cost 0. */
export const DEFAULT_PRICES: Readonly<Record<string, ModelPrice>> = {
  'gpt-4o-mini': { input: 0.15, output: 0.6, cachedInput: 0.075 },
  'gpt-4o': { input: 2.5, output: 10, cachedInput: 1.25 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4, cachedInput: 0.025 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6, cachedInput: 0.1 },
  'gpt-4.1': { input: 2, output: 8, cachedInput: 0.5 },
  'gpt-5-nano': { input: 0.05, output: 0.4, cachedInput: 0.005 },
  'gpt-5-mini': { input: 0.25, output: 2, cachedInput: 0.025 },
  'deepseek-chat': { input: 0.27, output: 1.1, cachedInput: 0.07 },
};
