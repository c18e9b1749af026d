// Verdicts through the user's path (`audit` on a JSONL file): every translation block gets one; correct
// short, free or copy-only translations are never `mismatched` or `untranslated`; a mis-joined record is
// `mismatched`; an orphan beside a look-alike abstract is `unpaired` with the rejected candidate shown.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROBUST, WUBI } from '../fixtures/lookalikes.js';

function sink() {
  return { write: () => true };
}

interface JsonPair {
  translation: string;
  verdict: string;
  status: string;
  evidence: { rejected?: Array<{ id?: string; reason: string }> };
}

async function audit(records: object[], originals?: object[]): Promise<{ pairs: Map<string, JsonPair>; blocks: Array<{ id: string; recordId?: string }>; md: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-verdicts-'));
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  writeFileSync(join(dir, 'in.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
  const argv = ['audit', 'in.jsonl', '--out', 'out', '--format', 'json,md', '-q'];
  if (originals) {
    writeFileSync(join(dir, 'originals.jsonl'), originals.map((r) => JSON.stringify(r)).join('\n'));
    argv.push('--originals', 'originals.jsonl');
  }
  const code = await main({ argv, stdout: sink(), stderr: sink(), env: {}, cwd: dir });
  expect(code).toBe(0);
  const json = JSON.parse(readFileSync(join(dir, 'out', 'in.json'), 'utf8')) as { pairs: JsonPair[]; blocks: Array<{ id: string; recordId?: string }> };
  return { pairs: new Map(json.pairs.map((p) => [p.translation, p])), blocks: json.blocks, md: readFileSync(join(dir, 'out', 'in.md'), 'utf8') };
}

/** The verdict of each record's `zh` block (the record's second block), by record id. */
function verdictsById(result: Awaited<ReturnType<typeof audit>>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  result.blocks.forEach((b, i) => {
    if (i % 2 === 1 && b.recordId !== undefined) out[b.recordId] = result.pairs.get(b.id)?.verdict;
  });
  return out;
}

describe('verdicts through audit', () => {
  it('gives every translation block a verdict, and the right one for human references of every kind', async () => {
    // WMT24 en→zh human references (refA): all correct translations.
    const result = await audit([
      { id: 'handle', en: '@user44', zh: '@user44' },
      { id: 'hashtags', en: '#DIY #HomeRenovation', zh: '#DIY #HomeRenovation' },
      { id: 'emoji', en: '🙌', zh: '🙌' },
      { id: 'link', en: 'https://www.issmmbeatenyet.com/', zh: 'https://www.issmmbeatenyet.com/' },
      { id: 'code', en: '<div id=sec1></div>', zh: '<div id=sec1></div>' },
      { id: 'riddance', en: 'GOOD RIDDANCE', zh: '解脱' },
      { id: 'chapter', en: 'Chapter 1', zh: '第一章' },
      { id: 'hire', en: 'ps hire me', zh: '雇我吧' },
      { id: 'headline', en: 'Government Shutdown Debate Fuels House Republican Civil War', zh: '政府关门辩论引发众议院共和党内斗' },
      { id: 'mum', en: "I'm not your mum", zh: '我又不是你妈' },
      { id: 'beer', en: "I guess I should find a job, but I'm quite lazy. Hire me now, I'll drink all your beer.", zh: '我想我应该找份工作，但是我很懒。现在就雇我吧，让我帮你喝啤酒。' },
    ]);
    expect(verdictsById(result)).toEqual({
      handle: 'nothing-to-translate',
      hashtags: 'nothing-to-translate',
      emoji: 'nothing-to-translate',
      link: 'nothing-to-translate',
      code: 'nothing-to-translate',
      riddance: 'too-short',
      chapter: 'too-short',
      hire: 'too-short',
      headline: 'good',
      mum: 'good',
      beer: 'good',
    });
  });

  it('calls a mis-joined record mismatched, and a copied English sentence untranslated', async () => {
    const result = await audit([
      { id: 'misjoined', en: WUBI.en, zh: ROBUST.zh },
      { id: 'copied', en: 'We propose a new method for semi-supervised learning.', zh: 'We propose a new method for semi-supervised learning.' },
    ]);
    expect(verdictsById(result)).toEqual({ misjoined: 'mismatched', copied: 'untranslated' });
    expect(result.md).toMatch(/Closest, rejected: .* because aligned sentences share/);
  });

  it('leaves an orphan beside a look-alike abstract unpaired and says which candidate was rejected and why', async () => {
    const result = await audit([{ id: WUBI.id, zh: WUBI.zh }], [{ id: ROBUST.id, en: ROBUST.en }]);
    const [pair] = [...result.pairs.values()];
    expect(pair?.verdict).toBe('unpaired');
    expect(pair?.evidence.rejected?.[0]?.id).toBe(ROBUST.id);
    expect(result.md).toMatch(/Closest, rejected: .* because its sentences do not correspond/);
  });
});
