// Tests of the `spacing` check: double spaces, spaces inside Chinese, Han–Latin spacing option.
import spacing from '../../src/checks/spacing.js';
import { testCheck } from '../helpers/check-tester.js';

testCheck(spacing, {
  valid: [
    { name: 'no stray spaces', target: '我们提出了BMD策略，效果很好。' },
    { name: 'spaces around Latin words (both conventions allowed by default)', target: '我们提出了 BMD 策略和SFDA方法。' },
    { name: 'space after a sentence end', target: '效果很好。 2023年，我们继续研究。' },
    { name: 'spaces inside LaTeX', target: '公式$a  +  b$成立。' },
    { name: 'line breaks', target: '第一段。\n  第二段。' },
    { name: 'a zero-width joiner inside an emoji sequence', target: '我们一家\u{1F468}\u200d\u{1F469}\u200d\u{1F467}去了公园。' },
  ],
  invalid: [
    {
      // arXiv dev (Google Translate): WAHRSIS written WAHRSI\u200b\u200bS, twice.
      name: 'zero-width spaces inside a word, shown marked, removed by the fix',
      target: '我们提出两个新的WAHRSI\u200b\u200bS模型。与原来的WAHRSI\u200b\u200bS不同。',
      findings: [
        {
          messageId: 'zeroWidth',
          range: [14, 16],
          data: { count: 2, text: 'WAHRSI·S' },
          fixed: '我们提出两个新的WAHRSIS模型。与原来的WAHRSIS不同。',
        },
      ],
    },
    {
      name: 'double space, once per document with a count',
      target: '使用 BERT  和 GPT  模型。',
      findings: [{ messageId: 'doubleSpace', range: [7, 9], data: { count: 2, length: 2 } }],
    },
    {
      name: 'space between Han characters',
      target: '我们提 出了方法。',
      findings: [{ messageId: 'spaceBetweenHan', range: [3, 4], actual: '提 出', expected: '提出' }],
    },
    {
      name: 'space before full-width punctuation and after an opening bracket',
      target: '方法 ，效果（ 很好）。',
      findings: [{ messageId: 'spaceAroundPunctuation', range: [2, 3], data: { count: 2 } }],
    },
    {
      name: 'required Latin spacing',
      target: '使用BERT模型。',
      options: { latinSpacing: 'require' },
      // The tester passes options with the default severity, so the `info` default is not seen here.
      findings: [{ messageId: 'missingLatinSpace', data: { count: 2 } }],
    },
    {
      name: 'forbidden Latin spacing',
      target: '使用 BERT 模型。',
      options: { latinSpacing: 'forbid' },
      findings: [{ messageId: 'extraLatinSpace', data: { count: 2 } }],
    },
  ],
});

// Fixes: each kind's spaces removed (or one inserted), all occurrences in one fix.
testCheck(spacing, {
  valid: [],
  invalid: [
    { name: 'fix: double spaces', target: 'BERT  and GPT  模型', findings: [{ messageId: 'doubleSpace', fixed: 'BERT and GPT 模型' }] },
    { name: 'fix: a double space between Han goes entirely', target: '我们  提出', findings: [{ messageId: 'doubleSpace', fixed: '我们提出' }] },
    { name: 'fix: spaces between Han', target: '我们 提出了 一种方法', findings: [{ messageId: 'spaceBetweenHan', fixed: '我们提出了一种方法' }] },
    { name: 'fix: spaces around full-width punctuation', target: '模型 ，方法， 结果', findings: [{ messageId: 'spaceAroundPunctuation', fixed: '模型，方法，结果' }] },
    {
      name: 'fix: a space inserted when required',
      target: '使用BERT模型',
      options: { latinSpacing: 'require' },
      findings: [{ messageId: 'missingLatinSpace', fixed: '使用 BERT 模型' }],
    },
  ],
});
