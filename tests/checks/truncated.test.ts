// Cases for the `truncated` check.
import check from '../../src/checks/truncated.js';
import { testCheck } from '../helpers/check-tester.js';
import { aligned, EN, ZH } from './completeness-fixtures.js';

const firstTwo = ZH.slice(0, ZH.indexOf('我们提出'));
const midClause = ZH.slice(0, ZH.indexOf('每类使用'));

testCheck(check, {
  valid: [
    aligned(EN, ZH, 'a complete translation'),
    aligned(`${EN.slice(0, -1)}`, ZH.slice(0, -1), 'neither side ends with a stop'),
    { name: 'target-only, ends with a stop', target: ZH },
    { name: 'a link announced and given', target: '代码可在以下网址获得：https://github.com/a/b。' },
  ],
  invalid: [
    {
      ...aligned(EN, firstTwo, 'the last two sentences are missing'),
      findings: [{ messageId: 'lastUnaligned', side: 'source', sentence: 2, data: { count: 2 }, severity: 'major' }],
    },
    {
      ...aligned('We propose a method. It works.', '我们提出了一种方法，它', 'ends mid-clause while the source ends a sentence'),
      findings: [{ messageId: 'midClause', side: 'target' }],
    },
    { name: 'target-only, ends on a comma', target: midClause, findings: [{ messageId: 'midClause', actual: midClause.slice(-12) }] },
    {
      name: 'a link announced but lost',
      target: '本文提出了一种方法。代码可在以下网址获得。',
      findings: [{ messageId: 'urlLost', data: { pointer: '以下网址' }, range: [14, 18] }],
    },
  ],
});
