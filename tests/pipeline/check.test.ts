// The check stage: splitting, alignment, running checks and scoring one pair or raw texts.
import { describe, expect, it } from 'vitest';
import { defineCheck } from '../../src/core/check.js';
import { resolveChecks } from '../../src/core/runner.js';
import { checkTexts } from '../../src/pipeline/check.js';

const counter = defineCheck({
  meta: {
    id: 'sentence-counter', description: 'test', category: 'other', scope: 'document', needs: 'pair',
    defaultSeverity: 'major', messages: { beads: 'Saw {{n}} beads' },
  },
  run(ctx) {
    ctx.report({ messageId: 'beads', data: { n: ctx.beads.length }, side: 'pair' });
  },
});
const thrower = defineCheck({
  meta: { id: 'thrower', description: 'test', category: 'other', scope: 'document', needs: 'target', defaultSeverity: 'minor', messages: {} },
  run() {
    throw new Error('boom');
  },
});

describe('checkTexts', () => {
  const en = 'We propose a method. It works well on 3 datasets.';
  const zh = '我们提出了一种方法。它在3个数据集上效果很好。';
  it('splits, aligns, runs the checks and scores', async () => {
    const r = await checkTexts(en, zh, { checks: resolveChecks([counter]) });
    expect(r.sourceSentences).toHaveLength(2);
    expect(r.targetSentences).toHaveLength(2);
    expect(r.beads).toHaveLength(2);
    expect(r.findings.map((f) => f.message)).toEqual(['Saw 2 beads']);
    // One major (5 points) on 10 source words: penalty 50; a major finding means review (score 50
    // is not under the default badBelow of 50).
    expect(r.score).toBe(50);
    expect(r.verdict).toBe('review');
    expect(r.targetOnly).toBe(false);
  });
  it('skips pair checks in target-only mode and turns a throwing check into check-failed', async () => {
    const r = await checkTexts(null, zh, { checks: resolveChecks([counter, thrower]) });
    expect(r.targetOnly).toBe(true);
    expect(r.beads).toEqual([]);
    expect(r.findings.map((f) => f.check)).toEqual(['check-failed']);
    expect(r.verdict).toBe('unpaired');
  });
});
