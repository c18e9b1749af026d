// Tests of extractNumberedNames: Latin names that carry digits, their keys and shapes.
import { describe, expect, it } from 'vitest';
import { extractNumberedNames } from '../../src/lexicon/extract.js';

const texts = (text: string): string[] => extractNumberedNames(text).map((n) => n.text);

describe('extractNumberedNames', () => {
  it('finds names with digits and joins hyphenated parts that carry a digit or a capital', () => {
    expect(texts('ResNet-101 on CIFAR-10, VOT2015 and CUB-200-2011 with Llama-2-7B')).toEqual([
      'ResNet-101',
      'CIFAR-10',
      'VOT2015',
      'CUB-200-2011',
      'Llama-2-7B',
    ]);
  });
  it('stops before lowercase suffixes and keeps decimals of versions', () => {
    expect(texts('T2-weighted images, GPT-3.5 and Word2Vec')).toEqual(['T2', 'GPT-3.5', 'Word2Vec']);
  });
  it('works in Chinese text and on full-width letters and digits', () => {
    expect(texts('我们在ＣＩＦＡＲ－１０和UCF101数据集上')).toEqual(['UCF101']);
    expect(texts('在ＵＣＦ１０１上')).toEqual(['ＵＣＦ１０１']);
  });
  it('skips plain numbers, words without digits and names inside links', () => {
    expect(texts('3.5 million, 3-5 layers, state-of-the-art, see https://github.com/a/b2c')).toEqual([]);
  });
  it('gives a key without case or hyphens, a shape without digits, and the digit runs', () => {
    const [n] = extractNumberedNames('on CIFAR-100.');
    expect(n).toMatchObject({ key: 'cifar100', shape: 'cifar#', start: 3, end: 12, digits: [[9, 12]] });
    expect(extractNumberedNames('cifar100')[0]?.key).toBe('cifar100');
  });
});
