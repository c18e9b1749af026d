// Cases for the `length-ratio` check.
import check from '../../src/checks/length-ratio.js';
import { testCheck } from '../helpers/check-tester.js';
import { EN, ZH } from './completeness-fixtures.js';

const half = ZH.slice(0, ZH.indexOf('我们提出'));
const doubled = ZH + ZH.replace(/。/gu, '，并且这一点非常重要。');

testCheck(check, {
  valid: [
    { name: 'a faithful translation', source: EN, target: ZH },
    { name: 'a short source is not judged', source: 'We study graphs.', target: '本文对图这一类数学结构进行了非常深入而广泛的研究。' },
    { name: 'no Chinese at all is the untranslated check’s case', source: EN, target: 'FooNet' },
  ],
  invalid: [
    {
      name: 'about half the expected length',
      source: EN,
      target: half,
      findings: [{ messageId: 'tooShort', side: 'pair', severity: 'major' }],
    },
    { name: 'far too long', source: EN, target: doubled, findings: [{ messageId: 'tooLong', severity: 'major' }] },
    {
      // WMT24 refA (social), rated error-free: one short sentence translated freely.
      name: 'a source under 40 words gets at most a minor finding',
      source: 'While this was being told to me, I made a decision to get another pair, and that pair are these.',
      target: '听别人介绍后，我决定再买一副，就是这副。',
      findings: [{ messageId: 'shortish', severity: 'minor' }],
    },
    {
      name: 'off by less than the major factor is minor',
      source: EN,
      target: ZH.slice(0, Math.round(ZH.length * 0.45)),
      findings: [{ messageId: 'shortish', severity: 'minor' }],
    },
  ],
});
