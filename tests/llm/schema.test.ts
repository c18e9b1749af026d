// The answer schema: category aliases, tolerant severities, dropped extra fields, JSON extraction.
import { describe, expect, it } from 'vitest';
import { extractJson } from '../../src/llm/extract-json.js';
import { judgeAnswerSchema, normalizeCategory } from '../../src/llm/schema.js';

describe('normalizeCategory', () => {
  it.each([
    ['accuracy/mistranslation', 'accuracy/mistranslation'],
    ['Accuracy - Mistranslation', 'accuracy/mistranslation'],
    ['accuracy: omission', 'accuracy/omission'],
    ['Terminology', 'terminology/inappropriate'],
    ['fluency/character encoding', 'fluency/character-encoding'],
    ['fluency/character-encoding', 'fluency/character-encoding'],
    ['style/awkward', 'style/awkward'],
    ['something else', 'other'],
  ])('%s → %s', (raw, expected) => expect(normalizeCategory(raw)).toBe(expected));
});

describe('judgeAnswerSchema', () => {
  it('accepts nulls for text fields, any-case severities, and drops unknown keys', () => {
    const parsed = judgeAnswerSchema.parse({
      score: 100,
      errors: [{ span: 'x', source_span: null, category: 'Grammar', severity: 'Major', explanation: 'e', fix: null, verdict: 'good' }],
    });
    expect(parsed).toEqual({ errors: [{ span: 'x', source_span: '', category: 'fluency/grammar', severity: 'major', explanation: 'e', fix: '' }] });
  });
  it('rejects an unknown severity and a missing error list', () => {
    expect(judgeAnswerSchema.safeParse({ errors: [{ span: 'x', category: 'other', severity: 'neutral' }] }).success).toBe(false);
    expect(judgeAnswerSchema.safeParse({ verdict: 'good' }).success).toBe(false);
  });
});

describe('extractJson', () => {
  it('reads plain JSON, fenced JSON and JSON inside prose', () => {
    expect(extractJson('{"errors": []}')).toEqual({ errors: [] });
    expect(extractJson('Here:\n```json\n{"errors": [1]}\n```')).toEqual({ errors: [1] });
    expect(extractJson('Answer: {"errors": [{"span": "a}b"}]} done')).toEqual({ errors: [{ span: 'a}b' }] });
  });
  it('returns undefined for truncated or absent JSON', () => {
    expect(extractJson('{"errors": [{"span": "变')).toBeUndefined();
    expect(extractJson('no json here')).toBeUndefined();
    expect(extractJson('')).toBeUndefined();
  });
});
