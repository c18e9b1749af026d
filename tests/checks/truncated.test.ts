// Cases for the `truncated` check.
import check from '../../src/checks/truncated.js';
import { testCheck } from '../helpers/check-tester.js';
import { aligned, EN, ZH } from './completeness-fixtures.js';

const firstTwo = ZH.slice(0, ZH.indexOf('我们提出'));
const midClause = ZH.slice(0, ZH.indexOf('每类使用'));

testCheck(check, {
  valid: [
    // arXiv dev 1611.00068, 1608.08738, 1807.11857: arXiv's "this https URL" placeholder, or the link with a full-width colon.
    { name: "arXiv's link placeholder rendered at the end (…获得：https：)", source: 'The data used in this work are available at: this https URL', target: '本工作中使用的数据可在以下网址获得：https：' },
    { name: "arXiv's link placeholder kept after a link announcement", source: 'The code is available at: this https URL', target: '代码可在以下网址获得：https URL' },
    { name: 'a link with a full-width colon after its announcement', source: 'Dataset and models are available at: https://ivi.fnwi.uva.nl/cv/intrinseg', target: '数据集和模型可从以下网址获得：https：//ivi.fnwi.uva.nl/cv/intrinseg' },
    // WMT24 (rated 96 and 100): a source of a few words says too little by its length.
    { name: 'a short source translated without a final stop', source: '3. HTML for section 1, 2, 3, etc.', target: '第1、2、3等节的HTML' },
    aligned(EN, ZH, 'a complete translation'),
    aligned(`${EN.slice(0, -1)}`, ZH.slice(0, -1), 'neither side ends with a stop'),
    { name: 'target-only, ends with a stop', target: ZH },
    { name: 'a link announced and given', target: '代码可在以下网址获得：https://github.com/a/b。' },
    aligned(EN, ZH.slice(0, -1), 'only the final stop is missing (the Chinese is as long as the source needs)'),
    // WMT24 (news): the source segment itself stops after an opening quote; the translations mirror it.
    aligned(
      'Last year, a court ruled that the SEC erred in its refusal, calling the SEC\'s position "',
      '去年，法院裁定美国证监会的拒绝是错误的，称证监会的立场是“',
      'the source ends with an opened quotation',
    ),
    {
      name: 'a last sentence the aligner left unmatched, its own words translated in the Chinese',
      source: 'Ok, so during the day I hung up the new nesting box. This is what it looks like in its new place in the garden.',
      target: '好了，我白天挂上了新的巢箱。这是挂在花园里的样子。',
      sourceSentences: [
        { text: 'Ok, so during the day I hung up the new nesting box.', start: 0, end: 52 },
        { text: 'This is what it looks like in its new place in the garden.', start: 53, end: 111 },
      ],
      targetSentences: [
        { text: '好了，我白天挂上了新的巢箱。', start: 0, end: 14 },
        { text: '这是挂在花园里的样子。', start: 14, end: 25 },
      ],
      beads: [
        { en: [0], zh: [0, 1], cost: 3 },
        { en: [1], zh: [], cost: 6 },
      ],
    },
  ],
  invalid: [
    {
      ...aligned(EN, firstTwo, 'the last two sentences are missing'),
      findings: [{ messageId: 'lastUnaligned', side: 'source', sentence: 2, data: { count: 2 }, severity: 'major' }],
    },
    {
      ...aligned(
        'We propose a new method for sparse graphs. It works well on large benchmarks.',
        '我们提出了一种用于稀疏图的新方法，它在大型',
        'ends short and unpunctuated while the source ends a sentence',
      ),
      findings: [{ messageId: 'midClause', side: 'target' }],
    },
    { name: 'target-only, ends on a comma', target: midClause, findings: [{ messageId: 'midClause', actual: midClause.slice(-12) }] },
    // WMT24 `refA` (social): the whole sentence is there, with a comma for its stop.
    {
      ...aligned("In case you're interested in the challenge ahead I face.", '如果有兴趣了解我所面临的挑战，', 'a comma for the final stop after a complete translation'),
      findings: [{ messageId: 'stopAsComma', severity: 'minor', actual: '，', expected: '。' }],
    },
    {
      ...aligned(
        'We propose a new method for sparse graphs. It works well on large benchmarks and on small ones, in seconds.',
        '我们提出了一种用于稀疏图的新方法。它在大型基准上，',
        'a comma after a last sentence that lost its words is still a cut',
      ),
      findings: [{ messageId: 'midClause', severity: 'major' }],
    },
    {
      name: 'a link announced but lost',
      target: '本文提出了一种方法。代码可在以下网址获得。',
      findings: [{ messageId: 'urlLost', data: { pointer: '以下网址' }, range: [14, 18] }],
    },
  ],
});
