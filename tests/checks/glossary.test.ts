// Valid and invalid cases of the `glossary` check: with a source (Xbench's rule) and target-only.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import glossary from '../../src/checks/glossary.js';
import { testCheck } from '../helpers/check-tester.js';

const dir = mkdtempSync(join(tmpdir(), 'transcheck-glossary-check-'));
const userTsv = join(dir, 'user.tsv');
writeFileSync(userTsv, 'widget frobnication\t小部件弗罗布\t小工具搅拌\n');

const seed = '无源域的适应(SFDA)旨在将预先培训的源模型调整到未标记的目标域。';

testCheck(glossary, {
  valid: [
    { name: 'accepted rendering present', source: 'We use a pre-trained model.', target: '我们使用预训练模型。' },
    { name: 'term kept in English', source: 'A Transformer encoder.', target: '一个Transformer编码器。' },
    { name: 'target-only, correct terms', target: '我们提出了一种基于强化学习的对话策略,使用深度神经网络。' },
    { name: 'target-only: ambiguous renderings are not reported', target: '这让读者感到困惑,政策评估也很重要。' },
    { name: 'dialog box in the source makes 对话框 right', source: 'Click the dialog box.', target: '点击对话框。' },
    { name: 'excluded context', target: '许多转换和对话框架被提出。' },
    {
      name: 'per aligned sentence: the term is looked for where it is translated',
      source: 'We use pre-trained models. We study the data.',
      target: '我们研究数据。我们使用预训练模型。',
      sourceSentences: [
        { text: 'We use pre-trained models.', start: 0, end: 26 },
        { text: 'We study the data.', start: 27, end: 45 },
      ],
      targetSentences: [
        { text: '我们研究数据。', start: 0, end: 7 },
        { text: '我们使用预训练模型。', start: 7, end: 17 },
      ],
      beads: [
        { en: [0], zh: [1], cost: 0 },
        { en: [1], zh: [0], cost: 0 },
      ],
    },
  ],
  invalid: [
    {
      name: 'seed: 预先培训 without a source',
      target: seed,
      findings: [{ messageId: 'wrongRendering', side: 'target', range: [15, 19], actual: '预先培训', expected: '预训练', severity: 'major' }],
    },
    {
      name: 'seeds: several wrong renderings without a source',
      target: '模型不可替代的方法,深神经网络,对话框,判别员和多转对话。',
      findings: [
        { messageId: 'wrongRendering', actual: '模型不可替代' },
        { messageId: 'wrongRendering', actual: '深神经网络' },
        { messageId: 'wrongRendering', actual: '对话框' },
        { messageId: 'wrongRendering', actual: '判别员' },
        { messageId: 'wrongRendering', actual: '多转' },
      ],
    },
    {
      name: 'source term with a known wrong rendering',
      source: 'We fine-tune a pretrained language model with reinforcement learning.',
      target: '我们用加强学习微调预训练的语言模型。',
      findings: [
        {
          messageId: 'wrongRendering',
          side: 'target',
          range: [3, 7],
          data: { actual: '加强学习', term: 'reinforcement learning' },
          severity: 'major',
        },
      ],
    },
    {
      name: 'ambiguous rendering in an ML text with the term in the source',
      source: 'Training deep neural networks with reinforcement learning and a language model.',
      target: '用强化学习和语言模型培训深度神经网络。',
      findings: [{ messageId: 'wrongRendering', actual: '培训', expected: '训练' }],
    },
    {
      name: 'ambiguous rendering outside an ML text: no major finding, only the info on the term',
      source: 'The training of nurses improved.',
      target: '护士的培训得到了改善。',
      findings: [{ messageId: 'missingRendering', side: 'source', actual: 'training', severity: 'info' }],
    },
    {
      name: 'no accepted rendering, no known wrong one: info on the source term',
      source: 'We report perplexity.',
      target: '我们报告了结果。',
      findings: [{ messageId: 'missingRendering', side: 'source', range: [10, 20], severity: 'info' }],
    },
    {
      name: 'user glossary from options',
      source: 'A widget frobnication.',
      target: '一个小工具搅拌。',
      options: { files: [userTsv] },
      findings: [{ messageId: 'wrongRendering', actual: '小工具搅拌', expected: '小部件弗罗布' }],
    },
  ],
});

// Fixes: the wrong rendering's own range replaced by the rendering the text already uses, else the preferred one.
testCheck(glossary, {
  valid: [],
  invalid: [
    { name: 'fix: the preferred rendering', target: seed, findings: [{ messageId: 'wrongRendering', fixed: seed.replace('预先培训', '预训练') }] },
    {
      name: 'fix: the accepted rendering the text already uses',
      target: '深层神经网络很强,深神经网络也是。',
      findings: [{ messageId: 'wrongRendering', actual: '深神经网络', fixed: '深层神经网络很强,深层神经网络也是。' }],
    },
    {
      name: 'no fix when the text uses several accepted renderings',
      target: '深层神经网络和深度神经网络,深神经网络。',
      findings: [{ messageId: 'wrongRendering', actual: '深神经网络', fixed: null }],
    },
    {
      name: 'no fix for an ambiguous rendering',
      source: 'Training deep neural networks with reinforcement learning and a language model.',
      target: '用强化学习和语言模型培训深度神经网络。',
      findings: [{ messageId: 'wrongRendering', actual: '培训', fixed: null }],
    },
  ],
});
