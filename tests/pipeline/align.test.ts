// Sentence splitting and alignment: abbreviations, decimals, URLs, Chinese half-width stops, beads.
import { describe, expect, it } from 'vitest';
import { alignSentences, splitChinese, splitEnglish } from '../../src/pipeline/align.js';

const texts = (xs: { text: string }[]) => xs.map((x) => x.text);

describe('splitEnglish', () => {
  it('does not split at abbreviations, decimals, versions, URLs or initials', () => {
    const text =
      'We use methods, e.g. CNNs, as in Smith et al. (2020) and Fig. 3. Accuracy rose to 95.5% with v2.1.3 (see https://x.org/a.b). J. Gibson agreed, i.e. it works. Done!';
    expect(texts(splitEnglish(text))).toEqual([
      'We use methods, e.g. CNNs, as in Smith et al. (2020) and Fig. 3.',
      'Accuracy rose to 95.5% with v2.1.3 (see https://x.org/a.b).',
      'J. Gibson agreed, i.e. it works.',
      'Done!',
    ]);
  });
  it('splits after a unit letter and keeps offsets into the text', () => {
    const text = 'Measured at 300 K. The moment was large.';
    const s = splitEnglish(text);
    expect(texts(s)).toEqual(['Measured at 300 K.', 'The moment was large.']);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
  it('keeps closing quotes with the sentence', () => {
    expect(texts(splitEnglish('He said "stop." Then he left.'))).toEqual(['He said "stop."', 'Then he left.']);
  });
});

describe('splitChinese', () => {
  it('splits at full-width stops and at half-width ones after Han text', () => {
    const text = '我们提出了一种方法。准确率为95.5%,优于基线.代码见https://github.com/a/b.c上!结果很好;未来工作?';
    expect(texts(splitChinese(text))).toEqual([
      '我们提出了一种方法。',
      '准确率为95.5%,优于基线.',
      '代码见https://github.com/a/b.c上!',
      '结果很好;未来工作?',
    ]);
  });
  it('does not split at semicolons of either width, as splitEnglish does not', () => {
    const half = '联合使用多个CNN改进了聚类; 2.使用端到端方法改进MVC;结合两者产生了最新结果。';
    const full = half.replaceAll(';', '；');
    expect(texts(splitChinese(half))).toEqual([half]);
    expect(texts(splitChinese(full))).toEqual([full]);
  });
  it('keeps closing quotes and brackets with the sentence', () => {
    const text = '他说：“停下。”然后走了（见图1。）最后。';
    const s = splitChinese(text);
    expect(texts(s)).toEqual(['他说：“停下。”', '然后走了（见图1。）', '最后。']);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
  it('does not split a Latin sentence-internal period', () => {
    expect(texts(splitChinese('使用Node.js和GPT-3.5实现。'))).toEqual(['使用Node.js和GPT-3.5实现。']);
  });
});

describe('alignSentences', () => {
  const en =
    'Deep neural networks achieve strong results on many tasks. However, they require large amounts of labeled data for training. We propose a new semi-supervised method called FooNet that uses 10 labels per class. Experiments on CIFAR-10 show an accuracy of 95.1%.';
  const zh =
    '深度神经网络在许多任务上取得了很好的结果。然而，它们需要大量标记数据进行训练。我们提出了一种新的半监督方法FooNet，每类使用10个标签。在CIFAR-10上的实验表明准确率为95.1%。';
  it('aligns a faithful translation one to one', () => {
    const e = splitEnglish(en);
    const z = splitChinese(zh);
    const beads = alignSentences(en, zh, e, z);
    expect(beads.map((b) => [b.en, b.zh])).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
      [[3], [3]],
    ]);
  });
  it('leaves a dropped sentence as a 1-0 bead', () => {
    const zhDropped = zh.replace('然而，它们需要大量标记数据进行训练。', '');
    const e = splitEnglish(en);
    const z = splitChinese(zhDropped);
    const beads = alignSentences(en, zhDropped, e, z);
    expect(beads.find((b) => b.zh.length === 0)?.en).toEqual([1]);
  });
  it('merges a sentence split in two on the Chinese side', () => {
    const e = splitEnglish(en);
    const zhSplit = zh.replace('我们提出了一种新的半监督方法FooNet，', '我们提出了一种新的半监督方法FooNet。');
    const z = splitChinese(zhSplit);
    const beads = alignSentences(en, zhSplit, e, z);
    expect(beads.find((b) => b.en[0] === 2)?.zh).toEqual([2, 3]);
  });
  it('covers every sentence once, also with empty sides', () => {
    expect(alignSentences('', '', [], [])).toEqual([]);
    const e = splitEnglish(en);
    const beads = alignSentences(en, '', e, []);
    expect(beads.flatMap((b) => b.en)).toEqual([0, 1, 2, 3]);
    expect(beads.every((b) => b.zh.length === 0)).toBe(true);
  });
});
