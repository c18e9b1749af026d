// Issue 12: on large runs finished results keep their bulky parts (sentences, beads, findings, evidence,
// texts) in a spill file in the report folder, read back when the reports are written. Reports must be
// byte for byte those of a run that keeps everything in memory, the file must not outlive the run, and a
// store that cannot write keeps the values in memory instead of losing them.
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SpillFile } from '../../src/cli/spill-file.js';
import type { FileResult, IdentifiedBlock, PairResult } from '../../src/core/types.js';
import { audit } from '../../src/pipeline/run.js';
import { reporters } from '../../src/report/reporters.js';
import { checkPair } from '../../src/pipeline/check.js';
import { Spiller } from '../../src/pipeline/spill.js';
import { mixedRecordLines, pairingRecords } from '../fixtures/pairing/records.js';
import { jsonReply, startMockOpenAI, type MockServer } from '../helpers/mock-openai-server.js';
import { plainResult as plain } from '../helpers/plain-result.js';
import { runMain } from '../helpers/run-main.js';

const records = pairingRecords();

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-spill-'));
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  // Attached pairs, one attached to the wrong original (mismatched), a translation alone (paired against
  // the originals corpus), and an untranslated record.
  writeFileSync(join(dir, 'a.jsonl'), mixedRecordLines(records));
  writeFileSync(join(dir, 'originals.jsonl'), `${records.map((r) => JSON.stringify({ id: `o-${r.id}`, abstract: r.en })).join('\n')}\n`);
  return dir;
}

function files(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

const AUDIT = ['a.jsonl', '--originals', 'originals.jsonl', '--format', 'json,md,html,sarif,csv,flagged', '-q', '--jobs', '1'];

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The same audit with its results kept in memory and with `--spill <spill>`: both runs and their report folders. */
async function keptAndSpilled(dir: string, spill: string, extra: readonly string[] = []) {
  const kept = await runMain(['audit', ...AUDIT, ...extra, '--out', 'kept', '--spill', 'off'], dir);
  const spilled = await runMain(['audit', ...AUDIT, ...extra, '--out', 'spilled', '--spill', spill], dir);
  return { kept, spilled, a: files(join(dir, 'kept')), b: files(join(dir, 'spilled')) };
}

describe('audit --spill', () => {
  it('writes the same reports as a run that keeps its results in memory, and leaves no spill file', async () => {
    const { kept, spilled, a, b } = await keptAndSpilled(workdir(), '0');
    expect(kept.code).toBe(spilled.code);
    expect(spilled.stderr).toBe('');
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect([...b.keys()].some((name) => name.startsWith('.transcheck-spill'))).toBe(false);
    for (const [name, text] of a) expect(b.get(name), name).toBe(text);
    const report = JSON.parse(a.get('a.json') ?? '{}') as { pairs: Array<{ status: string; findings: unknown[] }> };
    // The fixture exercises what a spilled result holds: findings, a mismatched pair, an unpaired one.
    expect(report.pairs.some((p) => p.status === 'mismatched')).toBe(true);
    expect(report.pairs.some((p) => p.findings.length > 0)).toBe(true);
  });

  it('keeps the judge’s findings, which replace a spilled result’s findings', async () => {
    server = await startMockOpenAI({
      chat: () => jsonReply({ errors: [{ span: '模型', source_span: 'model', category: 'style/awkward', severity: 'minor', explanation: 'stiff', fix: '模式' }] }),
    });
    const judge = ['--llm', '--base-url', server.url, '--model', 'mock-model', '--no-cache'];
    const { kept, spilled, a, b } = await keptAndSpilled(workdir(), '0', judge);
    expect(spilled.code).toBe(kept.code);
    expect(a.get('a.json')).toContain('"origin":"judge"');
    for (const [name, text] of a) expect(b.get(name), name).toBe(text);
  });

  it('accepts auto (the default: spill once memory runs short) with the same reports', async () => {
    const { kept, spilled: auto, a, b } = await keptAndSpilled(workdir(), 'auto');
    expect(auto.code).toBe(kept.code);
    expect(auto.stderr).toBe('');
    for (const [name, text] of b) expect(text, name).toBe(a.get(name));
  });

  it('rejects a bad --spill value', async () => {
    const dir = workdir();
    const out = await runMain(['audit', ...AUDIT, '--spill', 'many'], dir);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--spill/);
  });
});

async function someResults(): Promise<PairResult[]> {
  const out: PairResult[] = [];
  for (const [i, r] of records.entries()) {
    const block = (id: string, language: 'en' | 'zh', text: string) => ({
      id,
      file: 'x.jsonl',
      lines: [i + 1, i + 1] as [number, number],
      raw: ` ${text}`,
      text,
      claimed: 'unknown' as const,
      role: language === 'en' ? ('original' as const) : ('translation' as const),
      language,
      script: language === 'en' ? ('none' as const) : ('simplified' as const),
      hanRatio: language === 'en' ? 0 : 1,
    });
    const pair = {
      id: `0:${i}`,
      translation: block(`0:${i}`, 'zh', r.zh),
      original: block(`o:${i}`, 'en', r.en),
      status: 'paired' as const,
      confidence: 0.9,
      evidence: { anchors: ['3.5%'], terms: ['模型→model'], score: 0.8, margin: 0.5, candidates: 3, best: [] },
    };
    out.push(await checkPair(pair, { checks: (await import('../../src/core/runner.js')).resolveChecks((await import('../../src/checks/index.js')).checks, {}) }));
  }
  return out;
}


describe('Spiller and SpillFile', () => {
  it('moves a result’s parts to the file and reads back equal, frozen values; setting findings writes them again', async () => {
    const results = await someResults();
    const copies = results.map((r) => structuredClone(r));
    const store = new SpillFile(mkdtempSync(join(tmpdir(), 'transcheck-spillfile-')));
    const spiller = new Spiller(store);
    const moved = results.map((r) => spiller.settle(r));
    expect(store.bytes).toBeGreaterThan(0);
    const first = moved[0] as PairResult;
    // Moved out of the object: only the store holds them.
    expect(Object.getOwnPropertyDescriptor(first, 'findings')).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(first.pair.evidence, 'terms')).toBeUndefined();
    moved.forEach((r, i) => expect(plain(r)).toEqual(copies[i]));
    // Spilling twice changes nothing.
    expect(spiller.settle(first)).toBe(first);
    expect(() => (first.findings as unknown[]).push(1)).toThrow(TypeError);
    const finding = { ...(copies[1]?.findings[0] ?? copies[0]?.findings[0]), message: 'changed' } as PairResult['findings'][number];
    first.findings = [finding];
    expect(first.findings).toEqual([finding]);
    expect(first.beads).toEqual(copies[0]?.beads);
    expect(moved.slice(1).map(plain)).toEqual(copies.slice(1));
    store.close();
  });

  it('keeps results whole until it is told to spill, then spills them when they are settled', async () => {
    const results = await someResults();
    const copies = results.map((r) => structuredClone(r));
    const store = new SpillFile(mkdtempSync(join(tmpdir(), 'transcheck-spillfile-')));
    let active = false;
    const spiller = new Spiller(store, () => active);
    const early = results.map((r) => spiller.result(r));
    early.forEach((r, i) => expect(r).toBe(results[i]));
    expect(spiller.settle(results[0] as PairResult)).toBe(results[0]);
    expect(Object.getOwnPropertyDescriptor(results[0], 'findings')).toBeDefined();
    expect(spiller.moved).toBe(0);
    expect(store.bytes).toBe(0);
    active = true;
    const moved = results.map((r) => spiller.settle(r));
    expect(spiller.moved).toBe(results.length);
    expect(Object.getOwnPropertyDescriptor(moved[0], 'findings')).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor((moved[0] as PairResult).pair.evidence, 'terms')).toBeUndefined();
    moved.forEach((r, i) => expect(plain(r)).toEqual(copies[i]));
    store.close();
  });

  it('moves the run’s block texts to the store once the audit is done, and the reports read them back', async () => {
    const dir = workdir();
    // A text read with white space around it: its raw text is not its normalized text.
    appendFileSync(join(dir, 'a.jsonl'), `${JSON.stringify({ id: 'spaced', en: ` ${records[2]?.en}\n`, zh: ` ${records[2]?.zh} ` })}\n`);
    const run = (spill?: { store: SpillFile; minPairs: number }) =>
      audit({ inputs: ['a.jsonl'], originals: ['originals.jsonl'], cwd: dir, tool: { name: 'transcheck', version: 'test' }, configHash: 'x', jobs: 1, ...(spill ? { spill } : {}) });
    const kept = await run();
    const store = new SpillFile(mkdtempSync(join(tmpdir(), 'transcheck-spillfile-')));
    const spilled = await run({ store, minPairs: 0 });
    const blocks = spilled.files.flatMap((f) => f.blocks);
    const pairs = spilled.files.flatMap((f) => f.pairs);
    expect(blocks.length).toBeGreaterThan(0);
    // No block holds its texts or the fields read less often: only the store does (the memory a run keeps
    // a pair no longer counts them). Its id, file and role stay.
    for (const block of [...blocks, ...pairs.flatMap((r) => [r.pair.translation, r.pair.original ?? r.pair.translation])]) {
      expect(Object.getOwnPropertyNames(block).sort()).toEqual(['file', 'id', 'role']);
    }
    // The pairs hold the very blocks the file lists, as before the move.
    const byId = new Map(blocks.map((b) => [b.id, b]));
    for (const r of pairs) expect(byId.get(r.pair.translation.id)).toBe(r.pair.translation);
    // Read back, every text and every report equal the run that kept them in memory.
    const fields = (b: IdentifiedBlock) => [b.id, b.file, b.lines, b.raw, b.text, b.claimed, b.title, b.recordId, b.attachedTo, b.language, b.script, b.role, b.hanRatio];
    expect(spilled.files.map((f) => f.blocks.map(fields))).toEqual(kept.files.map((f) => f.blocks.map(fields)));
    expect(kept.files.flatMap((f) => f.blocks).some((b) => b.raw !== b.text && b.attachedTo !== undefined && b.recordId !== undefined)).toBe(true);
    expect(pairs.map((r) => r.pair.original?.text)).toEqual(kept.files.flatMap((f) => f.pairs.map((r) => r.pair.original?.text)));
    const file = kept.files[0] as FileResult;
    const context = { baseName: 'a', docsBase: '../docs' };
    for (const name of ['json', 'md'] as const) {
      const reporter = reporters[name];
      expect(reporter.render(spilled.files[0] as FileResult, spilled, context), name).toBe(reporter.render(file, { ...kept, timings: spilled.timings }, context));
    }
    store.close();
  });

  it('a store that cannot write keeps the values in memory and says why', () => {
    const store = new SpillFile(join(tmpdir(), 'transcheck-no-such-folder', 'deeper'));
    const big = 'x'.repeat(300_000);
    const handles = [0, 1, 2, 3, 4].map((n) => store.put({ n, big }));
    expect(store.failure).toMatch(/spill file/);
    handles.forEach((h, n) => expect(store.get(h)).toEqual({ n, big }));
    const later = store.put({ n: 9 });
    expect(store.get(later)).toEqual({ n: 9 });
    store.close();
  });

  it('reads back records still in its write buffer and records flushed to the file, past the read cache', () => {
    const store = new SpillFile(mkdtempSync(join(tmpdir(), 'transcheck-spillfile-')));
    const handles = Array.from({ length: 3000 }, (_, n) => store.put({ n, text: '模型'.repeat(n % 500) }));
    expect(store.failure).toBeUndefined();
    for (const n of [0, 1, 1500, 2999]) expect(store.get(handles[n] as number)).toEqual({ n, text: '模型'.repeat(n % 500) });
    store.close();
  });

  it('reads every record right through its read-ahead windows, in order, backwards and scattered, small and larger than a window', () => {
    const store = new SpillFile(mkdtempSync(join(tmpdir(), 'transcheck-spillfile-')));
    // Sizes from a few bytes to past the 256 kB window, so that records straddle window ends.
    const value = (n: number) => ({ n, text: 'x'.repeat((n * 7919) % 9000) + (n % 97 === 0 ? 'y'.repeat(300_000) : '') });
    const handles = Array.from({ length: 1200 }, (_, n) => store.put(value(n)));
    const order = [...handles.keys(), ...[...handles.keys()].reverse(), ...[...handles.keys()].map((n) => (n * 577) % handles.length)];
    for (const n of order) expect(store.get(handles[n] as number)).toEqual(value(n));
    store.close();
  });
});
