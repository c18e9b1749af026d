// `audit --lookup arxiv` through the CLI against a local Atom server; offline keeps the run and says why.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'pairing');
const atom = readFileSync(join(fixtures, 'arxiv-response.atom.xml'), 'utf8');
const record = readFileSync(join(fixtures, 'arxiv-pairs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { zh: string })[4];

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' });
    res.end(atom);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/query`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function sink() {
  let text = '';
  return { write: (s: string) => { text += s; return true; }, get text() { return text; } };
}

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-lookup-'));
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  writeFileSync(join(dir, 'page.txt'), `${record?.zh}\ntranslated by 谷歌翻译\n`);
  return dir;
}

describe('audit --lookup arxiv', () => {
  it('pairs an unpaired translation with the abstract the API returns', async () => {
    const dir = workdir();
    const code = await main({ argv: ['audit', 'page.txt', '--out', 'out', '--lookup', 'arxiv', '-q'], stdout: sink(), stderr: sink(), env: { TRANSCHECK_ARXIV_API: base }, cwd: dir });
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'page.json'), 'utf8'));
    expect(report.pairs[0].status).toBe('paired');
    expect(report.pairs[0].original.id).toBe('1704.08387');
  });

  it('keeps the run and says why when the API cannot be reached', async () => {
    const dir = workdir();
    const stderr = sink();
    const code = await main({ argv: ['audit', 'page.txt', '--out', 'out', '--lookup', 'arxiv', '-q'], stdout: sink(), stderr, env: { TRANSCHECK_ARXIV_API: 'http://127.0.0.1:9/api/query' }, cwd: dir });
    expect(code).toBe(0);
    expect(stderr.text).toMatch(/arXiv lookup stopped/);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'page.json'), 'utf8'));
    expect(report.pairs[0].status).toBe('unpaired');
    expect(report.limitations.join(' ')).toMatch(/arXiv/);
  });
});
