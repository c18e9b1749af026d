// The accuracy benchmark's metrics and the annotation tooling (bench/annotated/).
import { describe, expect, it } from 'vitest';
import { normalizationShift } from '../../bench/accuracy.js';
import { locate, parseDrafts } from '../../bench/annotated/build.js';
import { binaryPrf, covered, hitRate, spanPrf, union } from '../../bench/annotated/metrics.js';
import { annotatedPenalty, needsRevision } from '../../bench/annotated/rule.js';

describe('binaryPrf', () => {
  it('counts precision over flagged and recall over labelled', () => {
    const r = binaryPrf([
      { flagged: true, label: true },
      { flagged: true, label: false },
      { flagged: false, label: true },
      { flagged: false, label: true },
      { flagged: false, label: false },
    ]);
    expect(r.precision).toBeCloseTo(0.5);
    expect(r.recall).toBeCloseTo(1 / 3);
    expect(r.f1).toBeCloseTo(0.4);
  });
  it('gives NaN precision when nothing is flagged', () => {
    expect(binaryPrf([{ flagged: false, label: true }]).precision).toBeNaN();
  });
});

describe('span overlap', () => {
  it('merges overlapping and touching spans', () => {
    expect(union([[5, 8], [0, 2], [1, 3], [8, 9]])).toEqual([[0, 3], [5, 9]]);
  });
  it('measures covered length against a merged cover', () => {
    expect(covered([2, 10], [[0, 4], [6, 7]])).toBe(3);
  });
});

describe('spanPrf (partial-overlap credit, micro-averaged)', () => {
  it('credits a prediction by the share of its length on a gold span, and a gold span by its covered share', () => {
    // Gold [0,10); prediction [5,15): half of each overlaps.
    const r = spanPrf([{ gold: [[0, 10]], predicted: [[5, 15]] }]);
    expect(r.precision).toBeCloseTo(0.5);
    expect(r.recall).toBeCloseTo(0.5);
    expect(r.f1).toBeCloseTo(0.5);
  });
  it('micro-averages over spans of all pairs, not over pairs', () => {
    const r = spanPrf([
      { gold: [[0, 4]], predicted: [[0, 4], [10, 12], [20, 22]] },
      { gold: [[0, 2], [5, 6]], predicted: [] },
    ]);
    expect(r.precision).toBeCloseTo(1 / 3);
    expect(r.recall).toBeCloseTo(1 / 3);
    expect(r.predicted).toBe(3);
    expect(r.gold).toBe(3);
  });
  it('does not give credit across pairs', () => {
    const r = spanPrf([
      { gold: [[0, 5]], predicted: [] },
      { gold: [], predicted: [[0, 5]] },
    ]);
    expect(r.precision).toBe(0);
    expect(r.recall).toBe(0);
    expect(r.f1).toBe(0);
  });
  it('does not count a gold span twice when two predictions cover it', () => {
    const r = spanPrf([{ gold: [[0, 10]], predicted: [[0, 6], [4, 10]] }]);
    expect(r.recall).toBeCloseTo(1);
    expect(r.precision).toBeCloseTo(1);
  });
});

describe('hitRate', () => {
  it('counts spans that share a code unit with any other span; touching is not overlap', () => {
    const r = hitRate([{ spans: [[0, 3], [3, 5], [9, 12]], others: [[2, 3], [12, 14]] }]);
    expect(r).toEqual({ rate: 1 / 3, hit: 1, total: 3 });
  });
});

describe('guide rule', () => {
  const minor = { severity: 'minor' as const, category: 'terminology/inappropriate' as const };
  const punct = { severity: 'minor' as const, category: 'fluency/punctuation' as const };
  const major = { severity: 'major' as const, category: 'accuracy/mistranslation' as const };
  it('needs revision with one major error', () => {
    expect(needsRevision([major], 200)).toBe(true);
  });
  it('needs revision with dense minor errors only, not sparse ones, and never for punctuation alone', () => {
    expect(needsRevision([minor, minor, minor], 120)).toBe(true);
    expect(needsRevision([minor, minor, minor], 200)).toBe(false);
    expect(needsRevision([minor, minor], 50)).toBe(false);
    expect(needsRevision([punct, punct, punct, punct], 50)).toBe(false);
  });
  it('weights the penalty as the project does, per 100 English words', () => {
    expect(annotatedPenalty([major, minor, punct], 200)).toBeCloseTo((5 + 1 + 0.1) / 2);
    expect(annotatedPenalty([minor], 3)).toBeCloseTo(10);
  });
});

describe('annotation builder', () => {
  it('locates a unique span and the k-th occurrence', () => {
    expect(locate('模型的特征和特征', '模型')).toEqual([0, 2]);
    expect(locate('模型的特征和特征', '特征@2')).toEqual([6, 8]);
  });
  it('refuses an absent or ambiguous span text', () => {
    expect(() => locate('模型的特征和特征', '特征')).toThrow(/2 times/);
    expect(() => locate('模型', '功能')).toThrow(/not found/);
    expect(() => locate('模型', '模型@2')).toThrow(/not 2/);
  });
  it('counts offsets in UTF-16 code units', () => {
    expect(locate('𝑥 的功能', '功能')).toEqual([4, 6]);
  });
  it('parses pairs, errors and overrides', () => {
    const drafts = parseDrafts('# c\n= 12\nM mis 强盗 | bandit | everyday sense\nm punct ; | - | half-width\n? no only a typo\n= 13\n');
    expect(drafts).toHaveLength(2);
    expect(drafts[0]!.errors.map((e) => [e.sev, e.cat, e.zh, e.en])).toEqual([
      ['M', 'mis', '强盗', 'bandit'],
      ['m', 'punct', ';', '-'],
    ]);
    expect(drafts[0]!.override).toEqual({ value: false, reason: 'only a typo' });
    expect(drafts[1]!.errors).toEqual([]);
  });
  it('names the line of an unreadable entry', () => {
    expect(() => parseDrafts('= 1\nX bad line\n')).toThrow(/annotations.txt:2/);
    expect(() => parseDrafts('= 1\nM nosuch 甲 | a | n\n')).toThrow(/unknown category/);
  });
});

describe('normalizationShift', () => {
  it('maps record offsets to the tool\'s trimmed text, or refuses when normalization changed more', () => {
    expect(normalizationShift('  模型')).toBe(2);
    expect(normalizationShift('模型')).toBe(0);
    expect(normalizationShift('e\u0301')).toBeNull();
  });
});
