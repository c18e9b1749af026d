// Batch mode: one OpenAI Batch API job for the uncached pairs (JSONL with custom_id, upload, create,
// poll, download output and error files, join on custom_id). The batch id is saved under the cache
// dir before polling, so a rerun collects a running batch instead of submitting it again.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toFile } from 'openai';
import type OpenAI from 'openai';
import { chatBody, classifyError, fatalError, readCompletion } from './client.js';
import type { JudgeJob, RunState } from './judge-runner.js';
import { estimateJob, JUDGE_RESPONSE_SCHEMA } from './judge-runner.js';
import { renderPrompt } from './prompt.js';
import { judgeAnswerSchema } from './schema.js';
import { askValidated, modeFor, reaskMessage, validateAnswer } from './structured.js';
import { addCall, callMeter, costOf } from './usage.js';

/** The Batch API costs half the standard price. */
export const BATCH_DISCOUNT = 0.5;

/** What is saved about a submitted batch. */
export interface BatchRecord {
  batchId: string;
  baseUrl: string;
  model: string;
  prompt: string;
  /** custom_id → cache key. */
  customIds: Record<string, string>;
  submittedAt: string;
}

const TERMINAL = new Set(['completed', 'failed', 'expired', 'cancelled']);

/** Folder of saved batch records. */
export function batchDir(cacheDir: string): string {
  return join(cacheDir, 'batches');
}

/** Saved batch records for this server, model and prompt. */
export function loadBatchRecords(cacheDir: string, baseUrl: string, model: string, prompt: string): BatchRecord[] {
  const dir = batchDir(cacheDir);
  if (!existsSync(dir)) return [];
  const records: BatchRecord[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    try {
      const r = JSON.parse(readFileSync(join(dir, name), 'utf8')) as BatchRecord;
      if (r.baseUrl === baseUrl && r.model === model && r.prompt === prompt) records.push(r);
    } catch {
      // an unreadable record is ignored; its batch can still be fetched by id by hand
    }
  }
  return records;
}

function recordPath(cacheDir: string, batchId: string): string {
  return join(batchDir(cacheDir), `${batchId.replace(/[^\w.-]/g, '_')}.json`);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Text of a file from the Files API. */
async function fileText(client: OpenAI, fileId: string | null | undefined): Promise<string> {
  if (!fileId) return '';
  const response = await client.files.content(fileId);
  return response.text();
}

/** Runs the jobs through the Batch API, collecting saved batches first. */
export async function runBatch(state: RunState, jobs: readonly JudgeJob[]): Promise<void> {
  const { options, usage, client } = state;
  const byKey = new Map(jobs.map((j) => [j.key, j]));
  const records = options.cache
    ? loadBatchRecords(options.cacheDir, state.endpoint.baseUrl, options.model, state.template.ref)
    : [];
  const pending = new Set(byKey.keys());
  const toCollect: BatchRecord[] = [];
  for (const record of records) {
    const keys = Object.values(record.customIds).filter((k) => pending.has(k));
    if (keys.length === 0) continue;
    for (const k of keys) pending.delete(k);
    toCollect.push(record);
    state.notes.push(`LLM batch: collecting batch \`${record.batchId}\` submitted ${record.submittedAt}`);
  }

  try {
    const fresh = [...pending].map((k) => byKey.get(k) as JudgeJob);
    const affordable: JudgeJob[] = [];
    let skipped = 0;
    for (const job of fresh) {
      const estimate = estimateJob(state.template, job.data, modeFor(state.server) !== 'json_schema');
      const usd = costOf({ prompt: estimate.prompt, completion: 2 * estimate.completion, cached: 0 }, state.price, BATCH_DISCOUNT);
      if (state.budget.reserve(usd)) affordable.push(job);
      else skipped += job.pairs.length;
    }
    if (skipped > 0) {
      usage.unjudged += skipped;
      state.notes.push(`LLM budget: --max-cost ${options.maxCostUsd} USD reached; ${skipped} pair(s) left unjudged`);
    }
    if (affordable.length > 0 && !state.signal.aborted) toCollect.push(await submit(state, affordable));
    for (const record of toCollect) await collect(state, record, byKey);
  } catch (error) {
    if (classifyError(error) === 'fatal') throw fatalError(error, state.endpoint, options.model);
    throw error;
  }
}

/** Writes the JSONL, uploads it, creates the batch and saves its record. */
async function submit(state: RunState, jobs: readonly JudgeJob[]): Promise<BatchRecord> {
  const { options, client } = state;
  const mode = modeFor(state.server);
  const customIds: Record<string, string> = {};
  const lines = jobs.map((job) => {
    const customId = `tc-${job.key.slice(0, 40)}`;
    customIds[customId] = job.key;
    const prompt = renderPrompt(state.template, job.data, mode === 'json_schema' ? undefined : JUDGE_RESPONSE_SCHEMA.schema);
    const body = chatBody({
      model: options.model,
      temperature: options.temperature ?? 0,
      messages: [
        { role: 'system', content: prompt.system },
        { role: 'user', content: prompt.user },
      ],
      mode,
      schema: JUDGE_RESPONSE_SCHEMA,
    });
    return JSON.stringify({ custom_id: customId, method: 'POST', url: '/v1/chat/completions', body });
  });
  const file = await client.files.create({
    file: await toFile(Buffer.from(`${lines.join('\n')}\n`), 'transcheck-judge-batch.jsonl'),
    purpose: 'batch',
  });
  const batch = await client.batches.create({
    input_file_id: file.id,
    endpoint: '/v1/chat/completions',
    completion_window: '24h',
    metadata: { tool: 'transcheck', prompt: state.template.ref },
  });
  const record: BatchRecord = {
    batchId: batch.id,
    baseUrl: state.endpoint.baseUrl,
    model: options.model,
    prompt: state.template.ref,
    customIds,
    submittedAt: new Date().toISOString(),
  };
  mkdirSync(batchDir(options.cacheDir), { recursive: true });
  writeFileSync(recordPath(options.cacheDir, batch.id), `${JSON.stringify(record, null, 2)}\n`);
  state.notes.push(`LLM batch: submitted \`${batch.id}\` with ${jobs.length} request(s)`);
  return record;
}

/** Polls a batch to its end, then joins its output and error files on custom_id. */
async function collect(state: RunState, record: BatchRecord, byKey: Map<string, JudgeJob>): Promise<void> {
  const { options, client, usage } = state;
  const wanted = Object.entries(record.customIds).filter(([, key]) => byKey.has(key));
  let batch = await client.batches.retrieve(record.batchId);
  while (!TERMINAL.has(batch.status)) {
    if (state.signal.aborted) break;
    const counts = batch.request_counts;
    state.progress((counts?.completed ?? 0) + (counts?.failed ?? 0));
    await sleep(options.batchPollMs ?? 30_000, state.signal);
    if (state.signal.aborted) break;
    batch = await client.batches.retrieve(record.batchId);
  }
  if (!TERMINAL.has(batch.status)) {
    usage.unjudged += wanted.reduce((n, [, key]) => n + (byKey.get(key)?.pairs.length ?? 0), 0);
    state.notes.push(
      `LLM batch \`${record.batchId}\` is still ${batch.status}; rerun with --batch to collect it (it will not be submitted again)`,
    );
    return;
  }

  const seen = new Set<string>();
  // The output file holds answers (and per-line failures), the error file only failures; a line
  // is joined to its pair by custom_id, since neither file keeps the request order.
  for (const [fileId, isErrorFile] of [[batch.output_file_id, false], [batch.error_file_id, true]] as const) {
    for (const line of (await fileText(client, fileId)).split('\n')) {
      const item = parseLine(line);
      if (!item) continue;
      const key = record.customIds[item.custom_id];
      const job = key ? byKey.get(key) : undefined;
      if (!job || seen.has(item.custom_id)) continue;
      seen.add(item.custom_id);
      if (isErrorFile || (item.response?.status_code ?? 0) !== 200 || item.error) {
        state.fail(job, `batch request failed: ${errorText(item)}`);
        continue;
      }
      await finishFromBody(state, job, item.response?.body);
    }
  }
  for (const [customId, key] of wanted) {
    const job = byKey.get(key);
    if (job && !seen.has(customId)) state.fail(job, `batch ${record.batchId} ended ${batch.status} without a result for this pair`);
  }
  rmSync(recordPath(options.cacheDir, record.batchId), { force: true });
}

interface BatchLine {
  custom_id: string;
  response?: { status_code?: number; body?: unknown } | null;
  error?: { code?: string; message?: string } | null;
}

function parseLine(line: string): BatchLine | undefined {
  if (line.trim() === '') return undefined;
  try {
    const item = JSON.parse(line) as BatchLine;
    return typeof item.custom_id === 'string' ? item : undefined;
  } catch {
    return undefined;
  }
}

function errorText(item: BatchLine): string {
  const body = item.response?.body as { error?: { message?: string } } | undefined;
  return item.error?.message ?? body?.error?.message ?? `HTTP ${item.response?.status_code ?? '?'}`;
}

/** Validates a batch answer like a live one; an invalid answer gets one live re-ask. */
async function finishFromBody(state: RunState, job: JudgeJob, body: unknown): Promise<void> {
  const { options, usage } = state;
  const answer = readCompletion(body);
  const batchCost = costOf(answer.tokens, state.price, BATCH_DISCOUNT);
  addCall(usage, answer.tokens, batchCost);
  state.budget.settle(0, batchCost);
  const checked = validateAnswer(answer, judgeAnswerSchema);
  if (checked.ok) {
    state.finish(job, checked.value, answer.tokens);
    return;
  }
  // The re-ask is a live call: its tokens add to the batch answer's, its cost settles at once.
  const meter = callMeter(usage, state.price, answer.tokens);
  try {
    const again = await askValidated(
      {
        client: state.client,
        model: options.model,
        temperature: options.temperature ?? 0,
        server: state.server,
        signal: state.signal,
        onCall: (t) => state.budget.settle(0, meter.onCall(t)),
      },
      state.template,
      job.data,
      judgeAnswerSchema,
      JUDGE_RESPONSE_SCHEMA,
      { content: answer.content, reason: checked.reason },
    );
    if (again.ok) state.finish(job, again.value, meter.tokens);
    else state.fail(job, `${checked.reason}; after a re-ask: ${again.reason}`);
  } catch (error) {
    if (classifyError(error) === 'fatal') throw error;
    state.fail(job, `${checked.reason}; the re-ask failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
