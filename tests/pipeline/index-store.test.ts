// The persistent index: `index build` then `audit --index` pairs exactly as `audit --originals` does
// (same candidates, same scores), the run's own originals are added on top, and a stale, foreign or
// unfinished index is a clear error naming the folder.
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/run-main.js';
import type { IdentifiedBlock } from '../../src/core/types.js';
import { unionOfGlosses, zhFeatures } from '../../src/lexicon/similarity.js';
import { CandidateScratch, rankCandidates } from '../../src/pipeline/candidates.js';
import { writeIndexFolder } from '../../src/cli/index-cmd.js';
import { encodeBlock, INDEX_FORMAT_VERSION, openIndexStore } from '../../src/pipeline/index-store.js';
import { buildIndexData } from '../../src/pipeline/index-store-build.js';
import { PairIndex } from '../../src/pipeline/pair-index.js';
import { indexOriginals } from '../../src/pipeline/pair.js';
import { pairingRecords } from '../fixtures/pairing/records.js';

const records = pairingRecords();

const run = runMain;

/** Look-alikes: sentences of two real abstracts recombined, numbers changed (as bench/scale.ts makes them). */
function lookAlikes(): Array<{ id: string; title: string; abstract: string }> {
  const out: Array<{ id: string; title: string; abstract: string }> = [];
  for (let i = 0; i < records.length; i++) {
    for (let k = 1; k < 4; k++) {
      const a = (records[i]?.en ?? '').split(/(?<=\.)\s+/);
      const b = (records[(i + k) % records.length]?.en ?? '').split(/(?<=\.)\s+/);
      const mixed = a.map((s, j) => (j % 2 === 1 && b[j] ? b[j] : s)).join(' ').replace(/\d+/g, (n) => String(Number(n) + k));
      out.push({ id: `fake.${i}.${k}`, title: `Look-alike ${i}.${k}`, abstract: mixed });
    }
  }
  return out;
}

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-index-'));
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  // The arXiv metadata snapshot layout: id, title, abstract (and more fields) one object a line.
  const pool = [...records.map((r) => ({ id: r.id, title: r.title, abstract: r.en, versions: [{ version: 'v1' }] })), ...lookAlikes()];
  writeFileSync(join(dir, 'arxiv-metadata-oai-snapshot.json'), `${pool.map((r) => JSON.stringify(r)).join('\n')}\n`);
  writeFileSync(join(dir, 'translations.jsonl'), `${records.map((r, i) => JSON.stringify({ id: `t${i}`, zh: r.zh })).join('\n')}\n`);
  return dir;
}

/** An English original of the run itself (not in the index). */
function originalBlock(text: string): IdentifiedBlock {
  return { id: '9:0', file: 'own.txt', lines: [1, 1], raw: text, text, claimed: 'unknown', language: 'en', script: 'none', role: 'original', hanRatio: 0 };
}

/** What pairing decided and scored, per translation, from a JSON report. */
function pairing(dir: string, report: string) {
  const json = JSON.parse(readFileSync(join(dir, report), 'utf8')) as {
    pairs: Array<{ translation: string; status: string; original?: { id?: string }; evidence: { score: number; margin: number; best: Array<{ id?: string; score: number }>; terms: string[]; anchors: string[] }; score: number }>;
  };
  return json.pairs.map((p) => ({
    t: p.translation,
    status: p.status,
    original: p.original?.id,
    score: p.evidence.score,
    margin: p.evidence.margin,
    best: p.evidence.best.map((b) => [b.id, b.score]),
    terms: p.evidence.terms,
    anchors: p.evidence.anchors,
    quality: p.score,
  }));
}

describe('index build and audit --index', () => {
  it('pairs exactly as --originals does, on the arXiv snapshot layout', async () => {
    const dir = workdir();
    const built = await run(['index', 'build', 'arxiv-metadata-oai-snapshot.json', '--out', 'idx'], dir);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/index: 40 originals from 1 file/);
    const a = await run(['audit', 'translations.jsonl', '--originals', 'arxiv-metadata-oai-snapshot.json', '--format', 'json', '--out', 'r1'], dir);
    const b = await run(['audit', 'translations.jsonl', '--index', 'idx', '--format', 'json', '--out', 'r2'], dir);
    expect([a.code, b.code]).toEqual([0, 0]);
    const viaOriginals = pairing(dir, 'r1/translations.json');
    const viaIndex = pairing(dir, 'r2/translations.json');
    expect(viaIndex).toEqual(viaOriginals);
    expect(viaIndex.filter((p) => p.status === 'paired').map((p) => p.original)).toEqual(records.map((r) => r.id));
  });

  it('ranks the same candidates with the same scores as the in-memory index', async () => {
    const dir = workdir();
    expect((await run(['index', 'build', 'arxiv-metadata-oai-snapshot.json', '--out', 'idx', '-q'], dir)).code).toBe(0);
    const stored = openIndexStore(join(dir, 'idx'));
    const blocks: IdentifiedBlock[] = [];
    for (let d = 0; d < stored.size; d++) blocks.push(stored.block(d));
    const memory = indexOriginals(blocks);
    expect(memory.size).toBe(stored.size);
    const s1 = new CandidateScratch(memory);
    const s2 = new CandidateScratch(stored);
    for (const r of records) {
      const f = zhFeatures(r.zh);
      const u = unionOfGlosses(f);
      const x = rankCandidates(memory, memory.query(f, u), s1);
      const y = rankCandidates(stored, stored.query(f, u), s2);
      expect(y.considered).toBe(x.considered);
      expect(y.ranked.map((c) => [c.doc, c.sim.score, c.sim.zhCoverage, c.sim.enCoverage, c.sim.anchorScore])).toEqual(
        x.ranked.map((c) => [c.doc, c.sim.score, c.sim.zhCoverage, c.sim.enCoverage, c.sim.anchorScore]),
      );
    }
    stored.close();
  });

  it('reads the band (stem posting lists over the rare cut-off) as the in-memory index does', async () => {
    // The band exists only on pools over 80,000 originals; fixed cut-offs give this small pool one.
    const cutoffs = { maxDf: 4, postDf: 40 };
    const dir = workdir();
    const out = join(dir, 'idx');
    mkdirSync(out);
    const fd = openSync(join(out, 'texts.bin'), 'w');
    const textOffsets = [0];
    const blocks: IdentifiedBlock[] = [];
    const built = await buildIndexData([join(dir, 'arxiv-metadata-oai-snapshot.json')], {
      cutoffs,
      onOriginal: (block) => {
        blocks.push(block);
        const bytes = encodeBlock(block);
        writeSync(fd, bytes);
        textOffsets.push((textOffsets[textOffsets.length - 1] as number) + bytes.length);
      },
    });
    closeSync(fd);
    writeIndexFolder(out, built, textOffsets);
    const stored = openIndexStore(out);
    expect([stored.maxDf, stored.postDf]).toEqual([4, 40]);
    const memory = new PairIndex({ cutoffs });
    for (const b of blocks) memory.add(b);
    memory.seal();
    const s1 = new CandidateScratch(memory);
    const s2 = new CandidateScratch(stored);
    let banded = 0;
    for (const r of records) {
      const f = zhFeatures(r.zh);
      const u = unionOfGlosses(f);
      const qm = memory.query(f, u);
      // The store knows a stem's postings once a query has looked the stem up (as candidate generation does).
      const qs = stored.query(f, u);
      const band = Array.from(qm.unionIds).filter((id) => memory.stemFrequency(id) > 4 && memory.stemFrequency(id) <= 40);
      if (band.length > 0) banded++;
      for (const id of band) expect(Array.from(stored.stemPostings(id))).toEqual(Array.from(memory.stemPostings(id)));
      const x = rankCandidates(memory, qm, s1);
      const y = rankCandidates(stored, qs, s2);
      expect(y.considered).toBe(x.considered);
      expect(y.ranked.map((c) => [c.doc, c.sim.score])).toEqual(x.ranked.map((c) => [c.doc, c.sim.score]));
    }
    expect(banded).toBeGreaterThan(0);
    stored.close();
  });

  it('stores each original’s common stems (no posting lists) as the in-memory index holds them, for its own originals too', async () => {
    // 300 originals share one sentence, so its stems are above the posting cut-off (common).
    const dir = mkdtempSync(join(tmpdir(), 'transcheck-index-'));
    const pool = Array.from({ length: 300 }, (_, i) => ({ id: `c.${i}`, title: `T${i}`, abstract: `We train a neural network to improve image classification accuracy on set${i}.` }));
    pool.push(...records.map((r) => ({ id: r.id, title: r.title, abstract: r.en })));
    writeFileSync(join(dir, 'pool.jsonl'), `${pool.map((r) => JSON.stringify(r)).join('\n')}\n`);
    expect((await run(['index', 'build', 'pool.jsonl', '--out', 'idx', '-q'], dir)).code).toBe(0);
    const own = 'We train a neural network on zebrafish to improve image classification accuracy.';
    const stored = openIndexStore(join(dir, 'idx')).withOriginals([{ ...(originalBlock(own)) }]);
    const blocks: IdentifiedBlock[] = [];
    for (let d = 0; d < stored.size; d++) blocks.push(stored.block(d));
    const memory = indexOriginals(blocks.slice(0, 300 + records.length));
    expect(stored.common.stems.length).toBeGreaterThan(4);
    expect(Array.from(stored.common.stems)).toEqual(Array.from(memory.common.stems));
    const list = (c: typeof stored.common, d: number) => Array.from(c.ids.subarray(c.offsets[d], c.offsets[d + 1]));
    for (let d = 0; d < memory.size; d++) expect(list(stored.common, d)).toEqual(list(memory.common, d));
    // The run's own original (added on top) has the pool's common stems it contains: those of the shared sentence.
    expect(list(stored.common, stored.size - 1).length).toBeGreaterThan(4);
    expect(list(stored.common, stored.size - 1)).toEqual(list(memory.common, 0));
    const f = zhFeatures('我们用斑马鱼训练神经网络，提高图像分类的准确率。');
    const { ranked } = rankCandidates(stored, stored.query(f, unionOfGlosses(f)), new CandidateScratch(stored));
    expect(ranked[0]?.doc).toBe(stored.size - 1);
    stored.close();
  });

  it('adds the run’s own attached originals on top of the index', async () => {
    const dir = workdir();
    expect((await run(['index', 'build', 'arxiv-metadata-oai-snapshot.json', '--out', 'idx', '-q'], dir)).code).toBe(0);
    // Attached pairs whose original is not in the index, and one whose original is.
    const own = 'In this paper we study the estimation of rare events in queueing networks by importance sampling.';
    writeFileSync(
      join(dir, 'attached.jsonl'),
      `${JSON.stringify({ id: 'own', en: own, zh: '本文研究利用重要性抽样估计排队网络中的稀有事件。' })}\n${JSON.stringify({ id: records[0]?.id, en: records[0]?.en, zh: records[0]?.zh })}\n`,
    );
    const r = await run(['audit', 'attached.jsonl', '--index', 'idx', '--format', 'json', '--out', 'r'], dir);
    expect(r.code).toBe(0);
    const pairs = pairing(dir, 'r/attached.json');
    expect(pairs.map((p) => p.status)).toEqual(['paired', 'paired']);
    expect(pairs.map((p) => p.original)).toEqual(['own', records[0]?.id]);
  });

  it('refuses a stale, foreign or unfinished index with a message naming the folder', async () => {
    const dir = workdir();
    expect((await run(['index', 'build', 'arxiv-metadata-oai-snapshot.json', '--out', 'idx', '-q'], dir)).code).toBe(0);
    const manifestPath = join(dir, 'idx', 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, normalization: '0000000000000000' }));
    const stale = await run(['audit', 'translations.jsonl', '--index', 'idx', '--out', 'r'], dir);
    expect(stale.code).toBe(2);
    expect(stale.stderr).toMatch(/idx: stale index.*normalization 0000000000000000/);
    expect(stale.stderr).toMatch(/rebuild it with `transcheck index build`/);
    // A rebuild into the same folder replaces the stale index.
    expect((await run(['index', 'build', 'arxiv-metadata-oai-snapshot.json', '--out', 'idx', '-q'], dir)).code).toBe(0);
    expect((await run(['audit', 'translations.jsonl', '--index', 'idx', '--format', 'json', '--out', 'r'], dir)).code).toBe(0);
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: 99 }));
    expect((await run(['audit', 'translations.jsonl', '--index', 'idx', '--out', 'r'], dir)).stderr).toMatch(new RegExp(`idx: index format 99, this transcheck reads format ${INDEX_FORMAT_VERSION}`));
    const missing = await run(['audit', 'translations.jsonl', '--index', 'translations.jsonl', '--out', 'r'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/translations\.jsonl: not a transcheck index/);
    const nothing = await run(['audit', 'translations.jsonl', '--index', 'nowhere', '--out', 'r'], dir);
    expect(nothing.stderr).toMatch(/nowhere: index folder not found/);
    // index build never writes into a folder that holds something else.
    const refused = await run(['index', 'build', 'arxiv-metadata-oai-snapshot.json', '--out', 'r'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/r: folder is not empty and holds no transcheck index/);
  });
});
