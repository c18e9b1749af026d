// Whether a Chinese word in a translation can be the rendering of another English word of the sentence.
import { getCedict } from './cedict.js';
import { stem } from './english.js';
import { enFeatures, glossStems } from './similarity.js';

/**
 * True when one of CC-CEDICT's English glosses of `zh` is a word of `sentence` outside `termTexts`
 * (the occurrences of the term the word is suspected to mistranslate). An ambiguous wrong rendering
 * is then more likely the translation of that other word: in "form a robust selection between a
 * powerful feature extractor and a classifier", 强大 glosses "powerful", so it is not a non-standard
 * rendering of *robust*; in "fail to extract robust features", nothing but *robust* explains 强大.
 */
export function translatesOtherWord(zh: string, sentence: string, termTexts: readonly string[]): boolean {
  // Only a word the dictionary has as a whole: a compound's pieces (经常性 + 网络) gloss its parts,
  // which the term itself holds (recurrent networks).
  if (!getCedict().lookup(zh)) return false;
  const glosses = glossStems(zh);
  if (glosses.length === 0) return false;
  const own = new Set<string>();
  for (const t of termTexts) for (const w of t.toLowerCase().split(/[^a-z0-9]+/)) if (w) own.add(stem(w));
  const stems = enFeatures(sentence, { surface: false }).stems;
  return glosses.some((g) => !own.has(g) && stems.has(g));
}
