// Cases for the `duplicate` check.
import check from '../../src/checks/duplicate.js';
import { caseInput, runCase, testCheck } from '../helpers/check-tester.js';
import { describe, expect, it } from 'vitest';
import { resolveChecks, runChecks } from '../../src/core/runner.js';

testCheck(check, {
  valid: [{ name: 'no duplicates known', target: '本文研究了图神经网络。' }],
  invalid: [],
});

describe('duplicate with locations', () => {
  it('reports once, as info, listing every other location', async () => {
    const input = caseInput({ target: '本文研究了图神经网络。' });
    input.duplicates = [
      { file: 'a.txt', block: '1:0', lines: [3, 3] },
      { file: 'b.txt', block: '2:4', lines: [10, 12] },
    ];
    const findings = await runChecks(resolveChecks([check]), input);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'info', messageId: 'duplicate', data: { count: 2, locations: 'a.txt:3-3, b.txt:10-12' } });
    expect(await runCase(check, { target: 'x' })).toEqual([]);
  });
});
