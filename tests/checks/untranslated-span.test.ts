// Cases for the `untranslated-span` check.
import check from '../../src/checks/untranslated-span.js';
import { testCheck } from '../helpers/check-tester.js';

const sentence = 'we show that the proposed method is robust to noise in the labels';
const phrase = 'in terms of the accuracy';
const withSentence = `本文提出了一种新方法。${sentence}。实验表明效果很好。`;
const withPhrase = `该方法${phrase}优于基线。`;

testCheck(check, {
  valid: [
    { name: 'acronyms, names and models are kept in English', target: '我们在CIFAR-10和ImageNet上用ResNet-50、BERT和GPT-4评估了Transformer。' },
    { name: 'a capitalized title', target: '论文《Attention Is All You Need》提出了Transformer。' },
    { name: 'URLs and LaTeX are masked', target: '代码见https://github.com/is-it/the-best-of-the-rest以及$f(x) = a + b$。' },
    { name: 'a short English term', target: '我们使用了 self-attention 和 layer norm 技术。' },
    {
      name: 'a wholly English block is one defect, reported by untranslated',
      source: `We show that ${sentence}.`,
      target: `In this paper ${sentence}. We also show that it is fast and that it scales to large data sets.`,
    },
  ],
  invalid: [
    {
      name: 'a whole English sentence left in the Chinese',
      target: withSentence,
      findings: [{ messageId: 'sentence', severity: 'major', range: [11, 11 + sentence.length], actual: sentence }],
    },
    {
      name: 'a shorter English phrase',
      target: withPhrase,
      findings: [{ messageId: 'phrase', severity: 'minor', range: [3, 3 + phrase.length] }],
    },
  ],
});
