// English side of the lexicon: word tokens with offsets, a light stemmer and a stopword list, shared by
// pairing, alignment and the checks so that every stage compares English words the same way.
import type { Token } from './segment.js';

export type { Token } from './segment.js';

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;
const HAN = /\p{Script=Han}/u;

/** English words of `text` (letters/digits with inner apostrophes or hyphens), with 0-based UTF-16 offsets. */
export function englishTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    if (HAN.test(m[0])) continue;
    tokens.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

// Irregular forms a suffix stripper gets wrong, common in abstracts.
const IRREGULAR: Record<string, string> = {
  data: 'data',
  analyses: 'analysi',
  analysis: 'analysi',
  hypotheses: 'hypothesi',
  hypothesis: 'hypothesi',
  indices: 'index',
  matrices: 'matrix',
  vertices: 'vertex',
  criteria: 'criterion',
  phenomena: 'phenomenon',
  better: 'good',
  best: 'good',
  children: 'child',
  men: 'man',
  women: 'woman',
  people: 'person',
  was: 'be',
  were: 'be',
  is: 'be',
  are: 'be',
  been: 'be',
  has: 'have',
  had: 'have',
  does: 'do',
  did: 'do',
  done: 'do',
  made: 'make',
  shown: 'show',
  proposed: 'propos',
};

/**
 * Light stemming, lower-cased: strips plural, -ing, -ed, -ly, -ies and a few derivational endings so
 * that "learning"/"learned"/"learns" and "models"/"modeling" meet. Not Porter: it favours keeping
 * distinct technical words apart over conflating everything.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
  const irregular = IRREGULAR[w];
  if (irregular !== undefined) return irregular;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('es') && /(?:x|ch|sh|ss|zz)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ingly')) w = w.slice(0, -5);
  else if (w.length > 4 && w.endsWith('ly') && !w.endsWith('ply')) w = w.slice(0, -2);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = undouble(w.slice(0, -2));
  if (w.length > 6 && w.endsWith('ation')) w = w.slice(0, -5);
  else if (w.length > 6 && w.endsWith('ment')) w = w.slice(0, -4);
  else if (w.length > 6 && w.endsWith('ness')) w = w.slice(0, -4);
  else if (w.length > 5 && w.endsWith('ity')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('ive')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('al') && !w.endsWith('ial')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('er')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('or')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ize')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('ise')) w = w.slice(0, -3);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('y')) w = `${w.slice(0, -1)}i`;
  return w;
}

function undouble(w: string): string {
  return /([bdfgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}

/** Lower-case English function words that carry no lexical evidence. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also although am among an and another any are as at be because been
  before being below between both but by can could did do does doing down during each either else etc even ever
  every few for from further had has have having he her here hers herself him himself his how however i if in
  into is it its itself just least less let like many may me might more most much must my myself neither no nor
  not now of off often on once one only or other others otherwise our ours ourselves out over own per rather
  same several shall she should since so some such than that the their theirs them themselves then there
  therefore these they this those though through thus to too toward towards under until up upon us very via
  was we well were what whatever when where whereas whether which while who whom whose why will with within
  without would yet you your yours yourself e.g i.e et al cf vs`
    .split(/\s+/)
    .filter((w) => w !== ''),
);
