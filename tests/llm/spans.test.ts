// Span location: exact, normalized (whitespace, punctuation width), elided, repeated spans.
import { describe, expect, it } from 'vitest';
import { locateSpan } from '../../src/llm/spans.js';

const TEXT = '我们提出了一种新方法，在 ImageNet 上取得了最好的结果。该方法简单，该方法有效。';

describe('locateSpan', () => {
  it('finds an exact span', () => {
    expect(locateSpan(TEXT, '新方法')).toEqual({ range: [TEXT.indexOf('新方法'), TEXT.indexOf('新方法') + 3], match: 'exact' });
  });
  it('ignores whitespace and punctuation width', () => {
    const hit = locateSpan(TEXT, '新方法,在ImageNet上');
    expect(hit?.match).toBe('normalized');
    expect(TEXT.slice(...(hit?.range ?? [0, 0]))).toBe('新方法，在 ImageNet 上');
  });
  it('strips quotes the model wrapped around the span', () => {
    expect(locateSpan(TEXT, '“新方法”')?.match).toBe('exact');
  });
  it('joins an elided quotation from its head to its tail', () => {
    const hit = locateSpan(TEXT, '取得了……结果');
    expect(hit?.match).toBe('elided');
    expect(TEXT.slice(...(hit?.range ?? [0, 0]))).toBe('取得了最好的结果');
  });
  it('gives a repeated span its next occurrence', () => {
    const first = locateSpan(TEXT, '该方法');
    const second = locateSpan(TEXT, '该方法', [first?.range ?? [0, 0]]);
    expect(second?.range[0]).toBe(TEXT.lastIndexOf('该方法'));
  });
  it('returns undefined for text that is not there, and for an empty span', () => {
    expect(locateSpan(TEXT, '卷积神经网络')).toBeUndefined();
    expect(locateSpan(TEXT, '  ')).toBeUndefined();
  });
});
