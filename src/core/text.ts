// Small text facts shared by every stage: Han characters, offsets, word counts.

/** Matches one Han (CJK unified ideograph) character, including extensions. */
export const HAN = /\p{Script=Han}/u;

/**
 * Zero-width spaces (U+200B, U+2060, U+FEFF), which machine translation leaves inside words: invisible, but
 * two words to a search or a tokenizer. Joiners (U+200C, U+200D) are not among them: emoji sequences and
 * other scripts need them.
 */
export const ZERO_WIDTH_SPACES = /[\u200b\u2060\ufeff]+/gu;

/**
 * A counter of the code points of a text that one single-code-point pattern (`/\p{Script=Han}/u`)
 * matches: the same count as `text.match(/…/gu).length`, without the array of one string per match that
 * the match built (counting Han and letters was a tenth of an audit's allocation). Each UTF-16 code unit
 * is tested once per process (a table); a code point beyond the BMP is tested by the pattern (rare).
 */
export function codePointCounter(pattern: RegExp): (text: string) => number {
  const test = codePointTester(pattern);
  return (text) => {
    let n = 0;
    for (let i = 0; i < text.length; i += unitWidth(text, i)) if (test(text, i)) n++;
    return n;
  };
}

/**
 * Whether the code point at offset `i` of a text matches a single-code-point pattern, as the unicode
 * pattern reads it (a surrogate pair is one code point, a lone surrogate its own). Each BMP code unit
 * is tested by the pattern once per process.
 */
export function codePointTester(pattern: RegExp): (text: string, i: number) => boolean {
  if (pattern.global || pattern.sticky || !pattern.unicode) throw new Error('codePointTester: a non-global unicode pattern');
  // 0: not tested yet, 1: matches, 2: does not.
  const table = new Uint8Array(65_536);
  const astral = new Map<number, boolean>();
  return (text, i) => {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        let hit = astral.get(cp);
        if (hit === undefined) astral.set(cp, (hit = pattern.test(String.fromCodePoint(cp))));
        return hit;
      }
    }
    let known = table[c] as number;
    if (known === 0) table[c] = known = pattern.test(String.fromCharCode(c)) ? 1 : 2;
    return known === 1;
  };
}

/** Number of Han characters in `text` (code points, as `text.match(/\p{Script=Han}/gu).length`). */
export const countHan: (text: string) => number = codePointCounter(HAN);

/** The last few texts counted: several checks and the score count the words of the same source. */
const recentWordCounts: Array<{ text: string; words: number }> = [];

// Code units of `[\p{L}\p{N}]` and of Han, tested once each (codePointCounter's tables, read one by one).
const isWordUnit = codePointTester(/[\p{L}\p{N}]/u);
const isHanUnit = codePointTester(HAN);

/**
 * Number of English words: the matches of `/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*\/gu` that hold no Han
 * character, counted by a scan of the code points (no match array per word: the score and several
 * checks count the words of every source and sentence).
 */
export function countEnglishWords(text: string): number {
  for (const r of recentWordCounts) if (r.text === text) return r.words;
  let words = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordUnit(text, i)) {
      i += unitWidth(text, i);
      continue;
    }
    // A word: a run of letters and digits, then joiner-and-run pieces as long as they last.
    let han = false;
    for (;;) {
      while (i < n && isWordUnit(text, i)) {
        if (isHanUnit(text, i)) han = true;
        i += unitWidth(text, i);
      }
      const c = i < n ? text.charCodeAt(i) : -1;
      const joiner = c === 39 /* ' */ || c === 0x2019 /* ’ */ || c === 45; /* - */
      if (!joiner || i + 1 >= n || !isWordUnit(text, i + 1)) break;
      i++;
    }
    if (!han) words++;
  }
  recentWordCounts.unshift({ text, words });
  if (recentWordCounts.length > 4) recentWordCounts.pop();
  return words;
}

/** UTF-16 units of the code point at `i`: 2 for a surrogate pair, else 1. */
function unitWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Converts a 0-based UTF-16 offset into a 1-based line and column (columns in UTF-16 units). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Where `needle` occurs in `text`: non-overlapping occurrences, left to right (aa in aaaa: 0, 2), or every
 * start with `overlapping` (0, 1, 2). None for an empty needle.
 */
export function indexesOf(text: string, needle: string, overlapping = false): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  const step = overlapping ? 1 : needle.length;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + step)) found.push(i);
  return found;
}

/**
 * A short key for a text, for telling texts apart without keeping them (a run's results keep their texts
 * on disk: pipeline/spill.ts): its length and a 53-bit hash (cyrb53). Two different texts of the same
 * length share a key with a chance of about 1 in 2^53, so a table keyed by it over a million texts is
 * wrong with a chance under 1 in 10^4.
 */
export function textKey(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${text.length}:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

/**
 * `s` as a string of its own. V8 makes a substring of 13 or more characters a view into the string it
 * was cut from, so a word cut from an abstract and kept as a memo table's key keeps the whole abstract
 * alive: on a spilled run (pipeline/spill.ts) the stem and anchor tables alone held a third of the
 * abstracts. Memo tables that outlive a text store their keys and values through this.
 */
export function detach(s: string): string {
  // Shorter substrings are copies already; the concatenation is flattened into a new string by slice.
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/**
 * Calls `visit(start, end)` for each maximal run of code units of `text` for which `inRun` holds, in
 * order: a word scanner that allocates nothing, where an exec loop built a match array for every word.
 */
export function forEachRun(text: string, inRun: (code: number) => boolean, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!inRun(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && inRun(text.charCodeAt(j))) j++;
    visit(i, j);
    i = j;
  }
}

/** An ASCII letter. */
export function isAsciiLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** An ASCII letter or digit. */
export function isAsciiAlnumCode(c: number): boolean {
  return isAsciiLetterCode(c) || (c >= 48 && c <= 57);
}
