// A scriptable OpenAI-compatible server on 127.0.0.1 for tests and the judge benchmark: chat
// completions plus the files and batches endpoints, with faults (status codes, delays, hangs, bad JSON).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One chat-completions request as the mock saw it. */
export interface ChatCall {
  /** 0-based order of arrival among chat calls (batch lines included). */
  index: number;
  body: {
    model: string;
    temperature?: number;
    messages: Array<{ role: string; content: string }>;
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  };
  /** Texts found in the nonce-delimited blocks of the last user message ('' when absent). */
  source: string;
  translation: string;
  /** The delimiter nonce of the prompt ('' when absent). */
  nonce: string;
  /** How many chat calls carried this same translation before this one (0 for the first). */
  attempt: number;
  /** True when the call is a re-ask (the conversation holds an earlier answer). */
  reask: boolean;
  /** True for a line of a batch. */
  batch: boolean;
}

/** What the mock answers to one chat call. */
export interface Reply {
  /** HTTP status (default 200). */
  status?: number;
  headers?: Record<string, string>;
  /** Assistant message content of a 200 answer. */
  content?: string;
  /** A whole JSON body instead (errors, odd shapes). */
  json?: unknown;
  /** A raw body string (truncated JSON at the HTTP level). */
  raw?: string;
  /** Extra latency before answering, in ms. */
  delayMs?: number;
  /** Never answer (the client must time out). */
  hang?: boolean;
  finishReason?: string;
  usage?: { prompt_tokens: number; completion_tokens: number; cached_tokens?: number };
}

/** Scenario of the mock. */
export interface MockOptions {
  /** Latency of every answer, in ms (default 0). */
  latencyMs?: number;
  /** Chat handler; the default answers `{"errors": []}`. */
  chat?: (call: ChatCall) => Reply | Promise<Reply>;
  /** Batch status polls before a batch completes (default 1). */
  batchPollsUntilDone?: number;
  /** Batch lines for which this returns a message end in the error file. */
  batchLineError?: (call: ChatCall) => string | undefined;
}

/** A request the mock received. */
export interface RecordedRequest {
  method: string;
  path: string;
  body: string;
}

/** A running mock server. */
export interface MockServer {
  /** Base URL for the openai client, ending in `/v1`. */
  url: string;
  requests: RecordedRequest[];
  chatCalls: ChatCall[];
  /** Chat calls answered with status 200. */
  answered: number;
  options: MockOptions;
  files: Map<string, { filename: string; purpose: string; content: string }>;
  batches: Map<string, MockBatch>;
  close(): Promise<void>;
}

interface MockBatch {
  id: string;
  input_file_id: string;
  status: string;
  polls: number;
  output_file_id?: string;
  error_file_id?: string;
  request_counts: { total: number; completed: number; failed: number };
  created_at: number;
  metadata?: unknown;
}

/** A chat reply whose content is the given JSON value. */
export function jsonReply(value: unknown, extra: Omit<Reply, 'content'> = {}): Reply {
  return { content: JSON.stringify(value), ...extra };
}

/** An error body as OpenAI sends it. */
export function apiError(status: number, message: string, code: string | null = null, type = 'invalid_request_error', headers: Record<string, string> = {}): Reply {
  return { status, json: { error: { message, type, param: null, code } }, headers };
}

function block(text: string, name: string): { text: string; nonce: string } {
  const m = new RegExp(`<<<${name} (\\w+)\\n([\\s\\S]*?)\\n${name} \\1>>>`).exec(text);
  return { text: m?.[2] ?? '', nonce: m?.[1] ?? '' };
}

function completion(model: string, reply: Reply): unknown {
  const usage = reply.usage ?? { prompt_tokens: 1000, completion_tokens: 100, cached_tokens: 0 };
  return {
    id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: reply.content ?? '', refusal: null },
        finish_reason: reply.finishReason ?? 'stop',
        logprobs: null,
      },
    ],
    usage: {
      prompt_tokens: usage.prompt_tokens,
      completion_tokens: usage.completion_tokens,
      total_tokens: usage.prompt_tokens + usage.completion_tokens,
      prompt_tokens_details: { cached_tokens: usage.cached_tokens ?? 0 },
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the mock on 127.0.0.1 with a free port. */
export async function startMockOpenAI(options: MockOptions = {}): Promise<MockServer> {
  const attempts = new Map<string, number>();
  const sockets = new Set<import('node:net').Socket>();
  let ids = 0;
  const server: MockServer = {
    url: '',
    requests: [],
    chatCalls: [],
    answered: 0,
    options,
    files: new Map(),
    batches: new Map(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        http.close(() => resolve());
      }),
  };

  const toCall = (body: ChatCall['body'], batch: boolean): ChatCall => {
    const messages = body.messages ?? [];
    const user = [...messages].reverse().find((m) => m.role === 'user' && m.content.includes('<<<'))?.content ?? '';
    const source = block(user, 'SOURCE');
    const translation = block(user, 'TRANSLATION');
    const seen = attempts.get(translation.text) ?? 0;
    attempts.set(translation.text, seen + 1);
    const call: ChatCall = {
      index: server.chatCalls.length,
      body,
      source: source.text,
      translation: translation.text,
      nonce: translation.nonce,
      attempt: seen,
      reask: messages.some((m) => m.role === 'assistant'),
      batch,
    };
    server.chatCalls.push(call);
    return call;
  };
  const handle = async (call: ChatCall): Promise<Reply> => (options.chat ? options.chat(call) : jsonReply({ errors: [] }));

  const http = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = (req.url ?? '').replace(/^\/v1/, '');
    const method = req.method ?? 'GET';
    const isMultipart = (req.headers['content-type'] ?? '').startsWith('multipart/');
    server.requests.push({ method, path, body: isMultipart ? '(multipart)' : raw.toString('utf8') });
    try {
      if (method === 'POST' && path === '/chat/completions') {
        const call = toCall(JSON.parse(raw.toString('utf8')) as ChatCall['body'], false);
        const reply = await handle(call);
        if (options.latencyMs) await sleep(options.latencyMs);
        if (reply.delayMs) await sleep(reply.delayMs);
        if (reply.hang) return; // the socket stays open until the client gives up
        const status = reply.status ?? 200;
        if (status === 200 && reply.json === undefined && reply.raw === undefined) server.answered++;
        send(res, status, reply.raw ?? reply.json ?? completion(call.body.model, reply), reply.headers);
        return;
      }
      if (method === 'POST' && path === '/files') {
        const form = await new Request('http://mock/files', {
          method: 'POST',
          headers: { 'content-type': req.headers['content-type'] ?? '' },
          body: raw,
        }).formData();
        const file = form.get('file') as File;
        const id = `file-${++ids}`;
        server.files.set(id, { filename: file.name, purpose: String(form.get('purpose')), content: await file.text() });
        send(res, 200, { id, object: 'file', bytes: file.size, created_at: 0, filename: file.name, purpose: form.get('purpose'), status: 'processed' });
        return;
      }
      const content = /^\/files\/([\w-]+)\/content$/.exec(path);
      if (method === 'GET' && content) {
        const file = server.files.get(content[1] as string);
        if (!file) return send(res, 404, { error: { message: 'no such file', type: 'invalid_request_error', code: null } });
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(file.content);
        return;
      }
      if (method === 'POST' && path === '/batches') {
        const body = JSON.parse(raw.toString('utf8')) as { input_file_id: string; metadata?: unknown };
        const input = server.files.get(body.input_file_id);
        if (!input) return send(res, 404, { error: { message: 'no such file', type: 'invalid_request_error', code: null } });
        const total = input.content.split('\n').filter((l) => l.trim()).length;
        const batch: MockBatch = {
          id: `batch_${++ids}`,
          input_file_id: body.input_file_id,
          status: 'in_progress',
          polls: 0,
          request_counts: { total, completed: 0, failed: 0 },
          created_at: Math.floor(Date.now() / 1000),
          metadata: body.metadata,
        };
        server.batches.set(batch.id, batch);
        send(res, 200, batchJson(batch));
        return;
      }
      const getBatch = /^\/batches\/([\w-]+)$/.exec(path);
      if (method === 'GET' && getBatch) {
        const batch = server.batches.get(getBatch[1] as string);
        if (!batch) return send(res, 404, { error: { message: 'no such batch', type: 'invalid_request_error', code: null } });
        batch.polls++;
        if (batch.status === 'in_progress' && batch.polls > (options.batchPollsUntilDone ?? 1)) await runBatch(batch);
        send(res, 200, batchJson(batch));
        return;
      }
      send(res, 404, { error: { message: `mock: no route ${method} ${path}`, type: 'invalid_request_error', code: null } });
    } catch (error) {
      send(res, 500, { error: { message: `mock: ${String(error)}`, type: 'server_error', code: null } });
    }
  });

  const runBatch = async (batch: MockBatch): Promise<void> => {
    const input = server.files.get(batch.input_file_id)?.content ?? '';
    const out: string[] = [];
    const errors: string[] = [];
    for (const line of input.split('\n').filter((l) => l.trim())) {
      const item = JSON.parse(line) as { custom_id: string; body: ChatCall['body'] };
      const call = toCall(item.body, true);
      const failure = options.batchLineError?.(call);
      if (failure) {
        errors.push(JSON.stringify({ id: `r-${++ids}`, custom_id: item.custom_id, response: null, error: { code: 'server_error', message: failure } }));
        batch.request_counts.failed++;
        continue;
      }
      const reply = await handle(call);
      const status = reply.status ?? 200;
      const body = reply.json ?? completion(item.body.model, reply);
      out.push(JSON.stringify({ id: `r-${++ids}`, custom_id: item.custom_id, response: { status_code: status, request_id: 'req', body }, error: null }));
      if (status === 200) batch.request_counts.completed++;
      else batch.request_counts.failed++;
    }
    // Output order is not guaranteed by the real API: reverse it to prove the join is by custom_id.
    out.reverse();
    const outId = `file-${++ids}`;
    server.files.set(outId, { filename: 'output.jsonl', purpose: 'batch_output', content: out.join('\n') + '\n' });
    batch.output_file_id = outId;
    if (errors.length) {
      const errId = `file-${++ids}`;
      server.files.set(errId, { filename: 'errors.jsonl', purpose: 'batch_output', content: errors.join('\n') + '\n' });
      batch.error_file_id = errId;
    }
    batch.status = 'completed';
  };

  http.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  server.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/v1`;
  return server;
}

function batchJson(batch: MockBatch): unknown {
  return {
    id: batch.id,
    object: 'batch',
    endpoint: '/v1/chat/completions',
    input_file_id: batch.input_file_id,
    completion_window: '24h',
    status: batch.status,
    output_file_id: batch.output_file_id ?? null,
    error_file_id: batch.error_file_id ?? null,
    created_at: batch.created_at,
    request_counts: batch.request_counts,
    metadata: batch.metadata ?? null,
    errors: null,
  };
}
