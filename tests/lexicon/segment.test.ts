// Chinese segmentation: ML words kept whole, offsets cover the text, user words.
import { describe, expect, it } from 'vitest';
import { addUserWords, keepWordEnds, primeSegmentation, primeWordEnds, segment, segmentWords, takeWordEnds, wordEndsOf } from '../../src/lexicon/segment.js';

const words = (text: string) => segment(text).map((t) => t.word);

describe('segment', () => {
  it('keeps the bundled ML words whole', () => {
    const w = words('我们使用伪标签和强化学习，并在无源域的适应中预训练模型。');
    expect(w).toContain('伪标签');
    expect(w).toContain('强化学习');
    expect(w).toContain('预训练');
    expect(w).toContain('无源域');
  });
  it('keeps the bundled glossary terms whole without being asked', () => {
    expect(words('本文研究无源域适应问题。')).toContain('无源域适应');
  });
  it('gives tokens whose offsets cover the text exactly, Latin text and spaces included', () => {
    const text = '模型(SFDA) 在 3.5% 的情况下 https://github.com/a/b 上𠀀可用。';
    const tokens = segment(text);
    expect(tokens.map((t) => t.word).join('')).toBe(text);
    let offset = 0;
    for (const t of tokens) {
      expect(t.start).toBe(offset);
      expect(text.slice(t.start, t.end)).toBe(t.word);
      offset = t.end;
    }
    expect(offset).toBe(text.length);
  });
  it('adds user words at run time', () => {
    expect(words('我们研究蒸馏剪枝联合方法')).not.toContain('蒸馏剪枝');
    addUserWords(['蒸馏剪枝', 'with space']);
    expect(words('我们研究蒸馏剪枝联合方法')).toContain('蒸馏剪枝');
  });
  it('uses word ends cut in another thread instead of cutting again (check workers), and only ends that fit the text', () => {
    // A cut jieba would not make, so that the test sees whose words these are.
    const text = '本研究提出新方法。结果很好。';
    keepWordEnds(text, Uint16Array.from([1, 5, 8, 9, 11, 13, 14]));
    expect(takeWordEnds(text)).toEqual(Uint16Array.from([1, 5, 8, 9, 11, 13, 14]));
    expect(takeWordEnds(text)).toBeUndefined();
    keepWordEnds(text, Uint16Array.from([1, 5, 8, 9, 11, 13, 14]));
    primeSegmentation(text);
    expect(segmentWords('本研究提出新方法。')).toEqual(['本', '研究提出', '新方法', '。']);
    expect(segmentWords('结果很好。')).toEqual(['结果', '很好', '。']);
    // Ends that do not end at the text's length are not this text's: ignored, jieba cuts it.
    const other = '我们训练模型。';
    keepWordEnds(other, Uint16Array.from([1, 3]));
    expect(takeWordEnds(other)).toBeUndefined();
  });
  it('gives a text\'s word ends (a worker, for pairing), which prime the cut of that text in another thread', () => {
    const text = '我们提出一种新的蒸馏方法。实验表明其有效！';
    const ends = wordEndsOf(text);
    const cut = segmentWords(text);
    expect(Array.from(ends)).toEqual(cut.map((_, i) => cut.slice(0, i + 1).join('').length));
    // Ends given directly (not kept): a cut jieba would not make shows whose words these are.
    const given = '模型很好。数据很多。';
    primeWordEnds(given, Uint16Array.from([1, 4, 5, 6, 7, 9, 10]));
    expect(segmentWords(given)).toEqual(['模', '型很好', '。', '数', '据', '很多', '。']);
    // Ends not ending at the text's length are ignored.
    const unfit = '我们训练模型。';
    primeWordEnds(unfit, Uint16Array.from([1, 3]));
    expect(segmentWords(unfit)).toEqual(words(unfit));
  });
});
