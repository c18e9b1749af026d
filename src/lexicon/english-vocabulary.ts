// Common English words, for telling a short English text (a headline, a title) from another language when
// franc has too few letters to go on: the words of CC-CEDICT's English glosses (already bundled; about
// 30,000 everyday and technical words, without the rare forms of a full word list that also spell French
// or Spanish words) plus the stopwords.
import { getCedict } from './cedict.js';
import { stem, STOPWORDS } from './english.js';

let vocabulary: Set<string> | undefined;

/** Stems of the English words of CC-CEDICT's glosses and the stopwords, built once on first use. */
export function englishVocabulary(): ReadonlySet<string> {
  if (vocabulary) return vocabulary;
  const out = new Set<string>();
  for (const glosses of getCedict().allGlosses()) {
    for (const gloss of glosses) {
      // Only lower-case words: capitalized ones are names (Paris, Jesus) and spell the same in any language.
      for (const word of gloss.match(/\b[a-z]{2,}\b/g) ?? []) out.add(stem(word));
    }
  }
  for (const w of STOPWORDS) out.add(w);
  vocabulary = out;
  return out;
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
