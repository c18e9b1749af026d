// Tests of the `punctuation` check: half-width punctuation in Chinese (once per document) and end marks.
import punctuation from '../../src/checks/punctuation.js';
import { testCheck } from '../helpers/check-tester.js';

const seedLike = '无源域的适应(SFDA)旨在将源模型调整到目标域,由于数据隐私,安全性和传输问题,这是一个更实用的设置。';

testCheck(punctuation, {
  valid: [
    { name: 'full-width punctuation', target: '我们提出了一种方法（BMD），它有效：准确率提高；是吗？是的！' },
    { name: 'numbers, decimals and times', target: '共有3,000个样本，准确率为1.5%，时间为10:30。' },
    { name: 'Latin run with its own punctuation', target: '我们比较了BERT, GPT and XLNet三种模型。' },
    { name: 'parentheses around Latin-only content', target: '无源域适应(SFDA)和(BMD)策略。' },
    { name: 'URL and LaTeX left alone', target: '代码见https://github.com/a/b,c。公式$f(x)=a,b$成立。' },
    { name: 'numbered list items', target: '1.第一节\n2.第二节' },
    { name: 'an inline numbered list', target: '面临两个挑战：1.如果模型误判；2.使用端到端方法。' },
    { name: 'ellipsis', target: '等等...然后' },
    {
      name: 'a question kept as a question',
      source: 'Can transformers count?',
      target: 'Transformer能计数吗？',
    },
    {
      name: 'end punctuation compared only when a source is known',
      target: '这是一个问题。',
    },
  ],
  invalid: [
    {
      name: 'seed-like text: reported once with counts',
      target: seedLike,
      findings: [
        {
          messageId: 'halfWidth',
          range: [seedLike.indexOf(','), seedLike.indexOf(',') + 1],
          data: { count: 3 },
          actual: ',',
          expected: '，',
        },
      ],
    },
    {
      name: 'parentheses around Chinese content, colon and full stop',
      target: '使用非正交编码技术(诱骗光子技术):结果很好.我们',
      findings: [{ messageId: 'halfWidth', range: [9, 10], data: { count: 4 }, actual: '. : ( )' }],
    },
    {
      name: 'Latin parentheses counted when asked',
      target: '无源域适应(SFDA)。',
      options: { latinParentheses: true },
      findings: [{ messageId: 'halfWidth', data: { count: 2 } }],
    },
    {
      name: 'full stop after a number',
      target: '准确率提高了5%.',
      findings: [{ messageId: 'halfWidth', range: [8, 9], actual: '.' }],
    },
    {
      name: 'source question rendered as a statement',
      source: 'Can transformers count?',
      target: 'Transformer可以计数。',
      findings: [{ messageId: 'endMismatch', sentence: 0, range: [15, 16], actual: '。', expected: '？' }],
    },
  ],
});

// Fixes: every half-width mark made full-width in one fix, with the English spaces around it dropped.
testCheck(punctuation, {
  valid: [],
  invalid: [
    {
      name: 'fix: seed-like text',
      target: seedLike,
      findings: [{ messageId: 'halfWidth', fixed: '无源域的适应(SFDA)旨在将源模型调整到目标域，由于数据隐私，安全性和传输问题，这是一个更实用的设置。' }],
    },
    {
      name: 'fix: spaces after a comma and before a full stop go',
      target: '我们的模型 , 它很好.我们',
      findings: [{ messageId: 'halfWidth', fixed: '我们的模型，它很好。我们' }],
    },
    {
      name: 'fix: parentheses around Chinese, a space after the closing one stays',
      target: '方法( 诱骗光子技术) 很好:结果',
      findings: [{ messageId: 'halfWidth', fixed: '方法（诱骗光子技术） 很好：结果' }],
    },
    {
      name: 'no fix for an end mark: a question may be rendered as a statement on purpose',
      source: 'Can transformers count?',
      target: 'Transformer可以计数。',
      findings: [{ messageId: 'endMismatch', fixed: null }],
    },
  ],
});
