// A run result built by hand, with what the pipeline may not produce on the fixtures (shared by the
// report tests: HTML in the browser, Markdown, exports).
import type { Finding, IdentifiedBlock, PairResult, RunResult } from '../../src/core/types.js';
import { emptySummary, summarize } from '../../src/pipeline/summarize.js';

function block(id: string, text: string, extra: Partial<IdentifiedBlock> = {}): IdentifiedBlock {
  const zh = /\p{Script=Han}/u.test(text);
  return {
    id, file: 'synthetic.jsonl', lines: [1, 1], raw: text, text, claimed: zh ? 'translation' : 'original',
    language: zh ? 'zh' : 'en', script: zh ? 'simplified' : 'none', role: zh ? 'translation' : 'original', hanRatio: zh ? 1 : 0, ...extra,
  };
}

/** A run with what the pipeline may not produce on the fixtures: rejected candidates, versions, fixes, suggestions, every verdict. */
export function syntheticRun(): RunResult {
  const zh = '我们提出了一种新的预先培训方法,效果很好。';
  const fix: Finding = {
    check: 'glossary', severity: 'major', category: 'terminology/inappropriate', side: 'target', sentence: 0, range: [9, 13], messageId: 'wrongRendering',
    data: {}, message: 'Unexpected `预先培训` for `pre-training`, expected `预训练`', actual: '预先培训', expected: '预训练', confidence: 0.9, origin: 'heuristic',
    docs: 'docs/checks/glossary.md', fix: { side: 'target', range: [9, 13], text: '预训练' },
  };
  const judge: Finding = {
    check: 'llm-judge', severity: 'minor', category: 'style/awkward', side: 'target', range: [17, 21], messageId: 'judge', data: {},
    message: 'Awkward phrasing', confidence: 0.6, origin: 'judge', docs: 'docs/checks/llm-judge.md', suggestion: '效果显著',
  };
  const omission: Finding = {
    check: 'omission', severity: 'major', category: 'accuracy/omission', side: 'source', sentence: 0, messageId: 'omitted', data: {},
    message: 'Unexpected omission of a source sentence', confidence: 0.8, origin: 'heuristic', docs: 'docs/checks/omission.md',
  };
  const original = block('0:0', 'We propose a new pre-training method that works well.', { recordId: '2101.00001v2' });
  const ref = (id: string, title: string) => ({ file: 'originals.jsonl', block: `9:${id}`, lines: [Number(id), Number(id)] as [number, number], id: `2101.0000${id}`, title });
  const base = (translation: IdentifiedBlock, verdict: PairResult['verdict'], findings: Finding[], paired: boolean): PairResult => ({
    pair: {
      id: translation.id, translation, original: paired ? original : null, status: paired ? 'paired' : 'unpaired', confidence: paired ? 0.93 : 0,
      evidence: {
        anchors: [], terms: paired ? ['方法→method'] : [], score: paired ? 0.8 : 0.31, margin: 0.2, candidates: 40,
        best: paired ? [] : [{ original: ref('3', 'A close but different paper'), score: 0.31 }],
        rejected: paired ? [] : [{ original: ref('4', 'Near miss'), score: 0.29, reason: 'its numbers 3.5% and 12 do not appear in the translation' }],
        versions: paired ? [ref('5', 'Same paper, version 1')] : [],
      },
    },
    sourceSentences: paired ? [{ text: original.text, start: 0, end: original.text.length }] : [],
    targetSentences: [{ text: translation.text, start: 0, end: translation.text.length }],
    beads: paired ? [{ en: [0], zh: [0], cost: 0 }] : [], findings, penalty: 0, score: paired ? 80 : 100, verdict, targetOnly: !paired,
  });
  const mismatched = base(block('0:5', '本文研究图神经网络的鲁棒性。', { lines: [5, 5] }), 'mismatched', [], false);
  mismatched.pair.status = 'mismatched';
  mismatched.pair.attached = block('0:6', 'We study protein folding with diffusion models.', { lines: [6, 6], recordId: 'attached-1' });
  const pairs = [
    mismatched,
    base(block('0:1', zh), 'review', [fix, judge, omission], true),
    base(block('0:2', '我们研究稀疏模型。', { lines: [2, 2] }), 'unpaired', [], false),
    base(block('0:3', '@user #标签 https://example.org', { lines: [3, 3] }), 'nothing-to-translate', [], false),
    base(block('0:4', '好。', { lines: [4, 4] }), 'too-short', [], false),
  ];
  const blocks = [original, ...pairs.map((p) => p.pair.translation)];
  const summary = summarize(blocks, pairs);
  return {
    schemaVersion: '1.0', tool: { name: 'transcheck', version: 'test' }, configHash: 'c', promptVersions: [], errors: [], timings: {}, limitations: [],
    files: [{ file: 'synthetic.jsonl', layout: 'jsonl', encoding: 'utf-8', blocks, dropped: [], notes: [], errors: [], pairs, duplicates: {}, summary }],
    summary: { ...emptySummary(), ...summary },
    terminology: [{ en: 'pre-training', renderings: [{ zh: '预先培训', translations: 1, accepted: false }, { zh: '预训练', translations: 3, accepted: true }], wrongTranslations: 1 }],
  };
}
