// Cases for the `untranslated` check.
import check from '../../src/checks/untranslated.js';
import type { Pair } from '../../src/core/types.js';
import { testCheck } from '../helpers/check-tester.js';

const english = 'We propose a new method for semi-supervised learning with few labels and show strong results.';
const pairWithRole = (role: 'translation' | 'untranslated'): Pair => ({
  id: '0:1',
  translation: { id: '0:1', file: 'f', lines: [1, 1], raw: english, text: english, claimed: 'translation', language: 'en', script: 'none', role, hanRatio: 0 },
  original: null,
  status: 'unpaired',
  confidence: 0,
  evidence: { anchors: [], terms: [], score: 0, margin: 0, candidates: 0, best: [] },
});

testCheck(check, {
  valid: [
    { name: 'a Chinese translation', source: english, target: '我们提出了一种用于少标签半监督学习的新方法，并展示了很好的结果。' },
    { name: 'Chinese with many acronyms', target: '我们在CIFAR-10、ImageNet和COCO上评估了ResNet-50和ViT-B/16模型。' },
    { name: 'a short Latin-only target is a name, not a sentence', target: 'BERT-base' },
    { name: 'target-only Chinese', target: '本文研究了图神经网络。' },
    // Nothing to translate, copied as it is: the verdict says `nothing-to-translate`, not a finding.
    { name: 'a handle and a link copied', source: '@user40 https://fedi.example.net/@user41/112130028394563476', target: '@user40 https://fedi.example.net/@user41/112130028394563476' },
    { name: 'code copied', source: '<div id=sec1></div>', target: '<div id=sec1></div>' },
    // A WMT24 segment rated 95/100: the address and the site's name stay in Latin letters, as they should.
    {
      name: 'a translation that keeps an address and a bare domain name',
      source: 'The Tierra del Sol Gallery is located at 7414 Santa Monica Blvd. For information, visit tierradelsolgallery.org.',
      target: 'Tierra del Sol画廊位于7414 Santa Monica Blvd。有关信息，请访问tierradelsolgallery.org。',
    },
    { name: 'a handle and an interjection copied', source: '@user47 noooooOOOOooOoOooooo 🤣', target: '@user47 noooooOOOOooOoOooooo 🤣', pair: pairWithRole('untranslated') },
  ],
  invalid: [
    {
      name: 'claimed translation that identify found English',
      target: english,
      pair: pairWithRole('untranslated'),
      findings: [{ messageId: 'claimedEnglish', side: 'target', range: [0, english.length], severity: 'critical' }],
    },
    {
      name: 'target equal to the source (spacing and case aside)',
      source: english,
      target: `  ${english.toUpperCase()} `,
      findings: [{ messageId: 'sameAsSource', severity: 'critical' }],
    },
    {
      name: 'English prose with a domain name and two Chinese words is still English',
      target: `${english} See example.org for the code. 翻译`,
      findings: [{ messageId: 'noChinese' }],
    },
    {
      name: 'target with almost no Han text',
      target: `${english} 翻译`,
      findings: [{ messageId: 'noChinese', data: { share: '3%' } }],
    },
  ],
});
