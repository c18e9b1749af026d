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
    { name: 'a phrase twice is not a loop', target: '研究研究这个问题。' },
    // WMT24 (speech), rated 95 with no error marked: the speaker repeats himself.
    { name: 'a repetition the source has', source: 'All right, well, whoa, whoa, whoa, hold it down, would you?', target: '好了好了好了，别闹了，行吗？' },
  ],
  invalid: [
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
