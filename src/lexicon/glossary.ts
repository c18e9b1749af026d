// The English→Chinese ML terminology glossary: loading (bundled TSV + user TSV/JSON), matching English terms and known wrong Chinese renderings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../config/package-root.js';
import { ConfigError } from '../core/errors.js';
// segment.ts imports this module too; both only call each other at run time, never at load.
import { segmentWords } from './segment.js';
import { parseGlossaryCsv, parseGlossaryTbx } from './glossary-formats.js';
import { codePointTester, detach, forEachRun, HAN, indexesOf, isAsciiAlnumCode, textKey, ZERO_WIDTH_SPACES } from '../core/text.js';
import { isAscii } from './english.js';


/** One glossary term. */
export interface GlossaryEntry {
  /** Canonical English term, e.g. `pre-trained`. */
  en: string;
  /** Other English forms (inflections, spellings): `pretrained`, `pre-training`. Plurals match without listing. */
  aliases: string[];
  /** Accepted Chinese renderings, preferred first. May hold Latin text (a term kept in English). */
  zh: string[];
  /** Known wrong machine renderings, most typical first. Class `sense` unless listed in `nonstandard`. */
  wrong: string[];
  /**
   * Subset of `wrong` whose meaning a reader still recovers, though it is not the field's term (培训 for
   * training, 政策 for policy): MQM minor. The other wrong renderings are `sense` errors (another meaning
   * of the word that misleads: 强盗 for bandit, 功能 for features): MQM major.
   */
  nonstandard?: string[];
  /** Why the wrong renderings are wrong, or when an accepted one is debatable. */
  note?: string;
  /**
   * Subset of `wrong` that is also correct Chinese in other contexts (政策评估 for public policy):
   * reported only when the English term is in the source, never in target-only mode.
   */
  ambiguous?: string[];
  /** Chinese contexts that contain a wrong rendering without being it (许多转 for 多转). */
  exclude?: string[];
  /**
   * English words of the term's field sense (`robot`, `train*`: a trailing `*` matches any ending), for a
   * word with an everyday sense too (grasp an idea, an epoch of history): the glossary check judges the
   * entry (its renderings, as a term and as a part of longer terms) only when the source holds one of them,
   * since elsewhere the everyday Chinese (掌握, 时代) is right. See {@link sourceHasCue}.
   */
  cues?: string[];
  /**
   * The field the term belongs to (`ml`, `physics`), from the TSV's `#domain:` lines: its ambiguous
   * renderings and missing-rendering hints apply only to texts of that field (src/lexicon/domain.ts).
   * None for user entries: they apply everywhere.
   */
  domain?: string;
  /**
   * False when the `glossary` check must not give its `missingRendering` hint for this term (the TSV's
   * `#hints: off` lines): its accepted renderings are not complete enough for "none found" to mean much.
   */
  hints?: boolean;
}

/** A glossary term found in English text. */
export interface SourceTermMatch {
  entry: GlossaryEntry;
  /** 0-based UTF-16 offset of the first character in the English text. */
  start: number;
  /** 0-based UTF-16 offset just past the last character. */
  end: number;
  /** The text as it appears. */
  text: string;
}

/** A known wrong rendering found in Chinese text. */
export interface WrongRenderingMatch {
  entry: GlossaryEntry;
  /** The wrong rendering found. */
  wrong: string;
  /** 0-based UTF-16 offset in the Chinese text. */
  start: number;
  /** 0-based UTF-16 offset just past the match. */
  end: number;
  /** True when the rendering is in the entry's `ambiguous` list (needs the source to be sure). */
  ambiguous: boolean;
  /** `sense` (misleads: major) or `nonstandard` (understandable, not the field's term: minor). */
  kind: WrongKind;
  /**
   * True when the hit does not stand on the segmenter's word boundaries (集合 in 测试集合大小, cut
   * 测试集/合/大小): only {@link Glossary.matchSplitTarget} returns such hits, for a caller that has
   * the English term in the aligned source to confirm them.
   */
  split?: true;
}

/** How wrong a wrong rendering is: see {@link GlossaryEntry.nonstandard}. */
export type WrongKind = 'sense' | 'nonstandard';

/** The class a wrong rendering is documented under: `ambiguous` when it needs the source, else its kind. */
export type WrongClass = WrongKind | 'ambiguous';

/** The kind of one of an entry's wrong renderings. */
export function wrongKind(entry: GlossaryEntry, wrong: string): WrongKind {
  return entry.nonstandard?.includes(wrong) ? 'nonstandard' : 'sense';
}

/** Options of {@link Glossary.matchWrongTarget}. */
export interface WrongMatchOptions {
  /** Also return ambiguous wrong renderings (default false: only the unambiguous ones). */
  includeAmbiguous?: boolean;
}

/** A loaded glossary with its matchers. */
export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
  /** Glossary terms in English text: whole-word, case-insensitive, plural- and hyphen-tolerant, longest match first. */
  matchSource(en: string): SourceTermMatch[];
  /** Known wrong renderings in Chinese text, longest first, not inside a longer accepted term or an excluded context. */
  matchWrongTarget(zh: string, options?: WrongMatchOptions): WrongRenderingMatch[];
  /**
   * Wrong renderings (ambiguous ones included) that pass every test of {@link matchWrongTarget} but the
   * word-boundary one, and overlap none of its hits: a segmenter can cut a wrong word with its
   * neighbour (测试集/合 for 测试/集合), so a caller with the English term in the aligned source may
   * still take them.
   */
  matchSplitTarget(zh: string): WrongRenderingMatch[];
  /** Every accepted Chinese term containing Han characters (for the segmenter's user dictionary). */
  zhTerms(): string[];
  /**
   * Entries whose term is a part of `entry`'s term ("recall" in "precision and recall"): the longest
   * match wins in the source, so a wrong rendering of the part would otherwise go unseen.
   */
  nestedEntries(entry: GlossaryEntry): readonly GlossaryEntry[];
}

const BUNDLED = 'src/lexicon/data/glossary-ml.tsv';
const WORD = /[\p{L}\p{N}]+/gu;
/** What may stand between two words of one term: one to three spaces and hyphens. */
const isJoinerUnit = codePointTester(/[\s\-‐‑–]/u);

/**
 * Whether `text[from, to)` is a joiner (`/^[\s\-‐‑–]{1,3}$/u`), tested unit by unit on a table instead of
 * a regular expression on a slice, once per word the glossary's trie walks on from. Every character
 * of the class is one UTF-16 unit, so units and code points count alike where the test passes.
 */
function isJoiner(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false;
  for (let i = from; i < to; i++) if (!isJoinerUnit(text, i)) return false;
  return true;
}

/**
 * British spellings written the American way, as the glossary lists its terms: -isation (localisation,
 * optimisation), -our (behaviour, neighbour, colour), -tre (centre, fibre), and a doubled l before -ed,
 * -ing, -er of the words that double it (modelling, labelled, signalling). Every -isation word is such a
 * spelling; the -our, -tre and -ll- words are listed, since four, contour, metre or controlled are not.
 */
function americanSpelling(word: string): string {
  if (!BRITISH_HINT.test(word)) return word;
  return word
    .replace(/isation(s?)$/i, 'ization$1')
    .replace(BRITISH_OUR, (_m, head: string, tail: string | undefined) => `${head}r${tail ?? ''}`)
    .replace(BRITISH_TRE, (_m, head: string, tail: string | undefined) => `${head}er${tail ?? ''}`)
    .replace(BRITISH_LL, (_m, head: string, tail: string) => `${head}${tail}`);
}

const BRITISH_HINT = /isations?$|our|tre[sd]?$|ll(?:ed|ing|ers?)$/i;
const BRITISH_OUR = /^((?:behavi|neighb|col|fav|lab|vap|flav|hon|harb|rum|tum|od|hum|arm)o)ur(s|ed|ing|al|ally|hood|hoods|ite|ites)?$/i;
const BRITISH_TRE = /^(cent|fib|theat|lit|spect)re(s|d)?$/i;
const BRITISH_LL = /^(model|label|signal|travel|cancel|level|channel|tunnel|fuel|dial|total|funnel|marshal|pixel)l(ed|ing|er|ers)$/i;

/** Light English stemmer: lower case and plural endings only, applied alike to terms and text. */
export function stemWord(word: string): string {
  word = americanSpelling(word);
  // Only a final s is ever stripped: other words are their lower case (no memo lookup, which cost more).
  const last = word.charCodeAt(word.length - 1);
  if (last !== 115 && last !== 83) return word.toLowerCase();
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stemUncached(word);
    // Bounded: a corpus run meets tens of thousands of distinct words, not millions.
    if (stemCache.size >= 100_000) stemCache.clear();
    stemmed = detach(stemmed);
    stemCache.set(detach(word), stemmed);
  }
  return stemmed;
}

const stemCache = new Map<string, string>();

function stemUncached(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (/(?:ss|us|is|ics)$/.test(w)) return w;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

function tokens(text: string): Array<{ word: string; start: number; end: number }> {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entry?: GlossaryEntry;
}

/** A text's words, lower case and in American spelling (for {@link sourceHoldsTerm}). */
export function sourceWords(text: string): string[] {
  const out = new Set<string>();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) out.add(americanSpelling(m[0]).toLowerCase());
  return [...out];
}

/**
 * Whether a source text's words (`words`, from {@link sourceWords}) hold one of an entry's field-sense cues
 * (always true for an entry without cues): one sense per text, so a cue anywhere in the abstract counts.
 */
export function sourceHasCue(entry: GlossaryEntry, words: readonly string[]): boolean {
  const cues = entry.cues;
  if (cues === undefined || cues.length === 0) return true;
  return cues.some((c) => {
    const cue = c.toLowerCase();
    if (cue.endsWith('*')) {
      const stem = cue.slice(0, -1);
      return words.some((w) => w.startsWith(stem));
    }
    return words.includes(cue);
  });
}

/**
 * Whether two words are forms of one word: a common beginning of all but the last three letters of the
 * shorter, and at least four (regularization / regularize, supervision / supervisory, programming /
 * programing, parsing / parses; not time / temporal or feature / functional).
 */
function sameWordFamily(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k >= Math.max(4, n - 3);
}

/**
 * Whether a text's words (`words`, from {@link sourceWords}) hold most of an entry's English: for one of its
 * forms, more than half of its words of three letters or more, each in some form (both words of "probability
 * distribution", two of "generative adversarial network"; an acronym form is its one word).
 */
export function sourceHoldsTerm(entry: GlossaryEntry, words: readonly string[]): boolean {
  for (const form of [entry.en, ...entry.aliases]) {
    const all = tokens(form).map((t) => americanSpelling(t.word).toLowerCase());
    const long = all.filter((w) => w.length >= 3);
    const need = long.length === 0 ? all : long;
    const have = need.filter((w) => words.some((s) => sameWordFamily(w, s))).length;
    if (need.length > 0 && have >= Math.floor(need.length / 2) + 1) return true;
  }
  return false;
}

/** Token sequences under which an English form is indexed: as written, and hyphen-joined (pre-trained → pretrained). */
function formKeys(form: string): string[][] {
  const keys = [tokens(form).map((t) => stemWord(t.word))];
  if (/[-‐]/.test(form)) {
    keys.push(tokens(form.replace(/[-‐]/g, '')).map((t) => stemWord(t.word)));
  }
  return keys.filter((k) => k.length > 0);
}

function buildTrie(entries: readonly GlossaryEntry[]): TrieNode {
  const root: TrieNode = { next: new Map() };
  for (const entry of entries) {
    for (const form of [entry.en, ...entry.aliases]) {
      for (const key of formKeys(form)) {
        let node = root;
        for (const word of key) {
          let child = node.next.get(word);
          if (!child) node.next.set(word, (child = { next: new Map() }));
          node = child;
        }
        // The first entry to claim a form keeps it: bundled entries load first, user entries extend.
        node.entry ??= entry;
      }
    }
  }
  return root;
}

/** Second-level key of one-code-unit renderings in `wrongsByStart`. */
const SINGLE = -1;

/**
 * Values by the first UTF-16 code unit of a text (an array slot per unit: read at every offset of every
 * translation, where a map lookup cost more), then by its second (a map).
 */
type ByStart<T> = Array<Map<number, T[]> | undefined>;

function byStart<T>(): ByStart<T> {
  // Filled, not holey: every slot is read as an element of one kind.
  return new Array<Map<number, T[]> | undefined>(65_536).fill(undefined);
}

/**
 * Adds `value` under the first two UTF-16 code units of `text` (the second SINGLE for a one-unit text).
 * Two levels of small-integer keys: one key of both units (up to 2^32) is a heap number in V8, allocated
 * at every lookup, which made gathering candidates a good part of the glossary check's cost.
 */
function addByStart<T>(index: ByStart<T>, text: string, value: T): void {
  const first = text.charCodeAt(0);
  const second = text.length === 1 ? SINGLE : text.charCodeAt(1);
  let next = index[first];
  if (!next) index[first] = next = new Map();
  const list = next.get(second);
  if (list) list.push(value);
  else next.set(second, [value]);
}

/** One wrong rendering of an entry, as the matcher indexes it. */
interface WrongRendering {
  wrong: string;
  entry: GlossaryEntry;
  ambiguous: boolean;
  kind: WrongKind;
}

class GlossaryImpl implements Glossary {
  private readonly trie: TrieNode;
  /** Every wrong rendering, longest first, with its entry. */
  private readonly wrongs: WrongRendering[];
  /** Per index into `wrongs`: the entry's exclusions that may contain or overlap that wrong rendering. */
  private readonly blockersOf: string[][];
  /** Accepted Han renderings of two or more characters, indexed like `wrongsByStart`, to find those overlapping a hit. */
  private readonly acceptedByStart: ByStart<string> = byStart();
  /** Indexes into `wrongs` by the rendering's first UTF-16 code unit, then its second (SINGLE for a one-unit rendering). */
  private readonly wrongsByStart: ByStart<number> = byStart();
  /** Length of the longest accepted rendering in `acceptedByStart`: how far before a hit one may start and still overlap it. */
  private maxAccepted = 0;
  /**
   * Per index into `wrongs`: bit 1 when the rendering starts with a Latin letter or digit, bit 2 when it
   * ends with one (tested once here, not by two regular expressions per hit).
   */
  private readonly latinEdges: Uint8Array;
  /**
   * Per UTF-16 code unit: bit 1 when a wrong rendering starts with it, bit 2 when an accepted one does
   * (most start none), bit 4 when a wrong rendering is that one unit.
   */
  private readonly starts = new Uint8Array(65_536);
  /** The last call's result of each matcher: several checks of one pair ask about the same text. */
  private lastSource: { en: string; result: SourceTermMatch[] } | undefined;
  private lastWrong: { zh: string; includeAmbiguous: boolean; result: WrongRenderingMatch[]; split: WrongRenderingMatch[] } | undefined;

  constructor(readonly entries: readonly GlossaryEntry[]) {
    this.trie = buildTrie(entries);
    this.wrongs = entries
      .flatMap((entry) =>
        entry.wrong.map((wrong) => ({ wrong, entry, ambiguous: entry.ambiguous?.includes(wrong) ?? false, kind: wrongKind(entry, wrong) })),
      )
      .sort((a, b) => b.wrong.length - a.wrong.length);
    this.wrongs.forEach(({ wrong }, i) => {
      if (wrong === '') return;
      addByStart(this.wrongsByStart, wrong, i);
      (this.starts[wrong.charCodeAt(0)] as number) |= wrong.length === 1 ? 5 : 1;
    });
    for (const a of new Set(entries.flatMap((e) => e.zh))) {
      if (a.length < 2 || !HAN.test(a)) continue;
      addByStart(this.acceptedByStart, a, a);
      (this.starts[a.charCodeAt(0)] as number) |= 2;
      if (a.length > this.maxAccepted) this.maxAccepted = a.length;
    }
    this.blockersOf = this.wrongs.map(({ wrong, entry }) => (entry.exclude ?? []).filter((x) => x.includes(wrong) || overlapsAffix(x, wrong)));
    this.latinEdges = Uint8Array.from(this.wrongs, ({ wrong }) => (isAsciiAlnumCode(wrong.charCodeAt(0)) ? 1 : 0) | (isAsciiAlnumCode(wrong.charCodeAt(wrong.length - 1)) ? 2 : 0));
  }

  matchSource(en: string): SourceTermMatch[] {
    if (this.lastSource?.en !== en) this.lastSource = { en, result: this.findSource(en) };
    return [...this.lastSource.result];
  }

  private findSource(en: string): SourceTermMatch[] {
    // Offsets and stems in flat arrays: one object per word of every source was most of the cost.
    const starts: number[] = [];
    const ends: number[] = [];
    const stems: string[] = [];
    const add = (start: number, end: number): void => {
      starts.push(start);
      ends.push(end);
      stems.push(stemWord(en.slice(start, end)));
    };
    // An ASCII source (nearly all) is scanned in place: WORD's letters and digits are then [A-Za-z0-9],
    // and no match array is built for every word.
    if (isAscii(en)) forEachRun(en, isAsciiAlnumCode, add);
    else {
      WORD.lastIndex = 0;
      for (let m = WORD.exec(en); m !== null; m = WORD.exec(en)) add(m.index, m.index + m[0].length);
    }
    const n = stems.length;
    const out: SourceTermMatch[] = [];
    const found: { best?: { entry: GlossaryEntry; last: number } } = {};
    // A node reached after word `last`: the best match so far when it ends a term (the longest wins), then
    // walked on over a joiner (spaces, hyphens).
    const reached = (node: TrieNode, last: number): void => {
      if (node.entry && (!found.best || last > found.best.last)) found.best = { entry: node.entry, last };
      if (last + 1 < n && node.next.size > 0 && isJoiner(en, ends[last] as number, starts[last + 1] as number)) walk(node, last + 1);
    };
    // Word j from a node that has consumed the words before it. Two words joined by a bare hyphen may
    // also be one word of a term (back-bone, data-set: the terms are backbone, dataset).
    const walk = (node: TrieNode, j: number): void => {
      const one = node.next.get(stems[j] as string);
      if (one) reached(one, j);
      const end = ends[j] as number;
      if (j + 1 < n && en.charCodeAt(end) === 45 && end + 1 === starts[j + 1]) {
        const joined = node.next.get(stemWord(en.slice(starts[j] as number, end) + en.slice(end + 1, ends[j + 1] as number)));
        if (joined) reached(joined, j + 1);
      }
    };
    for (let i = 0; i < n; ) {
      found.best = undefined;
      walk(this.trie, i);
      // (A cast: the compiler keeps the `undefined` assigned above across the walk's closures.)
      const best = found.best as { entry: GlossaryEntry; last: number } | undefined;
      if (best) {
        const start = starts[i] as number;
        const end = ends[best.last] as number;
        out.push({ entry: best.entry, start, end, text: en.slice(start, end) });
        i = best.last + 1;
      } else {
        i++;
      }
    }
    return out;
  }

  matchWrongTarget(zh: string, options: WrongMatchOptions = {}): WrongRenderingMatch[] {
    const includeAmbiguous = options.includeAmbiguous ?? false;
    const last = this.lastWrong;
    if (last?.zh !== zh || last.includeAmbiguous !== includeAmbiguous) {
      this.lastWrong = { zh, includeAmbiguous, ...this.findWrongVisible(zh, includeAmbiguous) };
    }
    return [...(this.lastWrong as { result: WrongRenderingMatch[] }).result];
  }

  matchSplitTarget(zh: string): WrongRenderingMatch[] {
    const last = this.lastWrong;
    if (last?.zh !== zh || !last.includeAmbiguous) this.lastWrong = { zh, includeAmbiguous: true, ...this.findWrongVisible(zh, true) };
    return [...(this.lastWrong as { split: WrongRenderingMatch[] }).split];
  }

  /**
   * `findWrong` on the text as it reads: zero-width spaces that machine translation leaves inside words
   * (生成敌对\u200b\u200b网络) are left out, so they hide no wrong rendering; the ranges found are mapped
   * back onto the text, the invisible characters inside them included (a fix replaces them too).
   */
  private findWrongVisible(zh: string, includeAmbiguous: boolean): { result: WrongRenderingMatch[]; split: WrongRenderingMatch[] } {
    const visible = zh.replace(ZERO_WIDTH_SPACES, '');
    if (visible.length === zh.length) return this.findWrong(zh, includeAmbiguous);
    // Where each visible character (and the end) stands in the text.
    const at: number[] = [];
    let from = 0;
    for (const run of zh.matchAll(ZERO_WIDTH_SPACES)) {
      for (let i = from; i < run.index; i++) at.push(i);
      from = run.index + run[0].length;
    }
    for (let i = from; i <= zh.length; i++) at.push(i);
    const back = (m: WrongRenderingMatch): WrongRenderingMatch => ({ ...m, start: at[m.start] as number, end: (at[m.end - 1] as number) + 1 });
    const found = this.findWrong(visible, includeAmbiguous);
    return { result: found.result.map(back), split: found.split.map(back) };
  }

  private findWrong(zh: string, includeAmbiguous: boolean): { result: WrongRenderingMatch[]; split: WrongRenderingMatch[] } {
    const taken: boolean[] = [];
    const out: WrongRenderingMatch[] = [];
    // Hits that fail only the word-boundary test, kept apart (see matchSplitTarget).
    const split: WrongRenderingMatch[] = [];
    // Only renderings whose first two code units occur in the text can match: each offset's renderings
    // (by its first two code units) are tested there, so every occurrence of every rendering is found
    // in one pass over the text, instead of searching the text for each rendering that might occur.
    // A hit is kept as one number, index * (length + 1) + offset (exact in a double for any text), so
    // that one numeric sort orders hits by rendering (longest first, the order of `wrongs`), then offset.
    const stride = zh.length + 1;
    const keys: number[] = [];
    const starts = this.starts;
    const wrongs = this.wrongs;
    for (let i = 0; i < zh.length; i++) {
      const c = zh.charCodeAt(i);
      const bits = starts[c] as number;
      if ((bits & 1) === 0) continue;
      const next = this.wrongsByStart[c];
      if (!next) continue;
      const single = (bits & 4) === 0 ? undefined : next.get(SINGLE);
      if (single) for (const index of single) if (includeAmbiguous || !(wrongs[index] as WrongRendering).ambiguous) keys.push(index * stride + i);
      if (i + 1 >= zh.length) continue;
      const list = next.get(zh.charCodeAt(i + 1));
      if (!list) continue;
      for (const index of list) {
        const w = wrongs[index] as WrongRendering;
        if ((includeAmbiguous || !w.ambiguous) && (w.wrong.length === 2 || zh.startsWith(w.wrong, i))) keys.push(index * stride + i);
      }
    }
    // Word boundaries are computed only once a rendering occurs (most texts have none).
    let bounds: Uint8Array | undefined;
    const hits = Float64Array.from(keys).sort();
    for (let h = 0; h < hits.length; ) {
      const index = Math.floor((hits[h] as number) / stride);
      const { wrong, entry, ambiguous, kind } = wrongs[index] as WrongRendering;
      bounds ??= wordBoundaries(zh);
      const words = bounds;
      const blockers = this.blockersOf[index] as string[];
      // Most renderings have no exclusions: no occurrence lists to build for them.
      const blocked = blockers.length === 0 ? NO_SPANS : blockers.flatMap((b) => indexesOf(zh, b, true).map((s) => [s, s + b.length] as const));
      const edges = this.latinEdges[index] as number;
      // Every occurrence of this rendering, overlapping ones included, left to right.
      for (; h < hits.length && Math.floor((hits[h] as number) / stride) === index; h++) {
        const start = (hits[h] as number) - index * stride;
        const end = start + wrong.length;
        let free = true;
        for (let k = start; k < end; k++) if (taken[k]) free = false;
        if (!free) continue;
        // Words, not substrings: 功能 inside 功能性 or 时代 inside 新时代 is another word.
        const onWords = words[start] === 1 && words[end] === 1;
        // A rendering that starts or ends with a Latin letter or digit (5克) must not continue a Latin word (GAN克服).
        if ((edges & 1) !== 0 && isAsciiAlnumCode(zh.charCodeAt(start - 1))) continue;
        if ((edges & 2) !== 0 && isAsciiAlnumCode(zh.charCodeAt(end))) continue;
        // An accepted rendering (of any term) or an excluded context overlapping this hit and reaching
        // beyond it: the text says the accepted word, and the hit is a piece of it.
        const overlaps = ([s, e]: readonly [number, number]): boolean => s < end && e > start && (s < start || e > end);
        if ((blocked.length > 0 && blocked.some(overlaps)) || this.acceptedWordOverlaps(zh, words, start, end)) continue;
        if (!onWords) {
          if (splitPlausible(zh, words, start, end)) split.push({ entry, wrong, start, end, ambiguous, kind, split: true });
          continue;
        }
        for (let k = start; k < end; k++) taken[k] = true;
        out.push({ entry, wrong, start, end, ambiguous, kind });
      }
    }
    // A split hit overlapping a word hit is a piece of that word's context, not a rendering of its own.
    const kept = split.filter((m) => !out.some((o) => o.start < m.end && o.end > m.start));
    const byStart = (a: WrongRenderingMatch, b: WrongRenderingMatch): number => a.start - b.start;
    return { result: out.sort(byStart), split: kept.sort(byStart) };
  }

  /**
   * Whether an accepted rendering (two or more Han characters) occurs in `zh` overlapping `[start, end)`
   * and reaching beyond it, with an end on a word boundary (`words`): an accepted rendering with neither
   * end on one is a chance string across two words (标注 in 目标/注册), not a word of the text, and does
   * not block. Only the offsets where such a rendering can start are looked at (instead of finding every
   * accepted rendering in the whole text once a candidate hits, most of the matcher's cost).
   */
  private acceptedWordOverlaps(zh: string, words: Uint8Array, start: number, end: number): boolean {
    for (let s = Math.max(0, start - this.maxAccepted + 1); s < end && s + 1 < zh.length; s++) {
      const c = zh.charCodeAt(s);
      if (((this.starts[c] as number) & 2) === 0) continue;
      const list = this.acceptedByStart[c]?.get(zh.charCodeAt(s + 1));
      if (!list) continue;
      for (const a of list) {
        const e = s + a.length;
        // Not only on word boundaries: an accepted term the segmenter cut differently still says the term.
        if (e > start && (s < start || e > end) && (words[s] === 1 || words[e] === 1) && zh.startsWith(a, s)) return true;
      }
    }
    return false;
  }

  private readonly nested = new Map<GlossaryEntry, readonly GlossaryEntry[]>();

  nestedEntries(entry: GlossaryEntry): readonly GlossaryEntry[] {
    let list = this.nested.get(entry);
    if (list) return list;
    const found = new Set<GlossaryEntry>();
    for (const form of [entry.en, ...entry.aliases]) {
      // Every part of the form that starts or ends at a word boundary, without the whole form.
      const words = [...form.matchAll(WORD)];
      for (let i = 0; i < words.length; i++) {
        for (let j = i; j < words.length; j++) {
          if (i === 0 && j === words.length - 1) continue;
          const from = (words[i] as RegExpMatchArray).index as number;
          const last = words[j] as RegExpMatchArray;
          const part = form.slice(from, (last.index as number) + last[0].length);
          for (const m of this.findSource(part)) if (m.entry !== entry && m.start === 0 && m.end === part.length) found.add(m.entry);
        }
      }
    }
    list = [...found];
    this.nested.set(entry, list);
    return list;
  }

  zhTerms(): string[] {
    return [...new Set(this.entries.flatMap((e) => e.zh).filter((z) => HAN.test(z)))];
  }
}

/** No spans (shared, never modified). */
const NO_SPANS: ReadonlyArray<readonly [number, number]> = [];

/** 1 at every offset of `zh` where a jieba word starts or ends (0 and the length included). */
export function wordBoundaries(zh: string): Uint8Array {
  const bounds = new Uint8Array(zh.length + 1);
  bounds[0] = 1;
  let end = 0;
  for (const word of segmentWords(zh)) bounds[(end += word.length)] = 1;
  return bounds;
}

/**
 * One-character suffixes the segmenter joins to the word before them (概括性, 测距法, 分析器, 关注度): a
 * wrong rendering followed by one of them is still that rendering.
 */
const SUFFIXES = new Set('性法器度量率化型式者');

/** A text of Han characters only. */
const ALL_HAN = /^\p{Script=Han}+$/u;

/**
 * Whether a hit of `zh[start, end)` off the word boundaries is plausibly a rendering the segmenter cut with
 * its neighbour, not a chance string across two words: the part of each cut word outside the hit is a
 * word-like piece of two or more characters (经过/培训, 一个/零射击, 动态/编程语言) or a suffix of
 * {@link SUFFIXES}. 重复发展 (复发 inside) and 回想起 (起 is a verb complement: "recall") are not.
 */
export function splitPlausible(zh: string, bounds: Uint8Array, start: number, end: number): boolean {
  const han = (text: string): boolean => ALL_HAN.test(text);
  if (bounds[start] !== 1) {
    let from = start;
    while (from > 0 && bounds[from] !== 1) from--;
    // On the left the piece must be a word of its own: a suffix hangs on the right only.
    const before = zh.slice(from, start);
    if (before.length < 2 || !han(before)) return false;
  }
  if (bounds[end] !== 1) {
    let to = end;
    while (to < zh.length && bounds[to] !== 1) to++;
    const after = zh.slice(end, to);
    if ((after.length < 2 && !SUFFIXES.has(after)) || !han(after)) return false;
  }
  return true;
}

/** True when `x` shares an affix with `wrong` (`许多转` ends in `多转`'s first character...), i.e. the exclusion overlaps a hit partly. */
function overlapsAffix(x: string, wrong: string): boolean {
  for (let k = 1; k < wrong.length; k++) {
    if (x.endsWith(wrong.slice(0, k)) || x.startsWith(wrong.slice(wrong.length - k))) return true;
  }
  return false;
}

/** Builds a glossary from entries (later duplicates of an English term merge into the first). */
export function createGlossary(entries: readonly GlossaryEntry[]): Glossary {
  const byEn = new Map<string, GlossaryEntry>();
  const merged: GlossaryEntry[] = [];
  for (const e of entries) {
    const key = e.en.toLowerCase();
    const prior = byEn.get(key);
    if (!prior) {
      const copy: GlossaryEntry = { ...e, aliases: [...e.aliases], zh: [...e.zh], wrong: [...e.wrong] };
      if (e.nonstandard) copy.nonstandard = [...e.nonstandard];
      if (e.ambiguous) copy.ambiguous = [...e.ambiguous];
      if (e.cues) copy.cues = [...e.cues];
      byEn.set(key, copy);
      merged.push(copy);
      continue;
    }
    const add = (into: string[], from: readonly string[]) => from.forEach((x) => into.includes(x) || into.push(x));
    add(prior.aliases, e.aliases);
    add(prior.zh, e.zh);
    add(prior.wrong, e.wrong);
    if (e.ambiguous) add((prior.ambiguous ??= []), e.ambiguous);
    if (e.nonstandard) add((prior.nonstandard ??= []), e.nonstandard);
    if (e.exclude) add((prior.exclude ??= []), e.exclude);
    if (e.cues) add((prior.cues ??= []), e.cues);
    prior.note ??= e.note;
  }
  // A rendering accepted by a user entry is no longer wrong for the same term.
  for (const e of merged) e.wrong = e.wrong.filter((w) => !e.zh.includes(w));
  return new GlossaryImpl(merged);
}

const split = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * Parses the TSV format: `en[|alias…]<TAB>zh1|zh2<TAB>wrong1|wrong2[<TAB>note[<TAB>exclude1|exclude2[<TAB>cue1|cue2]]]`.
 * A wrong rendering prefixed with `?` is ambiguous, with `~` nonstandard (both may be combined, `?~`);
 * unmarked ones are sense errors. `#` starts a comment line; blank lines are skipped.
 * Throws ConfigError naming the file and 1-based line on bad input.
 */
export function parseGlossaryTsv(text: string, file: string): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  const calques: Calque[] = [];
  let domain: string | undefined;
  let hints = true;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, i) => {
      const declared = /^#\s*domain:\s*([\w-]+)\s*$/.exec(line.trim());
      if (declared) domain = declared[1];
      const calque = /^#\s*calque:\s*([A-Za-z-]+)\s+(\S+)\s+(~?)(\S+)\s*$/u.exec(line.trim());
      if (calque) {
        const [, head, piece, mark, wrong] = calque as unknown as [string, string, string, string, string];
        const word = head.toLowerCase();
        calques.push({ heads: [word, `${word}s`, `${word}es`], piece, wrong, nonstandard: mark === '~' });
      }
      const hintLine = /^#\s*hints:\s*(on|off)\s*$/.exec(line.trim());
      if (hintLine) hints = hintLine[1] === 'on';
      if (line.trim() === '' || line.trimStart().startsWith('#')) return;
      const fail = (problem: string): never => {
        throw new ConfigError(
          `${file}:${i + 1}: ${problem}`,
          'Glossary TSV lines are `en<TAB>zh1|zh2<TAB>wrong1|wrong2` (optional 4th column: a note).',
        );
      };
      const cols = line.split('\t');
      if (cols.length < 2) fail('expected at least 2 tab-separated columns (English term, accepted Chinese renderings)');
      if (cols.length > 6) fail(`expected at most 6 columns, found ${cols.length}`);
      const [en, ...aliases] = split(cols[0]);
      if (!en) fail('empty English term');
      const zh = split(cols[1]);
      if (zh.length === 0) fail(`no accepted Chinese rendering for \`${en}\``);
      const marked = split(cols[2]).map((raw) => {
        const marks = /^[?~]*/.exec(raw)?.[0] ?? '';
        return { wrong: raw.slice(marks.length).trim(), ambiguous: marks.includes('?'), nonstandard: marks.includes('~') };
      });
      const empty = marked.find((m) => m.wrong === '');
      if (empty) fail('a wrong rendering is only a `?`/`~` mark');
      const wrong = marked.map((m) => m.wrong);
      const ambiguous = marked.filter((m) => m.ambiguous).map((m) => m.wrong);
      const nonstandard = marked.filter((m) => m.nonstandard).map((m) => m.wrong);
      const entry: GlossaryEntry = { en: en as string, aliases, zh, wrong };
      if (nonstandard.length > 0) entry.nonstandard = nonstandard;
      if (domain !== undefined) entry.domain = domain;
      if (!hints) entry.hints = false;
      const note = cols[3]?.trim();
      if (note) entry.note = note;
      if (ambiguous.length > 0) entry.ambiguous = ambiguous;
      const exclude = split(cols[4]);
      if (exclude.length > 0) entry.exclude = exclude;
      const cues = split(cols[5]);
      if (cues.length > 0) entry.cues = cues;
      const clash = wrong.find((w) => zh.includes(w));
      if (clash) fail(`\`${clash}\` is both accepted and wrong for \`${en}\``);
      entries.push(entry);
    });
  applyCalques(entries, calques);
  return entries;
}

/**
 * A `#calque: loss 损失 丢失` line: in an ML term whose English holds the word (loss, losses), an accepted
 * rendering holding the piece 损失 with 丢失 (lost) in its place is the everyday-sense calque machine
 * translation makes of the compound (triplet loss: 三元组损失 → 三元组丢失). The English word keeps the
 * piece's other senses out (特征 in 特征向量 is eigen-, not a feature). `~` before the wrong piece: nonstandard.
 */
interface Calque {
  /** The English word, lower case, and its plural forms: matched as whole (hyphenated) words. */
  heads: string[];
  piece: string;
  wrong: string;
  nonstandard: boolean;
}

/**
 * Adds each calque's compounds to the `ml` entries whose accepted renderings hold its piece and are longer
 * than it, as ambiguous wrong renderings (so reported only with the English term in the aligned source
 * sentence of an ML text: 最大可能性 is "the greatest possibility" elsewhere). A compound accepted or listed as
 * wrong by any entry is left alone.
 */
function applyCalques(entries: GlossaryEntry[], calques: readonly Calque[]): void {
  if (calques.length === 0) return;
  const acceptedAnywhere = new Set(entries.flatMap((e) => e.zh));
  // One entry per wrong rendering: a compound listed (or derived) for one term is not derived for another.
  const wrongAnywhere = new Set(entries.flatMap((e) => e.wrong));
  for (const entry of entries) {
    if (entry.domain !== 'ml') continue;
    // Whole words of the English forms, hyphenated ones also whole (zero-shot): a set lookup per calque,
    // where a regular expression per form and calque cost 150 ms at start-up.
    const words = new Set<string>();
    for (const form of [entry.en, ...entry.aliases]) {
      for (const w of form.toLowerCase().match(/[a-z]+(?:-[a-z]+)*/g) ?? []) {
        words.add(w);
        for (const part of w.split('-')) words.add(part);
      }
    }
    const applicable = calques.filter((c) => c.heads.some((h) => words.has(h)));
    if (applicable.length === 0) continue;
    for (const z of entry.zh) {
      for (const { compound, nonstandard } of calqueCompounds(z, applicable)) {
        if (acceptedAnywhere.has(compound) || wrongAnywhere.has(compound)) continue;
        wrongAnywhere.add(compound);
        entry.wrong.push(compound);
        (entry.ambiguous ??= []).push(compound);
        if (nonstandard) (entry.nonstandard ??= []).push(compound);
      }
    }
  }
}

/** At most this many calques applied at once to one rendering (global average pooling: 全局 and 池化). */
const MAX_CALQUES_AT_ONCE = 3;

/**
 * The calque compounds of one accepted rendering: each non-empty choice of at most one wrong piece per
 * piece the rendering holds (global pooling: 全局池化 → 全球池化, 全局联营 and 全球联营, since machine
 * translation calques every word of a compound, not just one). Nonstandard only if every replaced piece
 * is. Single replacements come first, so a compound found two ways keeps the simpler derivation's class.
 */
function calqueCompounds(z: string, calques: readonly Calque[]): Array<{ compound: string; nonstandard: boolean }> {
  const byPiece = new Map<string, Calque[]>();
  for (const c of calques) {
    if (z.length <= c.piece.length || !z.includes(c.piece)) continue;
    const list = byPiece.get(c.piece) ?? [];
    list.push(c);
    byPiece.set(c.piece, list);
  }
  const groups = [...byPiece.values()];
  const out: Array<{ compound: string; nonstandard: boolean; size: number }> = [];
  const choose = (g: number, chosen: Calque[]): void => {
    if (g === groups.length) {
      if (chosen.length === 0) return;
      let compound = z;
      for (const c of chosen) {
        // Pieces that overlap in this rendering cannot both be replaced.
        if (!compound.includes(c.piece)) return;
        compound = compound.replace(c.piece, c.wrong);
      }
      out.push({ compound, nonstandard: chosen.every((c) => c.nonstandard), size: chosen.length });
      return;
    }
    choose(g + 1, chosen);
    if (chosen.length >= MAX_CALQUES_AT_ONCE) return;
    for (const c of groups[g] as Calque[]) choose(g + 1, [...chosen, c]);
  };
  choose(0, []);
  return out.sort((a, b) => a.size - b.size).map(({ compound, nonstandard }) => ({ compound, nonstandard }));
}

const strings = z.array(z.string().min(1));
const jsonEntry = z.object({
  en: z.string().min(1),
  aliases: strings.optional(),
  zh: strings.min(1),
  wrong: strings.optional(),
  note: z.string().optional(),
  ambiguous: strings.optional(),
  nonstandard: strings.optional(),
  exclude: strings.optional(),
  cues: strings.optional(),
});

/** 1-based line of each top-level array element's start in a JSON text. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectElement && c !== undefined && !/\s/.test(c) && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

/** Parses a JSON glossary (an array of entries); throws ConfigError naming the file and line. */
export function parseGlossaryJson(text: string, file: string): GlossaryEntry[] {
  const body = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const pos = /position (\d+)/.exec(message);
    const line = pos ? body.slice(0, Number(pos[1])).split('\n').length : undefined;
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: invalid JSON (${message})`, 'A JSON glossary is an array of `{ "en", "zh": [...], "wrong": [...] }` objects.');
  }
  if (!Array.isArray(data)) {
    throw new ConfigError(`${file}:1: expected a JSON array of glossary entries`, 'Wrap the entries in `[ … ]`.');
  }
  const lines = elementLines(body);
  return data.map((item, i) => {
    const parsed = jsonEntry.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.') || '(entry)'}: ${issue.message}` : 'invalid entry';
      throw new ConfigError(`${file}:${lines[i] ?? 1}: glossary entry ${i + 1}: ${where}`, 'Each entry needs `en` (string) and `zh` (non-empty array of strings).');
    }
    const v = parsed.data;
    const entry: GlossaryEntry = { en: v.en, aliases: v.aliases ?? [], zh: v.zh, wrong: v.wrong ?? [] };
    if (v.note) entry.note = v.note;
    if (v.ambiguous) entry.ambiguous = v.ambiguous;
    if (v.nonstandard) entry.nonstandard = v.nonstandard;
    if (v.exclude) entry.exclude = v.exclude;
    if (v.cues) entry.cues = v.cues;
    return entry;
  });
}

/** Reads one glossary file: `.json` JSON, `.tbx`/`.xml` (or starting with `<`) TBX, `.csv` CSV, anything else TSV; throws ConfigError naming file and line. */
export function readGlossaryFile(file: string): GlossaryEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read glossary (${error instanceof Error ? error.message : String(error)})`, 'Check the path given to --glossary.');
  }
  if (/\.json$/i.test(file) || text.trimStart().startsWith('[')) return parseGlossaryJson(text, file);
  if (/\.(tbx|xml)$/i.test(file) || text.replace(/^\uFEFF/, '').trimStart().startsWith('<')) return parseGlossaryTbx(text, file);
  if (/\.csv$/i.test(file)) return parseGlossaryCsv(text, file);
  return parseGlossaryTsv(text, file);
}

let bundled: GlossaryEntry[] | undefined;
const cache = new Map<string, Glossary>();

function bundledEntries(): GlossaryEntry[] {
  const path = join(packageRoot(), BUNDLED);
  return (bundled ??= parseGlossaryTsv(readFileSync(path, 'utf8'), BUNDLED));
}

/** The bundled ML glossary (cached). */
export function bundledGlossary(): Glossary {
  return loadGlossary([]);
}

/** The bundled glossary plus user files (JSON array or TSV), cached by file list; throws ConfigError on bad input. */
export function loadGlossary(userFiles: readonly string[] = []): Glossary {
  const key = userFiles.join('\u0000');
  let glossary = cache.get(key);
  if (!glossary) {
    glossary = createGlossary([...bundledEntries(), ...userFiles.flatMap(readGlossaryFile)]);
    cache.set(key, glossary);
    filesOf.set(glossary, [...userFiles]);
  }
  return glossary;
}

/** The user files each loaded glossary was built from: how a check worker names its glossary to the audit thread. */
const filesOf = new WeakMap<Glossary, readonly string[]>();

/**
 * The terms of one pair for the corpus-wide terminology table (pipeline/terminology.ts), as the `glossary`
 * check found them: each use is a glossary entry and the rendering of it the translation holds (a known
 * wrong one, or an accepted one), in the order the table counts them. Finding the matches again cost about
 * 5 % of an audit's CPU. A large run holds them for every pair until the table is built, so they are kept
 * packed in a string (see {@link encodeTermUses}) with a flat key: 0.24 KB a pair, against 0.70 KB for the
 * check's match objects and a key of joined strings (5,000 pairs of the scale benchmark; docs/scale.md).
 */
interface KeptTermUses {
  glossary: Glossary;
  /** `pairTextsKey` of the source and the target the uses were found on (not the texts: a spilled run keeps those on disk). */
  texts: string;
  /** {@link encodeTermUses}. */
  uses: string;
}

/** A translation's term uses: entry, rendering, entry, rendering, … */
export type TermUses = Array<GlossaryEntry | string>;

/**
 * A translation's term uses: each wrong rendering of a term (of a term the source has, when there is a
 * source), then each accepted rendering of those terms the translation holds. `sourceEntries` are the
 * distinct entries of the source's terms in order of first match; `wrongs` the wrong renderings found in
 * the target (ambiguous ones only when there is a source to confirm them).
 */
export function termUses(
  sourceEntries: Iterable<GlossaryEntry>,
  wrongs: Iterable<Pick<WrongRenderingMatch, 'entry' | 'wrong'>>,
  zh: string,
  withSource: boolean,
): TermUses {
  const terms = new Set<GlossaryEntry>(sourceEntries);
  const uses: TermUses = [];
  for (const m of wrongs) {
    if (withSource && !terms.has(m.entry)) continue;
    uses.push(m.entry, m.wrong);
    terms.add(m.entry);
  }
  for (const entry of terms) {
    for (const accepted of entry.zh) if (zh.includes(accepted)) uses.push(entry, accepted);
  }
  return uses;
}

// A use packed in two UTF-16 code units: the entry's index in the glossary, then the rendering's index in
// the entry's accepted renderings, or WRONG_BIT plus its index in the wrong ones.
const WRONG_BIT = 0x8000;

/** `uses` packed in a string, or undefined when one cannot be (an entry not in `glossary`, past 65,535 entries). */
export function encodeTermUses(glossary: Glossary, uses: TermUses): string | undefined {
  const codes: number[] = [];
  for (let i = 0; i + 1 < uses.length; i += 2) {
    const entry = uses[i] as GlossaryEntry;
    const rendering = uses[i + 1] as string;
    const index = indexOfEntry(glossary, entry);
    const accepted = entry.zh.indexOf(rendering);
    const wrong = accepted < 0 ? entry.wrong.indexOf(rendering) : -1;
    if (index < 0 || index > 0xffff || (accepted < 0 && wrong < 0) || accepted >= WRONG_BIT || wrong >= WRONG_BIT) return undefined;
    codes.push(index, accepted >= 0 ? accepted : WRONG_BIT | wrong);
  }
  if (codes.length <= 4096) return String.fromCharCode(...codes);
  // A long list in pieces (an argument list has a limit), joined into a string of its own (not a rope).
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
  return detach(out);
}

/** The uses packed by {@link encodeTermUses}; undefined when they do not fit `glossary` (another glossary). */
export function decodeTermUses(glossary: Glossary, packed: string): TermUses | undefined {
  const uses: TermUses = [];
  for (let i = 0; i + 1 < packed.length; i += 2) {
    const entry = glossary.entries[packed.charCodeAt(i)];
    const code = packed.charCodeAt(i + 1);
    const rendering = entry && (code & WRONG_BIT ? entry.wrong[code & ~WRONG_BIT] : entry.zh[code]);
    if (!entry || rendering === undefined) return undefined;
    uses.push(entry, rendering);
  }
  return uses;
}

const pairTermUses = new WeakMap<object, KeptTermUses>();

/** Keeps the term uses of a pair's texts (see {@link KeptTermUses}); not kept when they cannot be packed. */
export function rememberPairTermUses(pair: object, glossary: Glossary, source: string, target: string, uses: TermUses): void {
  const packed = encodeTermUses(glossary, uses);
  if (packed === undefined) pairTermUses.delete(pair);
  else pairTermUses.set(pair, { glossary, texts: detach(pairTextsKey(source, target)), uses: packed });
}

/**
 * A pair's kept uses as they cross from a check worker to the audit thread, whose terminology table
 * reads them (without them it matched the glossary again on the audit thread, about 7 % of a `--jobs 2`
 * run's critical path): the glossary by its user files (both threads load the same one) and its size,
 * the uses packed as kept.
 */
export interface PairTermUsesData {
  files: readonly string[];
  entries: number;
  uses: string;
}

const entryIndexes = new WeakMap<Glossary, Map<GlossaryEntry, number>>();

function indexOfEntry(glossary: Glossary, entry: GlossaryEntry): number {
  let indexes = entryIndexes.get(glossary);
  if (!indexes) entryIndexes.set(glossary, (indexes = new Map(glossary.entries.map((e, i) => [e, i]))));
  return indexes.get(entry) ?? -1;
}

/** The uses kept for `pair` in this thread, as data that crosses threads; undefined when none were kept. */
export function exportPairTermUses(pair: object): PairTermUsesData | undefined {
  const m = pairTermUses.get(pair);
  const files = m && filesOf.get(m.glossary);
  if (!m || !files) return undefined;
  return { files, entries: m.glossary.entries.length, uses: m.uses };
}

/** Keeps on `pair` the uses a worker found on its texts (see {@link exportPairTermUses}). */
export function importPairTermUses(pair: object, data: PairTermUsesData, source: string, target: string): void {
  const glossary = loadGlossary(data.files);
  // Not the worker's glossary (a user file changed between the two loads): the table matches again.
  if (glossary.entries.length !== data.entries || decodeTermUses(glossary, data.uses) === undefined) return;
  pairTermUses.set(pair, { glossary, texts: detach(pairTextsKey(source, target)), uses: data.uses });
}

/** Moves the uses kept for one pair object to another of the same texts (a speculative check's result reused). */
export function movePairTermUses(from: object, to: object): void {
  const m = pairTermUses.get(from);
  if (m) pairTermUses.set(to, m);
}

/** Drops the uses kept for a pair (once the terminology table has read them). */
export function forgetPairTermUses(pair: object): void {
  pairTermUses.delete(pair);
}

/** The uses kept for a pair by the `glossary` check, when it ran in this thread with this glossary on these texts. */
export function pairTermUsesOf(pair: object, glossary: Glossary, source: string, target: string): TermUses | undefined {
  const m = pairTermUses.get(pair);
  return m && m.glossary === glossary && m.texts === pairTextsKey(source, target) ? decodeTermUses(glossary, m.uses) : undefined;
}

/** The key of a pair's two texts that kept matches are checked against. */
export function pairTextsKey(source: string, target: string): string {
  return `${textKey(source)}|${textKey(target)}`;
}

/** The sentences and beads a glossary check needs to find where a source term is translated. */
export interface AlignedTexts {
  target: string;
  sourceSentences: ReadonlyArray<{ start: number; end: number }>;
  targetSentences: ReadonlyArray<{ start: number; end: number }>;
  beads: ReadonlyArray<{ en: number[]; zh: number[] }>;
}

/**
 * The target span that translates the source text at `sourceOffset` (0-based UTF-16): the Chinese sentences
 * of its bead, widened by `widen` sentences on each side to absorb small alignment errors. The whole target
 * when there are no beads; null when the bead has no Chinese (an omission, reported by another check).
 */
export function alignedTargetSpan(texts: AlignedTexts, sourceOffset: number, widen = 1): [number, number] | null {
  const { target, sourceSentences, targetSentences, beads } = texts;
  if (beads.length === 0 || targetSentences.length === 0) return [0, target.length];
  const en = sentenceAt(sourceSentences, sourceOffset) ?? -1;
  if (en < 0) return [0, target.length];
  // The lowest and highest Chinese sentence of the beads holding `en`, without gathering them in arrays
  // (asked several times for every glossary term of every pair).
  let lo = Infinity;
  let hi = -Infinity;
  for (const b of beads) {
    if (!b.en.includes(en)) continue;
    for (const z of b.zh) {
      if (z < lo) lo = z;
      if (z > hi) hi = z;
    }
  }
  if (hi < lo) return null;
  const first = Math.max(0, lo - widen);
  const last = Math.min(targetSentences.length - 1, hi + widen);
  return [(targetSentences[first] as { start: number }).start, (targetSentences[last] as { end: number }).end];
}

/** 0-based index of the target sentence holding `offset`, if any. */
export function sentenceAt(sentences: ReadonlyArray<{ start: number; end: number }>, offset: number): number | undefined {
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i] as { start: number; end: number };
    if (s.start <= offset && offset < s.end) return i;
  }
  return undefined;
}

/** The last span lower-cased by {@link acceptedRenderingCount}: the glossary check asks about every term of a sentence in turn. */
let lastLower: { text: string; from: number; to: number; lower: string } | undefined;

function lowerSlice(text: string, from: number, to: number): string {
  if (lastLower === undefined || lastLower.text !== text || lastLower.from !== from || lastLower.to !== to) {
    lastLower = { text, from, to, lower: text.slice(from, to).toLowerCase() };
  }
  return lastLower.lower;
}

/** Per entry: its accepted renderings, English term and aliases in lower case, in that order (read for every term of every pair). */
const lowerFormsOf = new WeakMap<GlossaryEntry, readonly string[]>();

function lowerForms(entry: GlossaryEntry): readonly string[] {
  let forms = lowerFormsOf.get(entry);
  if (!forms) lowerFormsOf.set(entry, (forms = [...entry.zh, entry.en, ...entry.aliases].map((f) => f.toLowerCase())));
  return forms;
}

/**
 * How many times `text[from, to)` holds one of the entry's accepted renderings (or the English term kept as
 * is), not counting those inside a longer span of `inside` (立体 inside the wrong 立体声 is not an accepted
 * 立体; 循环 inside 循环神经网络, the rendering of another source term, is not this term's) and counting
 * overlapping renderings once (预训练 holds 预训).
 */
export function acceptedRenderingCount(
  entry: GlossaryEntry,
  text: string,
  from = 0,
  to = text.length,
  inside: ReadonlyArray<{ start: number; end: number }> = [],
): number {
  const lower = lowerSlice(text, from, to);
  const spans: Array<[number, number]> = [];
  for (const needle of lowerForms(entry)) {
    for (const s of indexesOf(lower, needle, true)) {
      const start = from + s;
      const end = start + needle.length;
      if (inside.some((w) => w.start <= start && end <= w.end && w.end - w.start > end - start)) continue;
      spans.push([s, s + needle.length]);
    }
  }
  // None or one: nothing can overlap (most calls), so no coverage array to allocate.
  if (spans.length <= 1) return spans.length;
  const covered = new Uint8Array(lower.length);
  let count = 0;
  for (const [s, e] of spans.sort((a, b) => b[1] - b[0] - (a[1] - a[0]))) {
    let free = true;
    for (let k = s; k < e; k++) if (covered[k]) free = false;
    if (!free) continue;
    covered.fill(1, s, e);
    count++;
  }
  return count;
}
