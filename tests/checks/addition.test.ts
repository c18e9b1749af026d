// Cases for the `addition` check.
import check from '../../src/checks/addition.js';
import { testCheck } from '../helpers/check-tester.js';
import { aligned, EN, ZH } from './completeness-fixtures.js';

const added = '此外，作者还在多个真实世界的大规模工业数据集上进行了长期部署，并获得了用户的广泛好评和认可。';

testCheck(check, {
  valid: [aligned(EN, ZH, 'a faithful translation')],
  invalid: [
    {
      ...aligned(EN, ZH.replace('我们提出', `${added}我们提出`), 'an added sentence'),
      findings: [{ messageId: 'sentence', side: 'target', sentence: 2, actual: added, severity: 'major' }],
    },
    {
      name: 'a short added sentence is minor',
      source: 'We study graphs.',
      target: '我们研究图。这很有趣味性。',
      sourceSentences: [{ text: 'We study graphs.', start: 0, end: 16 }],
      targetSentences: [
        { text: '我们研究图。', start: 0, end: 6 },
        { text: '这很有趣味性。', start: 6, end: 13 },
      ],
      beads: [
        { en: [0], zh: [0], cost: 0 },
        { en: [], zh: [1], cost: 5 },
      ],
      findings: [{ messageId: 'shortSentence', severity: 'minor', range: [6, 13] }],
    },
  ],
});
