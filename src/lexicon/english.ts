// English side of the lexicon: word tokens with offsets, a light stemmer and a stopword list, shared by
// pairing, alignment and the checks so that every stage compares English words the same way.
import type { Token } from './segment.js';
import { detach } from '../core/text.js';

export type { Token } from './segment.js';

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;
const HAN = /\p{Script=Han}/u;

/** English words of `text` (letters/digits with inner apostrophes or hyphens), with 0-based UTF-16 offsets. */
export function englishTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    // An ASCII word holds no Han character: the regular expression only for the others.
    if (!isAscii(m[0]) && HAN.test(m[0])) continue;
    tokens.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/**
 * The words of `englishTokens(text)` without offsets: one array of strings, no match object and no token
 * object per word (features read the words only, for every original and sentence of a run).
 */
export function englishWords(text: string): string[] {
  const words = text.match(WORD) ?? [];
  let kept = 0;
  for (const w of words) if (isAscii(w) || !HAN.test(w)) words[kept++] = w;
  words.length = kept;
  return words;
}

/** True when every UTF-16 code unit of `text` is ASCII. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

// Irregular forms a suffix stripper gets wrong, common in abstracts, mapped to their lemma.
const IRREGULAR: Record<string, string> = {
  data: 'data',
  analyses: 'analysis',
  hypotheses: 'hypothesis',
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
  // Irregular past forms of common verbs, so that "got", "told", "found" meet the dictionary's "to get",
  // "to tell", "to find" (an English sentence of a speech, "I got a laugh", was read as untranslated beside 得笑).
  // Left out: forms that are other words as well (bound, left, felt, saw, lay, lead, ground, wound, shot, rose, lit,
  // fell, spoke); "found" as in founded is rare.
  got: 'get',
  gotten: 'get',
  told: 'tell',
  found: 'find',
  took: 'take',
  taken: 'take',
  gave: 'give',
  given: 'give',
  went: 'go',
  gone: 'go',
  came: 'come',
  became: 'become',
  seen: 'see',
  knew: 'know',
  known: 'know',
  thought: 'think',
  brought: 'bring',
  bought: 'buy',
  caught: 'catch',
  taught: 'teach',
  sought: 'seek',
  fought: 'fight',
  built: 'build',
  sent: 'send',
  spent: 'spend',
  held: 'hold',
  kept: 'keep',
  led: 'lead',
  met: 'meet',
  paid: 'pay',
  said: 'say',
  sold: 'sell',
  heard: 'hear',
  meant: 'mean',
  stood: 'stand',
  understood: 'understand',
  grew: 'grow',
  grown: 'grow',
  drew: 'draw',
  drawn: 'draw',
  threw: 'throw',
  thrown: 'throw',
  wrote: 'write',
  written: 'write',
  chose: 'choose',
  chosen: 'choose',
  broke: 'break',
  broken: 'break',
  spoken: 'speak',
  began: 'begin',
  begun: 'begin',
  ran: 'run',
  won: 'win',
  drove: 'drive',
  driven: 'drive',
  fallen: 'fall',
  forgot: 'forget',
  forgotten: 'forget',
  hidden: 'hide',
  slept: 'sleep',
  dealt: 'deal',
};

/**
 * Stemming, lower-cased: the Porter (1980) algorithm after a few irregular forms, so that
 * "learning"/"learned"/"learns", "selection"/"select" and "recurrent"/"recurrence" meet. Words with
 * digits and words of three letters or fewer are only lower-cased.
 */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const result = stemUncached(word);
  // Bounded: a corpus run meets tens of thousands of distinct words, not millions.
  if (stemCache.size >= 200_000) stemCache.clear();
  const kept = detach(result);
  stemCache.set(detach(word), kept);
  return kept;
}

const stemCache = new Map<string, string>();

function stemUncached(word: string): string {
  const w = word.toLowerCase().replace(/’/g, "'").replace(/'s?$/, '');
  const irregular = IRREGULAR[w];
  if (irregular !== undefined) return irregular.length <= 3 ? irregular : porter(irregular);
  if (w.length <= 3 || /[^a-z]/.test(w)) return w;
  return porter(w);
}

// Porter's measure m of a stem: the number of vowel-consonant sequences.
function measure(s: string): number {
  let m = 0;
  let prevVowel = false;
  for (let i = 0; i < s.length; i++) {
    const v = isVowel(s, i);
    if (!v && prevVowel) m++;
    prevVowel = v;
  }
  return m;
}

function isVowel(s: string, i: number): boolean {
  const c = s[i];
  if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return true;
  return c === 'y' && i > 0 && !isVowel(s, i - 1);
}

function hasVowel(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isVowel(s, i)) return true;
  return false;
}

function endsCvc(s: string): boolean {
  const n = s.length;
  if (n < 3) return false;
  const c = s[n - 1] as string;
  return !isVowel(s, n - 3) && isVowel(s, n - 2) && !isVowel(s, n - 1) && c !== 'w' && c !== 'x' && c !== 'y';
}

function doubleConsonant(s: string): boolean {
  const n = s.length;
  return n >= 2 && s[n - 1] === s[n - 2] && !isVowel(s, n - 1);
}

const STEP2: Array<[string, string]> = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['bli', 'ble'],
  ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'],
  ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'],
  ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log'],
];
const STEP3: Array<[string, string]> = [
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', ''],
];
const STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'];

function replaceSuffix(w: string, rules: ReadonlyArray<[string, string]>, minMeasure: number): string {
  for (const [suffix, replacement] of rules) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    return measure(base) > minMeasure ? base + replacement : w;
  }
  return w;
}

function porter(word: string): string {
  let w = word;
  // Step 1a: plurals.
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  // Step 1b: -ed, -ing.
  let trimmed = false;
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) {
    w = w.slice(0, -2);
    trimmed = true;
  } else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) {
    w = w.slice(0, -3);
    trimmed = true;
  }
  if (trimmed) {
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
    else if (doubleConsonant(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
    else if (measure(w) === 1 && endsCvc(w)) w += 'e';
  }
  // Step 1c: y → i.
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
  w = replaceSuffix(w, STEP2, 0);
  w = replaceSuffix(w, STEP3, 0);
  // Step 4: derivational suffixes on long stems.
  for (const suffix of STEP4) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    if (measure(base) > 1 && (suffix !== 'ion' || /[st]$/.test(base))) w = base;
    break;
  }
  // Step 5: final -e and -ll.
  if (w.endsWith('e')) {
    const base = w.slice(0, -1);
    const m = measure(base);
    if (m > 1 || (m === 1 && !endsCvc(base))) w = base;
  }
  if (measure(w) > 1 && w.endsWith('ll')) w = w.slice(0, -1);
  return w;
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
