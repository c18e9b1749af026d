// Typography helpers: the pre-test that lets the script check skip the traditional→simplified conversion.
import { describe, expect, it } from 'vitest';
import { mayHaveTraditional, traditionalToSimplified } from '../../src/lexicon/typography.js';

describe('mayHaveTraditional', () => {
  it('is true for text holding characters the converter replaces', () => {
    expect(mayHaveTraditional('我們提出了一種新方法。')).toBe(true);
    expect(mayHaveTraditional('這')).toBe(true);
  });
  it('is false only for text the converter leaves unchanged', () => {
    const texts = ['我们提出了一种新方法。', '模型在ImageNet上达到95.5%。', 'plain English', '', '我们的方法优于基线𠀀。'];
    for (const t of texts) if (!mayHaveTraditional(t)) expect(traditionalToSimplified(t)).toBe(t);
    expect(texts.filter((t) => !mayHaveTraditional(t)).length).toBeGreaterThanOrEqual(3);
  });
  it('never skips a single character that the converter changes', () => {
    const missed: string[] = [];
    for (let cp = 0x3400; cp <= 0x9fff; cp++) {
      const c = String.fromCodePoint(cp);
      if (!mayHaveTraditional(c) && traditionalToSimplified(c) !== c) missed.push(c);
    }
    expect(missed).toEqual([]);
  });
});
