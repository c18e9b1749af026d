// Tests of the `brackets` check: unbalanced and mismatched brackets and quotes, source comparison.
import brackets from '../../src/checks/brackets.js';
import { testCheck } from '../helpers/check-tester.js';

testCheck(brackets, {
  valid: [
    { name: 'balanced full-width and half-width', target: '方法（BMD）和(SFDA)以及【注】《书名》“引用”‘单引’「角」。' },
    { name: 'full-width opener closed half-width', target: '方法（BMD)有效。' },
    { name: 'nested', target: '模型（基于“注意力”机制（Transformer））。' },
    { name: 'list enumerators', target: '我们研究了1）数据；2）模型；ii）训练；四）评估。' },
    { name: 'half-open interval', target: '取值范围为[0, 1)。' },
    { name: 'apostrophe', target: '模型’s 输出。' },
    { name: 'balanced straight quotes', target: '所谓"注意力"机制。' },
    { name: 'brackets inside LaTeX and URLs', target: '公式$f(x]$与https://x.org/a(b 相同。' },
    {
      name: 'an imbalance the source already has',
      source: 'The range (0 to 1 is used.',
      target: '使用范围（0到1。',
    },
  ],
  invalid: [
    {
      name: 'unclosed full-width parenthesis',
      target: '使用非正交编码技术（诱骗光子技术。',
      findings: [{ messageId: 'unclosed', range: [9, 10], actual: '（', expected: '）' }],
    },
    {
      name: 'closer without opener',
      target: '该方法有效）。',
      findings: [{ messageId: 'unopened', range: [5, 6], actual: '）' }],
    },
    {
      name: 'mismatched pair',
      target: '方法（BMD】有效。',
      findings: [{ messageId: 'mismatched', range: [6, 7], data: { open: '（', want: '）' } }],
    },
    {
      name: 'unclosed quote inside brackets',
      target: '（“注意力）机制。',
      findings: [{ messageId: 'unclosed', range: [1, 2], actual: '“' }],
    },
    {
      name: 'odd straight quotes',
      target: '所谓"注意力机制。',
      findings: [{ messageId: 'oddQuotes', range: [2, 3], data: { count: 1 } }],
    },
    {
      name: 'an imbalance the source does not have',
      source: 'The range (0 to 1) is used.',
      target: '使用范围（0到1。',
      findings: [{ messageId: 'unclosed' }],
    },
  ],
});
