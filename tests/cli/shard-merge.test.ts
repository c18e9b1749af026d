// `audit --shard k/n` and `transcheck merge`: shards split the translations by a stable hash (not by
// order), their merged reports are the unsharded run's, and folders that are not shards of one run are
// clear errors naming the folder.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/run-main.js';
import { shardOf } from '../../src/pipeline/shard.js';
import { pairingRecords } from '../fixtures/pairing/records.js';

const records = pairingRecords();

const run = runMain;

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-shard-'));
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  // Attached pairs, a translation alone, and an untranslated record: every kind of pair a shard holds.
  const lines = records.map((r) => JSON.stringify({ id: r.id, en: r.en, zh: r.zh }));
  lines.push(JSON.stringify({ id: 'alone', zh: records[0]?.zh.slice(0, 60) }));
  writeFileSync(join(dir, 'a.jsonl'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'b.jsonl'), `${records.slice(0, 4).map((r) => JSON.stringify({ id: `b-${r.id}`, zh: r.zh })).join('\n')}\n`);
  writeFileSync(join(dir, 'originals.jsonl'), `${records.map((r) => JSON.stringify({ id: `o-${r.id}`, abstract: r.en })).join('\n')}\n`);
  return dir;
}

type JsonReport = { shard?: { index: number; count: number }; blocks: unknown[]; pairs: Array<{ translation: string } & Record<string, unknown>>; summary: unknown };

function report(dir: string, path: string): JsonReport {
  return JSON.parse(readFileSync(join(dir, path), 'utf8')) as JsonReport;
}

const AUDIT = ['--originals', 'originals.jsonl', '--format', 'json,md,html,sarif,csv,flagged', '-q'];

describe('audit --shard and merge', () => {
  it('splits by a stable hash of file and record id, whatever the order of the inputs', () => {
    const a = { file: 'a.jsonl', recordId: '1234.5678', text: 'x' };
    expect(shardOf(a, 4)).toBe(shardOf({ ...a, text: 'another text' }, 4));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 400; i++) {
      const k = shardOf({ file: 'f.jsonl', recordId: String(i), text: '' }, 4) - 1;
      counts[k] = (counts[k] ?? 0) + 1;
    }
    for (const c of counts) expect(c).toBeGreaterThan(60);
  });

  it('shards cover every translation once and merge into the unsharded run’s reports', async () => {
    const dir = workdir();
    expect((await run(['audit', 'a.jsonl', 'b.jsonl', ...AUDIT, '--out', 'whole'], dir)).code).toBe(0);
    // Shards given the inputs in another order: the same translations land in the same shards.
    const s1 = await run(['audit', 'a.jsonl', 'b.jsonl', ...AUDIT, '--shard', '1/3', '--out', 's1'], dir);
    const s2 = await run(['audit', 'a.jsonl', 'b.jsonl', ...AUDIT, '--shard', '2/3', '--out', 's2'], dir);
    const s3 = await run(['audit', 'a.jsonl', 'b.jsonl', ...AUDIT, '--shard', '3/3', '--out', 's3'], dir);
    expect([s1.code, s2.code, s3.code]).toEqual([0, 0, 0]);
    const shardPairs = ['s1', 's2', 's3'].map((s) => report(dir, `${s}/a.json`).pairs.length + report(dir, `${s}/b.json`).pairs.length);
    const whole = report(dir, 'whole/a.json').pairs.length + report(dir, 'whole/b.json').pairs.length;
    expect(shardPairs.reduce((x, y) => x + y, 0)).toBe(whole);
    expect(shardPairs.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(report(dir, 's2/a.json').shard).toEqual({ index: 2, count: 3 });
    expect(readFileSync(join(dir, 's2/index.md'), 'utf8')).toMatch(/Shard 2\/3/);

    const merged = await run(['merge', 's3', 's1', 's2', '--out', 'merged', '--format', 'json,md,html,sarif,csv,flagged', '-q'], dir);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    for (const f of ['a.json', 'b.json', 'a.md', 'index.md', 'index.html', 'findings.sarif', 'findings.csv', 'flagged.jsonl']) expect(existsSync(join(dir, 'merged', f))).toBe(true);
    for (const f of ['a.json', 'b.json']) {
      const m = report(dir, `merged/${f}`);
      const w = report(dir, `whole/${f}`);
      expect(m.pairs).toEqual(w.pairs);
      expect(m.blocks).toEqual(w.blocks);
      expect(m.summary).toEqual(w.summary);
      expect(m.shard).toBeUndefined();
    }
    expect(readFileSync(join(dir, 'merged/findings.csv'), 'utf8')).toBe(readFileSync(join(dir, 'whole/findings.csv'), 'utf8'));
    expect(readFileSync(join(dir, 'merged/flagged.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'whole/flagged.jsonl'), 'utf8'));
  });

  it('refuses folders that are not shards of one run, naming the folder', async () => {
    const dir = workdir();
    await run(['audit', 'a.jsonl', ...AUDIT, '--shard', '1/2', '--out', 's1'], dir);
    await run(['audit', 'a.jsonl', ...AUDIT, '--shard', '2/2', '--out', 's2'], dir);
    await run(['audit', 'a.jsonl', ...AUDIT, '--out', 'whole'], dir);
    await run(['audit', 'a.jsonl', '--format', 'json', '-q', '--shard', '2/2', '--out', 'other'], dir);
    writeFileSync(join(dir, 'notes.txt'), 'x');
    mkdirSync(join(dir, 'plain'));
    writeFileSync(join(dir, 'plain', 'x.json'), '{}');
    const cases: Array<[string[], RegExp]> = [
      [['s1', 'missing-dir'], /missing-dir: report folder not found/],
      [['s1', 'notes.txt'], /notes\.txt: not a folder/],
      [['s1', 'plain'], /plain: not a transcheck report folder/],
      [['s1', 'whole'], /whole: not a shard's reports/],
      [['s1', 'other'], /other: a shard of another run \(configuration hash/],
      [['s1', 's1'], /s1: shard 1\/2 given twice/],
      [['s1'], /shard\(s\) 2\/2 missing/],
    ];
    for (const [dirs, message] of cases) {
      const r = await run(['merge', ...dirs, '--out', 'merged'], dir);
      expect(r.code, dirs.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect((await run(['merge', 's1', 'whole/../s2', '--out', 'merged', '-q'], dir)).code).toBe(0);
    expect((await run(['audit', 'a.jsonl', '--shard', '3/2', '--out', 'x'], dir)).stderr).toMatch(/Invalid --shard `3\/2`/);
    const missing = await run(['merge', 's1', 's2', '--glossary', 'nope.tsv', '--out', 'merged2'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Glossary file not found: .*nope\.tsv/);
  });

  it('adds up the shards\' judge usage and takes the shards\' user glossary for term consistency', async () => {
    const dir = workdir();
    // A user term whose known wrong rendering (方法) the corpus holds: the index's terminology table
    // lists it only when merge is given the shards' glossary.
    writeFileSync(join(dir, 'user.tsv'), 'method\t手段\t~方法\n');
    await run(['audit', 'a.jsonl', ...AUDIT, '--glossary', 'user.tsv', '--shard', '1/2', '--out', 's1'], dir);
    await run(['audit', 'a.jsonl', ...AUDIT, '--glossary', 'user.tsv', '--shard', '2/2', '--out', 's2'], dir);
    // The judge is not run here (no server): give each shard's reports the usage its run would carry.
    const usage = (calls: number, cost: number) => ({
      model: 'test-model', calls, cachedPairs: 1, promptTokens: 100 * calls, completionTokens: 10 * calls, cachedTokens: 0, costUsd: cost, unjudged: 0, failures: 1,
    });
    for (const [s, u] of [['s1', usage(3, 0.25)], ['s2', usage(5, 0.5)]] as const) {
      const path = join(dir, s, 'a.json');
      const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      writeFileSync(path, JSON.stringify({ ...json, llm: u }));
    }
    const merged = await run(['merge', 's1', 's2', '--glossary', 'user.tsv', '--out', 'merged', '--format', 'json,md', '-q'], dir);
    expect(merged.code).toBe(0);
    const index = readFileSync(join(dir, 'merged', 'index.md'), 'utf8');
    expect(index).toMatch(/\*\*LLM judge\*\* \(test-model\): 8 calls, 2 pairs from cache, 800 prompt \+ 80 completion tokens/);
    expect(index).toMatch(/the bundled glossary and the --glossary files given to merge/);
    expect(index).toMatch(/\| method \| ✗ 方法 \(\d+\)/);
    expect(report(dir, 'merged/a.json')).toMatchObject({ llm: { calls: 8, costUsd: 0.75, failures: 2 } });
    const plain = await run(['merge', 's1', 's2', '--out', 'plain', '--format', 'md', '-q'], dir);
    expect(plain.code).toBe(0);
    const plainIndex = readFileSync(join(dir, 'plain', 'index.md'), 'utf8');
    expect(plainIndex).toMatch(/the bundled glossary only \(give merge the shards' --glossary files/);
    expect(plainIndex).not.toMatch(/\| method \|/);
  });
});
