// The index of originals that pairing ranks against: integer ids, interned stems and anchors, typed
// arrays, no per-original sets kept after indexing. Scores a translation against one original exactly as
// `scoreFeatures` does on the original's full features (same weights, same formula), so the decision
// layer above sees the same numbers whichever way the original is held.
import { createHash } from 'node:crypto';
import type { IdentifiedBlock } from '../core/types.js';
import {
  enFeatures,
  genericWeights,
  lengthCompatibility,
  unionOfGlosses,
  type ScoredSimilarity,
  type SimilarityWeights,
  type ZhFeatures,
} from '../lexicon/similarity.js';

/** Smallest document-frequency cut-off of posting lists (small pools keep every word). */
export const MIN_MAX_DF = 100;
/** Share of the pool above which a stem or anchor is too common to find candidates by. */
export const MAX_DF_SHARE = 1 / 20;
/** Absolute cut-off: postings of terms in more originals than this are not kept, whatever the pool size. */
export const MAX_DF_CAP = 4000;
/**
 * On pools where the rare cut-off is capped (over 80,000 originals), stems in up to this many originals
 * keep posting lists too (the "band", over MAX_DF_CAP): candidate generation reads them after the rare
 * ones, within a budget of their own. At 1M, 22 of 300 right originals shared no term under 4,000
 * originals with their translation and were never touched (docs/scale.md). Smaller pools have no band:
 * their cut-off is 5 % of the pool, and pairing on them is unchanged.
 */
export const BAND_CAP = 12_000;

/** The posting cut-off of stems for a rare cut-off (see BAND_CAP). */
export function postingCutoff(maxDf: number): number {
  return maxDf >= MAX_DF_CAP ? Math.max(maxDf, BAND_CAP) : maxDf;
}

/**
 * Each original's stems too common to have a posting list, as small ids: the pre-rank's signal for the
 * common words a translation shares with its original. On a large pool most of an abstract's stems are
 * above the posting cut-off (72 of 87 at 300k), so rare-term hits alone rank the right original
 * anywhere from 1st to 70,000th of the originals touched; adding the overlap of these lists ranks it
 * first or second (docs/scale.md).
 */
export interface CommonStems {
  /** Common id of each stem id of the pool (−1: the stem has a posting list). */
  of: Int32Array;
  /** Stem id of each common id. */
  stems: Int32Array;
  /** Doc d's common ids are ids[offsets[d] … offsets[d + 1]). */
  offsets: Int32Array;
  ids: Uint16Array;
}

/** Common ids are 16-bit: at most this many common stems (the rarest of them are kept). */
export const MAX_COMMON_STEMS = 65_535;

/**
 * The common stems of a pool (df above the posting cut-off) and each doc's list of them, from the flat
 * per-doc stem arrays.
 */
export function commonStems(stemIds: Int32Array, stemOffsets: Int32Array, stemDf: Int32Array, maxDf: number): CommonStems {
  let candidates: number[] = [];
  for (let s = 0; s < stemDf.length; s++) if ((stemDf[s] as number) > maxDf) candidates.push(s);
  if (candidates.length > MAX_COMMON_STEMS) {
    candidates = candidates.sort((a, b) => (stemDf[a] as number) - (stemDf[b] as number) || a - b).slice(0, MAX_COMMON_STEMS).sort((a, b) => a - b);
  }
  const stems = Int32Array.from(candidates);
  const of = commonOf(stems, stemDf.length);
  const docs = stemOffsets.length - 1;
  const offsets = new Int32Array(docs + 1);
  let total = 0;
  for (let d = 0; d < docs; d++) {
    for (let i = stemOffsets[d] as number; i < (stemOffsets[d + 1] as number); i++) if ((of[stemIds[i] as number] as number) >= 0) total++;
    offsets[d + 1] = total;
  }
  const ids = new Uint16Array(total);
  let k = 0;
  for (let d = 0; d < docs; d++) {
    for (let i = stemOffsets[d] as number; i < (stemOffsets[d + 1] as number); i++) {
      const c = of[stemIds[i] as number] as number;
      if (c >= 0) ids[k++] = c;
    }
  }
  return { of, stems, offsets, ids };
}

/** The common id of every stem id below `vocabulary` (−1 when not common). */
export function commonOf(stems: Int32Array, vocabulary: number): Int32Array {
  const of = new Int32Array(vocabulary).fill(-1);
  stems.forEach((s, c) => {
    of[s] = c;
  });
  return of;
}

/** A growable Int32Array (amortized doubling), for building the flat arrays in one pass. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Interned strings: a string's id is its first-seen order. */
class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly df = new IntList(4096);
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
      this.df.push(0);
    }
    return id;
  }
  get(key: string): number {
    return this.ids.get(key) ?? -1;
  }
}

/** A translation's features translated into the index's ids, computed once per translation. */
export interface IndexedQuery {
  features: ZhFeatures;
  /** Per Chinese word with glosses: its weight and its gloss stem ids known to the index. */
  words: Array<{ weight: number; stems: Int32Array }>;
  /** Sum of the weights of the words with glosses. */
  zhTotal: number;
  /** Distinct stem ids of the gloss union known to the index. */
  unionIds: Int32Array;
  /** The weight of each of `unionIds` (so a store need not hold every stem's weight in memory). */
  unionWeights: Float64Array;
  /** Anchor ids (−1 when unknown to the index) and weights, one per anchor of the translation. */
  anchorIds: Int32Array;
  anchorWeights: Float64Array;
  anchorTotal: number;
  han: number;
}

/**
 * What candidate generation and the pairing decision need from an index of originals, whether it is held
 * in memory (`PairIndex`) or read from disk on demand (`StoredIndex` in index-store.ts).
 */
export interface OriginalsIndex {
  /** Number of distinct originals (doc ids are 0 … size − 1). */
  readonly size: number;
  /** Document frequency above which a term is not rare (anchors above it have no posting list; stems above it are common stems). */
  readonly maxDf: number;
  /** Document frequency above which a stem has no posting list (stems over maxDf and up to this are the band). */
  readonly postDf: number;
  readonly weights: SimilarityWeights;
  /** Sum of stem weights per doc (normalizes the pre-rank). */
  readonly enTotal: Float64Array;
  /** Sum of strong-anchor weights per doc. */
  readonly anchorTotal: Float64Array;
  /** Each original's stems without posting lists (the pre-rank's second stage). */
  readonly common: CommonStems;
  /** Slots of the stamp array `score` uses (stem ids are below this). */
  readonly vocabularySize: number;
  /** The original of a doc id. */
  block(doc: number): IdentifiedBlock;
  /** Doc id of a text, or −1. */
  docOf(text: string): number;
  stemFrequency(id: number): number;
  anchorFrequency(id: number): number;
  stemWeightOf(id: number): number;
  stemPostings(id: number): Int32Array;
  anchorPostings(id: number): Int32Array;
  /** `union` defaults to the features' own gloss union (`unionOfGlosses`). */
  query(features: ZhFeatures, union?: ReadonlySet<string>): IndexedQuery;
  score(q: IndexedQuery, doc: number, scratch: Uint32Array, stamp: number): ScoredSimilarity;
  stemJaccard(a: number, b: number): number;
  /** Doc d's arrays (its stems and anchors, sorted ids). */
  terms(doc: number): DocTerms;
}

/** One original's arrays, as scoring reads them (slices of the flat arrays, or a record read from disk). */
export interface DocTerms {
  /** Sorted stem ids. */
  stems: Int32Array;
  /** Sorted anchor ids. */
  anchors: Int32Array;
  /** Strong-anchor ids and their weights. */
  strong: Int32Array;
  strongWeights: Float64Array;
  /** English words. */
  words: number;
  /** Sum of stem weights. */
  enTotal: number;
}

/**
 * The similarity of a translation and one original, without evidence lists: the same value as
 * `scoreFeatures(enFeatures(original), zh, weights, union, false)`. One function for every index, so
 * an index on disk scores exactly as the one in memory.
 */
export function scoreDoc(q: IndexedQuery, d: DocTerms, scratch: Uint32Array, stamp: number): ScoredSimilarity {
  // Mark the original's stems; a Chinese word is a hit when one of its glosses is marked.
  for (let i = 0; i < d.stems.length; i++) scratch[d.stems[i] as number] = stamp;
  let zhHit = 0;
  for (const w of q.words) {
    for (let j = 0; j < w.stems.length; j++) {
      if (scratch[w.stems[j] as number] === stamp) {
        zhHit += w.weight;
        break;
      }
    }
  }
  let enHit = 0;
  for (let j = 0; j < q.unionIds.length; j++) {
    if (scratch[q.unionIds[j] as number] === stamp) enHit += q.unionWeights[j] as number;
  }
  let anchorHit = 0;
  let anchorTotal = q.anchorTotal;
  for (let j = 0; j < q.anchorIds.length; j++) {
    const id = q.anchorIds[j] as number;
    if (id >= 0 && binarySearch(d.anchors, 0, d.anchors.length, id)) anchorHit += q.anchorWeights[j] as number;
  }
  // Strong anchors of the original missing from the translation count against it.
  for (let i = 0; i < d.strong.length; i++) {
    if (!q.anchorIds.includes(d.strong[i] as number)) anchorTotal += d.strongWeights[i] as number;
  }
  const enTotal = d.enTotal;
  const zhCoverage = q.zhTotal > 0 ? zhHit / q.zhTotal : 0;
  const enCoverage = enTotal > 1e-9 ? enHit / enTotal : 0;
  const anchorScore = anchorTotal > 0 ? anchorHit / anchorTotal : undefined;
  const lengthScore = lengthCompatibility(d.words, q.han);
  let total = 0.4 + 0.3 + 0.1;
  let score = 0.4 * zhCoverage + 0.3 * enCoverage + 0.1 * lengthScore;
  if (anchorScore !== undefined) {
    const w = 0.2 * Math.min(1, anchorTotal / 20);
    total += w;
    score += w * anchorScore;
  }
  return { score: score / total, anchors: [], terms: [], zhCoverage, enCoverage, anchorScore, lengthScore };
}

/**
 * A translation's features in an index's ids (−1 for a stem or anchor the index does not know): one
 * function for every index, so that the same query gives the same numbers.
 */
export function buildQuery(
  features: ZhFeatures,
  /** Stems to score the English side on; undefined: the features' own gloss union. */
  union: ReadonlySet<string> | undefined,
  weights: SimilarityWeights,
  stemId: (stem: string) => number,
  stemWeight: (id: number) => number,
  anchorId: (anchor: string) => number,
  /** A sealed index's shortcut: the known ids of a word's glosses, and a fresh stamp array over the stem ids. */
  memo?: { glossIds(glosses: readonly string[]): Int32Array; stamp(): { marks: Uint32Array; stamp: number } },
): IndexedQuery {
  const words: IndexedQuery['words'] = [];
  let zhTotal = 0;
  for (const w of features.words) {
    if (w.glosses.length === 0) continue;
    const weight = weights.zh(w.word);
    zhTotal += weight;
    if (memo) {
      words.push({ weight, stems: memo.glossIds(w.glosses) });
      continue;
    }
    const ids: number[] = [];
    for (const g of w.glosses) {
      const id = stemId(g);
      if (id >= 0) ids.push(id);
    }
    words.push({ weight, stems: Int32Array.from(ids) });
  }
  const known: number[] = [];
  if (memo && (union === undefined || union === unionOfGlosses(features))) {
    // The union of the glosses in first-seen order, as the known ids of each word's glosses in turn
    // (the same ids in the same order as looking up every stem of the union).
    const { marks, stamp } = memo.stamp();
    for (const w of words) {
      for (let j = 0; j < w.stems.length; j++) {
        const id = w.stems[j] as number;
        if (marks[id] === stamp) continue;
        marks[id] = stamp;
        known.push(id);
      }
    }
  } else {
    for (const s of union ?? unionOfGlosses(features)) {
      const id = stemId(s);
      if (id >= 0) known.push(id);
    }
  }
  // Loops, not TypedArray.from with a map function: that goes through the iterator protocol, an object per element.
  const unionIds = new Int32Array(known.length);
  const unionWeights = new Float64Array(known.length);
  for (let i = 0; i < known.length; i++) {
    const id = known[i] as number;
    unionIds[i] = id;
    unionWeights[i] = stemWeight(id);
  }
  const anchors = features.anchors;
  const anchorIds = new Int32Array(anchors.length);
  const anchorWeights = new Float64Array(anchors.length);
  let anchorTotal = 0;
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i] as string;
    anchorIds[i] = anchorId(a);
    anchorWeights[i] = weights.anchor(a);
    anchorTotal += anchorWeights[i] as number;
  }
  return { features, words, zhTotal, unionIds, unionWeights, anchorIds, anchorWeights, anchorTotal, han: features.han };
}

/** The strong-anchor weights of an original with none (shared: never written). */
const NO_WEIGHTS = new Float64Array(0);

/** Stem-set Jaccard of two sorted id arrays (merged). */
export function sortedJaccard(a: Int32Array, b: Int32Array): number {
  const na = a.length;
  const nb = b.length;
  if (na === 0 || nb === 0) return 0;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < na && j < nb) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      inter++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return inter / (na + nb - inter);
}

/**
 * The originals of a run (or a corpus), distinct by text, each as sorted integer arrays of its stem and
 * anchor ids; document frequencies and posting lists of the terms rare enough to rank by.
 */
export class PairIndex implements OriginalsIndex {
  /** Distinct originals, by doc id. */
  readonly blocks: IdentifiedBlock[] = [];
  /** Doc id of each distinct text. */
  private readonly byText = new Map<string, number>();
  private readonly stems = new Vocabulary();
  private readonly anchors = new Vocabulary();
  // Flat per-doc arrays (CSR): doc d's stems are stemIds[stemStart[d]..stemStart[d+1]).
  private stemStart = new IntList(1024);
  private stemIdsList = new IntList(1 << 16);
  private anchorStart = new IntList(1024);
  private anchorIdsList = new IntList(1 << 16);
  private strongStart = new IntList(1024);
  private strongIdsList = new IntList(1 << 12);
  private wordsList = new IntList(1024);
  private sealed = false;
  private count = 0;

  // After seal():
  private stemIds: Int32Array = new Int32Array(0);
  private anchorIds: Int32Array = new Int32Array(0);
  private strongIds: Int32Array = new Int32Array(0);
  private stemOffsets: Int32Array = new Int32Array(1);
  private anchorOffsets: Int32Array = new Int32Array(1);
  private strongOffsets: Int32Array = new Int32Array(1);
  private wordCounts: Int32Array = new Int32Array(0);
  private stemDf: Int32Array = new Int32Array(0);
  private anchorDf: Int32Array = new Int32Array(0);
  private stemWeight: Float64Array = new Float64Array(0);
  private anchorWeight: Float64Array = new Float64Array(0);
  /** Sum of stem weights per doc (normalizes the pre-rank). */
  enTotal: Float64Array = new Float64Array(0);
  /** Sum of strong-anchor weights per doc. */
  anchorTotal: Float64Array = new Float64Array(0);
  // Posting lists (CSR by term id) of the stems and anchors at or under maxDf.
  private stemPostStart: Int32Array = new Int32Array(1);
  private stemPost: Int32Array = new Int32Array(0);
  private anchorPostStart: Int32Array = new Int32Array(1);
  private anchorPost: Int32Array = new Int32Array(0);
  /** Document frequency above which a term is not rare (see OriginalsIndex). */
  maxDf = MIN_MAX_DF;
  /** Document frequency above which a stem has no posting list. */
  postDf = MIN_MAX_DF;
  common: CommonStems = { of: new Int32Array(0), stems: new Int32Array(0), offsets: new Int32Array(1), ids: new Uint16Array(0) };
  readonly weights: SimilarityWeights;

  /** Keep each original's block (false when building a store: texts go to disk as they are added). */
  private readonly retain: boolean;

  /** Fixed cut-offs instead of those of the pool size (tests of the band on a small pool). */
  private readonly cutoffs: { maxDf: number; postDf: number } | undefined;

  constructor(options: { retain?: boolean; cutoffs?: { maxDf: number; postDf: number } } = {}) {
    this.retain = options.retain ?? true;
    this.cutoffs = options.cutoffs;
    this.stemStart.push(0);
    this.anchorStart.push(0);
    this.strongStart.push(0);
    const generic = genericWeights();
    this.weights = {
      en: (s) => this.idf(this.stemDfOf(this.stems.get(s))),
      zh: (w) => generic.zh(w),
      anchor: (a) => anchorFactor(a) * this.idf(this.anchorDfOf(this.anchors.get(a))),
    };
  }

  get size(): number {
    return this.count;
  }

  /** Doc id of a block's text, or −1. */
  docOf(text: string): number {
    return this.byText.get(this.retain ? text : textKey(text)) ?? -1;
  }

  block(doc: number): IdentifiedBlock {
    const b = this.blocks[doc];
    if (!b) throw new Error(`PairIndex: no original ${doc}${this.retain ? '' : ' (built without its texts)'}`);
    return b;
  }

  /**
   * Adds an original (a text already present is not added again); returns its doc id and whether it is
   * new. An index built for the store (`retain: false`) keeps neither the block nor its text.
   */
  add(block: IdentifiedBlock): number {
    return this.addNew(block).doc;
  }

  addNew(block: IdentifiedBlock): { doc: number; added: boolean } {
    if (this.sealed) throw new Error('PairIndex: add after seal');
    const key = this.retain ? block.text : textKey(block.text);
    const existing = this.byText.get(key);
    if (existing !== undefined) return { doc: existing, added: false };
    const doc = this.count++;
    if (this.retain) this.blocks.push(block);
    this.byText.set(key, doc);
    const f = enFeatures(block.text, { surface: false });
    pushSorted([...f.stems].map((s) => this.stems.id(s)), this.stemIdsList, this.stems.df);
    this.stemStart.push(this.stemIdsList.length);
    pushSorted([...f.anchors].map((a) => this.anchors.id(a)), this.anchorIdsList, this.anchors.df);
    this.anchorStart.push(this.anchorIdsList.length);
    pushSorted(f.strongAnchors.map((a) => this.anchors.id(a)), this.strongIdsList);
    this.strongStart.push(this.strongIdsList.length);
    this.wordsList.push(f.words);
    return { doc, added: true };
  }

  /** Freezes the index: weights, totals and posting lists. Called once, after the last add. */
  seal(): this {
    if (this.sealed) return this;
    this.sealed = true;
    const n = this.count;
    this.stemIds = this.stemIdsList.done();
    this.anchorIds = this.anchorIdsList.done();
    this.strongIds = this.strongIdsList.done();
    this.stemOffsets = this.stemStart.done();
    this.anchorOffsets = this.anchorStart.done();
    this.strongOffsets = this.strongStart.done();
    this.wordCounts = this.wordsList.done();
    this.stemDf = this.stems.df.done();
    this.anchorDf = this.anchors.df.done();
    for (const list of [this.stemIdsList, this.anchorIdsList, this.strongIdsList, this.stemStart, this.anchorStart, this.strongStart, this.wordsList]) {
      list.data = new Int32Array(0);
      list.length = 0;
    }
    this.stemWeight = Float64Array.from(this.stemDf, (df) => this.idf(df));
    this.anchorWeight = new Float64Array(this.anchorDf.length);
    for (const [key, id] of this.anchors.ids) this.anchorWeight[id] = anchorFactor(key) * this.idf(this.anchorDf[id] ?? 0);
    this.enTotal = new Float64Array(n);
    this.anchorTotal = new Float64Array(n);
    for (let d = 0; d < n; d++) {
      let t = 0;
      for (let i = this.stemOffsets[d] as number; i < (this.stemOffsets[d + 1] as number); i++) t += this.stemWeight[this.stemIds[i] as number] as number;
      this.enTotal[d] = Math.max(t, 1e-9);
      let a = 0;
      for (let i = this.strongOffsets[d] as number; i < (this.strongOffsets[d + 1] as number); i++) a += this.anchorWeight[this.strongIds[i] as number] as number;
      this.anchorTotal[d] = a;
    }
    // Words in many originals do not help find candidates and cost the most: no postings for them.
    this.maxDf = Math.min(MAX_DF_CAP, Math.max(MIN_MAX_DF, Math.ceil(n * MAX_DF_SHARE)));
    this.postDf = postingCutoff(this.maxDf);
    if (this.cutoffs) ({ maxDf: this.maxDf, postDf: this.postDf } = this.cutoffs);
    [this.stemPostStart, this.stemPost] = postings(this.stemIds, this.stemOffsets, this.stemDf, this.postDf);
    [this.anchorPostStart, this.anchorPost] = postings(this.anchorIds, this.anchorOffsets, this.anchorDf, this.maxDf);
    this.common = commonStems(this.stemIds, this.stemOffsets, this.stemDf, this.maxDf);
    return this;
  }

  private idf(df: number): number {
    // Smoothed so that a pool of a handful of originals weighs every word about equally.
    return idfOf(this.count, df);
  }

  private stemDfOf(id: number): number {
    return id < 0 ? 0 : (this.stemDf[id] ?? 0);
  }

  private anchorDfOf(id: number): number {
    return id < 0 ? 0 : (this.anchorDf[id] ?? 0);
  }

  /** Document frequency of a stem id (for rarest-first candidate generation). */
  stemFrequency(id: number): number {
    return this.stemDf[id] ?? 0;
  }

  anchorFrequency(id: number): number {
    return this.anchorDf[id] ?? 0;
  }

  stemWeightOf(id: number): number {
    return this.stemWeight[id] ?? 0;
  }

  /** Posting list of a stem id (empty when the stem is too common to have one). */
  stemPostings(id: number): Int32Array {
    return this.stemPost.subarray(this.stemPostStart[id] ?? 0, this.stemPostStart[id + 1] ?? 0);
  }

  anchorPostings(id: number): Int32Array {
    return this.anchorPost.subarray(this.anchorPostStart[id] ?? 0, this.anchorPostStart[id + 1] ?? 0);
  }

  /** A translation's features in the index's ids. */
  query(features: ZhFeatures, union?: ReadonlySet<string>): IndexedQuery {
    const stemId = (s: string) => this.stems.get(s);
    if (!this.sealed) return buildQuery(features, union, this.weights, stemId, (id) => this.stemWeight[id] as number, (a) => this.anchors.get(a));
    // Sealed, the ids are fixed: a word's gloss ids are looked up once per run (gloss lists are shared
    // per word), not once per translation that has the word.
    this.queryMemo ??= {
      glossIds: (glosses) => {
        let ids = this.glossIds.get(glosses);
        if (!ids) {
          const found: number[] = [];
          for (const g of glosses) {
            const id = stemId(g);
            if (id >= 0) found.push(id);
          }
          this.glossIds.set(glosses, (ids = Int32Array.from(found)));
        }
        return ids;
      },
      stamp: () => {
        if (this.unionMarks.length < this.stemDf.length) this.unionMarks = new Uint32Array(this.stemDf.length);
        this.unionStamp = (this.unionStamp + 1) >>> 0;
        if (this.unionStamp === 0) {
          this.unionMarks.fill(0);
          this.unionStamp = 1;
        }
        return { marks: this.unionMarks, stamp: this.unionStamp };
      },
    };
    return buildQuery(features, union, this.weights, stemId, (id) => this.stemWeight[id] as number, (a) => this.anchors.get(a), this.queryMemo);
  }

  /** Known stem ids of each gloss list met (gloss lists are shared per Chinese word), once sealed. */
  private readonly glossIds = new WeakMap<readonly string[], Int32Array>();
  private unionMarks = new Uint32Array(0);
  private unionStamp = 0;
  private queryMemo: Parameters<typeof buildQuery>[6];

  /** Doc d's arrays, as views of the flat arrays (no copy). */
  terms(doc: number): DocTerms {
    const s0 = this.stemOffsets[doc] as number;
    const s1 = this.stemOffsets[doc + 1] as number;
    const g0 = this.strongOffsets[doc] as number;
    const g1 = this.strongOffsets[doc + 1] as number;
    const strong = this.strongIds.subarray(g0, g1);
    // A loop, not Float64Array.from with a map function (an iterator object per element, on every score).
    const strongWeights = strong.length === 0 ? NO_WEIGHTS : new Float64Array(strong.length);
    for (let i = 0; i < strong.length; i++) strongWeights[i] = this.anchorWeight[strong[i] as number] as number;
    return {
      stems: this.stemIds.subarray(s0, s1),
      anchors: this.anchorIds.subarray(this.anchorOffsets[doc] as number, this.anchorOffsets[doc + 1] as number),
      strong,
      strongWeights,
      words: this.wordCounts[doc] as number,
      enTotal: this.enTotal[doc] as number,
    };
  }

  /** See `scoreDoc`. */
  score(q: IndexedQuery, doc: number, scratch: Uint32Array, stamp: number): ScoredSimilarity {
    return scoreDoc(q, this.terms(doc), scratch, stamp);
  }

  /** Stem-set Jaccard of two originals. */
  stemJaccard(a: number, b: number): number {
    return sortedJaccard(
      this.stemIds.subarray(this.stemOffsets[a] as number, this.stemOffsets[a + 1] as number),
      this.stemIds.subarray(this.stemOffsets[b] as number, this.stemOffsets[b + 1] as number),
    );
  }

  /** Size of the stem vocabulary (the scratch array of `score` needs this many slots). */
  get vocabularySize(): number {
    return this.stemDf.length;
  }

  /** Everything a store writes (after seal). */
  exportData(): IndexData {
    if (!this.sealed) throw new Error('PairIndex: export before seal');
    return {
      size: this.count,
      maxDf: this.maxDf,
      postDf: this.postDf,
      stems: this.stems.ids,
      anchors: this.anchors.ids,
      stemDf: this.stemDf,
      anchorDf: this.anchorDf,
      stemPostStart: this.stemPostStart,
      stemPost: this.stemPost,
      anchorPostStart: this.anchorPostStart,
      anchorPost: this.anchorPost,
      enTotal: this.enTotal,
      anchorTotal: this.anchorTotal,
      common: this.common,
      terms: (doc) => this.terms(doc),
    };
  }

  /** Bytes held by the typed arrays (for benchmarks). */
  get arrayBytes(): number {
    return [this.stemIds, this.anchorIds, this.strongIds, this.stemOffsets, this.anchorOffsets, this.strongOffsets, this.wordCounts, this.stemDf, this.anchorDf, this.stemWeight, this.anchorWeight, this.enTotal, this.anchorTotal, this.stemPostStart, this.stemPost, this.anchorPostStart, this.anchorPost, this.common.of, this.common.stems, this.common.offsets, this.common.ids].reduce(
      (s, a) => s + a.byteLength,
      0,
    );
  }
}

/** What a sealed index hands to a store writer. */
export interface IndexData {
  size: number;
  maxDf: number;
  postDf: number;
  /** Stem and anchor ids by key. */
  stems: ReadonlyMap<string, number>;
  anchors: ReadonlyMap<string, number>;
  stemDf: Int32Array;
  anchorDf: Int32Array;
  stemPostStart: Int32Array;
  stemPost: Int32Array;
  anchorPostStart: Int32Array;
  anchorPost: Int32Array;
  enTotal: Float64Array;
  anchorTotal: Float64Array;
  common: CommonStems;
  terms(doc: number): DocTerms;
}

/** Smoothed idf: a pool of a handful of originals weighs every word about equally. */
export function idfOf(size: number, df: number): number {
  return Math.log(1 + (size + 20) / (df + 1));
}

/** The key of a text when the index keeps no texts (a store's build): a sha-1 digest. */
export function textKey(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** Single digits weigh less as anchors: they are everywhere (as in pairing's corpus weights). */
export function anchorFactor(key: string): number {
  return key.length === 1 && key >= '0' && key <= '9' ? 0.3 : 1;
}

function pushSorted(ids: number[], out: IntList, df?: IntList): void {
  ids.sort((a, b) => a - b);
  for (const id of ids) {
    out.push(id);
    if (df) df.data[id] = (df.data[id] as number) + 1;
  }
}

export function binarySearch(arr: Int32Array, lo: number, hi: number, v: number): boolean {
  let l = lo;
  let h = hi - 1;
  while (l <= h) {
    const m = (l + h) >>> 1;
    const x = arr[m] as number;
    if (x === v) return true;
    if (x < v) l = m + 1;
    else h = m - 1;
  }
  return false;
}

/** Posting lists (CSR) of the terms with df ≤ maxDf (the cut-off passed), from the per-doc term arrays. */
function postings(ids: Int32Array, offsets: Int32Array, df: Int32Array, maxDf: number): [Int32Array, Int32Array] {
  const start = new Int32Array(df.length + 1);
  for (let t = 0; t < df.length; t++) start[t + 1] = (start[t] as number) + ((df[t] as number) <= maxDf ? (df[t] as number) : 0);
  const post = new Int32Array(start[df.length] as number);
  const fill = start.slice(0, df.length);
  const docs = offsets.length - 1;
  for (let d = 0; d < docs; d++) {
    for (let i = offsets[d] as number; i < (offsets[d + 1] as number); i++) {
      const t = ids[i] as number;
      if ((df[t] as number) > maxDf) continue;
      post[fill[t] as number] = d;
      fill[t] = (fill[t] as number) + 1;
    }
  }
  return [start, post];
}
