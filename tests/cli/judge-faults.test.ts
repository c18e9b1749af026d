// Issue 11: judge faults through the real openai client against the mock server on 127.0.0.1: a fatal
// error keeps the heuristic reports (exit 2), a cache that cannot be written keeps the paid answers,
// retry-after and hung servers are bounded, and the API key never reaches any output.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { apiError, jsonReply, startMockOpenAI, type MockServer } from '../helpers/mock-openai-server.js';
import { pairingRecords } from '../fixtures/pairing/records.js';

const KEY = 'sk-test-DoNotLeakThis0123456789abcdef';

function sink() {
  let text = '';
  return { write: (s: string) => { text += s; return true; }, get text() { return text; } };
}

function workdir(records = 3): string {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-jf-'));
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  const lines = pairingRecords().slice(0, records).map((r) => JSON.stringify({ id: r.id, en: r.en, zh: r.zh }));
  writeFileSync(join(dir, 'pairs.jsonl'), `${lines.join('\n')}\n`);
  return dir;
}

async function audit(dir: string, url: string, extra: string[] = [], env: Record<string, string> = { OPENAI_API_KEY: KEY }) {
  const stdout = sink();
  const stderr = sink();
  const code = await main({
    argv: ['audit', 'pairs.jsonl', '--out', 'out', '--llm', '--base-url', url, '--model', 'mock-model', '--cache-dir', 'cache', ...extra],
    stdout,
    stderr,
    env,
    cwd: dir,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Every file under a folder, concatenated. */
function allText(dir: string): string {
  let out = '';
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out += readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('a fatal judge error', () => {
  const cases: Array<[string, () => ReturnType<typeof apiError>, RegExp]> = [
    ['401', () => apiError(401, 'Incorrect API key provided', 'invalid_api_key'), /refused the API key/],
    ['403', () => apiError(403, 'Forbidden'), /refused the API key/],
    ['insufficient_quota', () => apiError(429, 'You exceeded your current quota', 'insufficient_quota', 'insufficient_quota'), /no quota/],
    ['unknown model', () => apiError(404, 'The model `mock-model` does not exist', 'model_not_found'), /does not know model/],
  ];
  for (const [what, reply, message] of cases) {
    it(`${what}: heuristic reports written with the failure as a limitation, exit 2`, async () => {
      server = await startMockOpenAI({ chat: reply });
      const dir = workdir();
      const r = await audit(dir, server.url);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      const report = JSON.parse(readFileSync(join(dir, 'out', 'pairs.json'), 'utf8'));
      expect(report.pairs.length).toBe(3);
      expect(report.limitations.join(' ')).toMatch(/LLM judge failed/);
      expect(readFileSync(join(dir, 'out', 'index.md'), 'utf8')).toMatch(/LLM judge failed/);
    });
  }
  it('a server that cannot be reached: heuristic reports, exit 2', async () => {
    // a port that was just free: nothing listens there
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const dir = workdir();
    const r = await audit(dir, `http://127.0.0.1:${port}/v1`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot connect/);
    expect(existsSync(join(dir, 'out', 'pairs.md'))).toBe(true);
  }, 60_000);
});

describe('a cache that cannot be written', () => {
  it('keeps the answers paid for in this run and says so once', async () => {
    server = await startMockOpenAI({
      chat: () => jsonReply({ errors: [{ span: '', source_span: '', category: 'style/awkward', severity: 'minor', explanation: 'stiff', fix: '' }] }),
    });
    const dir = workdir();
    writeFileSync(join(dir, 'cache'), 'a file where the cache folder should be');
    const r = await audit(dir, server.url);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'pairs.json'), 'utf8'));
    const findings = report.pairs.flatMap((p: { findings: Array<{ check: string }> }) => p.findings);
    expect(findings.some((f: { check: string }) => f.check === 'judge-failed')).toBe(false);
    expect(report.limitations.filter((l: string) => /LLM cache: cannot write/.test(l))).toHaveLength(1);
    expect(r.code).toBe(0);
  });
});

describe('bounded waits', () => {
  it('caps retry-after (here at 1 s) instead of sleeping as long as the server asks', async () => {
    server = await startMockOpenAI({
      chat: (call) => (call.attempt === 0 ? apiError(429, 'Rate limit reached', 'rate_limit_exceeded', 'requests', { 'retry-after': '3600' }) : jsonReply({ errors: [] })),
    });
    const dir = workdir(2);
    const started = Date.now();
    const r = await audit(dir, server.url, ['--max-retry-after', '1']);
    expect(r.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(server.chatCalls.length).toBe(4);
  }, 60_000);

  it('a server that accepts and never answers: the judge stops after a few pairs and says why', async () => {
    server = await startMockOpenAI({ chat: () => ({ hang: true }) });
    const dir = workdir(8);
    const r = await audit(dir, server.url, ['--timeout', '1', '--concurrency', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did not answer 3 pair\(s\) in a row/);
    // 3 pairs × (1 try + 3 retries), not 8 pairs
    expect(server.chatCalls.length).toBeLessThanOrEqual(12);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'pairs.json'), 'utf8'));
    expect(report.pairs.length).toBe(8);
  }, 120_000);
});

describe('secrets', () => {
  it('a server error that echoes the Authorization header never puts the key in a report, the cache or the terminal', async () => {
    server = await startMockOpenAI({
      chat: (call) => (call.attempt < 4 ? apiError(500, `upstream rejected headers {"authorization": "Bearer ${KEY}"} key=${KEY}`) : jsonReply({ errors: [] })),
    });
    const dir = workdir(2);
    const r = await audit(dir, server.url);
    expect(r.stdout + r.stderr).not.toContain(KEY);
    const written = allText(join(dir, 'out')) + (existsSync(join(dir, 'cache')) ? allText(join(dir, 'cache')) : '');
    expect(written).toContain('judge-failed');
    expect(written).not.toContain(KEY);
    expect(written).not.toMatch(/DoNotLeakThis/);
  }, 60_000);

  it('refuses to send the key over plain http to another machine without --allow-insecure-http', async () => {
    const dir = workdir(1);
    const r = await audit(dir, 'http://judge.example.org/v1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Refusing to send the API key over plain http to judge\.example\.org/);
    expect(r.stderr).toContain('--allow-insecure-http');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('says on stderr when a configuration file found upward sends the judge to a server', async () => {
    server = await startMockOpenAI();
    const dir = workdir(1);
    writeFileSync(join(dir, 'transcheck.config.json'), JSON.stringify({ llm: { baseUrl: server.url } }));
    const stdout = sink();
    const stderr = sink();
    const sub = join(dir, 'sub');
    (await import('node:fs')).mkdirSync(sub);
    writeFileSync(join(sub, 'pairs.jsonl'), readFileSync(join(dir, 'pairs.jsonl')));
    const code = await main({ argv: ['audit', 'pairs.jsonl', '--out', 'out', '--llm', '--model', 'mock-model', '--no-cache'], stdout, stderr, env: { OPENAI_API_KEY: KEY }, cwd: sub });
    expect(code).toBe(0);
    expect(stderr.text).toContain(join(dir, 'transcheck.config.json'));
    expect(stderr.text).toContain(server.url);
  });
});
