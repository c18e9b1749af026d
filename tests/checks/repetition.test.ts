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
  ],
  invalid: [
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
