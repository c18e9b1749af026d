import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCheck } from '../../src/core/check.js';
import { placeholders, renderMessage, resolveChecks, runChecks } from '../../src/core/runner.js';
import { caseInput } from '../helpers/check-tester.js';

const sample = defineCheck<{ word: string }>({
  meta: {
    id: 'sample',
    description: 'Reports a word in the target',
    category: 'accuracy/mistranslation',
    scope: 'document',
    needs: 'target',
    defaultSeverity: 'minor',
    severities: { grave: 'critical' },
    messages: { found: 'Unexpected `{{word}}`, expected nothing', grave: 'Grave `{{word}}`' },
    options: z.object({ word: z.string().default('坏') }),
  },
  run(ctx) {
    const at = ctx.target.indexOf(ctx.options.word);
    if (at >= 0) ctx.report({ messageId: 'found', data: { word: ctx.options.word }, side: 'target', range: [at, at + ctx.options.word.length] });
  },
});

const needsPair = defineCheck({
  meta: { ...sample.meta, id: 'needs-pair', needs: 'pair', options: undefined },
  run(ctx) {
    ctx.report({ messageId: 'grave', data: { word: 'x' }, side: 'source' });
  },
});

describe('renderMessage', () => {
  it('fills placeholders and lists them', () => {
    expect(renderMessage('a {{x}} b {{ y }}', { x: 1, y: 'z' }, () => { throw new Error('missing'); })).toBe('a 1 b z');
    expect(placeholders('{{a}} {{b}}')).toEqual(['a', 'b']);
  });
  it('refuses a missing value', () => {
    expect(() => renderMessage('{{x}}', {}, (n) => { throw new Error(`missing ${n}`); })).toThrow('missing x');
  });
});

describe('runChecks', () => {
  it('stamps id, default severity, category and docs', async () => {
    const findings = await runChecks(resolveChecks([sample]), caseInput({ target: '一个坏例子' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      check: 'sample',
      severity: 'minor',
      category: 'accuracy/mistranslation',
      range: [2, 3],
      message: 'Unexpected `坏`, expected nothing',
      docs: 'docs/checks/sample.md',
      origin: 'heuristic',
    });
  });

  it('takes severity and options from configuration, and drops checks set off', async () => {
    const resolved = resolveChecks([sample], { sample: ['major', { word: '例' }] });
    const findings = await runChecks(resolved, caseInput({ target: '一个坏例子' }));
    expect(findings[0]).toMatchObject({ severity: 'major', range: [3, 4] });
    expect(resolveChecks([sample], { sample: 'off' })).toHaveLength(0);
  });

  it('uses per-message default severities', async () => {
    const findings = await runChecks(resolveChecks([needsPair]), caseInput({ source: 'x', target: '一' }));
    expect(findings[0]?.severity).toBe('critical');
  });

  it('rejects invalid options with the check name', () => {
    expect(() => resolveChecks([sample], { sample: ['minor', { word: 3 }] })).toThrow(/sample/);
  });

  it('skips pair checks in target-only mode', async () => {
    expect(await runChecks(resolveChecks([needsPair]), caseInput({ target: '一' }))).toEqual([]);
  });

  it.each([
    ['unknown message id', { messageId: 'nope', side: 'target' as const }, /messageId/],
    ['range outside the text', { messageId: 'found', data: { word: 'a' }, side: 'target' as const, range: [0, 99] as [number, number] }, /range/],
    ['missing data', { messageId: 'found', side: 'target' as const }, /needs `word`/],
    ['source side without source', { messageId: 'found', data: { word: 'a' }, side: 'source' as const }, /target-only/],
  ])('turns a malformed report (%s) into check-failed and goes on', async (_name, descriptor, pattern) => {
    const broken = defineCheck({ meta: { ...sample.meta, id: 'broken', options: undefined }, run: (ctx) => ctx.report(descriptor) });
    const findings = await runChecks(resolveChecks([broken, sample]), caseInput({ target: '坏' }));
    expect(findings.map((f) => f.check)).toEqual(['check-failed', 'sample']);
    expect(findings[0]?.message).toMatch(pattern);
    expect(findings[0]?.message).toContain('broken');
  });

  it('turns a throwing check into check-failed', async () => {
    const throwing = defineCheck({ meta: { ...sample.meta, id: 'throwing', options: undefined }, run: () => { throw new Error('boom'); } });
    const findings = await runChecks(resolveChecks([throwing]), caseInput({ target: '坏' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'check-failed', severity: 'major', data: { check: 'throwing', error: 'boom' } });
  });
});
