// Tests of the `script` check: traditional text, sentences and characters in simplified Chinese.
import { describe, expect, it } from 'vitest';
import script from '../../src/checks/script.js';
import type { Sentence } from '../../src/core/types.js';
import { runCase, testCheck } from '../helpers/check-tester.js';

function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const m of text.matchAll(/。/g)) {
    out.push({ text: text.slice(start, m.index + 1), start, end: m.index + 1 });
    start = m.index + 1;
  }
  if (start < text.length) out.push({ text: text.slice(start), start, end: text.length });
  return out;
}

const simp = '我们提出了一种新的深度学习方法。实验表明该方法显著提高了准确率。';
const tradSentence = '實驗表明該方法顯著提高了準確率。';
const mixed = `我们提出了一种新的深度学习方法。${tradSentence}代码已经公开。`;
const wholeTrad = '我們提出了一種新的深度學習方法。實驗表明該方法顯著提高了準確率。';

testCheck(script, {
  valid: [
    { name: 'simplified text', target: simp, targetSentences: sentences(simp) },
    { name: 'characters valid in simplified (著名, 乾隆, 后来)', target: '这位著名学者研究了乾隆年间的历史，后来发表了论文。' },
    { name: 'no Han text', target: 'BERT and GPT' },
    { name: '显著 as written, and 着 where it is its own word (接着名单, 接着作为)', target: '方法显著提高了精度。接着名单被更新，接着作为输入。' },
    { name: 'consistent traditional text under `any`', target: wholeTrad, targetSentences: sentences(wholeTrad), options: { expected: 'any' } },
    { name: 'consistent traditional text when traditional is expected', target: wholeTrad, targetSentences: sentences(wholeTrad), options: { expected: 'traditional' } },
  ],
  invalid: [
    {
      // arXiv dev (Google Translate): 1,003 of 6,978 translations write 显着.
      name: '显着 for 显著: once per text with its count, one fix for every occurrence',
      target: '该方法显着提高了精度，并显着降低了误差。',
      findings: [{ messageId: 'variantCharacter', severity: 'minor', range: [3, 5], data: { count: 2 }, fixed: '该方法显著提高了精度，并显著降低了误差。' }],
    },
    {
      name: 'a traditional sentence in a simplified text',
      target: mixed,
      targetSentences: sentences(mixed),
      findings: [
        {
          messageId: 'traditionalSentence',
          severity: 'major',
          sentence: 1,
          range: [16, 16 + tradSentence.length],
          actual: tradSentence,
          expected: '实验表明该方法显著提高了准确率。',
        },
      ],
    },
    {
      name: 'a wholly traditional text, reported once',
      target: wholeTrad,
      targetSentences: sentences(wholeTrad),
      findings: [{ messageId: 'traditionalText', severity: 'major', range: [0, wholeTrad.length] }],
    },
    {
      name: 'a single stray character is minor',
      target: '我们提出了一种新的深度学习方法，并在多个數据集上验证了它的有效性。',
      findings: [{ messageId: 'traditionalCharacter', severity: 'minor', actual: '數', expected: '数', range: [20, 21] }],
    },
    {
      name: 'simplified sentence in a traditional text',
      target: `${wholeTrad}这些们说过。`,
      targetSentences: sentences(`${wholeTrad}这些们说过。`),
      options: { expected: 'traditional' },
      findings: [{ messageId: 'simplifiedSentence', sentence: 2 }],
    },
    {
      name: 'a simplified text when traditional is expected',
      target: simp,
      targetSentences: sentences(simp),
      options: { expected: 'traditional' },
      findings: [{ messageId: 'simplifiedText', severity: 'major' }],
    },
  ],
});

describe('script without sentences', () => {
  it('treats the whole text as one sentence', async () => {
    const findings = await runCase(script, { target: tradSentence, targetSentences: [] });
    expect(findings.map((f) => f.messageId)).toEqual(['traditionalText']);
  });
});

// Fixes: traditional characters replaced by what the phrase-aware conversion gives, only them.
testCheck(script, {
  valid: [],
  invalid: [
    {
      name: 'fix: a traditional sentence',
      target: mixed,
      targetSentences: sentences(mixed),
      findings: [{ messageId: 'traditionalSentence', fixed: `${simp}代码已经公开。` }],
    },
    { name: 'fix: a wholly traditional text', target: wholeTrad, targetSentences: sentences(wholeTrad), findings: [{ messageId: 'traditionalText', fixed: simp }] },
    {
      name: 'fix: a single stray character',
      target: '我们提出了一种新的深度学习方法，并在多个數据集上验证了它的有效性。',
      findings: [{ messageId: 'traditionalCharacter', fixed: '我们提出了一种新的深度学习方法，并在多个数据集上验证了它的有效性。' }],
    },
  ],
});
