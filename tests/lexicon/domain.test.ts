// The domain gate: ML glossary terms against other fields' vocabulary, on the English or the Chinese side.
import { describe, expect, it } from 'vitest';
import { domainOf, entryApplies, scoreChinese, scoreEnglish } from '../../src/lexicon/domain.js';
import { bundledGlossary, parseGlossaryTsv } from '../../src/lexicon/glossary.js';

const g = bundledGlossary();

describe('domain gate', () => {
  it('lets an ML abstract in', () => {
    const d = scoreEnglish(g, 'We train a convolutional neural network with stochastic gradient descent and report accuracy on the test set.');
    expect(d.ml).toBeGreaterThanOrEqual(3);
    expect(d.isMl).toBe(true);
  });
  it('keeps an astrophysics abstract out, though it has a network and an epoch', () => {
    const d = scoreEnglish(g, 'We observe galaxies at the epoch of reionization with a telescope network and measure their redshift and stellar mass.');
    expect(d.isMl).toBe(false);
  });
  it('keeps a text with a single ML term out', () => {
    expect(scoreEnglish(g, 'The training of nurses improved patient care.').isMl).toBe(false);
  });
  it('lets an ML paper on physics data in when it is mostly about learning', () => {
    const d = scoreEnglish(g, 'We apply deep learning to classify galaxies: a convolutional neural network trained with data augmentation and dropout outperforms the baseline.');
    expect(d.isMl).toBe(true);
  });
  it('scores the translation in target-only mode', () => {
    expect(scoreChinese(g, '我们使用卷积神经网络和随机梯度下降进行训练,并在测试集上报告准确率。').isMl).toBe(true);
    expect(scoreChinese(g, '我们用望远镜观测再电离时代的星系,测量其红移和恒星质量。').isMl).toBe(false);
    expect(domainOf(g, null, '我们用望远镜观测星系。').isMl).toBe(false);
  });
  it('applies user entries (no domain) everywhere and bundled ML entries only in ML texts', () => {
    const [user] = parseGlossaryTsv('widget\t小部件\t小工具\n', 'user.tsv');
    const astro = scoreEnglish(g, 'We observe galaxies with a telescope.');
    expect(entryApplies(user!, astro)).toBe(true);
    const epoch = g.entries.find((e) => e.en === 'epoch')!;
    expect(epoch.domain).toBe('ml');
    expect(entryApplies(epoch, astro)).toBe(false);
  });
});
