// Sentence splitting (English, Chinese) and dynamic-programming sentence alignment into beads.
import { countHan, HAN } from '../core/text.js';
import type { Bead, Sentence } from '../core/types.js';
import { enFeatures, zhFeatures } from '../lexicon/similarity.js';

/** Abbreviations after which an English period never ends a sentence (lower-cased, without the dot). */
const NEVER_END = new Set([
  'e.g', 'i.e', 'al', 'cf', 'fig', 'figs', 'eq', 'eqs', 'vs', 'resp', 'approx', 'sec', 'secs', 'tab',
  'ref', 'refs', 'no', 'nos', 'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'vol', 'pp', 'p', 'ch', 'thm',
  'def', 'lem', 'prop', 'cor', 'ca', 'viz', 'esp', 'incl', 'u.s', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'a.k.a',
  'w.r.t', 'i.i.d', 'et', 'eqn', 'alg', 'app', 'appx', 'fn', 'ex',
]);

/** Closing quotes and brackets that stay with the sentence they close. */
const CLOSERS = /["'”’」』）)\]】》〉]/u;

/** Trims `text[start, end)` and returns the sentence, or null when only whitespace remains. */
function sentence(text: string, start: number, end: number): Sentence | null {
  while (start < end && /\s/u.test(text[start] as string)) start++;
  while (end > start && /\s/u.test(text[end - 1] as string)) end--;
  return end > start ? { text: text.slice(start, end), start, end } : null;
}

/** Splits at the given boundary offsets (each the end of a sentence) and at blank/line breaks. */
function cut(text: string, boundaries: number[]): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const b of [...boundaries, text.length]) {
    if (b <= start) continue;
    const s = sentence(text, start, b);
    if (s) out.push(s);
    start = b;
  }
  return out;
}

/** The word (letters, dots, hyphens) that ends right before offset `i`. */
function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && /[\p{L}\p{N}.\-]/u.test(text[j - 1] as string)) j--;
  return text.slice(j, i);
}

/**
 * Splits English text into sentences at `.`, `!`, `?` followed by space and a likely sentence
 * start, and at line breaks. Not at abbreviations (e.g., i.e., et al., Fig., Eq.), decimals,
 * version numbers, URLs (no space follows inside them) or initials ("J. Smith").
 */
export function splitEnglish(text: string): Sentence[] {
  const boundaries: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n') {
      boundaries.push(i);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let end = i + 1;
    while (end < text.length && (text[end] === '.' || CLOSERS.test(text[end] as string))) end++;
    if (end < text.length && !/\s/u.test(text[end] as string)) continue;
    let next = end;
    while (next < text.length && /[ \t]/u.test(text[next] as string)) next++;
    if (next >= text.length || text[next] === '\n') {
      boundaries.push(end);
      continue;
    }
    const following = text[next] as string;
    // A sentence starts with a capital, a digit, a quote/bracket, LaTeX or a Han character.
    if (!/[\p{Lu}\p{N}"'“‘(\[$\\]/u.test(following) && !HAN.test(following)) continue;
    if (c === '.') {
      const word = wordBefore(text, i).toLowerCase().replace(/^\.+/u, '');
      if (NEVER_END.has(word)) continue;
      // An initial ("J. Smith") or a list label ("(a." is rare): one capital letter before the dot.
      // A capital after a number is a unit ("300 K. The"), not an initial.
      if (/^\p{Lu}$/u.test(wordBefore(text, i)) && !/\p{N}\s?$/u.test(text.slice(Math.max(0, i - 3), i - 1))) continue;
    }
    boundaries.push(end);
    i = end - 1;
  }
  return cut(text, boundaries);
}

/**
 * Splits Chinese text into sentences at 。！？ (and full-width ．), and at half-width `.`, `!`, `?`
 * written right after Han text (the seed pages use half-width punctuation everywhere), but not inside
 * decimals, URLs or Latin words. Closing quotes and brackets stay with the sentence. Not at semicolons
 * of either width: `splitEnglish` does not cut at `;`, and a Chinese sentence cut where its English is
 * not left clauses the aligner could not match (false `addition` findings), and made a fix of `;` to
 * `；` after a Latin word change how the text was cut.
 */
export function splitChinese(text: string): Sentence[] {
  const boundaries: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    let isEnd = false;
    if (c === '\n') {
      boundaries.push(i);
      continue;
    }
    if ('。！？．'.includes(c)) isEnd = true;
    else if ('.!?'.includes(c)) {
      // Look back past closing brackets/quotes for the Han character that makes this a Chinese stop.
      let j = i - 1;
      while (j >= 0 && (CLOSERS.test(text[j] as string) || text[j] === ' ')) j--;
      const before = j >= 0 ? (text[j] as string) : '';
      const after = text[i + 1] ?? '';
      isEnd = HAN.test(before) && !/[\p{L}\p{N}/_\-]/u.test(after) || (HAN.test(before) && HAN.test(after));
      if (c === '.' && /\p{N}/u.test(after)) isEnd = false;
    }
    if (!isEnd) continue;
    let end = i + 1;
    while (end < text.length && ('。！？．.!?'.includes(text[end] as string) || CLOSERS.test(text[end] as string))) end++;
    boundaries.push(end);
    i = end - 1;
  }
  return cut(text, boundaries);
}

/** Alignment options. */
export interface AlignOptions {
  /**
   * Han characters per English word, where a Latin token kept in the Chinese counts as one word.
   * Default 1.73: the median of Han / (English words − Latin tokens in the Chinese) on arXiv dev
   * (5th–95th percentile 1.52–1.92). Counting a Latin token as 1.95 characters instead gives the
   * 1.95 "characters per word" figure quoted in the design.
   */
  charsPerWord?: number;
  /** Weight of anchor agreement (numbers, acronyms, Latin names shared by both sides), in cost units per anchor. Default 1.5. */
  anchorWeight?: number;
  /**
   * Weight of lexical agreement (CC-CEDICT glosses of the Chinese words found in the English and
   * back), in cost units per unit of similarity above or below a typical true pair. Default 8;
   * 0 turns the dictionary off (length and anchors only).
   */
  lexicalWeight?: number;
}

/** Default Chinese characters per English word (median on the arXiv dev corpus). */
export const DEFAULT_CHARS_PER_WORD = 1.73;

/**
 * Variance of the Chinese length per unit of English length (in English-word units), as in
 * Gale & Church. Calibrated on the 1-1 sentences of the 6,056 arXiv dev pairs whose sentence counts agree.
 */
const VARIANCE = 0.41;

/** Bead shapes with their -log prior (Gale & Church's priors, with 3-1/1-3 added for merged clauses). */
const SHAPES: Array<[number, number, number]> = [
  [1, 1, -Math.log(0.89)],
  [1, 0, -Math.log(0.006)],
  [0, 1, -Math.log(0.006)],
  [2, 1, -Math.log(0.045)],
  [1, 2, -Math.log(0.045)],
  [2, 2, -Math.log(0.01)],
  [3, 1, -Math.log(0.004)],
  [1, 3, -Math.log(0.004)],
];

/** Cost per word (English-word units) of a sentence left unmatched in a 1-0 or 0-1 bead. */
const UNMATCHED_PER_WORD = 0.1;

/** Cost of one unmatched anchor, relative to anchorWeight for a shared one. */
const MISSING_ANCHOR_SHARE = 0.5;

const EN_WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const LATIN_TOKEN = /[A-Za-z0-9][A-Za-z0-9.\-_]*/g;
const ANCHOR = /[A-Za-z]*[A-Z0-9][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*|\d+(?:\.\d+)?/g;
const FULL_WIDTH_DIGITS = /[０-９]/gu;

/** Length of an English sentence in words. */
function englishLength(text: string): number {
  return text.match(EN_WORD)?.filter((w) => !HAN.test(w)).length ?? 0;
}

/** Length of a Chinese sentence in English-word units: Han characters / charsPerWord, plus Latin tokens. */
function chineseLength(text: string, charsPerWord: number): number {
  // Counts code points like a for-of loop would, without one string per character.
  const han = countHan(text);
  const latin = text.match(LATIN_TOKEN)?.length ?? 0;
  return han / charsPerWord + latin;
}

/** Anchors of a text: numbers and tokens with a capital or digit after the first letter (acronyms, CamelCase). */
function anchors(text: string): string[] {
  const normalized = text.replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return (normalized.match(ANCHOR) ?? []).map((a) => a.toLowerCase());
}

/** Dictionary agreement of sentence i (English) and j (Chinese): hits and totals, additive over merged sentences. */
interface LexicalCounts {
  hits: Float64Array;
  totals: Float64Array;
}

/** Per (English sentence, Chinese sentence): glossed Chinese words found in the English plus English stems found among the glosses. */
function lexicalCounts(en: readonly Sentence[], zh: readonly Sentence[]): LexicalCounts {
  const n = en.length;
  const m = zh.length;
  const hits = new Float64Array(n * m);
  const totals = new Float64Array(n * m);
  // Which English sentences hold each stem: every gloss is then looked up once per Chinese
  // sentence rather than once per (English, Chinese) sentence pair.
  const owners = new Map<string, number[]>();
  const stemCounts = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const stems = enFeatures((en[i] as Sentence).text, { surface: false }).stems;
    stemCounts[i] = stems.size;
    for (const st of stems) {
      const list = owners.get(st);
      if (list) list.push(i);
      else owners.set(st, [i]);
    }
  }
  // Stamp per English sentence: a Chinese word counts once per sentence however many glosses hit.
  const stamp = new Int32Array(n).fill(-1);
  let word = 0;
  for (let j = 0; j < m; j++) {
    const union = new Set<string>();
    let glossed = 0;
    for (const w of zhFeatures((zh[j] as Sentence).text).words) {
      if (w.glosses.length === 0) continue;
      glossed++;
      word++;
      for (const g of w.glosses) {
        union.add(g);
        const list = owners.get(g);
        if (!list) continue;
        for (const i of list) {
          if (stamp[i] === word) continue;
          stamp[i] = word;
          (hits[i * m + j] as number)++;
        }
      }
    }
    for (const st of union) {
      const list = owners.get(st);
      if (list) for (const i of list) (hits[i * m + j] as number)++;
    }
    for (let i = 0; i < n; i++) totals[i * m + j] = glossed + (stemCounts[i] as number);
  }
  return { hits, totals };
}

/**
 * Lexical similarity of a typical true 1-1 sentence pair (share of glossed words and stems found
 * across); measured on arXiv dev sentences. Beads above it get cheaper, below it dearer.
 */
const TYPICAL_LEXICAL = 0.3;

/** Standard normal upper tail, Abramowitz–Stegun 26.2.17 (error < 7.5e-8). */
function upperTail(z: number): number {
  const t = 1 / (1 + 0.2316419 * z);
  const d = 0.3989422804014327 * Math.exp((-z * z) / 2);
  return d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
}

/** Gale–Church length cost: -log P(|delta| ≥ observed) for English length `en` and Chinese length `zh` (both in words). */
function lengthCost(en: number, zh: number): number {
  if (en === 0 && zh === 0) return 0;
  const mean = (en + zh) / 2;
  const delta = (zh - en) / Math.sqrt(Math.max(mean, 1) * VARIANCE);
  const p = 2 * upperTail(Math.abs(delta));
  return -Math.log(Math.max(p, 1e-12));
}

/** Per-sentence inputs of the dynamic programme, computed once per pair and shared by both passes. */
interface AlignInputs {
  en: readonly Sentence[];
  zh: readonly Sentence[];
  /** Prefix sums of sentence lengths in English-word units (index k = first k sentences). */
  enPrefix: Float64Array;
  zhPrefix: Float64Array;
  /** Anchors of each sentence as small integer ids (equal strings, equal ids). */
  enAnchors: Int32Array[];
  zhAnchors: Int32Array[];
  /** Scratch multiset counts indexed by anchor id, all zero between uses. */
  counts: Int32Array;
}

function prefixSums(lengths: number[]): Float64Array {
  const out = new Float64Array(lengths.length + 1);
  for (let k = 0; k < lengths.length; k++) out[k + 1] = (out[k] as number) + (lengths[k] as number);
  return out;
}

function prepareAlign(en: readonly Sentence[], zh: readonly Sentence[], charsPerWord: number): AlignInputs {
  const ids = new Map<string, number>();
  const toIds = (text: string): Int32Array => {
    const list = anchors(text);
    const out = new Int32Array(list.length);
    for (let k = 0; k < list.length; k++) {
      const a = list[k] as string;
      let id = ids.get(a);
      if (id === undefined) ids.set(a, (id = ids.size));
      out[k] = id;
    }
    return out;
  };
  const enAnchors = en.map((s) => toIds(s.text));
  const zhAnchors = zh.map((s) => toIds(s.text));
  return {
    en,
    zh,
    enPrefix: prefixSums(en.map((s) => englishLength(s.text))),
    zhPrefix: prefixSums(zh.map((s) => chineseLength(s.text, charsPerWord))),
    enAnchors,
    zhAnchors,
    counts: new Int32Array(ids.size),
  };
}

/**
 * Anchor term of a bead covering English sentences [i0, i1) and Chinese [j0, j1): multiset
 * intersection of their anchors (shared) against the anchors left over on both sides.
 */
function anchorTerm(p: AlignInputs, i0: number, i1: number, j0: number, j1: number, anchorWeight: number): number {
  const counts = p.counts;
  let sizeA = 0;
  let sizeB = 0;
  for (let a = i0; a < i1; a++) {
    const list = p.enAnchors[a] as Int32Array;
    sizeA += list.length;
    for (let k = 0; k < list.length; k++) (counts[list[k] as number] as number)++;
  }
  let shared = 0;
  for (let b = j0; b < j1; b++) {
    const list = p.zhAnchors[b] as Int32Array;
    sizeB += list.length;
    for (let k = 0; k < list.length; k++) {
      const id = list[k] as number;
      if ((counts[id] as number) > 0) {
        shared++;
        (counts[id] as number)--;
      }
    }
  }
  for (let a = i0; a < i1; a++) {
    const list = p.enAnchors[a] as Int32Array;
    for (let k = 0; k < list.length; k++) counts[list[k] as number] = 0;
  }
  if (sizeA === 0 && sizeB === 0) return 0;
  const unmatched = sizeA + sizeB - 2 * shared;
  return anchorWeight * (MISSING_ANCHOR_SHARE * unmatched - shared);
}

/**
 * Aligns English and Chinese sentences by dynamic programming over beads 1-1, 1-0, 0-1, 2-1, 1-2,
 * 2-2, 3-1 and 1-3. Cost = Gale–Church length cost (lengths in English-word units, Chinese
 * converted with `charsPerWord`) + bead prior − anchor agreement. Returns beads in order, covering
 * every sentence exactly once; 1-0 beads are candidate omissions, 0-1 beads candidate additions.
 * `source` and `target` are the texts the sentences index into (kept for API symmetry and future
 * lexical costs).
 */
export function alignSentences(
  source: string,
  target: string,
  en: readonly Sentence[],
  zh: readonly Sentence[],
  options: AlignOptions = {},
): Bead[] {
  void source;
  void target;
  const prepared = prepareAlign(en, zh, options.charsPerWord ?? DEFAULT_CHARS_PER_WORD);
  const lexicalWeight = options.lexicalWeight ?? 8;
  // The dictionary is the dear part: when length and anchors alone give a clean one-to-one
  // diagonal (most faithful translations), it would only confirm it.
  if (en.length === zh.length && lexicalWeight > 0) {
    const quick = align(prepared, options, 0);
    if (quick.every((b) => b.en.length === 1 && b.zh.length === 1 && b.cost < QUICK_MAX_COST)) return quick;
  }
  return align(prepared, options, lexicalWeight);
}

/** A 1-1 bead of the length-only pass above this cost is doubtful enough to ask the dictionary. */
const QUICK_MAX_COST = 3;

const SHAPE_DI = Int8Array.from(SHAPES, (s) => s[0]);
const SHAPE_DJ = Int8Array.from(SHAPES, (s) => s[1]);
const SHAPE_PRIOR = Float64Array.from(SHAPES, (s) => s[2]);

/**
 * Cells of the full programme above which only a band around the length diagonal is computed: a
 * record of thousands of sentences a side then costs time and memory linear in its length. Abstracts
 * (a few dozen sentences) always get the full programme.
 */
const FULL_CELLS = 250_000;
/** Half-width of the band, in sentences, around where the length diagonal puts each English sentence. */
const BAND = 40;

/** Which Chinese sentences [lo[i], hi[i]] each row i of the programme computes, and where rows start in flat arrays. */
interface Band {
  lo: Int32Array;
  hi: Int32Array;
  start: Int32Array;
  cells: number;
}

function makeBand(p: AlignInputs, full: boolean): Band {
  const n = p.en.length;
  const m = p.zh.length;
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1).fill(m);
  if (!full) {
    // The diagonal: the Chinese sentence where the same share of the text's length has been read.
    const enTotal = Math.max(p.enPrefix[n] as number, 1e-9);
    const zhTotal = Math.max(p.zhPrefix[m] as number, 1e-9);
    let j = 0;
    for (let i = 0; i <= n; i++) {
      const target = ((p.enPrefix[i] as number) / enTotal) * zhTotal;
      while (j < m && (p.zhPrefix[j + 1] as number) <= target) j++;
      lo[i] = Math.max(0, j - BAND);
      hi[i] = Math.min(m, j + BAND);
    }
    lo[0] = 0;
    hi[n] = m;
    // Rows must overlap their neighbours so that every cell of the band stays reachable.
    for (let i = 1; i <= n; i++) lo[i] = Math.min(Math.max(lo[i] as number, lo[i - 1] as number), hi[i - 1] as number);
    for (let i = n - 1; i >= 0; i--) hi[i] = Math.max(Math.min(hi[i] as number, hi[i + 1] as number), lo[i + 1] as number);
  }
  const start = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) start[i + 1] = (start[i] as number) + (hi[i] as number) - (lo[i] as number) + 1;
  return { lo, hi, start, cells: start[n + 1] as number };
}

/** Flat index of cell (i, j) of the band, or −1 when outside it. */
function cellOf(band: Band, i: number, j: number): number {
  const lo = band.lo[i] as number;
  if (j < lo || j > (band.hi[i] as number)) return -1;
  return (band.start[i] as number) + j - lo;
}

/**
 * Dictionary agreement within the band: entry cellOf(a + 1, b + 1) holds English sentence a against
 * Chinese sentence b. Per pair of sentences, not per stem owner list, so the cost follows the band.
 */
function bandLexicalCounts(en: readonly Sentence[], zh: readonly Sentence[], band: Band): LexicalCounts {
  const hits = new Float64Array(band.cells);
  const totals = new Float64Array(band.cells);
  const zhWords = zh.map((s) => zhFeatures(s.text).words.filter((w) => w.glosses.length > 0));
  const zhUnions = zhWords.map((words) => {
    const union = new Set<string>();
    for (const w of words) for (const g of w.glosses) union.add(g);
    return union;
  });
  for (let a = 0; a < en.length; a++) {
    const stems = enFeatures((en[a] as Sentence).text, { surface: false }).stems;
    const row = a + 1;
    for (let b = Math.max(0, (band.lo[row] as number) - 1); b < Math.min(zh.length, band.hi[row] as number); b++) {
      const cell = cellOf(band, row, b + 1);
      if (cell < 0) continue;
      let h = 0;
      const words = zhWords[b] as GlossedWords;
      for (const w of words) if (w.glosses.some((g) => stems.has(g))) h++;
      const union = zhUnions[b] as Set<string>;
      for (const st of stems) if (union.has(st)) h++;
      hits[cell] = h;
      totals[cell] = words.length + stems.size;
    }
  }
  return { hits, totals };
}

type GlossedWords = ReturnType<typeof zhFeatures>['words'];

function align(p: AlignInputs, options: AlignOptions, lexicalWeight: number): Bead[] {
  const anchorWeight = options.anchorWeight ?? 1.5;
  const n = p.en.length;
  const m = p.zh.length;
  const band = makeBand(p, (n + 1) * (m + 1) <= FULL_CELLS);
  const full = band.cells === (n + 1) * (m + 1);
  const lexical = lexicalWeight > 0 && n > 0 && m > 0 ? (full ? lexicalCounts(p.en, p.zh) : bandLexicalCounts(p.en, p.zh, band)) : null;
  // Index of sentence pair (a, b) in `lexical`: row-major in the full programme, the band's cell otherwise.
  const lexicalAt = full ? (a: number, b: number) => a * m + b : (a: number, b: number) => cellOf(band, a + 1, b + 1);
  const { enPrefix, zhPrefix } = p;

  const best = new Float64Array(band.cells).fill(Infinity);
  const back = new Int8Array(band.cells).fill(-1);
  const beadCost = new Float64Array(band.cells);
  best[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = band.lo[i] as number; j <= (band.hi[i] as number); j++) {
      if (i === 0 && j === 0) continue;
      let bestHere = Infinity;
      let bestShape = -1;
      let bestBead = 0;
      for (let k = 0; k < SHAPE_PRIOR.length; k++) {
        const di = SHAPE_DI[k] as number;
        const dj = SHAPE_DJ[k] as number;
        if (di > i || dj > j) continue;
        const from = cellOf(band, i - di, j - dj);
        if (from < 0) continue;
        const previous = best[from] as number;
        if (previous === Infinity) continue;
        const l1 = (enPrefix[i] as number) - (enPrefix[i - di] as number);
        const l2 = (zhPrefix[j] as number) - (zhPrefix[j - dj] as number);
        // An unmatched sentence costs its prior plus a little per word: Gale–Church's length term
        // would make a long omitted sentence dearer than a badly fitting 2-1 merge that hides it.
        let cost = (SHAPE_PRIOR[k] as number) + (di === 0 || dj === 0 ? UNMATCHED_PER_WORD * (l1 + l2) : lengthCost(l1, l2));
        if (di > 0 && dj > 0) {
          cost += anchorTerm(p, i - di, i, j - dj, j, anchorWeight);
          if (lexical) {
            let hits = 0;
            let totals = 0;
            for (let a = i - di; a < i; a++) {
              for (let b = j - dj; b < j; b++) {
                const at = lexicalAt(a, b);
                if (at < 0) continue;
                hits += lexical.hits[at] as number;
                totals += lexical.totals[at] as number;
              }
            }
            // Merged beads count each sentence against every partner: average back to one comparison.
            const similarity = totals > 0 ? hits / totals : TYPICAL_LEXICAL;
            cost += lexicalWeight * (TYPICAL_LEXICAL - similarity);
          }
        }
        if (previous + cost < bestHere) {
          bestHere = previous + cost;
          bestShape = k;
          bestBead = cost;
        }
      }
      const here = cellOf(band, i, j);
      best[here] = bestHere;
      back[here] = bestShape;
      beadCost[here] = bestBead;
    }
  }
  const beads: Bead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const at = cellOf(band, i, j);
    const k = back[at] as number;
    const di = SHAPE_DI[k] as number;
    const dj = SHAPE_DJ[k] as number;
    beads.push({
      en: Array.from({ length: di }, (_, x) => i - di + x),
      zh: Array.from({ length: dj }, (_, x) => j - dj + x),
      cost: Math.round((beadCost[at] as number) * 1000) / 1000,
    });
    i -= di;
    j -= dj;
  }
  return beads.reverse();
}

/** Length of a sentence list's text in English-word units (English words, or Chinese converted). */
export function sentenceLengths(sentences: readonly Sentence[], side: 'en' | 'zh', charsPerWord = DEFAULT_CHARS_PER_WORD): number[] {
  return sentences.map((s) => (side === 'en' ? englishLength(s.text) : chineseLength(s.text, charsPerWord)));
}
