// Cross-lingual evidence that an English text and a Chinese text say the same thing: CC-CEDICT glosses of
// the Chinese content words found in the English (and back), anchors kept in both (numbers, Latin words,
// acronyms, URLs), and length compatibility. Used on one pair (mismatched-pair check) and, with corpus
// weights, by pairing.
import { getCedict } from './cedict.js';
import { englishTokens, englishWords, isAscii, stem, STOPWORDS } from './english.js';
import { acronymKey } from './extract.js';
import { bundledGlossary } from './glossary.js';
import { jiebaIdf } from './jieba-data.js';
import { segmentationVersion, segmentWords } from './segment.js';
import { detach, HAN, isAsciiAlnumCode, isAsciiLetterCode } from '../core/text.js';

/** How alike an English and a Chinese text are. */
export interface Similarity {
  /** 0-1: weighted blend of the two coverages, anchors and length. */
  score: number;
  /** Anchors (numbers, Latin words, acronyms, URLs) found on both sides, as normalized keys. */
  anchors: string[];
  /** Chinese words whose gloss is in the English, as `中文→english`. */
  terms: string[];
}

/** A Chinese content word with the stems of its English glosses. */
export interface GlossedWord {
  word: string;
  /** Stems of the dictionary glosses (empty when the word has none). */
  glosses: readonly string[];
}

/** What scoring needs from a Chinese text. */
export interface ZhFeatures {
  /** Distinct Chinese content words with their glosses. */
  words: GlossedWord[];
  /** Distinct anchor keys (numbers, Latin words, URLs) in the Chinese text. */
  anchors: string[];
  /** Number of Han characters. */
  han: number;
}

/** What scoring needs from an English text. */
export interface EnFeatures {
  /** Distinct stems of the English content words (hyphenated words also give their parts). */
  stems: Set<string>;
  /** Distinct anchor keys of the English text (every Latin word lower-cased, numbers, URLs). */
  anchors: Set<string>;
  /** Anchor keys that are strong on the English side: numbers, acronyms, names with capitals or digits, URLs. */
  strongAnchors: string[];
  /**
   * `anchors.has(key)`, answered without building the whole set when the Latin matches hold the key
   * (scoring asks only about the Chinese text's anchors).
   */
  hasAnchor(key: string): boolean;
  /** Number of English words. */
  words: number;
  /** First surface form (lower-cased) of each stem, for showing evidence. */
  surface: Map<string, string>;
}

/** Weights (inverse frequencies) of evidence; higher means rarer and more telling. */
export interface SimilarityWeights {
  /** Weight of an English stem. */
  en(stem: string): number;
  /** Weight of a Chinese word. */
  zh(word: string): number;
  /** Weight of an anchor key. */
  anchor(key: string): number;
}

/** Median Han characters per English word in machine translations of abstracts (arXiv, Google Translate). */
export const HAN_PER_ENGLISH_WORD = 1.95;

// Chinese function words and abstract boilerplate that gloss into almost anything.
const ZH_STOPWORDS = new Set(
  `的 了 和 与 及 或 在 是 为 以 对 将 把 被 于 从 由 而 并 且 也 都 这 那 该 其 此 之 中 上 下 等 个 一个 一种 一些 我们 他们 它们 它 他 她
  我 你 本文 文章 可以 可 能 能够 会 要 就 所 所有 这些 那些 这种 这个 这样 如何 什么 通过 进行 使用 利用 基于 提出 表明 显示 不 没有 很 更 最
  已经 已 还 但 但是 然而 因此 所以 因为 如果 则 即 同时 以及 并且 而且 其中 之间 方面 方法 问题 结果 我 您 得 地 着 过 吗 呢 啊 有 又 再 各 每
  当 至 到 向 给 让 使 用 做 作为 成为 具有 存在 包括 关于 对于 根据 按照 除了 如 像 比 跟 同 还是 一 二 两 第`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

// English words that CC-CEDICT glosses use as scaffolding ("to do sth", "sb's").
const GLOSS_STOPWORDS = new Set(['sb', 'sth', 'someone', 'somebody', 'something', 'one', "one's", 'oneself', 'etc', 'lit', 'fig', 'esp', 'usu', 'abbr', 'variant', 'kind', 'classifier']);

const MAX_GLOSS_STEMS = 24;
const HAN_RUN = /\p{Script=Han}+/u;
const NOT_HAN = /\P{Script=Han}/gu;

/** Key under which an English or Latin token is compared across languages. */
export function anchorKey(token: string): string {
  let key = anchorKeyCache.get(token);
  if (key !== undefined) return key;
  const t = token.normalize('NFKC').toLowerCase();
  key = /^\d+(?:[.,]\d+)*$/.test(t) ? t.replace(/,(?=\d{3}\b)/g, '') : t;
  remember(anchorKeyCache, token, key);
  return key;
}

// Memo tables for per-token work; bounded because a corpus run meets tens of thousands of tokens, not millions.
const anchorKeyCache = new Map<string, string>();
const latinKeyCache = new Map<string, string>();

function remember(cache: Map<string, string>, token: string, value: string): void {
  if (cache.size >= 50_000) cache.clear();
  cache.set(detach(token), detach(value));
}

const glossCache = new Map<string, readonly string[]>();

/** Stems of the CC-CEDICT glosses of a Chinese word (or of its dictionary pieces when it has no entry). */
export function glossStems(word: string): readonly string[] {
  const cached = glossCache.get(word);
  if (cached) return cached;
  const dict = getCedict();
  let glosses = dict.lookup(word);
  let stems: string[];
  if (glosses) stems = stemGlosses(glosses);
  else {
    // Unknown compounds (伪标签, 无源域) gloss as the union of their longest dictionary pieces.
    stems = [];
    for (let i = 0; i < word.length; ) {
      let len = Math.min(dict.maxWordLength, word.length - i);
      while (len > 1 && !dict.lookup(word.slice(i, i + len))) len--;
      glosses = dict.lookup(word.slice(i, i + len));
      if (glosses && !ZH_STOPWORDS.has(word.slice(i, i + len))) stems.push(...stemGlosses(glosses));
      i += len;
    }
    stems = [...new Set(stems)];
  }
  const result = stems.slice(0, MAX_GLOSS_STEMS);
  glossCache.set(detach(word), result);
  return result;
}

const extraGlosses = new Map<string, string[]>();

/** Adds English renderings of Chinese terms (e.g. the ML glossary's) to the glosses used for evidence. */
export function addGlosses(entries: ReadonlyArray<{ zh: string; en: readonly string[] }>): void {
  for (const { zh, en } of entries) {
    const list = extraGlosses.get(zh) ?? [];
    list.push(...en);
    extraGlosses.set(zh, list);
    glossCache.delete(zh);
    mergedCache.delete(zh);
    zhCache.clear();
  }
}

function stemGlosses(glosses: readonly string[]): string[] {
  const out = new Set<string>();
  for (const gloss of glosses) {
    if (/^(?:CL:|variant of|old variant|see |surname |abbr\. for|Japanese variant|used in )/i.test(gloss)) continue;
    const plain = gloss.replace(/\([^)]*\)|\[[^\]]*\]|\p{Script=Han}+(?:\|\p{Script=Han}+)?/gu, ' ');
    for (const t of englishTokens(plain)) {
      for (const part of t.word.split('-')) {
        const lower = part.toLowerCase();
        if (lower.length < 2 || STOPWORDS.has(lower) || GLOSS_STOPWORDS.has(lower)) continue;
        out.add(stem(lower));
      }
    }
  }
  return [...out];
}

// Dictionary glosses merged with the added ones, per Chinese word (invalidated by addGlosses). Words with
// no added glosses are kept too (their dictionary stems): one lookup per word instead of three.
const mergedCache = new Map<string, readonly string[]>();

function glossesOf(word: string): readonly string[] {
  const cached = mergedCache.get(word);
  if (cached) return cached;
  const extra = extraGlosses.get(word);
  const base = glossStems(word);
  if (!extra) {
    mergedCache.set(detach(word), base);
    return base;
  }
  const stems = new Set(base);
  for (const e of extra) for (const t of englishTokens(e)) for (const p of t.word.split('-')) stems.add(stem(p));
  const merged = [...stems];
  mergedCache.set(detach(word), merged);
  return merged;
}

let glossaryLoaded = false;

/** Adds the bundled ML glossary's English terms to the glosses of its Chinese terms, once. */
function loadGlossaryGlosses(): void {
  if (glossaryLoaded) return;
  glossaryLoaded = true;
  addGlosses(bundledGlossary().entries.flatMap((e) => e.zh.map((zh) => ({ zh, en: [e.en, ...e.aliases] }))));
}

// Features of recently seen texts: the aligner and several checks ask for the same sentences of one pair.
const FEATURE_CACHE_LIMIT = 256;
const zhCache = new Map<string, ZhFeatures>();
const enCache = new Map<string, EnFeatures>();
let zhCacheVersion = -1;

function cacheFeatures<T>(cache: Map<string, T>, text: string, features: T): T {
  if (cache.size >= FEATURE_CACHE_LIMIT) cache.clear();
  cache.set(text, features);
  return features;
}

/** Chinese features: content words with glosses, anchors, Han count. The result may be shared: do not modify it. */
export function zhFeatures(zh: string): ZhFeatures {
  loadGlossaryGlosses();
  if (zhCacheVersion !== segmentationVersion()) {
    zhCache.clear();
    zhCacheVersion = segmentationVersion();
  }
  return zhCache.get(zh) ?? cacheFeatures(zhCache, zh, computeZhFeatures(zh));
}

function computeZhFeatures(zh: string): ZhFeatures {
  const seen = new Map<string, GlossedWord>();
  for (const word of segmentWords(zh)) {
    if (seen.has(word) || ZH_STOPWORDS.has(word) || !hasHan(word)) continue;
    seen.set(word, { word, glosses: glossesOf(word) });
  }
  // Anchors and the Han count are worked out on first use: the aligner and several checks only need the words.
  let anchors: string[] | undefined;
  let han: number | undefined;
  return {
    words: [...seen.values()],
    get anchors() {
      return (anchors ??= latinAnchors(zh));
    },
    get han() {
      return (han ??= countCodePoints(zh.replace(NOT_HAN, '')));
    },
  };
}

/** True when `word` holds a Han character: a common ideograph decides without the regular expression. */
function hasHan(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    // CJK Unified Ideographs assigned since Unicode 11: every one is Script=Han.
    if (c >= 0x4e00 && c <= 0x9fef) return true;
  }
  return HAN_RUN.test(word);
}

function countCodePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
}

const NO_SURFACE: Map<string, string> = new Map();

/**
 * English features: content stems, anchors, word count. With `surface: false` the stem→word map stays
 * empty (evidence then shows stems), which saves memory on large pools of originals. The result may be
 * shared: do not modify it.
 */
export function enFeatures(en: string, options: { surface?: boolean } = {}): EnFeatures {
  const withSurface = options.surface !== false;
  const cached = enCache.get(en);
  if (cached) {
    if (cached.surface !== NO_SURFACE) return withSurface ? cached : withoutSurface(cached);
    if (!withSurface) return cached;
  }
  return cacheFeatures(enCache, en, computeEnFeatures(en, withSurface));
}

/** The same features with an empty surface map, anchors still worked out on first use. */
function withoutSurface(f: EnFeatures): EnFeatures {
  return {
    stems: f.stems,
    get anchors() {
      return f.anchors;
    },
    get strongAnchors() {
      return f.strongAnchors;
    },
    hasAnchor: (key) => f.hasAnchor(key),
    words: f.words,
    surface: NO_SURFACE,
  };
}

function computeEnFeatures(en: string, withSurface: boolean): EnFeatures {
  const stems = new Set<string>();
  const surface = withSurface ? new Map<string, string>() : NO_SURFACE;
  const tokens = englishWords(en);
  const words = tokens.length;
  for (const word of tokens) {
    const lower = word.toLowerCase();
    if (lower.includes('-')) for (const part of lower.split('-')) addStem(part, stems, surface);
    else addStem(lower, stems, surface);
  }
  // Anchors are worked out on first use: the aligner and several checks only need the stems.
  const anchors = new EnglishAnchors(en, tokens);
  return {
    stems,
    get anchors() {
      return anchors.all();
    },
    get strongAnchors() {
      return anchors.strong();
    },
    hasAnchor: (key) => anchors.has(key),
    words,
    surface,
  };
}

/**
 * The anchors of an English text, worked out as far as they are asked for. The anchor set is the token
 * keys followed by the Latin-match keys. Scoring and `compareAnchors` ask only whether a Chinese text's
 * Latin anchors are in it, and those nearly always are among the English's Latin matches, which are
 * scanned anyway for the strong anchors: the tokens are then not read again (on arXiv dev, 3 % of
 * `compareAnchors` calls and 7 % of scorings ask for a key the Latin matches lack).
 */
class EnglishAnchors {
  private latin: Set<string> | undefined;
  private strongKeys: string[] | undefined;
  private tokenKeys: Set<string> | undefined;
  private allKeys: Set<string> | undefined;

  constructor(
    private readonly en: string,
    /** The text's English words when already split (released once read). */
    private tokens: readonly string[] | undefined,
  ) {}

  /** The whole set, in the order enAnchors built it: token keys, then the Latin-match keys. */
  all(): Set<string> {
    if (this.allKeys) return this.allKeys;
    let all: Set<string>;
    if (this.tokenKeys === undefined && this.strongKeys === undefined) {
      // Nothing worked out yet (an index build): one set, filled as enAnchors fills it.
      all = new Set<string>();
      addTokenAnchors(this.words(), all);
      this.strongKeys = latinMatchAnchors(this.en, all);
    } else {
      all = new Set(this.tokenSet());
      for (const key of this.latinSet()) all.add(key);
    }
    this.allKeys = all;
    this.latin = undefined;
    this.tokenKeys = undefined;
    return all;
  }

  strong(): string[] {
    this.latinSet();
    return this.strongKeys as string[];
  }

  has(key: string): boolean {
    if (this.allKeys) return this.allKeys.has(key);
    return this.latinSet().has(key) || this.tokenSet().has(key);
  }

  private latinSet(): Set<string> {
    if (!this.latin) {
      // After all(): the Latin keys are in the whole set (only strong() reads this then).
      if (this.allKeys) return this.allKeys;
      this.latin = new Set();
      this.strongKeys = latinMatchAnchors(this.en, this.latin);
    }
    return this.latin;
  }

  private tokenSet(): Set<string> {
    if (!this.tokenKeys) {
      this.tokenKeys = new Set();
      addTokenAnchors(this.words(), this.tokenKeys);
    }
    return this.tokenKeys;
  }

  private words(): readonly string[] {
    const words = this.tokens ?? englishWords(this.en);
    this.tokens = undefined;
    return words;
  }
}

/** The anchors of an English text as `compareAnchors` reads them: membership in `anchors`, and `strongAnchors`. */
export interface EnAnchorKeys {
  /** True when `key` is in `enFeatures(en).anchors`. */
  has(key: string): boolean;
  /** `enFeatures(en).strongAnchors`, in the same order. */
  strong: readonly string[];
}

/**
 * The anchors of `enFeatures(en)` without its stems: the mismatched-pair check needs only these of the
 * whole source, whose features are no longer cached by then. The anchor set is the token keys joined with
 * the Latin-match keys; the Latin matches are scanned at once (the strong anchors come from them), the
 * tokens only when a key is asked for that no Latin match gave: the keys asked for are a Chinese text's
 * Latin anchors, which nearly always are the English's Latin matches (or there are none to ask about).
 */
export function enAnchorKeys(en: string): EnAnchorKeys {
  const cached = enCache.get(en);
  if (cached) return { has: (key) => cached.hasAnchor(key), strong: cached.strongAnchors };
  const anchors = new EnglishAnchors(en, undefined);
  return { has: (key) => anchors.has(key), strong: anchors.strong() };
}

/** Adds the anchor keys of English word tokens: every non-stopword token and hyphen part. */
function addTokenAnchors(tokens: readonly string[], all: Set<string>): void {
  for (const word of tokens) {
    const lower = word.toLowerCase();
    // An ASCII token's key is its lower case (NFKC leaves ASCII alone; word tokens hold no `.` or `,`):
    // no lookup in anchorKey's memo, which cost more than the lower-casing it saves.
    const ascii = isAscii(word);
    if (!STOPWORDS.has(lower)) all.add(ascii ? lower : anchorKey(word));
    if (lower.includes('-')) for (const part of lower.split('-')) if (part !== lower && !STOPWORDS.has(part)) all.add(ascii ? part : anchorKey(part));
  }
}

/** Adds the keys of the Latin matches of an English text (URLs, numbers, Latin words) to `all`; returns the strong ones. */
function latinMatchAnchors(en: string, all: Set<string>): string[] {
  const strong = new Set<string>();
  forEachLatinMatch(en, (raw) => {
    const key = latinKeyOf(raw);
    addLatinAnchor(key, all);
    // Numbers, URLs, acronyms and CamelCase names survive translation; plain words do not.
    if (isStrongLatin(raw)) strong.add(key);
  });
  return [...strong];
}

/** A Latin match that survives translation: it holds a digit, is a URL, or is CamelCase (`/^[A-Za-z][a-z]*[A-Z]/`). */
function isStrongLatin(raw: string): boolean {
  let i = 1;
  while (i < raw.length && isLower(raw.charCodeAt(i))) i++;
  if (i < raw.length && isUpper(raw.charCodeAt(i)) && isAsciiLetterCode(raw.charCodeAt(0))) return true;
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (isDigit(c) || (c === 58 && raw.charCodeAt(k + 1) === 47 && raw.charCodeAt(k + 2) === 47)) return true;
  }
  return false;
}

/**
 * Calls `visit` with each Latin token kept through translation in the NFKC form of `text`, in order:
 * URLs, numbers, words with Latin letters (acronyms, names, code). The matches of
 * `/https?:\/\/[^\s\p{Script=Han}，。；）)]+|[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*|\d+(?:[.,]\d+)*\/gu`,
 * found by a hand-written scanner with its leftmost-first semantics (tests/lexicon/latin-matches.test.ts
 * holds it to the pattern on random and real texts): the regular expression built a match array for every English
 * word of every original and source, several times each, about a tenth of what a run allocated.
 */
export function forEachLatinMatch(text: string, visit: (raw: string) => void): void {
  const t = isAscii(text) ? text : text.normalize('NFKC');
  const n = t.length;
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c === 104 && startsUrl(t, i)) {
      // https?:\/\/[^\s\p{Script=Han}，。；）)]+ : at least one character after the scheme.
      let j = t.charCodeAt(i + 4) === 115 ? i + 8 : i + 7;
      const start = j;
      while (j < n) {
        const cp = t.codePointAt(j) as number;
        if (endsUrl(cp)) break;
        j += cp > 0xffff ? 2 : 1;
      }
      if (j > start) {
        visit(t.slice(i, j));
        i = j;
        continue;
      }
    }
    if (isAsciiLetterCode(c) || isDigit(c)) {
      // [A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)* or \d+(?:[.,]\d+)*
      const j = isDigit(c) ? partsEnd(t, i + 1, isDigit, isNumberJoiner) : partsEnd(t, i + 1, isAsciiAlnumCode, isWordJoiner);
      visit(t.slice(i, j));
      i = j;
      continue;
    }
    i++;
  }
}

function addStem(part: string, stems: Set<string>, surface: Map<string, string>): void {
  if (part.length < 2 || STOPWORDS.has(part) || isDigit(part.charCodeAt(0))) return;
  const s = stem(part);
  stems.add(s);
  if (surface !== NO_SURFACE && !surface.has(s)) surface.set(s, part);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The end of `unit*(?:joiner unit+)*` from `j`: a joiner counts only when a unit follows it. */
function partsEnd(t: string, j: number, unit: (c: number) => boolean, joiner: (c: number) => boolean): number {
  const n = t.length;
  for (;;) {
    while (j < n && unit(t.charCodeAt(j))) j++;
    if (j + 1 < n && joiner(t.charCodeAt(j)) && unit(t.charCodeAt(j + 1))) j += 2;
    else return j;
  }
}

/** `-`, `_` or `.` inside a Latin word; `.` or `,` inside a number. */
const isWordJoiner = (c: number): boolean => c === 45 || c === 95 || c === 46;
const isNumberJoiner = (c: number): boolean => c === 46 || c === 44;

/** `http://` or `https://` at `i`. */
function startsUrl(t: string, i: number): boolean {
  return t.startsWith('http://', i) || t.startsWith('https://', i);
}

const URL_STOPS = new Set([0xff0c, 0x3002, 0xff1b, 0xff09, 0x29]);

/** A code point that ends a URL match: white space (as `\s` reads it), a Han character or closing punctuation. */
function endsUrl(cp: number): boolean {
  if (cp < 128) return cp === 32 || (cp >= 9 && cp <= 13) || cp === 0x29;
  if (URL_STOPS.has(cp)) return true;
  if (cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff) return true;
  return cp >= 0x2e80 && HAN.test(String.fromCodePoint(cp));
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/**
 * `latinKey` of a Latin match (forEachLatinMatch), worked out directly for Latin words and numbers (nearly every
 * match): the same key without the memo lookup, which was most of the cost of English anchors.
 */
function latinKeyOf(raw: string): string {
  const first = raw.charCodeAt(0);
  if (isDigit(first)) {
    // A number (`\d+(?:[.,]\d+)*`): no trailing dot or comma, no letters; thousands commas dropped as in anchorKey.
    return raw.includes(',') ? raw.replace(/,(?=\d{3}\b)/g, '') : raw;
  }
  if (raw.includes(':')) return latinKey(raw);
  // A Latin word (`[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*`): ASCII, ends with a letter or digit.
  const n = raw.length;
  const plural = n >= 3 && raw.charCodeAt(n - 1) === 115 && isUpper(raw.charCodeAt(n - 2)) && isUpper(raw.charCodeAt(n - 3));
  return (plural ? raw.slice(0, -1) : raw).toLowerCase();
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

function latinKey(raw: string): string {
  let key = latinKeyCache.get(raw);
  if (key !== undefined) return key;
  // Plural acronyms (CNNs) meet their singular (CNN), as the translation usually drops the s.
  key = anchorKey(acronymKey(raw.replace(/[.,]+$/, '')));
  if (key.startsWith('http')) key = key.replace(/\/+$/, '');
  remember(latinKeyCache, raw, key);
  return key;
}

/** Adds an anchor key and, for dotted or hyphenated Latin tokens, its parts; single letters skipped. */
function addLatinAnchor(key: string, out: Set<string>): void {
  if (key.length < 2 && !/\d/.test(key)) return;
  out.add(key);
  // A dotted or hyphenated Latin token also matches by its parts (ResNet-50 ↔ ResNet 50).
  if (!key.startsWith('http') && (key.includes('-') || key.includes('_'))) for (const p of key.split(/[-_]/)) if (p.length >= 2) out.add(p);
}

/** Anchor keys in text: URLs, numbers and Latin words, lower-cased; single letters and years-as-ordinals skipped. */
export function latinAnchors(text: string): string[] {
  const out = new Set<string>();
  forEachLatinMatch(text, (raw) => addLatinAnchor(latinKeyOf(raw), out));
  return [...out];
}

/** Blend of the evidence, 0-1, with the parts kept for reports. */
export interface ScoredSimilarity extends Similarity {
  /** Weighted share of Chinese content words whose gloss is in the English. */
  zhCoverage: number;
  /** Weighted share of English content stems found among the Chinese glosses. */
  enCoverage: number;
  /** Weighted share of anchors found on both sides (undefined when neither side has any). */
  anchorScore: number | undefined;
  /** Length compatibility, 0-1 (1 at the expected Han characters per English word). */
  lengthScore: number;
}

/**
 * One `word→surface` string per distinct pair of words: a corpus run keeps every pair's evidence until its
 * reports are written, about 54 terms a pair, most of them the same few thousand (模型→model); a copy
 * each cost about 2.5 KB a pair (120 MB on a 100 MB JSONL). Bounded: cleared at 200,000 distinct terms.
 */
const evidenceTerms = new Map<string, Map<string, string>>();
let evidenceTermCount = 0;

function evidenceTerm(word: string, surface: string): string {
  let bySurface = evidenceTerms.get(word);
  if (!bySurface) {
    if (evidenceTermCount >= 200_000) {
      evidenceTerms.clear();
      evidenceTermCount = 0;
    }
    evidenceTerms.set(detach(word), (bySurface = new Map()));
  }
  let term = bySurface.get(surface);
  if (term === undefined) {
    bySurface.set(detach(surface), (term = detach(`${word}→${surface}`)));
    evidenceTermCount++;
  }
  return term;
}

/**
 * The evidence lists of `scoreFeatures` alone (its `anchors` and `terms`, the same values in the same
 * order), for a pair whose score is already known: pairing scores on its index, and asks for the lists
 * only of the original it reports, without the weights and totals the score needs.
 */
export function pairEvidence(en: EnFeatures, zh: ZhFeatures): { anchors: string[]; terms: string[] } {
  const terms: string[] = [];
  for (const w of zh.words) {
    for (const g of w.glosses) {
      if (!en.stems.has(g)) continue;
      terms.push(evidenceTerm(w.word, en.surface.get(g) ?? g));
      break;
    }
  }
  const anchors: string[] = [];
  for (const a of zh.anchors) if (en.hasAnchor(a)) anchors.push(a);
  // Copies of the right length: lists grown by `push` keep up to half their length spare, and a run keeps
  // every pair's lists to its reports (0.24 KB a pair on the scale benchmark's file; docs/scale.md).
  return { anchors: anchors.slice(), terms: terms.slice() };
}

/**
 * Scores a pair from its features; `glossUnion` (stems of all Chinese glosses) is computed when not
 * given. With `withEvidence` false the `anchors` and `terms` lists stay empty (cheaper when ranking).
 */
export function scoreFeatures(
  en: EnFeatures,
  zh: ZhFeatures,
  weights: SimilarityWeights,
  glossUnion?: ReadonlySet<string>,
  withEvidence = true,
): ScoredSimilarity {
  let zhTotal = 0;
  let zhHit = 0;
  const terms: string[] = [];
  for (const w of zh.words) {
    if (w.glosses.length === 0) continue;
    const weight = weights.zh(w.word);
    zhTotal += weight;
    const hit = w.glosses.find((g) => en.stems.has(g));
    if (hit !== undefined) {
      zhHit += weight;
      if (withEvidence) terms.push(evidenceTerm(w.word, en.surface.get(hit) ?? hit));
    }
  }
  const union = glossUnion ?? unionOfGlosses(zh);
  let enTotal = 0;
  let enHit = 0;
  for (const s of en.stems) {
    const weight = weights.en(s);
    enTotal += weight;
    if (union.has(s)) enHit += weight;
  }
  const anchors: string[] = [];
  let anchorTotal = 0;
  let anchorHit = 0;
  for (const a of zh.anchors) {
    const weight = weights.anchor(a);
    anchorTotal += weight;
    if (en.hasAnchor(a)) {
      anchorHit += weight;
      if (withEvidence) anchors.push(a);
    }
  }
  const zhAnchors = new Set(zh.anchors);
  for (const a of en.strongAnchors) {
    if (zhAnchors.has(a)) continue;
    anchorTotal += weights.anchor(a);
  }
  const zhCoverage = zhTotal > 0 ? zhHit / zhTotal : 0;
  const enCoverage = enTotal > 0 ? enHit / enTotal : 0;
  const anchorScore = anchorTotal > 0 ? anchorHit / anchorTotal : undefined;
  const lengthScore = lengthCompatibility(en.words, zh.han);
  const parts: Array<[number, number]> = [
    [zhCoverage, 0.4],
    [enCoverage, 0.3],
    [lengthScore, 0.1],
  ];
  // Anchors weigh by how much there is to compare: two shared acronyms say less than ten.
  if (anchorScore !== undefined) parts.push([anchorScore, 0.2 * Math.min(1, anchorTotal / 20)]);
  const totalWeight = parts.reduce((s, [, w]) => s + w, 0);
  const score = parts.reduce((s, [v, w]) => s + v * w, 0) / totalWeight;
  return { score, anchors, terms, zhCoverage, enCoverage, anchorScore, lengthScore };
}

// Unions by features object: the aligner, mismatched-pair, omission and truncated ask for the same
// sentences' unions; features objects are themselves cached, so the union lives as long as they do.
const unionCache = new WeakMap<ZhFeatures, Set<string>>();

/** Stems of all glosses of a Chinese text's words. The set may be shared: do not modify it. */
export function unionOfGlosses(zh: ZhFeatures): Set<string> {
  let union = unionCache.get(zh);
  if (union) return union;
  union = new Set<string>();
  for (const w of zh.words) for (const g of w.glosses) union.add(g);
  unionCache.set(zh, union);
  return union;
}

/**
 * Length compatibility, 0-1: 1 when the Han characters per English word equal the corpus median (1.95),
 * falling as a Gaussian on the log ratio (5–95 % of real pairs lie in 1.71–2.31, i.e. ±0.15).
 */
export function lengthCompatibility(englishWords: number, hanChars: number): number {
  if (englishWords === 0 || hanChars === 0) return 0;
  const logRatio = Math.log(hanChars / englishWords / HAN_PER_ENGLISH_WORD);
  return Math.exp(-(logRatio * logRatio) / (2 * 0.15 * 0.15));
}

let defaultWeights: SimilarityWeights | undefined;

/**
 * Weights for a single pair with no corpus to count in: Chinese words by jieba's bundled IDF table,
 * English stems and anchors uniformly (stopwords are already out).
 */
export function genericWeights(): SimilarityWeights {
  if (defaultWeights) return defaultWeights;
  // Indexed on first use, values parsed per word looked up (src/lexicon/jieba-data.ts).
  const table = jiebaIdf();
  // Words missing from jieba's table (mostly technical compounds) are rare, hence telling.
  const unknown = 10;
  defaultWeights = {
    zh: (word) => Math.min(table.get(word) ?? unknown, 12) / 12,
    en: () => 1,
    anchor: (key) => (/^\d+$/.test(key) && key.length <= 1 ? 0.3 : 1),
  };
  return defaultWeights;
}

/** Cross-lingual similarity of one English text and one Chinese text, with the evidence found. */
export function crossLingualSimilarity(en: string, zh: string): Similarity {
  const { score, anchors, terms } = scoreFeatures(enFeatures(en), zhFeatures(zh), genericWeights());
  return { score, anchors, terms };
}
