// The judge run: cached pairs first, then live calls under p-limit (or one Batch API job), each
// finished pair written to the cache at once; budget, fatal errors and Ctrl-C stop it cleanly.
import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import type OpenAI from 'openai';
import { APIConnectionError, APIConnectionTimeoutError } from 'openai';
import type {
  Judge,
  JudgeProgress,
  JudgeRunOutcome,
  JudgeTerm,
  PairAnswer,
  PairConfirmOutcome,
  PairQuestion,
} from '../core/judge.js';
import { redactSecrets } from '../core/redact.js';
import type { Finding, LlmUsage, PairResult } from '../core/types.js';
import { runBatch } from './batch.js';
import { JudgeCache, cacheKey } from './cache.js';
import { classifyError, createClient, fatalError, LlmFatalError, type Endpoint } from './client.js';
import { answerToFindings, judgeFailedFinding } from './findings.js';
import type { JudgeOptions, ModelPrice } from './options.js';
import { DEFAULT_JUDGE_OPTIONS } from './options.js';
import { askPairConfirmation, pairConfirmData } from './pair-confirm.js';
import { formatFindings, formatTerms, loadPrompt, renderPrompt, type PromptTemplate } from './prompt.js';
import { JUDGE_JSON_SCHEMA, PAIR_CONFIRM_JSON_SCHEMA, judgeAnswerSchema, pairConfirmSchema, type JudgeAnswer } from './schema.js';
import { askValidated, modeFor } from './structured.js';
import { callMeter, costOf, emptyUsage, estimateTokens, priceFor } from './usage.js';

/** Pairs in a row that time out (after retries) before the judge stops: a server that never answers. */
export const DEFAULT_MAX_TIMEOUTS_IN_A_ROW = 3;

/** Completion tokens expected per pair (a handful of short error records). */
export const COMPLETION_TOKENS_ESTIMATE = 300;

/** Completion tokens expected per pairing confirmation (`{"verdict": "yes"}`). */
export const CONFIRM_COMPLETION_TOKENS_ESTIMATE = 10;

/** The JSON schema given as response_format (name and schema). */
export const JUDGE_RESPONSE_SCHEMA = { name: 'mqm_errors', schema: JUDGE_JSON_SCHEMA as unknown as Record<string, unknown> };

/** One distinct (source, translation) to judge and the pairs that share it. */
export interface JudgeJob {
  key: string;
  pairs: PairResult[];
  /** Placeholder values of the judge prompt. */
  data: Record<string, string>;
}

/** True for pairs the judge looks at: a translation with its original. */
export function isJudgeable(result: PairResult): boolean {
  return result.pair.status === 'paired' && result.pair.original !== null;
}

/** Prompt placeholder values of one pair. */
export function promptData(result: PairResult, terms: readonly JudgeTerm[]): Record<string, string> {
  return {
    source: result.pair.original?.text ?? '',
    translation: result.pair.translation.text,
    findings: formatFindings(result.findings),
    terms: formatTerms(terms),
  };
}

/** Estimated prompt and completion tokens of one job. */
export function estimateJob(template: PromptTemplate, data: Record<string, string>, withSchema: boolean): {
  prompt: number;
  completion: number;
} {
  const rendered = renderPrompt(template, data, withSchema ? JUDGE_JSON_SCHEMA : undefined);
  // Chat framing adds a few tokens per message.
  return { prompt: estimateTokens(rendered.system) + estimateTokens(rendered.user) + 12, completion: COMPLETION_TOKENS_ESTIMATE };
}

/** Keeps the spend under --max-cost: requests reserve their estimate before they start. */
export class Budget {
  private spent = 0;
  private reserved = 0;
  constructor(private readonly maxUsd: number | undefined) {}
  /** Reserves `usd` if it fits; false when starting the request could exceed the budget. */
  reserve(usd: number): boolean {
    if (this.maxUsd === undefined) return true;
    if (this.spent + this.reserved + usd > this.maxUsd) return false;
    this.reserved += usd;
    return true;
  }
  /** Replaces a reservation by what the request actually cost. */
  settle(reservedUsd: number, actualUsd: number): void {
    if (this.maxUsd !== undefined) this.reserved -= reservedUsd;
    this.spent += actualUsd;
  }
}

/** Shared state of one run, handed to live and batch execution. */
export interface RunState {
  options: JudgeOptions;
  endpoint: Endpoint;
  client: OpenAI;
  template: PromptTemplate;
  cache: JudgeCache;
  usage: LlmUsage;
  price: ModelPrice | undefined;
  budget: Budget;
  notes: string[];
  findings: Map<string, Finding[]>;
  /** `baseUrl|model`. */
  server: string;
  signal: AbortSignal;
  /** Reports progress; `extra` counts pairs finished elsewhere (a running batch). */
  progress: (extra?: number) => void;
  /** Records a validated answer: cache line, findings of every pair of the job. */
  finish(job: JudgeJob, answer: JudgeAnswer, tokens: { prompt: number; completion: number; cached: number }): void;
  /** Records a failure (not cached): a judge-failed finding on every pair of the job. */
  fail(job: JudgeJob, reason: string): void;
}

/** The LLM judge behind the pipeline's `Judge` interface. */
export class LlmJudge implements Judge {
  readonly options: JudgeOptions;
  private readonly client: OpenAI;
  /** One --max-cost budget for everything this judge asks in a run (confirmations and judging). */
  private readonly budget: Budget;

  constructor(
    options: JudgeOptions,
    readonly endpoint: Endpoint,
  ) {
    this.options = { ...DEFAULT_JUDGE_OPTIONS, ...options };
    this.client = createClient(endpoint, this.options.timeoutMs, this.options.maxRetries ?? 3, (this.options.maxRetryAfterS ?? 60) * 1000);
    this.budget = new Budget(this.options.maxCostUsd);
  }

  async confirmPairs(
    questions: readonly PairQuestion[],
    hooks: { onProgress?: JudgeProgress; signal?: AbortSignal },
  ): Promise<PairConfirmOutcome> {
    const options = this.options;
    const template = loadPrompt('pair-confirm');
    const usage = emptyUsage(options.model);
    const notes: string[] = [];
    const answers = new Map<string, PairAnswer>();
    const cache = new JudgeCache(options.cacheDir, options.cache);
    const price = priceFor(options.model, options.prices);
    if (!price) usage.priceUnknown = true;
    const server = `${this.endpoint.baseUrl}|${options.model}`;
    // The prompt id is part of the key, so confirmations and judge answers never share an entry.
    const jobs = new Map<string, { key: string; english: string; chinese: string; pairIds: string[] }>();
    for (const q of questions) {
      answers.set(q.pairId, 'unknown');
      const key = cacheKey({
        model: options.model,
        baseUrl: this.endpoint.baseUrl,
        prompt: template.ref,
        options: { temperature: options.temperature ?? 0 },
        source: q.english,
        translation: q.chinese,
      });
      const parsed = pairConfirmSchema.safeParse(cache.get(key)?.answer);
      if (parsed.success) {
        answers.set(q.pairId, parsed.data.verdict);
        usage.cachedPairs++;
        continue;
      }
      const job = jobs.get(key);
      if (job) job.pairIds.push(q.pairId);
      else jobs.set(key, { key, english: q.english, chinese: q.chinese, pairIds: [q.pairId] });
    }
    const total = questions.length;
    let done = total - [...jobs.values()].reduce((n, j) => n + j.pairIds.length, 0);
    hooks.onProgress?.(done, total);
    if (options.dryRun) {
      if (jobs.size > 0) notes.push(`LLM pairing confirmation dry run: ${jobs.size} request(s) not sent`);
      return { answers, usage, promptVersion: template.ref, notes };
    }

    const limit = pLimit(Math.max(1, options.concurrency));
    const controller = new AbortController();
    setMaxListeners(Math.max(10, options.concurrency * 4), controller.signal);
    const onAbort = () => controller.abort();
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    if (hooks.signal?.aborted) controller.abort();
    let fatal: unknown;
    let successes = 0;
    let connectionFailures = 0;
    let skipped = 0;
    let failed = 0;
    const withSchema = modeFor(server) !== 'json_schema';
    // Ctrl-C or a fatal error does not wait for requests in flight or the client's retry sleeps.
    const stopped = new Promise<void>((resolve) => {
      if (controller.signal.aborted) resolve();
      controller.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    try {
      await Promise.race([stopped, Promise.all(
        [...jobs.values()].map((job) =>
          limit(async () => {
            if (controller.signal.aborted) {
              skipped += job.pairIds.length;
              return;
            }
            let reserved = 0;
            if (options.maxCostUsd !== undefined) {
              const rendered = renderPrompt(
                template,
                pairConfirmData(job.english, job.chinese),
                withSchema ? PAIR_CONFIRM_JSON_SCHEMA : undefined,
              );
              const promptTokens = estimateTokens(rendered.system) + estimateTokens(rendered.user) + 12;
              reserved = costOf({ prompt: promptTokens, completion: 2 * CONFIRM_COMPLETION_TOKENS_ESTIMATE, cached: 0 }, price);
            }
            if (!this.budget.reserve(reserved)) {
              skipped += job.pairIds.length;
              return;
            }
            const meter = callMeter(usage, price);
            const request = linkedSignal(controller.signal);
            try {
              const outcome = await askPairConfirmation(
                {
                  client: this.client,
                  model: options.model,
                  temperature: options.temperature ?? 0,
                  server,
                  signal: request.signal,
                  onCall: meter.onCall,
                },
                template,
                job.english,
                job.chinese,
              );
              successes++;
              if (outcome.ok) {
                cache.put({ key: job.key, prompt: template.ref, model: options.model, answer: outcome.value, tokens: meter.tokens, at: new Date().toISOString() });
                for (const id of job.pairIds) answers.set(id, outcome.value.verdict);
              } else {
                failed += job.pairIds.length;
              }
            } catch (error) {
              const kind = classifyError(error);
              if (kind === 'aborted' || controller.signal.aborted) {
                skipped += job.pairIds.length;
              } else if (kind === 'fatal') {
                fatal ??= error;
                controller.abort();
              } else {
                const unreachable = error instanceof APIConnectionError && !(error instanceof APIConnectionTimeoutError);
                if (unreachable && successes === 0 && ++connectionFailures >= 2) {
                  fatal ??= new LlmFatalError(
                    `Cannot connect to the LLM server ${this.endpoint.baseUrl}; the judge stopped`,
                    'Check --base-url (or OPENAI_BASE_URL) and that the server is running',
                  );
                  controller.abort();
                  return;
                }
                failed += job.pairIds.length;
              }
            } finally {
              request.dispose();
              this.budget.settle(reserved, meter.spent);
              done += job.pairIds.length;
              hooks.onProgress?.(done, total);
            }
          }),
        ),
      )]);
    } finally {
      hooks.signal?.removeEventListener('abort', onAbort);
    }
    if (fatal) throw fatalError(fatal, this.endpoint, options.model);
    usage.failures += failed;
    if (failed > 0) notes.push(`LLM pairing confirmation failed on ${failed} translation(s); they stay unpaired`);
    if (skipped > 0) {
      const why = hooks.signal?.aborted ? 'interrupted' : `--max-cost ${options.maxCostUsd} USD reached`;
      notes.push(`LLM pairing confirmation: ${why}; ${skipped} ambiguous translation(s) not asked, left unpaired`);
    }
    return { answers, usage, promptVersion: template.ref, notes };
  }

  async judgeAll(
    pairs: readonly PairResult[],
    termsFor: (pair: PairResult) => JudgeTerm[],
    hooks: { onProgress?: JudgeProgress; signal?: AbortSignal },
  ): Promise<JudgeRunOutcome> {
    const options = this.options;
    const template = loadPrompt('judge');
    const usage = emptyUsage(options.model);
    const notes: string[] = [];
    const findings = new Map<string, Finding[]>();
    const cache = new JudgeCache(options.cacheDir, options.cache);
    if (cache.skippedLines > 0) notes.push(`LLM cache: skipped ${cache.skippedLines} unreadable line(s) (an interrupted write)`);
    const price = priceFor(options.model, options.prices);
    if (!price) usage.priceUnknown = true;
    if (!price && options.maxCostUsd !== undefined) {
      notes.push(`LLM cost: no price known for \`${options.model}\`, counted as 0 (add it to llm.prices for --max-cost to apply)`);
    }

    const eligible = pairs.filter(isJudgeable);
    const keyOptions = { temperature: options.temperature ?? 0 };
    const jobs = new Map<string, JudgeJob>();
    let done = 0;
    const total = eligible.length;
    const progress = (extra = 0) => hooks.onProgress?.(Math.min(total, done + extra), total);
    for (const result of eligible) {
      const key = cacheKey({
        model: options.model,
        baseUrl: this.endpoint.baseUrl,
        prompt: template.ref,
        options: keyOptions,
        source: result.pair.original?.text ?? '',
        translation: result.pair.translation.text,
      });
      const cached = cache.get(key);
      const parsed = cached ? judgeAnswerSchema.safeParse(cached.answer) : undefined;
      if (parsed?.success) {
        findings.set(result.pair.id, answerToFindings(parsed.data, result, template.ref));
        usage.cachedPairs++;
        done++;
        continue;
      }
      const job = jobs.get(key);
      if (job) job.pairs.push(result);
      else jobs.set(key, { key, pairs: [result], data: promptData(result, termsFor(result)) });
    }
    progress();

    if (options.dryRun) {
      usage.unjudged = total - done;
      notes.push(`LLM judge dry run: ${jobs.size} request(s) not sent`);
      return { findings, usage, promptVersions: [template.ref], notes };
    }

    const controller = new AbortController();
    const onAbort = () => controller.abort();
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    if (hooks.signal?.aborted) controller.abort();
    const state: RunState = {
      options,
      endpoint: this.endpoint,
      client: this.client,
      template,
      cache,
      usage,
      price,
      budget: this.budget,
      notes,
      findings,
      server: `${this.endpoint.baseUrl}|${options.model}`,
      signal: controller.signal,
      progress,
      finish: (job, answer, tokens) => {
        cache.put({ key: job.key, prompt: template.ref, model: options.model, answer, tokens, at: new Date().toISOString() });
        for (const result of job.pairs) findings.set(result.pair.id, answerToFindings(answer, result, template.ref));
        done += job.pairs.length;
        progress();
      },
      fail: (job, reason) => {
        usage.failures += job.pairs.length;
        for (const result of job.pairs) findings.set(result.pair.id, [judgeFailedFinding(redactSecrets(reason), template.ref)]);
        done += job.pairs.length;
        progress();
      },
    };
    let fatal: Error | undefined;
    try {
      const todo = [...jobs.values()];
      if (options.batch) await runBatch(state, todo);
      else await runLive(state, todo);
    } catch (error) {
      // The findings of the pairs judged before a fatal error are kept (and were cached).
      if (!(error instanceof LlmFatalError)) throw error;
      fatal = error;
      usage.unjudged = Math.max(usage.unjudged, total - done - usage.failures);
    } finally {
      hooks.signal?.removeEventListener('abort', onAbort);
    }
    if (cache.writeError) notes.push(`LLM cache: ${cache.writeError}; the answers of this run are in its reports but will be paid again on a rerun`);
    if (hooks.signal?.aborted) notes.push('LLM judge interrupted: finished pairs are cached; rerun to judge the rest');
    if (usage.unjudged > 0 && !notes.some((n) => n.includes('unjudged'))) {
      notes.push(`LLM judge: ${usage.unjudged} pair(s) unjudged`);
    }
    if (usage.failures > 0) notes.push(`LLM judge failed on ${usage.failures} pair(s) (see judge-failed findings)`);
    return { findings, usage, promptVersions: [template.ref], notes: notes.map(redactSecrets), ...(fatal ? { fatal } : {}) };
  }
}

/** Live mode: one validated ask per job, `concurrency` at a time. Throws LlmFatalError on a fatal error. */
async function runLive(state: RunState, jobs: readonly JudgeJob[]): Promise<void> {
  const { options, usage, budget, template } = state;
  const limit = pLimit(Math.max(1, options.concurrency));
  const runController = new AbortController();
  // Every request in flight listens to this signal.
  setMaxListeners(Math.max(10, options.concurrency * 4), runController.signal);
  const stop = () => runController.abort();
  state.signal.addEventListener('abort', stop, { once: true });
  if (state.signal.aborted) runController.abort();
  let fatal: unknown;
  let successes = 0;
  let connectionFailures = 0;
  let timeoutsInARow = 0;
  const maxTimeouts = Math.max(options.maxTimeoutsInARow ?? DEFAULT_MAX_TIMEOUTS_IN_A_ROW, 1);
  let budgetSkipped = 0;
  const pending = new Set(jobs);
  const all = Promise.all(
    jobs.map((job) =>
      limit(async () => {
        if (runController.signal.aborted) {
          if (pending.delete(job)) usage.unjudged += job.pairs.length;
          return;
        }
        // Estimating renders the prompt once more: only worth it when a budget is set.
        let reserved = 0;
        if (options.maxCostUsd !== undefined) {
          const estimate = estimateJob(template, job.data, modeFor(state.server) !== 'json_schema');
          reserved = costOf({ prompt: estimate.prompt, completion: 2 * estimate.completion, cached: 0 }, state.price);
        }
        if (!budget.reserve(reserved)) {
          pending.delete(job);
          budgetSkipped += job.pairs.length;
          usage.unjudged += job.pairs.length;
          return;
        }
        const meter = callMeter(usage, state.price);
        const request = linkedSignal(runController.signal);
        try {
          const outcome = await askValidated(
            {
              client: state.client,
              model: options.model,
              temperature: options.temperature ?? 0,
              server: state.server,
              signal: request.signal,
              onCall: meter.onCall,
            },
            template,
            job.data,
            judgeAnswerSchema,
            JUDGE_RESPONSE_SCHEMA,
          );
          if (!pending.delete(job)) return;
          successes++;
          timeoutsInARow = 0;
          if (outcome.ok) state.finish(job, outcome.value, meter.tokens);
          else state.fail(job, outcome.reason);
        } catch (error) {
          if (!pending.delete(job)) return;
          const kind = classifyError(error);
          if (kind === 'aborted' || runController.signal.aborted) {
            usage.unjudged += job.pairs.length;
          } else if (kind === 'fatal') {
            fatal ??= error;
            usage.unjudged += job.pairs.length;
            runController.abort();
          } else if (error instanceof APIConnectionTimeoutError && ++timeoutsInARow >= maxTimeouts) {
            // A server that accepts and never answers costs timeout × tries per pair; after this many
            // pairs in a row the judge stops instead of spending that on every pair of the run.
            fatal ??= new LlmFatalError(
              `The LLM server ${state.endpoint.baseUrl} did not answer ${timeoutsInARow} pair(s) in a row within ${Math.round(options.timeoutMs / 1000)} s (× ${(options.maxRetries ?? 3) + 1} tries each); the judge stopped`,
              'Check the server (is it overloaded or stuck?), or raise --timeout',
            );
            usage.unjudged += job.pairs.length;
            runController.abort();
          } else {
            const unreachable = error instanceof APIConnectionError && !(error instanceof APIConnectionTimeoutError);
            // A server that cannot be reached at all fails every pair: stop instead of retrying each one.
            if (unreachable && successes === 0 && ++connectionFailures >= 2) {
              fatal ??= new LlmFatalError(
                `Cannot connect to the LLM server ${state.endpoint.baseUrl}; the judge stopped`,
                'Check --base-url (or OPENAI_BASE_URL) and that the server is running',
              );
              usage.unjudged += job.pairs.length;
              runController.abort();
              return;
            }
            state.fail(job, describeError(error));
          }
        } finally {
          request.dispose();
          budget.settle(reserved, meter.spent);
        }
      }),
    ),
  );
  // Ctrl-C does not wait for requests in flight or the client's retry sleeps: they are left unjudged.
  const aborted = new Promise<void>((resolve) => {
    if (runController.signal.aborted) resolve();
    runController.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await Promise.race([all, aborted]);
  for (const job of pending) usage.unjudged += job.pairs.length;
  pending.clear();
  state.signal.removeEventListener('abort', stop);
  if (budgetSkipped > 0) {
    state.notes.push(
      `LLM budget: --max-cost ${options.maxCostUsd} USD reached; ${budgetSkipped} pair(s) left unjudged`,
    );
  }
  if (fatal) throw fatalError(fatal, state.endpoint, options.model);
}

/**
 * A signal of one request, aborted with the run's. The openai client adds listeners to the signal it is
 * given and does not remove them; on one run-wide signal they pile up (MaxListenersExceededWarning after
 * 16 pairs). `dispose` unlinks the request's signal when it ends, so nothing accumulates.
 */
function linkedSignal(parent: AbortSignal): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const relay = () => controller.abort();
  if (parent.aborted) controller.abort();
  else parent.addEventListener('abort', relay, { once: true });
  return { signal: controller.signal, dispose: () => parent.removeEventListener('abort', relay) };
}

/** A short reason for a judge-failed finding, with any secret the server echoed redacted. */
export function describeError(error: unknown): string {
  if (error instanceof APIConnectionTimeoutError) return 'the request timed out (after retries)';
  if (error instanceof Error) return redactSecrets(error.message.split('\n')[0] ?? error.name);
  return redactSecrets(String(error));
}
