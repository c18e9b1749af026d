// Tests of the `repetition` check: repetition loops and doubled function words.
import { describe, expect, it } from 'vitest';
import repetition, { findLoops, minimalPeriod } from '../../src/checks/repetition.js';
import { testCheck } from '../helpers/check-tester.js';

testCheck(repetition, {
  valid: [
    { name: 'legit reduplication', target: '我们常常渐渐地一一谢谢人人都好，哈哈哈哈哈哈。' },
    { name: 'numbers and punctuation runs', target: '编号1111和2222……——....' },
    { name: 'doubling across words (目的的, 对对方, 是是否)', target: '实现目的的方法是对对方的攻击，关键是是否有效。' },
    { name: 'set phrases (不了了之, 的的确确)', target: '这件事不了了之，的的确确如此。' },
    { name: 'spoken affirmation', target: '是是是，你说得对。' },
    { name: 'a piece of a word repeated (the encoder of the autoencoder)', target: '在自动编码器的编码器和解码器部分加入注意力。' },
    { name: 'a phrase said twice is two characters (研究研究)', target: '我们研究研究这个问题。' },
    { name: 'the source repeats the word', source: 'The enemy of my enemy is my friend.', target: '我的敌人的敌人是我的朋友。' },
    // WMT24 (speech): "do one side at a time".
    { name: 'the distributive 一X一X', target: '我把胶水沿着边缘滚动，一个边缘一个边缘。' },
    // arXiv dev and WMT24: a two-character word around 的 belongs to two phrases.
    { name: 'a two-character word around 的 (受到敌对攻击的攻击)', target: '神经网络容易受到敌对攻击的攻击。' },
    { name: 'a phrase twice is not a loop', target: '研究研究这个问题。' },
    // WMT24 (speech), rated 95 with no error marked: the speaker repeats himself.
    { name: 'a repetition the source has', source: 'All right, well, whoa, whoa, whoa, hold it down, would you?', target: '好了好了好了，别闹了，行吗？' },
    // Coordinations of the same words that are faithful (arXiv dev).
    { name: 'conjuncts that the source repeats', source: 'It models pedestrian-pedestrian interactions.', target: '它模拟行人与行人的相互作用。' },
    { name: 'conjuncts after a prefix (非恶性和恶性)', source: 'the classification of non-malignant and malignant slides', target: '非恶性和恶性切片的分类' },
    { name: 'a second conjunct that goes on (两种或两种以上)', source: 'dividing goods amongst two or more agents', target: '在两种或两种以上的代理人之间分配商品' },
    { name: 'may or may not (可能或可能不是)', source: 'a target model, which may or may not be a human', target: '一个可能或可能不是人类的目标模型' },
    { name: 'the same conjuncts without a source', target: '提高了人与人之间、组织和组织之间的信任。' },
    // WMT24 refA: the regulation's name says it twice.
    { name: 'a word coordinated with itself in the source', source: 'the targets of the Packaging and Packaging Waste Regulation', target: '《包装和包装废弃物法规》的目标' },
    // WMT24: 跟 is "with" here ("left his wife for her aunt").
    { name: '跟 as "with"', source: 'a great uncle who left his wife for her aunt', target: '一个舅舅离开他妻子跟他妻子的姑姑在一起了' },
  ],
  invalid: [
    {
      // arXiv dev (Google Translate): two terms of the source given one rendering.
      name: 'the same words on both sides of a conjunction (有效和有效 for "efficiently and effectively")',
      source: 'Given a large unlabeled set of images, how to efficiently and effectively group them into clusters remains a challenging problem.',
      target: '给定一个大的未标记图像集，如何有效和有效地将它们分组成簇仍然是一个具有挑战性的问题。',
      findings: [{ messageId: 'sameConjuncts', severity: 'minor', actual: '有效和有效' }],
    },
    {
      name: 'the same words on both sides of a conjunction (识别和识别 for "recognition and identification")',
      source: 'Gait can be seen as an essential biometric feature for human recognition and identification.',
      target: '步态可以被看作是人类识别和识别的重要生物特征。',
      findings: [{ messageId: 'sameConjuncts', severity: 'minor', actual: '识别和识别' }],
    },
    {
      // arXiv dev (Google Translate).
      name: 'a modifier attached twice (基于聚类的基于聚类的)',
      source: 'which makes the method more useful than traditional clustering-based methods.',
      target: '这使得该方法比传统的基于聚类的基于聚类的方法更有用。',
      findings: [{ messageId: 'doubledPhrase', severity: 'minor', actual: '基于聚类的基于聚类', expected: '基于聚类' }],
    },
    {
      name: 'a phrase doubled without a particle, target-only',
      target: '我们提供了最先进的最先进的EMD算法。',
      findings: [{ messageId: 'doubledPhrase', actual: '最先进的最先进', expected: '最先进' }],
    },
    {
      name: 'a loop longer than the source\'s repetition',
      source: 'Well, whoa, whoa, whoa, hold it down.',
      target: '好了好了好了好了好了好了，别闹了。',
      findings: [{ messageId: 'loop' }],
    },
    {
      name: 'a phrase repeated three times',
      target: '该方法提高了模型的性能模型的性能模型的性能。',
      findings: [{ messageId: 'loop', severity: 'major', range: [6, 21], data: { unit: '模型的性能', copies: 3 } }],
    },
    {
      name: 'an English loop with spaces',
      target: '结果 the model the model the model 很好',
      findings: [{ messageId: 'loop', severity: 'major', data: { copies: 3 } }],
    },
    {
      name: 'a two-character word looping',
      target: '我们使用模型模型模型模型进行实验。',
      findings: [{ messageId: 'loop', data: { unit: '模型', copies: 4 } }],
    },
    {
      name: 'doubled function word',
      target: '我们的的模型很好。',
      findings: [{ messageId: 'doubledWord', severity: 'minor', range: [2, 4], expected: '的' }],
    },
    {
      name: 'doubled preposition',
      target: '网络可以从从任何视点捕获图像。',
      findings: [{ messageId: 'doubledWord', actual: '从从' }],
    },
  ],
});

describe('repetition helpers', () => {
  it('reduces a unit to its minimal period', () => {
    expect(minimalPeriod('哈哈')).toBe('哈');
    expect(minimalPeriod('abcabc')).toBe('abc');
    expect(minimalPeriod('模型的')).toBe('模型的');
  });
  it('respects the minimum number of copies', () => {
    expect(findLoops('模型的性能模型的性能', 3)).toEqual([]);
    expect(findLoops('模型的性能模型的性能', 2)).toHaveLength(1);
  });
});

// Fixes: a doubled word loses its second copy; a loop gets none (the decoder may have dropped text there).
testCheck(repetition, {
  valid: [],
  invalid: [
    { name: 'fix: doubled function word', target: '我们的的模型很好。', findings: [{ messageId: 'doubledWord', fixed: '我们的模型很好。' }] },
    { name: 'no fix for a loop', target: '我们使用模型模型模型模型进行实验。', findings: [{ messageId: 'loop', fixed: null }] },
  ],
});
