// Valid and invalid cases of the `term-consistency` check.
import termConsistency from '../../src/checks/term-consistency.js';
import { testCheck } from '../helpers/check-tester.js';

testCheck(termConsistency, {
  valid: [
    { name: 'one rendering throughout', target: '对话策略很重要。我们学习对话策略。' },
    { name: 'a wrong rendering alone is the glossary check\'s business', target: '我们学习对话政策。' },
    { name: 'ambiguous renderings need the source', target: '强化学习的政策评估与策略评估。' },
    { name: 'dialogue beside a dialogue framework', target: '对话系统的对话框架。' },
    {
      name: 'an ambiguous rendering that another word of the sentence explains (强大 for "powerful" beside robust → 稳健)',
      source: 'Deep neural networks with reinforcement learning form a robust selection between a powerful feature extractor and a classifier.',
      target: '具有强化学习的深度神经网络在强大的特征提取器和分类器之间形成稳健的选择。',
    },
  ],
  invalid: [
    {
      name: 'seed: 对话策略 beside 对话政策',
      target: '基于RL的对话策略的制定。基于RL的对话政策学习。',
      findings: [
        { messageId: 'inconsistentRendering', range: [18, 22], actual: '对话政策', expected: '对话策略', severity: 'minor' },
        { messageId: 'otherRendering', range: [5, 9], actual: '对话策略', severity: 'info' },
      ],
    },
    {
      name: '加强学习 beside 强化学习',
      target: '强化学习很流行。加强学习(RL)通常被选为学习方法。',
      findings: [
        { messageId: 'inconsistentRendering', actual: '加强学习', data: { term: 'reinforcement learning', other: '强化学习' } },
        { messageId: 'otherRendering', actual: '强化学习' },
      ],
    },
    {
      name: 'an ambiguous rendering that no other word of the sentence explains (强大 for robust beside 稳健)',
      source: 'Deep neural networks with reinforcement learning learn robust features. The robust model is slow.',
      target: '具有强化学习的深度神经网络学习强大的特征。稳健的模型很慢。',
      findings: [
        { messageId: 'inconsistentRendering', actual: '强大' },
        { messageId: 'otherRendering', actual: '稳健' },
      ],
    },
    {
      name: 'ambiguous rendering counts with the term in an ML source',
      source: 'Training deep neural networks with reinforcement learning; training is slow.',
      target: '用强化学习培训深度神经网络;训练很慢。',
      findings: [
        { messageId: 'inconsistentRendering', actual: '培训' },
        { messageId: 'otherRendering', actual: '训练' },
      ],
    },
  ],
});
