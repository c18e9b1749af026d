// The settled check of an attached pair (candidates.ts `settledCandidates`): an attached original that
// clearly wins is not ranked against the whole pool, and whenever the check settles, the full ranking
// would have decided the same.
import { describe, expect, it } from 'vitest';
import { pairingRecords } from '../fixtures/pairing/records.js';
import type { IdentifiedBlock } from '../../src/core/types.js';
import { unionOfGlosses, zhFeatures } from '../../src/lexicon/similarity.js';
import { CandidateScratch, rankCandidates, settledCandidates } from '../../src/pipeline/candidates.js';
import { indexOriginals, pairTranslations } from '../../src/pipeline/pair.js';

const records = pairingRecords();

function block(id: string, text: string, zh: boolean, extra: Partial<IdentifiedBlock> = {}): IdentifiedBlock {
  return {
    id,
    file: 'f.jsonl',
    lines: [1, 1],
    raw: text,
    text,
    claimed: 'unknown',
    language: zh ? 'zh' : 'en',
    script: zh ? 'simplified' : 'none',
    role: zh ? 'translation' : 'original',
    hanRatio: zh ? 1 : 0,
    ...extra,
  };
}

const originals = records.map((r, i) => block(`1:${i}`, r.en, false));

function query(index: ReturnType<typeof indexOriginals>, zh: string) {
  const f = zhFeatures(zh);
  return index.query(f, unionOfGlosses(f));
}

describe('settledCandidates', () => {
  it('settles a translation on its own original only where the full ranking decides the same', () => {
    const index = indexOriginals(originals);
    const scratch = new CandidateScratch(index);
    let settled = 0;
    for (const [i, r] of records.entries()) {
      const q = query(index, r.zh);
      const fast = settledCandidates(index, q, scratch, i);
      const full = rankCandidates(index, q, scratch, [i]).ranked;
      if (!fast) continue;
      settled++;
      expect(fast[0]?.doc, r.id).toBe(i);
      expect(full[0]?.doc, r.id).toBe(i);
      // The attached original's score is the same exact score both ways, and no original of the full
      // ranking comes within the lead the check asks for.
      expect(fast[0]?.sim.score).toBeCloseTo(full[0]?.sim.score ?? -1, 12);
      expect(full[1]?.sim.score ?? 0).toBeLessThanOrEqual((full[0]?.sim.score ?? 0) - 0.2);
    }
    // Google-translated abstracts on their own originals are the common case the check is for.
    expect(settled).toBeGreaterThanOrEqual(records.length - 2);
  });

  it('does not settle a translation attached to another paper’s original', () => {
    const index = indexOriginals(originals);
    const scratch = new CandidateScratch(index);
    for (const [i, r] of records.entries()) {
      const wrong = (i + 1) % records.length;
      expect(settledCandidates(index, query(index, r.zh), scratch, wrong), r.id).toBeUndefined();
    }
  });

  it('does not settle when another version of the abstract is in the pool, which the full ranking then lists', () => {
    const r = records[0];
    if (!r) throw new Error('fixture');
    // A second version: the same abstract with its last sentence dropped.
    const sentences = r.en.split(/(?<=\.)\s+/);
    const version = sentences.slice(0, -1).join(' ');
    const index = indexOriginals([...originals, block('2:0', version, false)]);
    const scratch = new CandidateScratch(index);
    const q = query(index, r.zh);
    expect(settledCandidates(index, q, scratch, 0)).toBeUndefined();
    const versionDoc = index.docOf(version);
    expect(rankCandidates(index, q, scratch, [0]).ranked.map((c) => c.doc)).toContain(versionDoc);
  });

  it('leaves pairing of attached records as the full ranking has it: own originals paired, a mis-joined record mismatched', () => {
    const translations = records.map((r, i) => block(`0:${i}`, r.zh, true, { attachedTo: `1:${i}` }));
    // One record joins the first paper's translation to the second paper's original.
    const misjoined = block('0:99', records[0]?.zh ?? '', true, { attachedTo: '1:1' });
    const pairs = pairTranslations([...translations, misjoined], originals);
    for (const p of pairs.slice(0, records.length)) expect([p.id, p.status, p.original?.id]).toEqual([p.id, 'paired', p.translation.attachedTo]);
    expect(pairs.at(-1)?.status).toBe('mismatched');
  });
});
