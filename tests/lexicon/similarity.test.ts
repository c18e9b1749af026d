// Cross-lingual similarity: glosses both ways, anchors, length, on real translations and mismatches.
import { describe, expect, it } from 'vitest';
import { pairingRecords, type PairingRecord } from '../fixtures/pairing/records.js';
import {
  crossLingualSimilarity,
  enFeatures,
  genericWeights,
  pairEvidence,
  scoreFeatures,
  glossStems,
  latinAnchors,
  lengthCompatibility,
  zhFeatures,
} from '../../src/lexicon/similarity.js';

type Rec = PairingRecord;
const records = pairingRecords();

describe('crossLingualSimilarity', () => {
  it('scores every true translation above every mismatched pair of the fixture', () => {
    const truePairs = records.map((r) => crossLingualSimilarity(r.en, r.zh).score);
    const mismatched = records.map((r, i) => crossLingualSimilarity((records[(i + 1) % records.length] as Rec).en, r.zh).score);
    expect(Math.min(...truePairs)).toBeGreaterThan(Math.max(...mismatched));
    expect(Math.min(...truePairs)).toBeGreaterThan(0.45);
    expect(Math.max(...mismatched)).toBeLessThan(0.4);
  });
  it('names the glossed terms and anchors it found', () => {
    const s = crossLingualSimilarity(
      'We propose SFDA, a source-free domain adaptation method using pseudo-labels; code at https://github.com/x/y.',
      '我们提出SFDA，一种使用伪标签的无源域适应方法；代码在https://github.com/x/y。',
    );
    expect(s.anchors).toContain('sfda');
    expect(s.anchors).toContain('https://github.com/x/y');
    expect(s.terms.some((t) => t.startsWith('代码→'))).toBe(true);
    expect(s.score).toBeGreaterThan(0.5);
  });
  it('is low for unrelated texts and zero-safe for empty ones', () => {
    expect(crossLingualSimilarity('Quantum key distribution with decoy states.', '我们研究了城市交通的拥堵。').score).toBeLessThan(0.3);
    expect(crossLingualSimilarity('', '').score).toBe(0);
  });
});

describe('glossStems', () => {
  it('glosses dictionary words and unknown compounds by their pieces', () => {
    expect(glossStems('模型')).toContain('model');
    expect(glossStems('伪标签')).toEqual(expect.arrayContaining(['label']));
  });
});

describe('features', () => {
  it('keeps Chinese content words and drops function words', () => {
    const words = zhFeatures('我们的模型在数据集上取得了好结果。').words.map((w) => w.word);
    expect(words).toContain('模型');
    expect(words).not.toContain('的');
    expect(words).not.toContain('我们');
  });
  it('treats plural acronyms as their singular and finds strong English anchors', () => {
    const en = enFeatures('Convolutional networks (CNNs) reach 95.5% on ImageNet.');
    expect(en.anchors.has('cnn')).toBe(true);
    expect(en.strongAnchors).toEqual(expect.arrayContaining(['cnn', '95.5', 'imagenet']));
    expect(latinAnchors('卷积网络（CNN）在ImageNet上达到95.5％')).toEqual(expect.arrayContaining(['cnn', 'imagenet', '95.5']));
  });
});

describe('lengthCompatibility', () => {
  it('is 1 at 1.95 Han characters per English word and falls away from it', () => {
    expect(lengthCompatibility(100, 195)).toBeCloseTo(1, 5);
    expect(lengthCompatibility(100, 230)).toBeGreaterThan(0.5);
    expect(lengthCompatibility(100, 100)).toBeLessThan(0.01);
    expect(lengthCompatibility(0, 100)).toBe(0);
  });
});

describe('pairEvidence', () => {
  it('lists the anchors and terms scoreFeatures lists, in its order, on true and mismatched pairs', () => {
    let terms = 0;
    records.forEach((r, i) => {
      for (const en of [r.en, (records[(i + 1) % records.length] as Rec).en]) {
        const e = enFeatures(en);
        const z = zhFeatures(r.zh);
        const full = scoreFeatures(e, z, genericWeights());
        expect(pairEvidence(e, z)).toEqual({ anchors: full.anchors, terms: full.terms });
        terms += full.terms.length;
      }
    });
    expect(terms).toBeGreaterThan(100);
  });
});
