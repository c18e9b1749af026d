// Issue 12: results held in memory to the end of a run keep their sentences and beads packed into one
// array of numbers (src/pipeline/packed-result.ts). What every reader sees must be the result as checked:
// the same values, frozen so that a lost in-place change fails loudly, and the same reports byte for byte.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checks } from '../../src/checks/index.js';
import { resolveChecks } from '../../src/core/runner.js';
import type { FileResult, Pair, PairResult, RunResult } from '../../src/core/types.js';
import { checkPair } from '../../src/pipeline/check.js';
import { packResult } from '../../src/pipeline/packed-result.js';
import { audit } from '../../src/pipeline/run.js';
import { reporters, runReporters } from '../../src/report/reporters.js';
import { identifiedBlock } from '../fixtures/pairing/blocks.js';
import { mixedRecordLines, pairingRecords } from '../fixtures/pairing/records.js';
import { plainResult as plain } from '../helpers/plain-result.js';

const records = pairingRecords();

function pairOf(i: number, en: string | null, zh: string): Pair {
  const block = (id: string, language: 'en' | 'zh', text: string) => identifiedBlock(id, text, language === 'zh', { file: 'x.jsonl', lines: [i + 1, i + 1] });
  return {
    id: `0:${i}`,
    translation: block(`0:${i}`, 'zh', zh),
    original: en === null ? null : block(`o:${i}`, 'en', en),
    status: en === null ? 'unpaired' : 'paired',
    confidence: 0.9,
    evidence: { anchors: [], terms: [], score: 0.8, margin: 0.5, candidates: 3, best: [] },
  };
}

async function someResults(): Promise<PairResult[]> {
  const resolved = resolveChecks(checks, {});
  const out: PairResult[] = [];
  for (const [i, r] of records.entries()) out.push(await checkPair(pairOf(i, r.en, r.zh), { checks: resolved }));
  // A translation without its original (target-only: no source sentences, no beads).
  out.push(await checkPair(pairOf(records.length, null, records[0]?.zh ?? ''), { checks: resolved }));
  return out;
}


describe('packResult', () => {
  it('gives back the same sentences, beads and fields, frozen, the same arrays on repeated reads', async () => {
    const results = await someResults();
    expect(results.some((r) => r.beads.some((b) => b.en.length > 1 || b.zh.length > 1 || b.en.length === 0 || b.zh.length === 0))).toBe(true);
    const copies = results.map((r) => structuredClone(r));
    const packed = results.map(packResult);
    packed.forEach((r, i) => {
      // Packed: the sentences and beads are no longer own properties of the result.
      expect(Object.getOwnPropertyDescriptor(r, 'beads')).toBeUndefined();
      expect(plain(r)).toEqual(copies[i]);
      expect(r.beads).toBe(r.beads);
      expect(r.targetSentences).toBe(r.targetSentences);
    });
    const first = packed[0] as PairResult;
    expect(() => (first.beads as unknown[]).push(1)).toThrow(TypeError);
    expect(() => (first.sourceSentences as unknown[]).pop()).toThrow(TypeError);
    // Packing twice changes nothing.
    expect(packResult(first)).toBe(first);
  });

  it('keeps the judge’s changes: new findings, a new score, a verdict reason removed', async () => {
    const [result] = await someResults();
    const packed = packResult(result as PairResult);
    packed.findings = [];
    delete packed.verdictReason;
    Object.assign(packed, { penalty: 0, score: 100, verdict: 'good' });
    expect(plain(packed)).toMatchObject({ findings: [], penalty: 0, score: 100, verdict: 'good' });
    expect(packed.verdictReason).toBeUndefined();
    expect(packed.beads).toEqual(result?.beads);
  });

  it('leaves a result whole when packing would not give it back the same', async () => {
    const [a, b] = await someResults();
    // Beads over sentences that are not consecutive (the aligner never makes them; another producer might).
    const odd = { ...(a as PairResult), beads: [{ en: [0, 2], zh: [0], cost: 0.5 }] };
    expect(packResult(odd)).toBe(odd);
    // Sentences that are not slices of the pair's texts.
    const other = b as PairResult;
    const moved = { ...other, targetSentences: other.targetSentences.map((s) => ({ ...s, text: `${s.text}!` })) };
    expect(packResult(moved)).toBe(moved);
  });

  it('renders every report of an audit byte for byte as the same results unpacked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'transcheck-packed-'));
    writeFileSync(join(dir, 'transcheck.config.json'), '{}');
    // Attached pairs, one attached to the wrong original (mismatched), a translation alone and an untranslated record.
    writeFileSync(join(dir, 'a.jsonl'), mixedRecordLines(records));
    const run = await audit({ inputs: ['a.jsonl'], cwd: dir, tool: { name: 'transcheck', version: 'test' }, configHash: 'x', jobs: 1 });
    const results = run.files.flatMap((f) => f.pairs);
    expect(results.length).toBe(records.length + 2);
    expect(results.every((r) => Object.getOwnPropertyDescriptor(r, 'beads') === undefined)).toBe(true);
    const unpacked: RunResult = { ...run, files: run.files.map((f) => ({ ...f, pairs: f.pairs.map(plain) })) };
    const context = { baseName: 'a', docsBase: '../docs' };
    const runContext = { names: new Map(run.files.map((f) => [f.file, 'a'])), docsBase: '../docs', docsUri: 'file:///docs' };
    for (const name of ['json', 'md'] as const) {
      const reporter = reporters[name];
      expect(reporter.render(run.files[0] as FileResult, run, context), name).toBe(reporter.render(unpacked.files[0] as FileResult, unpacked, context));
    }
    for (const name of ['html', 'sarif', 'csv', 'flagged'] as const) {
      expect(runReporters[name].render(run, runContext), name).toBe(runReporters[name].render(unpacked, runContext));
    }
  });
});
