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

// Long enough to judge (4+ Han characters); '中文' alone would be too short.
const ZH = '这是中文译文';
const source = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ');

describe('scorePair', () => {
  it('scores a clean pair 100 and good', () => {
    expect(scorePair(pair('paired'), [], source, ZH)).toEqual({ penalty: 0, score: 100, verdict: 'good' });
  });
  it('weights minor 1, major 5, critical 25, punctuation 0.1 per 100 source words', () => {
    const r = scorePair(pair('paired'), [finding('minor'), finding('minor', 'punctuation', 'fluency/punctuation'), finding('info')], source, ZH);
    expect(r.penalty).toBeCloseTo((1.1 / 50) * 100, 5);
    expect(r.verdict).toBe('good');
    expect(scorePair(pair('paired'), [finding('major')], source, ZH)).toMatchObject({ penalty: 10, score: 90, verdict: 'review' });
    expect(scorePair(pair('paired'), [finding('critical')], source, ZH)).toMatchObject({ penalty: 50, score: 50, verdict: 'bad' });
  });
  it('floors the score at 0 and gives bad under badBelow', () => {
    const many = Array.from({ length: 30 }, () => finding('minor'));
    expect(scorePair(pair('paired'), many, source, ZH)).toMatchObject({ score: 40, verdict: 'bad' });
    expect(scorePair(pair('paired'), Array.from({ length: 5 }, () => finding('critical')), source, ZH).score).toBe(0);
  });
  it('gives review when minors push the score under reviewBelow (90), good at or above it', () => {
    const minors = (n: number) => Array.from({ length: n }, () => finding('minor'));
    // The density rule off, to see the threshold alone.
    const config = { ...DEFAULT_SCORING, minorsForReview: { count: 1000, per100Words: 0 } };
    expect(scorePair(pair('paired'), minors(3), source, ZH, config)).toMatchObject({ score: 94, verdict: 'good' });
    expect(scorePair(pair('paired'), minors(5), source, ZH, config)).toMatchObject({ score: 90, verdict: 'good' });
    expect(scorePair(pair('paired'), minors(6), source, ZH, config)).toMatchObject({ score: 88, verdict: 'review' });
  });
  it('gives review for dense minors: at least 3 outside punctuation and at least 2 per 100 words (the annotation guide)', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    const minors = (n: number, category: Finding['category'] = 'terminology/inappropriate') =>
      Array.from({ length: n }, () => finding('minor', 'acronyms', category));
    expect(scorePair(pair('paired'), minors(3), words(150), ZH)).toMatchObject({ score: 98, verdict: 'review' });
    expect(scorePair(pair('paired'), minors(2), words(50), ZH)).toMatchObject({ score: 96, verdict: 'good' });
    expect(scorePair(pair('paired'), minors(3), words(200), ZH).verdict).toBe('good');
    expect(scorePair(pair('paired'), minors(3, 'fluency/punctuation'), words(50), ZH).verdict).toBe('good');
    // Three findings on two places are two errors.
    const placed = (start: number, check = 'acronyms'): Finding => ({ ...finding('minor', check, 'terminology/inappropriate'), range: [start, start + 2] });
    expect(scorePair(pair('paired'), [placed(0), placed(0, 'spacing'), placed(4)], words(50), ZH).verdict).toBe('good');
    expect(scorePair(pair('paired'), [placed(0), placed(2), placed(4)], words(50), ZH).verdict).toBe('review');
  });
  it('gives review for one minor of a check in reviewOnMinor (glossary, term-consistency, latex by default), configurable', () => {
    const long = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    expect(scorePair(pair('paired'), [finding('minor', 'glossary', 'terminology/inappropriate')], long, ZH).verdict).toBe('review');
    expect(scorePair(pair('paired'), [finding('minor', 'latex', 'fluency/spelling')], long, ZH).verdict).toBe('review');
    expect(scorePair(pair('paired'), [finding('minor', 'acronyms', 'terminology/inappropriate')], long, ZH).verdict).toBe('good');
    // An info finding of those checks does not ask for review.
    expect(scorePair(pair('paired'), [finding('info', 'glossary', 'terminology/inappropriate')], long, ZH).verdict).toBe('good');
    expect(scorePair(pair('paired'), [finding('minor', 'glossary', 'terminology/inappropriate')], long, ZH).verdictReason).toBe(
      'minor finding of glossary (scoring.reviewOnMinor)',
    );
    const off = { ...DEFAULT_SCORING, reviewOnMinor: [] };
    expect(scorePair(pair('paired'), [finding('minor', 'glossary', 'terminology/inappropriate')], long, ZH, off).verdict).toBe('good');
  });
  it('says why a pair is review or bad, and gives no reason for the other verdicts', () => {
    expect(scorePair(pair('paired'), [finding('major', 'numbers')], source, ZH).verdictReason).toBe('major finding (numbers)');
    expect(scorePair(pair('paired'), [finding('critical', 'truncated')], source, ZH).verdictReason).toBe('critical finding (truncated)');
    const many = Array.from({ length: 30 }, () => finding('minor', 'acronyms'));
    expect(scorePair(pair('paired'), many, source, ZH).verdictReason).toBe('score 40 below 50');
    expect(scorePair(pair('paired'), [], source, ZH).verdictReason).toBeUndefined();
    expect(scorePair(pair('unpaired', 'translation', false), [finding('major')], null, ZH).verdictReason).toBeUndefined();
  });
  it('gives bad strictly under badBelow (50): one major in a ten-word text is review', () => {
    const ten = 'one two three four five six seven eight nine ten';
    expect(scorePair(pair('paired'), [finding('major')], ten, ZH)).toMatchObject({ score: 50, verdict: 'review' });
    expect(scorePair(pair('paired'), [finding('major'), finding('minor')], ten, ZH)).toMatchObject({ score: 40, verdict: 'bad' });
  });
  it('takes thresholds and weights from the configuration', () => {
    const config = { ...DEFAULT_SCORING, reviewBelow: 95, badBelow: 75, weights: { ...DEFAULT_SCORING.weights, minor: 2 } };
    const r = scorePair(pair('paired'), [finding('minor'), finding('minor')], source, ZH, config);
    expect(r).toMatchObject({ score: 92, verdict: 'review' });
    expect(scorePair(pair('paired'), Array.from({ length: 7 }, () => finding('minor')), source, ZH, config).verdict).toBe('bad');
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
  it('says nothing-to-translate for handles, hashtags, URLs, numbers, emoji and code copied as they are', () => {
    for (const text of ['Cohren', '@user44', '#DIY #HomeRenovation', 'https://www.issmmbeatenyet.com/', '1/3', '🙌', '<div id=sec1></div>', 'lfg $sqqq', '@user47 noooooOOOOooOoOooooo 🤣']) {
      expect(scorePair(pair('paired', 'untranslated'), [], text, text).verdict).toBe('nothing-to-translate');
    }
    expect(scorePair(pair('unpaired', 'untranslated', false), [], null, '📉').verdict).toBe('nothing-to-translate');
  });
  it('keeps untranslated when the source has words to translate, and lets grave findings speak', () => {
    expect(scorePair(pair('paired', 'untranslated'), [], '@user7 who cares, go Badgers!', '@user7 who cares, go Badgers!').verdict).toBe('untranslated');
    expect(scorePair(pair('paired', 'untranslated'), [finding('major', 'urls')], 'https://a.example/x', 'https://a.example/y').verdict).toBe('review');
  });
  it('says too-short for a translation of 1–3 Han characters with no grave finding', () => {
    expect(scorePair(pair('paired'), [], 'GOOD RIDDANCE', '解脱').verdict).toBe('too-short');
    expect(scorePair(pair('paired'), [finding('minor')], 'Chapter 1', '第一章').verdict).toBe('too-short');
    expect(scorePair(pair('unpaired', 'translation', false), [], null, '雇我吧').verdict).toBe('too-short');
    expect(scorePair(pair('paired'), [finding('major')], '60 seconds', '6秒').verdict).toBe('review');
    expect(scorePair(pair('paired'), [], 'Stream order of the day', '今日流顺序').verdict).toBe('good');
  });
});
