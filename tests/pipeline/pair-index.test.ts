// The compact index of originals: scores exactly as the feature-based similarity does with the same
// corpus weights, keeps no posting lists for words too common to rank by, and candidate generation
// finds each translation's original among look-alikes with bounded work.
import { describe, expect, it } from 'vitest';
import { identifiedBlock } from '../fixtures/pairing/blocks.js';
import { pairingRecords } from '../fixtures/pairing/records.js';
import type { IdentifiedBlock } from '../../src/core/types.js';
import { enFeatures, scoreFeatures, unionOfGlosses, zhFeatures } from '../../src/lexicon/similarity.js';
import { CandidateScratch, MAX_CANDIDATES, rankCandidates } from '../../src/pipeline/candidates.js';
import { BAND_CAP, MAX_DF_CAP, PairIndex, postingCutoff } from '../../src/pipeline/pair-index.js';
import { indexOriginals } from '../../src/pipeline/pair.js';

const records = pairingRecords();

function block(id: string, text: string, zh: boolean, recordId?: string): IdentifiedBlock {
  return identifiedBlock(id, text, zh, { file: 'f.txt', ...(recordId !== undefined ? { recordId } : {}) });
}

const originals = records.map((r, i) => block(`1:${i}`, r.en, false, r.id));

describe('PairIndex', () => {
  it('counts identical texts once', () => {
    const index = indexOriginals([...originals, block('2:0', records[0]?.en ?? '', false)]);
    expect(index.size).toBe(originals.length);
    expect(index.docOf(records[0]?.en ?? '')).toBe(0);
  });

  it('scores a translation against an original as scoreFeatures does on full features', () => {
    const index = indexOriginals(originals);
    for (const [ti, r] of records.slice(0, 5).entries()) {
      const f = zhFeatures(r.zh);
      const union = unionOfGlosses(f);
      const q = index.query(f, union);
      const scratch = new CandidateScratch(index);
      for (let d = 0; d < Math.min(index.size, 6); d++) {
        const compact = index.score(q, d, scratch.stems, scratch.nextStamp());
        const full = scoreFeatures(enFeatures(originals[d]?.text ?? ''), f, index.weights, union, false);
        expect(compact.score, `translation ${ti} against original ${d}`).toBeCloseTo(full.score, 10);
        expect(compact.zhCoverage).toBeCloseTo(full.zhCoverage, 10);
        expect(compact.enCoverage).toBeCloseTo(full.enCoverage, 10);
      }
    }
  });

  it('ranks each translation’s own original first, scoring a bounded number of candidates', () => {
    const index = indexOriginals(originals);
    const scratch = new CandidateScratch(index);
    for (const [i, r] of records.entries()) {
      const f = zhFeatures(r.zh);
      const { ranked } = rankCandidates(index, index.query(f, unionOfGlosses(f)), scratch);
      expect(ranked.length).toBeLessThanOrEqual(MAX_CANDIDATES);
      expect(ranked[0]?.doc, records[i]?.id).toBe(i);
    }
  });

  it('always scores an included (attached) original, even one the pre-rank would not reach', () => {
    const index = indexOriginals(originals);
    const scratch = new CandidateScratch(index);
    const f = zhFeatures(records[0]?.zh ?? '');
    const last = index.size - 1;
    const { ranked } = rankCandidates(index, index.query(f, unionOfGlosses(f)), scratch, [last]);
    expect(ranked.some((c) => c.doc === last)).toBe(true);
  });

  it('ranks by the common words shared (stems without posting lists) when rare words alone rank the original too low', () => {
    // The translation names six rare animals and four common words. 120 look-alikes each name two of the
    // animals (two rare hits); 300 fillers make the translation's other words common (above the posting
    // cut-off, so no posting lists); the original, last, names one animal and has every common word.
    // On rare terms alone the 120 look-alikes outrank it and the 100 scored in full are all look-alikes.
    const animals = ['zebrafish', 'larva', 'hippocampus', 'coral', 'jellyfish', 'octopus'];
    const decoys = Array.from({ length: 120 }, (_, i) => block(`1:${i}`, `The ${animals[i % 6]} and the ${animals[(i + 1 + (i % 5)) % 6]} of sample ${i} were kept in tank${i}.`, false));
    const fillers = Array.from({ length: 300 }, (_, i) => block(`2:${i}`, `We train a neural network to improve image classification accuracy on set${i}.`, false));
    const right = block('3:0', 'We train a neural network on zebrafish to improve image classification accuracy.', false);
    const index = indexOriginals([...decoys, ...fillers, right]);
    const f = zhFeatures('我们用斑马鱼、幼虫、海马、珊瑚、水母和章鱼训练神经网络，提高图像分类的准确率。');
    const q = index.query(f, unionOfGlosses(f));
    const train = q.words.find((w) => w.stems.length > 0 && index.stemFrequency(w.stems[0] as number) > 300);
    expect(train && index.stemPostings(train.stems[0] as number).length).toBe(0);
    const { ranked } = rankCandidates(index, q, new CandidateScratch(index));
    expect(ranked[0]?.doc).toBe(index.size - 1);
  });

  it('keeps no posting list for a word found in most originals of a large pool', () => {
    // 400 originals that all share "widget"; each has one word of its own.
    const pool = Array.from({ length: 400 }, (_, i) => block(`1:${i}`, `The widget number ${i} studies quasar${i} emissions.`, false));
    const index = indexOriginals(pool);
    const f = zhFeatures('小部件');
    const q = index.query(f, new Set(['widget']));
    expect(index.maxDf).toBeLessThan(400);
    const widget = q.unionIds[0] as number;
    expect(index.stemFrequency(widget)).toBe(400);
    expect(index.stemPostings(widget).length).toBe(0);
  });

  it('finds an original that shares only band terms (over the rare cut-off, with posting lists) with its translation', () => {
    // 150 originals share "train a neural network", 150 others "image classification accuracy": every stem
    // of the right original (last) is in over 100 originals, so with the rare cut-off at 100 no posting list
    // of a rare term reaches it. With posting lists kept up to 300 (the band), it is touched and ranks first.
    const nets = Array.from({ length: 150 }, (_, i) => block(`1:${i}`, `We train a neural network on set${i}.`, false));
    const images = Array.from({ length: 150 }, (_, i) => block(`2:${i}`, `The image classification accuracy improves on data${i}.`, false));
    const right = block('3:0', 'We train a neural network to improve image classification accuracy.', false);
    const build = (cutoffs: { maxDf: number; postDf: number }) => {
      const index = new PairIndex({ cutoffs });
      for (const b of [...nets, ...images, right]) index.add(b);
      return index.seal();
    };
    const f = zhFeatures('我们训练神经网络，提高图像分类的准确率。');
    const without = build({ maxDf: 100, postDf: 100 });
    const none = rankCandidates(without, without.query(f, unionOfGlosses(f)), new CandidateScratch(without));
    expect(none.ranked.some((c) => c.doc === without.size - 1)).toBe(false);
    const index = build({ maxDf: 100, postDf: 300 });
    const q = index.query(f, unionOfGlosses(f));
    const train = q.unionIds.find((id) => index.stemFrequency(id) > 100);
    expect(train).toBeDefined();
    expect(index.stemPostings(train as number).length).toBe(index.stemFrequency(train as number));
    const { ranked, considered } = rankCandidates(index, q, new CandidateScratch(index));
    expect(considered).toBeGreaterThan(100);
    expect(ranked[0]?.doc).toBe(index.size - 1);
  });

  it('keeps the band only where the rare cut-off is capped (large pools)', () => {
    expect(postingCutoff(1000)).toBe(1000);
    expect(postingCutoff(MAX_DF_CAP)).toBe(BAND_CAP);
  });
});
