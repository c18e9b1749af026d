// arXiv lookup: Atom parsing, query building, pairing against results from a local HTTP server, and
// clear errors when the API is unreachable or answers with an error. Never touches the network.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentifiedBlock, Pair } from '../../src/core/types.js';
import {
  ArxivLookupError,
  buildArxivQuery,
  lookupArxiv,
  parseArxivAtom,
  searchArxiv,
} from '../../src/pipeline/lookup-arxiv.js';
import { pairTranslations } from '../../src/pipeline/pair.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'pairing');
const atom = readFileSync(join(fixtures, 'arxiv-response.atom.xml'), 'utf8');
const errorAtom = readFileSync(join(fixtures, 'arxiv-error.atom.xml'), 'utf8');
const records = readFileSync(join(fixtures, 'arxiv-pairs.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; en: string; zh: string });

function translation(id: string, zh: string): IdentifiedBlock {
  return { id, file: 'page.txt', lines: [1, 1], raw: zh, text: zh, claimed: 'translation', language: 'zh', script: 'simplified', role: 'translation', hanRatio: 1 };
}

let server: Server;
let base = '';
const requests: URL[] = [];
let mode: 'ok' | 'error-entry' | 'busy' = 'ok';

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(new URL(req.url ?? '/', 'http://127.0.0.1'));
    if (mode === 'busy') {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('Service Unavailable');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' });
    res.end(mode === 'ok' ? atom : errorAtom);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/query`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('parseArxivAtom', () => {
  it('reads ids without versions, titles and abstracts with whitespace collapsed', () => {
    const entries = parseArxivAtom(atom);
    expect(entries.map((e) => e.id)).toEqual(['1704.08387', '1604.02013', '1711.08762']);
    expect(entries[0]?.url).toBe('https://arxiv.org/abs/1704.08387');
    expect(entries[0]?.summary).toBe(records[4]?.en);
    expect(entries[0]?.summary).not.toMatch(/\n/);
  });
  it('turns an API error entry or a non-feed into ArxivLookupError', () => {
    expect(() => parseArxivAtom(errorAtom)).toThrow(/incorrect id format/);
    expect(() => parseArxivAtom('<html>oops</html>')).toThrow(ArxivLookupError);
  });
});

describe('buildArxivQuery', () => {
  it('uses Latin anchors and glossed keywords, OR-ed', () => {
    const q = buildArxivQuery('无源域的适应(SFDA)旨在将预先培训的源模型调整到未标记的目标域，我们使用伪标签和聚类。');
    expect(q).toContain('all:sfda');
    expect(q).toMatch(/abs:/);
    expect(q.split(' OR ').length).toBeGreaterThan(3);
  });
});

describe('lookupArxiv', () => {
  it('pairs an unpaired translation with the arXiv abstract it translates', async () => {
    mode = 'ok';
    requests.length = 0;
    const t = translation('0:0', records[4]?.zh as string);
    const other = translation('0:1', records[9]?.zh as string);
    const pairs = pairTranslations([t, other], []);
    expect(pairs.map((p) => p.status)).toEqual(['unpaired', 'unpaired']);
    const progress: number[] = [];
    const found = await lookupArxiv(pairs, { baseUrl: base, delayMs: 0, onProgress: (done) => progress.push(done) });
    expect(requests).toHaveLength(2);
    expect(requests[0]?.searchParams.get('search_query')).toMatch(/abs:/);
    expect(requests[0]?.searchParams.get('sortBy')).toBe('relevance');
    expect(progress).toEqual([1, 2]);
    const [hit, miss] = found as [Pair, Pair];
    expect(hit.status).toBe('paired');
    expect(hit.original?.recordId).toBe('1704.08387');
    expect(hit.original?.file).toBe('https://arxiv.org/abs/1704.08387');
    expect(hit.evidence.best[0]?.original.id).toBe('1704.08387');
    // Its original is not among the results: it stays unpaired rather than forced onto one.
    expect(miss.status).toBe('unpaired');
    expect(miss).toBe(pairs[1]);
  });

  it('leaves paired translations alone and makes no request for them', async () => {
    requests.length = 0;
    const t = translation('0:0', records[4]?.zh as string);
    const original: IdentifiedBlock = { ...t, id: '1:0', text: records[4]?.en as string, raw: '', role: 'original', language: 'en', script: 'none', hanRatio: 0 };
    const pairs = pairTranslations([t], [original]);
    expect(pairs[0]?.status).toBe('paired');
    expect(await lookupArxiv(pairs, { baseUrl: base, delayMs: 0 })).toEqual(pairs);
    expect(requests).toHaveLength(0);
  });

  it('says clearly when the API cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const pairs = pairTranslations([translation('0:0', records[4]?.zh as string)], []);
    const error = await lookupArxiv(pairs, { baseUrl: `http://127.0.0.1:${port}/api/query`, delayMs: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArxivLookupError);
    expect((error as ArxivLookupError).message).toMatch(/Cannot reach the arXiv API/);
    expect((error as ArxivLookupError).hint).toMatch(/network/);
  });

  it('reports HTTP errors and API error entries', async () => {
    mode = 'busy';
    await expect(searchArxiv('all:x', { baseUrl: base })).rejects.toThrow(/HTTP 503/);
    mode = 'error-entry';
    await expect(searchArxiv('all:x', { baseUrl: base })).rejects.toThrow(/incorrect id format/);
    mode = 'ok';
  });
});
