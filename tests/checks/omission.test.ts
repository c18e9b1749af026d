// Cases for the `omission` check.
import check from '../../src/checks/omission.js';
import { testCheck } from '../helpers/check-tester.js';
import { aligned, EN, ZH } from './completeness-fixtures.js';

const dropSecond = ZH.replace('然而，它们需要大量标记数据进行训练。', '');
const second = 'However, they require large amounts of labeled data for training.';

testCheck(check, {
  valid: [
    aligned(EN, ZH, 'a faithful translation'),
    aligned(EN, ZH.replace('我们提出了一种新的半监督方法FooNet，', '我们提出了一种新的半监督方法FooNet。'), 'a sentence split in two'),
    aligned(EN, ZH.slice(0, ZH.indexOf('我们提出')), 'trailing sentences are truncated, not omission'),
    {
      name: 'an unmatched sentence whose own words are in a neighbour that is longer than its English needs',
      source: 'We study graphs with many nodes and edges. We also prove three theorems about their spectra and cuts.',
      target: '我们研究具有许多节点和边的图，并证明关于其谱和割的三个定理。',
      sourceSentences: [
        { text: 'We study graphs with many nodes and edges.', start: 0, end: 42 },
        { text: 'We also prove three theorems about their spectra and cuts.', start: 43, end: 101 },
      ],
      targetSentences: [{ text: '我们研究具有许多节点和边的图，并证明关于其谱和割的三个定理。', start: 0, end: 30 }],
      beads: [
        { en: [0], zh: [], cost: 6 },
        { en: [1], zh: [0], cost: -2 },
      ],
    },
    {
      name: 'a merged bead that translates both sentences',
      source: 'We study graphs with many nodes and edges. We also prove three theorems about their spectra and cuts.',
      target: '我们研究具有许多节点和边的图，并证明关于其谱和割的三个定理。',
      sourceSentences: [
        { text: 'We study graphs with many nodes and edges.', start: 0, end: 42 },
        { text: 'We also prove three theorems about their spectra and cuts.', start: 43, end: 101 },
      ],
      targetSentences: [{ text: '我们研究具有许多节点和边的图，并证明关于其谱和割的三个定理。', start: 0, end: 30 }],
      beads: [{ en: [0, 1], zh: [0], cost: 1 }],
    },
  ],
  invalid: [
    {
      ...aligned(EN, dropSecond, 'a dropped middle sentence'),
      findings: [{ messageId: 'sentence', side: 'source', sentence: 1, actual: '', expected: second, severity: 'major' }],
    },
    {
      name: 'a merged bead that covers too little',
      source: 'We study graphs with many nodes and edges. We also prove three theorems about their spectra and their cuts.',
      target: '我们研究图并证明定理。',
      sourceSentences: [
        { text: 'We study graphs with many nodes and edges.', start: 0, end: 42 },
        { text: 'We also prove three theorems about their spectra and their cuts.', start: 43, end: 107 },
      ],
      targetSentences: [{ text: '我们研究图并证明定理。', start: 0, end: 11 }],
      beads: [{ en: [0, 1], zh: [0], cost: 9 }],
      findings: [{ messageId: 'partial', severity: 'minor', range: [0, 107] }],
    },
    {
      name: 'a sentence hidden in a merged bead, none of its own words translated',
      source: 'We study graphs with many nodes and edges. We also prove three theorems about their spectra and their cuts.',
      target: '我们研究具有许多节点和边的图。',
      sourceSentences: [
        { text: 'We study graphs with many nodes and edges.', start: 0, end: 42 },
        { text: 'We also prove three theorems about their spectra and their cuts.', start: 43, end: 107 },
      ],
      targetSentences: [{ text: '我们研究具有许多节点和边的图。', start: 0, end: 15 }],
      beads: [{ en: [0, 1], zh: [0], cost: 3 }],
      findings: [{ messageId: 'mergedSentence', severity: 'major', sentence: 1, range: [43, 107] }],
    },
    {
      name: 'an unmatched sentence in a loose alignment (1-1 beads cost more than nothing) is minor',
      source: EN,
      target: dropSecond,
      sourceSentences: aligned(EN, dropSecond).sourceSentences,
      targetSentences: aligned(EN, dropSecond).targetSentences,
      beads: [
        { en: [0], zh: [0], cost: 1 },
        { en: [1], zh: [], cost: 7 },
        { en: [2], zh: [1], cost: 2 },
        { en: [3], zh: [2], cost: 1 },
      ],
      findings: [{ messageId: 'looseSentence', severity: 'minor', sentence: 1 }],
    },
    {
      name: 'a short unmatched sentence is minor',
      source: 'Results are good. We study graphs with many nodes and edges.',
      target: '我们研究具有许多节点和边的图。',
      sourceSentences: [
        { text: 'Results are good.', start: 0, end: 17 },
        { text: 'We study graphs with many nodes and edges.', start: 18, end: 60 },
      ],
      targetSentences: [{ text: '我们研究具有许多节点和边的图。', start: 0, end: 15 }],
      beads: [
        { en: [0], zh: [], cost: 5 },
        { en: [1], zh: [0], cost: 0 },
      ],
      findings: [{ messageId: 'shortSentence', severity: 'minor' }],
    },
  ],
});
