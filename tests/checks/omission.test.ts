// Cases for the `omission` check.
import check from '../../src/checks/omission.js';
import { testCheck } from '../helpers/check-tester.js';
import { aligned, EN, ZH } from './completeness-fixtures.js';

const dropSecond = ZH.replace('然而，它们需要大量标记数据进行训练。', '');
const second = 'However, they require large amounts of labeled data for training.';

// arXiv 1705.03986 with its Google Translate Chinese: every sentence is translated, but the aligner puts
// the sixth English sentence in a 1-0 bead and gives its Chinese to the seventh (1-2), and the Chinese is
// shorter than the length test expects.
const SHIFTED_EN =
  'This paper is concerned with recovery of motion and structure parameters from multiframes under orthogonal projection when only points are traced. The main question is how many points and/or how many frames are necessary for the task. It is demonstrated that 3 frames and 3 points are the absolute minimum. Closed-form solution is presented. Furthermore, it is shown that the task may be linearized if either four points or four frames are available. It is demonstrated that no increase in the number of points may lead to recovery of structure and motion parameters from two frames only. It is shown that instead the increase in the number of points may support the task of tracing the points from frame to frame.';
const SHIFTED_ZH =
  '本文关注的是仅仅追踪点时正交投影下多帧复原运动和结构参数。主要问题是该任务需要多少点和/或多少帧。证明了3帧和3点是绝对最小值。介绍封闭式解决方案。此外，显示如果四点或四帧可用，则任务可以线性化。已经证明，点数的增加不会导致仅从两帧恢复结构和运动参数。结果表明，相反，增加点数可以支持逐帧追踪点的任务。';

testCheck(check, {
  valid: [
    {
      // WMT24 (GPT-4, rated 92 with no error marked): the sentence is the second Chinese sentence of the bead before.
      name: 'a sentence translated in a neighbour with an extra Chinese sentence, a third of its own words there',
      source: "I like to wear gloves just because stainless edges are usually pretty sharp, like a razor, so you don't want to cut yourself up while you're trying to straighten it. I like to use the table as a dolly a lot of the time. They do also offer specialty trim or jeweler's hammers is what they're sometimes called.",
      target: "我喜欢戴手套，因为不锈钢边缘通常非常锐利，像剃须刀一样，所以你在试图弄直它的时候不想割伤自己。我喜欢用桌子作为模具。他们也提供专业的修边或珠宝锤，这就是他们有时被称为的。",
      sourceSentences: [
        { text: "I like to wear gloves just because stainless edges are usually pretty sharp, like a razor, so you don't want to cut yourself up while you're trying to straighten it.", start: 0, end: 165 },
        { text: "I like to use the table as a dolly a lot of the time.", start: 166, end: 219 },
        { text: "They do also offer specialty trim or jeweler's hammers is what they're sometimes called.", start: 220, end: 308 },
      ],
      targetSentences: [
        { text: "我喜欢戴手套，因为不锈钢边缘通常非常锐利，像剃须刀一样，所以你在试图弄直它的时候不想割伤自己。", start: 0, end: 47 },
        { text: "我喜欢用桌子作为模具。", start: 47, end: 58 },
        { text: "他们也提供专业的修边或珠宝锤，这就是他们有时被称为的。", start: 58, end: 85 },
      ],
      beads: [
        { en: [0], zh: [0, 1], cost: 0 },
        { en: [1], zh: [], cost: 5 },
        { en: [2], zh: [2], cost: 0 },
      ],
    },
    {
      // WMT24 literary (five systems, rated 76-100 with no error marked): the line of dialogue joined to the sentence
      // that introduces it.
      name: 'a line of dialogue in the quotation of the neighbouring Chinese',
      source: 'I hold a relatively slow pace as I approach the door, giving a small holler to Dad. “I’ll be heading out for a bit, dinner is in the fridge.” No response.',
      target: '我缓慢地朝门口走去，向爸爸喊了一声，“我要出去一会儿，晚餐在冰箱里。”没有回应。',
      sourceSentences: [
        { text: 'I hold a relatively slow pace as I approach the door, giving a small holler to Dad.', start: 0, end: 83 },
        { text: '“I’ll be heading out for a bit, dinner is in the fridge.”', start: 84, end: 141 },
        { text: 'No response.', start: 142, end: 154 },
      ],
      targetSentences: [
        { text: '我缓慢地朝门口走去，向爸爸喊了一声，“我要出去一会儿，晚餐在冰箱里。”', start: 0, end: 35 },
        { text: '没有回应。', start: 35, end: 40 },
      ],
      beads: [
        { en: [0], zh: [0], cost: 0 },
        { en: [1], zh: [], cost: 5 },
        { en: [2], zh: [1], cost: 0 },
      ],
    },
    {
      // WMT24: the list number cut off as a sentence of its own is the numbers check's (missingListNumber).
      name: "a list item's number as a sentence of its own",
      source: '3. HTML for section 1, 2, 3, etc.',
      target: '第1、2、3等节的HTML',
      sourceSentences: [
        { text: '3.', start: 0, end: 2 },
        { text: 'HTML for section 1, 2, 3, etc.', start: 3, end: 33 },
      ],
      targetSentences: [{ text: '第1、2、3等节的HTML', start: 0, end: 13 }],
      beads: [
        { en: [0], zh: [], cost: 5 },
        { en: [1], zh: [0], cost: -8 },
      ],
    },
    aligned(EN, ZH, 'a faithful translation'),
    aligned(SHIFTED_EN, SHIFTED_ZH, 'a 1-0 bead beside a 1-2 bead that holds its translation (real Google Translate output)'),
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
      // arXiv 1609.04167 (Google Translate): the venue sentence is the tail of the first Chinese sentence,
      // which is no longer than the first English sentence needs.
      name: 'an unmatched sentence whose own words are nearly all in a compact neighbour',
      source:
        'The third edition of the workshop took place in Aalborg, the 4th largest city in Denmark, from the 24th to 26th of August 2016. The workshop venue was at the Aalborg University campus. It fosters collaboration.',
      target: '第三届研讨会于2016年8月24日至26日在丹麦第四大城市奥尔堡举行，研讨会地点在奥尔堡大学校园。它促进合作。',
      sourceSentences: [
        { text: 'The third edition of the workshop took place in Aalborg, the 4th largest city in Denmark, from the 24th to 26th of August 2016.', start: 0, end: 127 },
        { text: 'The workshop venue was at the Aalborg University campus.', start: 128, end: 184 },
        { text: 'It fosters collaboration.', start: 185, end: 210 },
      ],
      targetSentences: [
        { text: '第三届研讨会于2016年8月24日至26日在丹麦第四大城市奥尔堡举行，研讨会地点在奥尔堡大学校园。', start: 0, end: 49 },
        { text: '它促进合作。', start: 49, end: 55 },
      ],
      beads: [
        { en: [0], zh: [0], cost: 0.3 },
        { en: [1], zh: [], cost: 6 },
        { en: [2], zh: [1], cost: -2 },
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
