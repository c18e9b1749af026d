// The bundled English vocabulary file is what the bundled CC-CEDICT and the stemmer give, and it tells
// English headlines from other languages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEnglishVocabulary, englishVocabularyPath, englishWordShare } from '../../src/lexicon/english-vocabulary.js';

describe('english vocabulary', () => {
  it('the data file matches the dictionary and the stemmer (else run `npm run build:vocabulary`)', () => {
    const file = readFileSync(englishVocabularyPath(), 'utf8').split('\n').filter((l) => l !== '');
    expect(file).toEqual(buildEnglishVocabulary());
  });
  it('knows common English words better than French ones', () => {
    expect(englishWordShare('Storm warning issued for the coast').share).toBe(1);
    expect(englishWordShare('Avertissement de tempête pour la côte').share).toBeLessThan(0.75);
  });
});
