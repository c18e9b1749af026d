// Common English words, for telling a short English text (a headline, a title) from another language when
// franc has too few letters to go on: the words of CC-CEDICT's English glosses (already bundled; about
// 30,000 everyday and technical words, without the rare forms of a full word list that also spell French
// or Spanish words) plus the stopwords.
//
// The stems are computed once, when the data is updated (`npm run build:vocabulary` writes
// `data/english-vocabulary.txt`), not at every start: building them from the parsed dictionary cost each
// process and each check worker 0.4–0.9 CPU s. `tests/lexicon/english-vocabulary.test.ts` fails when the
// file no longer matches what the bundled CC-CEDICT and the stemmer give.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../config/package-root.js';
import { getCedict } from './cedict.js';
import { stem, STOPWORDS } from './english.js';

let vocabulary: Set<string> | undefined;

/** The bundled vocabulary file: one stem a line, sorted. */
export function englishVocabularyPath(): string {
  return join(packageRoot(), 'src', 'lexicon', 'data', 'english-vocabulary.txt');
}

/** Stems of the English words of CC-CEDICT's glosses and the stopwords, read once on first use. */
export function englishVocabulary(): ReadonlySet<string> {
  if (vocabulary) return vocabulary;
  vocabulary = new Set(readFileSync(englishVocabularyPath(), 'utf8').split('\n').filter((l) => l !== ''));
  return vocabulary;
}

/** Computes the vocabulary from the bundled CC-CEDICT (what the data file holds), sorted. */
export function buildEnglishVocabulary(): string[] {
  const out = new Set<string>();
  for (const glosses of getCedict().allGlosses()) {
    for (const gloss of glosses) {
      // Only lower-case words: capitalized ones are names (Paris, Jesus) and spell the same in any language.
      for (const word of gloss.match(/\b[a-z]{2,}\b/g) ?? []) out.add(stem(word));
    }
  }
  for (const w of STOPWORDS) out.add(w);
  return [...out].sort();
}

/**
 * Share (0-1) of the words of `text` that are common English words, how many were counted and how many
 * known; `names`: capitalized words missing from the vocabulary (Cumbernauld, Sunak), which are not
 * counted. Words with letters outside A–Z (français, für) count as unknown; handles, hashtags, URLs and
 * digits are skipped.
 */
export function englishWordShare(text: string): { share: number; counted: number; known: number; names: number } {
  const plain = text.replace(/https?:\/\/\S+|www\.\S+|[@#$][\p{L}\p{N}_]+/gu, ' ');
  const vocab = englishVocabulary();
  let counted = 0;
  let known = 0;
  let names = 0;
  for (const m of plain.matchAll(/\p{L}+(?:['’]\p{L}+)?/gu)) {
    const word = m[0].replace(/['’](?:s|t|ll|re|ve|d|m)$/i, '');
    if (word.length < 2 || /\p{Script=Han}/u.test(word)) continue;
    const lower = word.toLowerCase();
    const isKnown = /^[a-z]+$/.test(lower) && (vocab.has(stem(lower)) || vocab.has(lower) || STOPWORDS.has(lower));
    if (!isKnown && /^[A-Z][a-z]/.test(word)) {
      names++;
      continue;
    }
    counted++;
    if (isKnown) known++;
  }
  return { share: counted === 0 ? 0 : known / counted, counted, known, names };
}
