// Valid and invalid cases of the `numbers` check.
import numbers from '../../src/checks/numbers.js';
import { testCheck } from '../helpers/check-tester.js';
import { aligned } from './completeness-fixtures.js';

const twoSentences = {
  source: 'Accuracy rises by 3.5%. We use 12 layers.',
  sourceSentences: [
    { text: 'Accuracy rises by 3.5%.', start: 0, end: 23 },
    { text: 'We use 12 layers.', start: 24, end: 41 },
  ],
  beads: [
    { en: [0], zh: [0], cost: 0 },
    { en: [1], zh: [1], cost: 0 },
  ],
};

testCheck(numbers, {
  valid: [
    // arXiv dev 1703.00737, 1804.11251: the space of the source dropped, the number glued into the name.
    { name: 'a decimal glued into an identifier (IEEE 802.11 b/g → IEEE802.11b)', source: 'packet transmissions of IEEE 802.11 b/g with overlapping channels', target: '具有重叠信道的IEEE802.11b / g的分组传输' },
    { name: 'a number after its name and a spaced hyphen, glued in the target (SemEval- 2018 → SemEval-2018)', source: 'It participated in the SemEval- 2018 Task on attributes.', target: '它参加了SemEval-2018属性任务。' },
    { name: 'same numbers', source: 'We train on 10,000 images for 3.5 hours.', target: '我们在10000张图像上训练3.5小时。' },
    // WMT24 `refA` (speech): a newscast's time said as one number, written as hours and minutes.
    { name: 'a clock time said as one number', source: '603 right now on this Wednesday morning.', target: '现在是周三早上6点03分。' },
    // WMT24 (rated 90, no error marked): the number after an ellipsis is no decimal without its leading zero.
    { name: 'a number after an ellipsis', source: 'the "2000 M... 2500 M..." progression', target: '"2000米...2500米..."这样的进程' },
    { name: 'a clock time said as one number, written 6:03', source: '603 right now on this Wednesday morning.', target: '现在是周三上午6:03，我们正在关注。' },
    // WMT24 `refA` (literary): a small range rendered as "more than" its lower end.
    { name: 'a range as more than its lower end', source: 'an older movie, probably 10-12 years old.', target: '一部或许是十多年前的老电影。' },
    { name: 'escaped percent and full-width tilde', source: 'the success rate (~4.4\\%)', target: '成功率(〜4.4 \\%)' },
    { name: 'full-width digits', source: 'an accuracy of 95%', target: '准确率为９５％' },
    { name: 'multipliers', source: '0.8k dialogues and 3.5 million images, 4x faster', target: '0.8k次对话和350万张图像，快4倍' },
    { name: 'digit rendered as a Chinese numeral', source: 'We propose 3 modules.', target: '我们提出了三个模块。' },
    { name: 'a unit squared rendered 平方', source: 'The benchmark covers 712.5 $km^2$ of land and 400,000 buildings.', target: '该基准涵盖712.5平方公里的土地和40万栋建筑物。' },
    { name: 'zero-width spaces inside a number', source: 'the CoDraw dataset of ~10K dialogs', target: '由〜1\u200b\u200b0K对话组成的CoDraw数据集' },
    // WMT24 outputs rated 85-100 by their annotators, with no error marked:
    { name: 'per million rendered 每百万', source: 'It had the highest rate, at 2.53 per 1 million departures.', target: '其事故率最高，为每百万次起飞2.53次。' },
    { name: 'a metric with its order glued (BLEU@4 → BLEU4)', source: 'We reach 52.8% and 74.0% in terms of BLEU@4 and CIDEr-D.', target: 'BLEU4和CIDEr-D分别为52.8％和74.0％。' },
    { name: 'a model number glued to its name (MAX 9 → MAX9)', source: 'Most Boeing 737 MAX 9 jets were grounded.', target: '大部分波音737 MAX9客机被停飞。' },
    { name: 'a dimension written 6英寸x6英寸', source: 'It is a 6" x 6" canvas for painting.', target: '这是一块6英寸x6英寸的画布。' },
    { name: '100 % written 百分之百', source: 'It will be a 100 % solids epoxy coating.', target: '这将是一种百分之百固体的环氧涂层。' },
    { name: 'a rank with its ordinal (2nd Lt. → 少尉)', source: '"Wake them up," Koren turned to see 2nd Lt. Nemik walking over.', target: '“叫醒他们”科伦转过身，看到内米奇少尉走了过来。' },
    { name: '24/7 rendered as 随时', source: 'Be available 24/7 and reply fast.', target: '随时待命，快速回复。' },
    { name: 'large multipliers after a space', source: 'Businesses could lose 100m euros ($110m) a day.', target: '企业每天可能损失 1 亿欧元（合 1.1 亿美元）。' },
    { name: '24/7 rendered as 全天候', source: 'Surveillance cameras operate 24x7 and the service is available 24/7.', target: '监控摄像机全天候运行，服务全天候可用。' },
    { name: 'a European thousands point', source: 'a study based on about 3.000 judgments', target: '基于约3,000条判断的研究' },
    {
      // arXiv dev (Google Translate): 3D → 三维 beside the 5 of a game's name.
      name: 'a dimension written 三维 is rendered, not changed into a leftover digit',
      source: 'We address the segmentation of road objects from 3D point clouds, with data from the video game GTA-V.',
      target: '我们从三维点云中分割道路物体，数据来自视频游戏“侠盗猎车手5”（GTA-V）。',
    },
    {
      name: 'an ordinal written 第三 is rendered, not changed into a leftover digit elsewhere',
      source: 'The 3rd regiment took over the duty. It has guarded the tomb for 77 years.',
      target: '第三步兵团接管了这一职责。它已守卫陵墓77年，每周7天。',
    },
    {
      // WMT24 refA: the 4 of 4月 renders "April", not a changed 3 (the 3rd is 第三).
      name: 'a month name rendered as N月 is no leftover digit',
      source: 'In April 1948, soldiers of the 3rd U.S. Infantry Regiment took over the duty.',
      target: '1948年4月，美国第三步兵团的士兵接管了这一职责。',
    },
    // WMT24 (rated 96, no error marked): 10 years → 十年 in its own sentence; the 2015 two sentences later
    // is an added year, not the 10 changed.
    aligned(
      "We've been doing this now as a European alternative, the organization behind this for 10 years. So we have quite a bit of experience, and the event always takes place in a different city. The last time, two years ago, we were in Belgrade in a city outside of the European Union. This year, in 2017, we wanted to come to Madrid.",
      '我们已经做了十年了，作为欧洲的替代方案。所以我们有很多经验，这个活动总是在不同的城市举行。上次是在两年前，2015年，我们在欧盟之外的贝尔格莱德。今年，2017年，我们想来到马德里。',
      'a number written as its Chinese numeral in its own sentence is not paired with a digit of another',
    ),
    {
      // arXiv dev (Google Translate): 4 and 7 written 四 and 七, "one" written 1个 — the 1 is no changed 4.
      name: 'a digit that renders a number word of the source is no leftover for a changed number',
      source: 'We find a variability for 4 out of 7 sources, including one Narrow Line Seyfert 1 galaxy.',
      target: '我们在七个来源中的四个中发现了变化，包括1个窄线Seyfert 1星系。',
    },
    { name: 'spelled-out source number not required', source: 'a three-layer network with two heads', target: '一个3层网络，有2个头' },
    { name: 'extra target numerals allowed', source: 'ten runs', target: '10次运行' },
    { name: 'identifiers', source: 'GPT-4 beats ResNet-50 on COVID-19 data', target: 'GPT-4在COVID-19数据上胜过ResNet-50' },
    { name: 'ranges', source: '3-5 layers', target: '3至5层' },
    { name: 'target-only mode does nothing', source: null, target: '准确率为95%' },
    { name: 'decades', source: 'in the 1990s', target: '在20世纪90年代' },
    { name: 'names with digits kept, spelled differently', source: 'on CIFAR10 and VOT2015 with ResNet-101', target: '在CIFAR-10和VOT2015上使用resnet101' },
    { name: 'a name with digits translated away', source: 'T2-weighted images from ApproxMC2', target: '加权图像来自近似计数器' },
  ],
  invalid: [
    // WMT24 (rated 100, no error marked): a list item's number dropped is minor; a number inside the item is not.
    { name: 'a list number dropped', source: '2. HTML for section 7', target: '第7节的HTML', findings: [{ messageId: 'missingListNumber', severity: 'minor' }] },
    { name: 'a number inside a list item dropped', source: '2. HTML for section 7', target: '2. 某节的HTML', findings: [{ messageId: 'missing', severity: 'major' }] },
    { name: 'a clock time with other minutes', source: '603 right now on this Wednesday morning.', target: '现在是周三上午6:30。', findings: [{ messageId: 'changed', actual: '6' }] },
    { name: 'a range with its upper end dropped', source: 'It was probably 10-12 years old.', target: '它大概有十年了。', findings: [{ messageId: 'missing', severity: 'major' }] },
    {
      name: 'a model number glued to another name is still missing',
      source: 'Most Boeing 737 MAX 9 jets were grounded.',
      target: '大部分波音737 MAX8客机被停飞。',
      findings: [{ messageId: 'missing', expected: '9' }],
    },
    {
      name: 'per million written 每千 is a wrong number',
      source: 'It had the highest rate, at 2.53 per 1 million departures.',
      target: '其事故率最高，为每千次起飞2.53次。',
      findings: [{ messageId: 'missing', expected: '1 million' }],
    },
    {
      // arXiv dev (Google Translate): "trained 2 out of 3 neural nets" lost its 2.
      ...aligned(
        'Our approach ranks 2nd out of four teams. However, we trained 2 out of 3 networks on only part of the data.',
        '我们的方法在四个团队中排名第二。然而，我们仅在部分数据上训练了3个网络。',
        'an ordinal takes its 第二: the plain 2 of the next sentence is still missing',
      ),
      findings: [{ messageId: 'missing', expected: '2' }],
    },
    {
      // The checks benchmark's change-number corruption of arXiv 1611.06639.
      name: 'a changed digit beside the numeral (二维（0D）) does not hide behind it',
      source: 'On the other hand, applying two-dimensional (2D) pooling operation over the two dimensions may sample more meaningful features.',
      target: '另一方面，在二维上应用二维（0D）池操作可以采样更有意义的特征。',
      findings: [{ messageId: 'changed', actual: '0', expected: '2' }],
    },
    {
      name: 'a dimension rendered as another one: 3D → 二维 is a changed number',
      source: 'We address the segmentation of road objects from 3D point clouds, with data from the video game GTA-V.',
      target: '我们从二维点云中分割道路物体，数据来自视频游戏“侠盗猎车手5”（GTA-V）。',
      findings: [{ messageId: 'changed', actual: '5', expected: '3' }],
    },
    {
      name: 'without a month name in the source, N月 is a leftover digit: the 3 was changed',
      source: 'In 1948, soldiers of the 3rd U.S. Infantry Regiment took over the duty.',
      target: '1948年4月，美国步兵团的士兵接管了这一职责。',
      findings: [{ messageId: 'changed', actual: '4', expected: '3' }],
    },
    {
      name: '"may" the verb names no month',
      source: 'Results may vary over 3 runs.',
      target: '结果在5月的运行中可能不同。',
      findings: [{ messageId: 'changed', actual: '5', expected: '3' }],
    },
    {
      name: 'changed number',
      source: 'Accuracy rises by 3.5%.',
      target: '准确率提高了4.5%。',
      findings: [{ messageId: 'changed', side: 'target', range: [6, 10], actual: '4.5%', expected: '3.5%' }],
    },
    {
      name: 'missing number without beads points at the source',
      source: 'We use 12 layers and 3.5% dropout.',
      target: '我们使用十二层和一些丢弃。',
      sourceSentences: [],
      targetSentences: [],
      beads: [],
      findings: [{ messageId: 'missing', side: 'source', range: [21, 25], data: { number: '3.5%' } }],
    },
    {
      name: 'missing number points at the aligned target sentence',
      ...twoSentences,
      target: '准确率提高了3.5%。我们使用许多层。',
      targetSentences: [
        { text: '准确率提高了3.5%。', start: 0, end: 11 },
        { text: '我们使用许多层。', start: 11, end: 19 },
      ],
      findings: [{ messageId: 'missing', side: 'target', sentence: 1, range: [11, 19], expected: '12' }],
    },
    {
      name: 'a number inside a model name changed',
      source: 'We use the very deep ResNet-101 architecture.',
      target: '我们使用深度ResNet-103架构。',
      findings: [{ messageId: 'changedInName', side: 'target', range: [6, 16], actual: 'ResNet-103', expected: 'ResNet-101' }],
    },
    {
      name: 'one of two dataset names of the same shape changed',
      source: 'on the VOT2014 and VOT2015 benchmarks and Word2Vec',
      target: '在VOT2014和VOT2017基准以及Word7Vec上',
      findings: [
        { messageId: 'changedInName', actual: 'VOT2017', expected: 'VOT2015' },
        { messageId: 'changedInName', actual: 'Word7Vec', expected: 'Word2Vec' },
      ],
    },
    {
      name: 'a changed number before a unit is reported once, as a number',
      source: 'a 3D model',
      target: '一个2D模型',
      findings: [{ messageId: 'changed', actual: '2', expected: '3' }],
    },
    {
      name: 'a wrong multiplier',
      source: '100K candidate terms',
      target: '10K个候选术语',
      findings: [{ messageId: 'changed', actual: '10K', expected: '100K' }],
    },
  ],
});
