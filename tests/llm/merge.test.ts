// Merging judge findings into heuristic ones.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { mergeFindings } from '../../src/llm/merge.js';

const base = (over: Partial<Finding>): Finding => ({
  check: 'numbers',
  severity: 'major',
  category: 'accuracy/mistranslation',
  side: 'target',
  range: [10, 14],
  messageId: 'm',
  data: {},
  message: 'msg',
  confidence: 1,
  origin: 'heuristic',
  docs: 'docs/checks/numbers.md',
  ...over,
});

describe('mergeFindings', () => {
  it('folds a judge finding on an overlapping span with the same category into the heuristic one', () => {
    const judge = base({ check: 'llm-judge', origin: 'judge', severity: 'minor', range: [12, 20], note: 'wrong number', actual: '3.4%' });
    const merged = mergeFindings([base({})], [judge]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ origin: 'both', severity: 'major', check: 'numbers', note: 'LLM judge: wrong number' });
    expect(merged[0]?.data).toMatchObject({ judgeSeverity: 'minor', judgeSpan: '3.4%' });
  });
  it('keeps judge findings apart when the category, the side or the span differs', () => {
    const heuristic = [base({})];
    const judge = [
      base({ check: 'llm-judge', origin: 'judge', category: 'style/awkward' }),
      base({ check: 'llm-judge', origin: 'judge', range: [14, 18] }),
      base({ check: 'llm-judge', origin: 'judge', side: 'source' }),
      base({ check: 'llm-judge', origin: 'judge', range: undefined }),
    ];
    const merged = mergeFindings(heuristic, judge);
    expect(merged).toHaveLength(5);
    expect(merged.filter((f) => f.origin === 'both')).toHaveLength(0);
  });
  it('does not change its inputs', () => {
    const heuristic = [base({})];
    mergeFindings(heuristic, [base({ check: 'llm-judge', origin: 'judge' })]);
    expect(heuristic[0]?.origin).toBe('heuristic');
    expect(heuristic[0]?.data).toEqual({});
  });
});
