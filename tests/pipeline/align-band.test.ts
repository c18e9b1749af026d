// Long records: alignment computes a band around the length diagonal, covers every sentence exactly
// once, and still pairs parallel sentences one to one.
import { describe, expect, it } from 'vitest';
import { alignSentences, splitChinese, splitEnglish } from '../../src/pipeline/align.js';

describe('alignSentences on a long record', () => {
  it('aligns 800 parallel sentences a side one to one, covering each once', () => {
    const en: string[] = [];
    const zh: string[] = [];
    for (let i = 0; i < 800; i++) {
      const n = 1000 + i;
      if (i % 2 === 0) {
        en.push(`We measured ${n} samples of the network model.`);
        zh.push(`我们测量了网络模型的${n}个样本。`);
      } else {
        en.push(`The proposed method improves accuracy by ${n} points on the benchmark dataset.`);
        zh.push(`所提出的方法在基准数据集上将准确率提高了${n}个点。`);
      }
    }
    const source = en.join(' ');
    const target = zh.join('');
    const s = splitEnglish(source);
    const t = splitChinese(target);
    expect(s.length).toBe(800);
    expect(t.length).toBe(800);
    const beads = alignSentences(source, target, s, t);
    expect(beads.flatMap((b) => b.en)).toEqual(s.map((_, i) => i));
    expect(beads.flatMap((b) => b.zh)).toEqual(t.map((_, i) => i));
    const oneToOne = beads.filter((b) => b.en.length === 1 && b.zh.length === 1 && b.en[0] === b.zh[0]);
    expect(oneToOne.length).toBeGreaterThan(790);
  });
});
