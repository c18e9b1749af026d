// End to end: the seeds audited with the English originals of their five Chinese abstracts supplied
// as a corpus (among the 226 abstracts of seed 004 as distractors): each pairs with its own original,
// and the defects that need the English appear.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const root = join(import.meta.dirname, '..', '..');
interface JsonFinding { check: string; severity: string; message: string }
interface JsonPair { status: string; verdict: string; original: { id?: string } | null; findings: JsonFinding[] }

let pairs: JsonPair[] = [];
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-e2e-'));
  cpSync(join(root, 'seeds'), join(dir, 'seeds'), { recursive: true });
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  const sink = { write: () => true };
  const code = await main({
    argv: ['audit', 'seeds', '--originals', join(root, 'tests', 'fixtures', 'seed-originals', 'originals.jsonl'), '--out', 'out', '-q'],
    stdout: sink,
    stderr: sink,
    env: {},
    cwd: dir,
  });
  expect(code).toBe(0);
  for (const name of ['000_5b759a7c2f4a0629', '001_342e6c370167fd45', '003_54ac9f1fa4f32925']) {
    const report = JSON.parse(readFileSync(join(dir, 'out', `${name}.json`), 'utf8')) as { pairs: JsonPair[] };
    pairs.push(...report.pairs.filter((p) => p.verdict !== 'untranslated'));
  }
}, 120_000);

function pairOf(id: string): JsonPair {
  const pair = pairs.find((p) => p.original?.id === id);
  if (!pair) throw new Error(`no translation paired with ${id}`);
  return pair;
}

describe('seeds with their originals supplied', () => {
  it('pairs each of the five Chinese abstracts with its own original', () => {
    expect(pairs).toHaveLength(5);
    expect(pairs.every((p) => p.status === 'paired')).toBe(true);
    expect(pairs.map((p) => p.original?.id).sort()).toEqual(
      ['approx-bmd', 'approx-ei', 'approx-kddres', 'approx-reward', 'approx-survey'],
    );
  });

  it('reports what only the English shows: MultiWOZ translated away, CrossWOZ respelled', () => {
    const messages = pairOf('approx-kddres').findings.map((f) => `${f.check} ${f.severity} ${f.message}`);
    expect(messages.some((m) => /^acronyms major .*`MultiWOZ`/.test(m))).toBe(true);
    expect(messages.some((m) => /^acronyms minor .*`Crosswoz`/.test(m))).toBe(true);
    expect(messages.some((m) => /^glossary major .*`多转`/.test(m))).toBe(true);
  });

  it('still reports the target-side defects, now with the English term', () => {
    const bmd = pairOf('approx-bmd').findings;
    expect(bmd.some((f) => f.check === 'glossary' && /预先培训/.test(f.message))).toBe(true);
    expect(bmd.some((f) => f.check === 'urls')).toBe(true);
    expect(pairOf('approx-reward').findings.some((f) => f.check === 'latex' && f.severity === 'major')).toBe(true);
    expect(pairOf('approx-ei').findings.some((f) => f.check === 'glossary' && /深神经网络/.test(f.message))).toBe(true);
  });
});
