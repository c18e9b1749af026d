// The runner validates a check's fix like any report; mergeEdits and applyEdits build and apply fixes.
import { describe, expect, it } from 'vitest';
import { defineCheck } from '../../src/core/check.js';
import type { ReportDescriptor } from '../../src/core/check.js';
import { applyEdits, mergeEdits } from '../../src/core/fix.js';
import { resolveChecks, runChecks } from '../../src/core/runner.js';
import { caseInput } from '../helpers/check-tester.js';

/** A check that reports `坏` in the target with the fix a test gives. */
function withFix(fix: unknown) {
  return defineCheck({
    meta: {
      id: 'fixer',
      description: 'Reports 坏 with a fix',
      category: 'accuracy/mistranslation',
      scope: 'document',
      needs: 'target',
      defaultSeverity: 'minor',
      messages: { found: 'Unexpected `坏`, expected `好`' },
    },
    run(ctx) {
      ctx.report({ messageId: 'found', side: 'target', range: [2, 3], fix: fix as ReportDescriptor['fix'] });
    },
  });
}

async function run(fix: unknown) {
  return runChecks(resolveChecks([withFix(fix)]), caseInput({ target: '一个坏例子' }));
}

describe('the runner and fixes', () => {
  it('stamps a valid fix on the finding', async () => {
    const [f] = await run({ side: 'target', range: [2, 3], text: '好' });
    expect(f).toMatchObject({ check: 'fixer', fix: { side: 'target', range: [2, 3], text: '好' } });
  });

  it.each([
    ['a range past the text', { side: 'target', range: [2, 9], text: '好' }, 'outside the target text of length 5'],
    ['a reversed range', { side: 'target', range: [3, 2], text: '好' }, 'outside'],
    ['a side other than the report', { side: 'source', range: [0, 1], text: 'x' }, "differs from the report's side"],
    ['a side that is no text', { side: 'pair', range: [0, 1], text: 'x' }, 'is not `source` or `target`'],
    ['a fix that changes nothing', { side: 'target', range: [2, 3], text: '坏' }, 'changes nothing'],
    ['a text that is not a string', { side: 'target', range: [2, 3], text: 3 }, 'text is not a string'],
  ])('turns %s into check-failed', async (_, fix, detail) => {
    const findings = await run(fix);
    expect(findings.map((f) => f.check)).toEqual(['check-failed']);
    expect(findings[0]?.message).toContain('invalid `fix`');
    expect(findings[0]?.message).toContain(detail);
  });
});

describe('mergeEdits', () => {
  it('spans several edits with the text between them kept', () => {
    expect(mergeEdits('a,b,c', 'target', [{ range: [1, 2], text: '，' }, { range: [3, 4], text: '，' }])).toEqual({
      side: 'target',
      range: [1, 4],
      text: '，b，',
    });
  });
  it('drops edits that change nothing and returns undefined when none is left', () => {
    expect(mergeEdits('abc', 'target', [{ range: [1, 2], text: 'b' }])).toBeUndefined();
  });
  it('throws on overlapping edits', () => {
    expect(() => mergeEdits('abcd', 'target', [{ range: [0, 2], text: 'x' }, { range: [1, 3], text: 'y' }])).toThrow('overlapping');
  });
});

describe('applyEdits', () => {
  it('applies non-overlapping fixes from the end backwards and leaves overlapping and touching ones', () => {
    const fixes = [
      { range: [0, 1] as [number, number], text: 'A' },
      { range: [1, 2] as [number, number], text: 'B' }, // touches the first: left for a later pass
      { range: [3, 5] as [number, number], text: '' },
      { range: [4, 6] as [number, number], text: 'Z' }, // overlaps the third
      { range: [6, 6] as [number, number], text: '!' },
    ];
    const out = applyEdits('abcdefg', fixes);
    expect(out.text).toBe('Abcf!g');
    expect(out.applied.map((f) => f.text)).toEqual(['A', '', '!']);
    expect(out.skipped.map((f) => f.text)).toEqual(['B', 'Z']);
  });
});
