// The check of an attached pair (candidates.ts `attachedCandidates`): an attached original that fits
// well is ranked against the originals sharing the translation's rarest terms, not against the whole
// pool, and that ranking puts first what the full ranking puts first, other versions and better
// originals included.
import { describe, expect, it } from 'vitest';
import { identifiedBlock } from '../fixtures/pairing/blocks.js';
import { pairingRecords } from '../fixtures/pairing/records.js';
import { unionOfGlosses, zhFeatures } from '../../src/lexicon/similarity.js';
import { attachedCandidates, CandidateScratch, rankCandidates } from '../../src/pipeline/candidates.js';
import { indexOriginals, pairTranslations } from '../../src/pipeline/pair.js';

const records = pairingRecords();

const block = identifiedBlock;

const originals = records.map((r, i) => block(`1:${i}`, r.en, false));

function query(index: ReturnType<typeof indexOriginals>, zh: string) {
  const f = zhFeatures(zh);
  return index.query(f, unionOfGlosses(f));
}

describe('attachedCandidates', () => {
  it('ranks a translation attached to its own original as the full ranking does', () => {
    const index = indexOriginals(originals);
    const scratch = new CandidateScratch(index);
    let checked = 0;
    for (const [i, r] of records.entries()) {
      const q = query(index, r.zh);
      const fast = attachedCandidates(index, q, scratch, i);
      const full = rankCandidates(index, q, scratch, [i]).ranked;
      if (!fast) continue;
      checked++;
      expect(fast[0]?.doc, r.id).toBe(i);
      expect(full[0]?.doc, r.id).toBe(i);
      // The attached original's score is the same exact score both ways, and the runner-up is no weaker
      // (the full ranking scores only what its pre-rank keeps).
      expect(fast[0]?.sim.score).toBeCloseTo(full[0]?.sim.score ?? -1, 12);
      expect(fast[1]?.sim.score ?? 0).toBeGreaterThanOrEqual((full[1]?.sim.score ?? 0) - 1e-12);
    }
    // Google-translated abstracts on their own originals are the common case the check is for.
    expect(checked).toBeGreaterThanOrEqual(records.length - 2);
  });

  it('leaves a translation attached to another paper’s original to the full ranking', () => {
    const index = indexOriginals(originals);
    const scratch = new CandidateScratch(index);
    for (const [i, r] of records.entries()) {
      const wrong = (i + 1) % records.length;
      expect(attachedCandidates(index, query(index, r.zh), scratch, wrong), r.id).toBeUndefined();
    }
  });

  it('lists another version of the abstract in the pool, as the full ranking does', () => {
    const r = records[0];
    if (!r) throw new Error('fixture');
    // A second version: the same abstract with its last sentence dropped.
    const sentences = r.en.split(/(?<=\.)\s+/);
    const version = sentences.slice(0, -1).join(' ');
    const index = indexOriginals([...originals, block('2:0', version, false)]);
    const scratch = new CandidateScratch(index);
    const q = query(index, r.zh);
    const versionDoc = index.docOf(version);
    const fast = attachedCandidates(index, q, scratch, 0) ?? [];
    const full = rankCandidates(index, q, scratch, [0]).ranked;
    expect(fast.map((c) => c.doc).slice(0, 2).sort()).toEqual([0, versionDoc].sort());
    expect(fast[0]?.doc).toBe(full[0]?.doc);
    expect(full.map((c) => c.doc)).toContain(versionDoc);
  });

  it('puts first the true original of a translation attached to a look-alike that fits it well', () => {
    // Look-alikes of every record: its abstract with the last sentence swapped for another record's
    // last sentence. Each translation is attached to its look-alike, with its true original in the pool.
    const last = (en: string) => en.split(/(?<=\.)\s+/).at(-1) ?? '';
    const lookalikes = records.map((r, i) => {
      const sentences = r.en.split(/(?<=\.)\s+/);
      return block(`2:${i}`, [...sentences.slice(0, -1), last(records[(i + 1) % records.length]?.en ?? '')].join(' '), false);
    });
    const index = indexOriginals([...originals, ...lookalikes]);
    const scratch = new CandidateScratch(index);
    let checked = 0;
    for (const [i, r] of records.entries()) {
      const q = query(index, r.zh);
      const fast = attachedCandidates(index, q, scratch, index.docOf(lookalikes[i]?.text ?? ''));
      if (!fast) continue;
      checked++;
      expect(fast[0]?.doc, r.id).toBe(i);
      expect(fast[0]?.doc, r.id).toBe(rankCandidates(index, q, scratch, [i]).ranked[0]?.doc);
    }
    // The look-alikes share all but one sentence: most fit well enough to be checked this way (4 of 10).
    expect(checked).toBeGreaterThanOrEqual(3);
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
