// English tokens, light stemming and stopwords.
import { describe, expect, it } from 'vitest';
import { englishTokens, STOPWORDS, stem } from '../../src/lexicon/english.js';

describe('englishTokens', () => {
  it('finds words with inner hyphens and apostrophes, with offsets', () => {
    const text = 'Pre-trained models (BERT’s) reach 95.5% on state-of-the-art tasks.';
    const tokens = englishTokens(text);
    expect(tokens.map((t) => t.word)).toEqual(['Pre-trained', 'models', 'BERT’s', 'reach', '95', '5', 'on', 'state-of-the-art', 'tasks']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.word);
  });
  it('skips Chinese characters', () => {
    expect(englishTokens('模型 model 学习').map((t) => t.word)).toEqual(['model']);
  });
});

describe('stem', () => {
  it.each([
    ['learning', 'learned'],
    ['models', 'model'],
    ['Studies', 'study'],
    ['classes', 'class'],
    ['matrices', 'matrix'],
    ['proposed', 'propose'],
    ['networks', 'network'],
    ['got', 'get'],
    ['told', 'tells'],
    ['found', 'finding'],
    ['written', 'write'],
  ])('%s and %s meet', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });
  it('keeps distinct words apart and is lower-case', () => {
    expect(stem('process')).not.toBe(stem('processor'.slice(0, 4)));
    expect(stem('Graph')).toBe('graph');
    expect(stem('bus')).toBe('bus');
    expect(stem('analysis')).toBe(stem('analyses'));
    // Past forms that are other words too are left alone: an upper bound is no "bind".
    expect(stem('bound')).not.toBe(stem('bind'));
    expect(stem('left')).not.toBe(stem('leave'));
  });
});

describe('STOPWORDS', () => {
  it('holds function words, not content words', () => {
    expect(STOPWORDS.has('the')).toBe(true);
    expect(STOPWORDS.has('which')).toBe(true);
    expect(STOPWORDS.has('model')).toBe(false);
  });
});
