// Prompt templates: front matter, sections, one-pass filling, bundled prompts.
import { describe, expect, it } from 'vitest';
import { fill, loadPrompt, parsePrompt } from '../../src/llm/prompt.js';
import { priceFor, costOf, estimateTokens } from '../../src/llm/usage.js';

describe('prompts', () => {
  it('loads the bundled prompts with id and version', () => {
    expect(loadPrompt('judge').ref).toBe('judge@1');
    expect(loadPrompt('pair-confirm').ref).toBe('pair-confirm@1');
    expect(loadPrompt('judge').user).toContain('{{translation}}');
  });
  it('rejects a template without front matter or sections', () => {
    expect(() => parsePrompt('# system\nx\n# user\ny')).toThrow(/front matter/);
    expect(() => parsePrompt('---\nid: a\nversion: 1\n---\nno sections')).toThrow(/sections/);
  });
  it('fills placeholders in one pass, never inside inserted values', () => {
    expect(fill('<{{a}}|{{b}}>', { a: '{{b}}', b: 'B' })).toBe('<{{b}}|B>');
  });
});

describe('usage', () => {
  it('prices dated snapshots like their alias and local models at 0', () => {
    expect(priceFor('gpt-4o-mini-2024-07-18')).toEqual(priceFor('gpt-4o-mini'));
    expect(priceFor('qwen2.5:14b')).toBeUndefined();
    expect(costOf({ prompt: 1000, completion: 100, cached: 0 }, undefined)).toBe(0);
  });
  it('charges cached prompt tokens at the cached price and halves batch cost', () => {
    const price = { input: 1, output: 2, cachedInput: 0.5 };
    expect(costOf({ prompt: 1000, completion: 100, cached: 400 }, price)).toBeCloseTo((600 + 200 + 200) / 1e6, 12);
    expect(costOf({ prompt: 1000, completion: 0, cached: 0 }, price, 0.5)).toBeCloseTo(0.0005, 12);
  });
  it('estimates about one token per Han character and one per 4 other characters', () => {
    expect(estimateTokens('强化学习')).toBe(4);
    expect(estimateTokens('abcdefgh')).toBe(2);
  });
});
