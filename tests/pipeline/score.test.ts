// Scoring: MQM weights per 100 source words, target-only normalization, verdict precedence.
import { describe, expect, it } from 'vitest';
import type { Finding, IdentifiedBlock, Pair, Severity } from '../../src/core/types.js';
import { DEFAULT_SCORING, scorePair } from '../../src/pipeline/score.js';

function finding(severity: Severity, check = 'numbers', category: Finding['category'] = 'accuracy/mistranslation'): Finding {
  return {
    check, severity, category, side: 'target', messageId: 'x', data: {}, message: 'x', confidence: 1,
    origin: 'heuristic', docs: `docs/checks/${check}.md`,
  };
}

function block(text: string, role: IdentifiedBlock['role']): IdentifiedBlock {
  return {
    id: '0:0', file: 'f', lines: [1, 1], raw: text, text, claimed: 'unknown', language: 'zh', script: 'simplified', role, hanRatio: 1,
  };
}

function pair(status: Pair['status'], role: IdentifiedBlock['role'] = 'translation', original = true): Pair {
  return {
    id: '0:0', translation: block('中文', role), original: original ? block('English', 'original') : null, status, confidence: 1,
    evidence: { anchors: [], terms: [], score: 1, margin: 1, candidates: 1, best: [] },
  };
}

const source = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ');

describe('scorePair', () => {
  it('scores a clean pair 100 and good', () => {
    expect(scorePair(pair('paired'), [], source, '中文')).toEqual({ penalty: 0, score: 100, verdict: 'good' });
  });
  it('weights minor 1, major 5, critical 25, punctuation 0.1 per 100 source words', () => {
    const r = scorePair(pair('paired'), [finding('minor'), finding('minor', 'punctuation', 'fluency/punctuation'), finding('info')], source, '中文');
    expect(r.penalty).toBeCloseTo((1.1 / 50) * 100, 5);
    expect(r.verdict).toBe('good');
    expect(scorePair(pair('paired'), [finding('major')], source, '中文')).toMatchObject({ penalty: 10, score: 90, verdict: 'review' });
    expect(scorePair(pair('paired'), [finding('critical')], source, '中文')).toMatchObject({ penalty: 50, score: 50, verdict: 'bad' });
  });
  it('floors the score at 0 and gives bad under badBelow', () => {
    const many = Array.from({ length: 30 }, () => finding('minor'));
    expect(scorePair(pair('paired'), many, source, '中文')).toMatchObject({ score: 40, verdict: 'bad' });
    expect(scorePair(pair('paired'), Array.from({ length: 5 }, () => finding('critical')), source, '中文').score).toBe(0);
  });
  it('gives review when minors push the score under reviewBelow (90), good at or above it', () => {
    const minors = (n: number) => Array.from({ length: n }, () => finding('minor'));
    expect(scorePair(pair('paired'), minors(3), source, '中文')).toMatchObject({ score: 94, verdict: 'good' });
    expect(scorePair(pair('paired'), minors(5), source, '中文')).toMatchObject({ score: 90, verdict: 'good' });
    expect(scorePair(pair('paired'), minors(6), source, '中文')).toMatchObject({ score: 88, verdict: 'review' });
  });
  it('gives bad strictly under badBelow (50): one major in a ten-word text is review', () => {
    const ten = 'one two three four five six seven eight nine ten';
    expect(scorePair(pair('paired'), [finding('major')], ten, '中文')).toMatchObject({ score: 50, verdict: 'review' });
    expect(scorePair(pair('paired'), [finding('major'), finding('minor')], ten, '中文')).toMatchObject({ score: 40, verdict: 'bad' });
  });
  it('takes thresholds and weights from the configuration', () => {
    const config = { ...DEFAULT_SCORING, reviewBelow: 95, badBelow: 75, weights: { ...DEFAULT_SCORING.weights, minor: 2 } };
    const r = scorePair(pair('paired'), [finding('minor'), finding('minor')], source, '中文', config);
    expect(r).toMatchObject({ score: 92, verdict: 'review' });
    expect(scorePair(pair('paired'), Array.from({ length: 7 }, () => finding('minor')), source, '中文', config).verdict).toBe('bad');
  });
  it('normalizes target-only by the Chinese length', () => {
    const zh = '中'.repeat(195);
    const r = scorePair(pair('unpaired', 'translation', false), [finding('major')], null, zh);
    expect(r.penalty).toBeCloseTo(5, 5);
    expect(r.verdict).toBe('unpaired');
  });
  it('uses minWords for very short texts', () => {
    expect(scorePair(undefined, [finding('minor')], 'Two words', '两个词').penalty).toBe(100 / DEFAULT_SCORING.minWords);
  });
  it('puts untranslated before mismatched before unpaired before the score', () => {
    expect(scorePair(pair('paired', 'untranslated'), [], source, 'x').verdict).toBe('untranslated');
    expect(scorePair(pair('paired'), [finding('critical', 'untranslated', 'non-translation')], source, 'x').verdict).toBe('untranslated');
    expect(scorePair(pair('mismatched'), [finding('critical')], source, 'x').verdict).toBe('mismatched');
    expect(scorePair(pair('paired'), [finding('critical', 'mismatched-pair')], source, 'x').verdict).toBe('mismatched');
    expect(scorePair(pair('unpaired', 'translation', false), [finding('critical')], null, 'x').verdict).toBe('unpaired');
  });
});
