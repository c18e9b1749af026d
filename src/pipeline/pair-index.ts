// The index of originals that pairing ranks against: integer ids, interned stems and anchors, typed
// arrays, no per-original sets kept after indexing. Scores a translation against one original exactly as
// `scoreFeatures` does on the original's full features (same weights, same formula), so the decision
// layer above sees the same numbers whichever way the original is held.
import type { IdentifiedBlock } from '../core/types.js';
import {
  enFeatures,
  genericWeights,
  lengthCompatibility,
  type ScoredSimilarity,
  type SimilarityWeights,
  type ZhFeatures,
} from '../lexicon/similarity.js';

/** Smallest document-frequency cut-off of posting lists (small pools keep every word). */
const MIN_MAX_DF = 100;
/** Share of the pool above which a stem or anchor is too common to find candidates by. */
const MAX_DF_SHARE = 1 / 20;
/** Absolute cut-off: postings of terms in more originals than this are not kept, whatever the pool size. */
const MAX_DF_CAP = 4000;

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
  /** Stems of all glosses (for `scoreFeatures` callers). */
  union: ReadonlySet<string>;
  /** Per Chinese word with glosses: its weight and its gloss stem ids known to the index. */
  words: Array<{ weight: number; stems: Int32Array }>;
  /** Sum of the weights of the words with glosses. */
  zhTotal: number;
  /** Distinct stem ids of the gloss union known to the index. */
  unionIds: Int32Array;
  /** Anchor ids (−1 when unknown to the index) and weights, one per anchor of the translation. */
  anchorIds: Int32Array;
  anchorWeights: Float64Array;
  anchorTotal: number;
  han: number;
}

/**
 * The originals of a run (or a corpus), distinct by text, each as sorted integer arrays of its stem and
 * anchor ids; document frequencies and posting lists of the terms rare enough to rank by.
 */
export class PairIndex {
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
  /** Document frequency above which a term has no posting list. */
  maxDf = MIN_MAX_DF;
  readonly weights: SimilarityWeights;

  constructor() {
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
    return this.blocks.length;
  }

  /** Doc id of a block's text, or −1. */
  docOf(text: string): number {
    return this.byText.get(text) ?? -1;
  }

  /** Adds an original (a text already present is not added again); returns its doc id. */
  add(block: IdentifiedBlock): number {
    if (this.sealed) throw new Error('PairIndex: add after seal');
    const existing = this.byText.get(block.text);
    if (existing !== undefined) return existing;
    const doc = this.blocks.length;
    this.blocks.push(block);
    this.byText.set(block.text, doc);
    const f = enFeatures(block.text, { surface: false });
    pushSorted([...f.stems].map((s) => this.stems.id(s)), this.stemIdsList, this.stems.df);
    this.stemStart.push(this.stemIdsList.length);
    pushSorted([...f.anchors].map((a) => this.anchors.id(a)), this.anchorIdsList, this.anchors.df);
    this.anchorStart.push(this.anchorIdsList.length);
    pushSorted(f.strongAnchors.map((a) => this.anchors.id(a)), this.strongIdsList);
    this.strongStart.push(this.strongIdsList.length);
    this.wordsList.push(f.words);
    return doc;
  }

  /** Freezes the index: weights, totals and posting lists. Called once, after the last add. */
  seal(): this {
    if (this.sealed) return this;
    this.sealed = true;
    const n = this.blocks.length;
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
    [this.stemPostStart, this.stemPost] = postings(this.stemIds, this.stemOffsets, this.stemDf, this.maxDf);
    [this.anchorPostStart, this.anchorPost] = postings(this.anchorIds, this.anchorOffsets, this.anchorDf, this.maxDf);
    return this;
  }

  private idf(df: number): number {
    // Smoothed so that a pool of a handful of originals weighs every word about equally.
    return Math.log(1 + (this.blocks.length + 20) / (df + 1));
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
  query(features: ZhFeatures, union: ReadonlySet<string>): IndexedQuery {
    const words: IndexedQuery['words'] = [];
    let zhTotal = 0;
    for (const w of features.words) {
      if (w.glosses.length === 0) continue;
      const weight = this.weights.zh(w.word);
      zhTotal += weight;
      const ids: number[] = [];
      for (const g of w.glosses) {
        const id = this.stems.get(g);
        if (id >= 0) ids.push(id);
      }
      words.push({ weight, stems: Int32Array.from(ids) });
    }
    const unionIds: number[] = [];
    for (const s of union) {
      const id = this.stems.get(s);
      if (id >= 0) unionIds.push(id);
    }
    const anchors = features.anchors;
    const anchorIds = new Int32Array(anchors.length);
    const anchorWeights = new Float64Array(anchors.length);
    let anchorTotal = 0;
    anchors.forEach((a, i) => {
      anchorIds[i] = this.anchors.get(a);
      anchorWeights[i] = this.weights.anchor(a);
      anchorTotal += anchorWeights[i] as number;
    });
    return { features, union, words, zhTotal, unionIds: Int32Array.from(unionIds), anchorIds, anchorWeights, anchorTotal, han: features.han };
  }

  /**
   * The similarity of a translation and one original, without evidence lists: the same value as
   * `scoreFeatures(enFeatures(original), zh, weights, union, false)`.
   */
  score(q: IndexedQuery, doc: number, scratch: Uint32Array, stamp: number): ScoredSimilarity {
    // Mark the original's stems; a Chinese word is a hit when one of its glosses is marked.
    const s0 = this.stemOffsets[doc] as number;
    const s1 = this.stemOffsets[doc + 1] as number;
    for (let i = s0; i < s1; i++) scratch[this.stemIds[i] as number] = stamp;
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
      const id = q.unionIds[j] as number;
      if (scratch[id] === stamp) enHit += this.stemWeight[id] as number;
    }
    let anchorHit = 0;
    let anchorTotal = q.anchorTotal;
    const a0 = this.anchorOffsets[doc] as number;
    const a1 = this.anchorOffsets[doc + 1] as number;
    for (let j = 0; j < q.anchorIds.length; j++) {
      const id = q.anchorIds[j] as number;
      if (id >= 0 && binarySearch(this.anchorIds, a0, a1, id)) anchorHit += q.anchorWeights[j] as number;
    }
    // Strong anchors of the original missing from the translation count against it.
    for (let i = this.strongOffsets[doc] as number; i < (this.strongOffsets[doc + 1] as number); i++) {
      const id = this.strongIds[i] as number;
      if (!q.anchorIds.includes(id)) anchorTotal += this.anchorWeight[id] as number;
    }
    const enTotal = this.enTotal[doc] as number;
    const zhCoverage = q.zhTotal > 0 ? zhHit / q.zhTotal : 0;
    const enCoverage = enTotal > 1e-9 ? enHit / enTotal : 0;
    const anchorScore = anchorTotal > 0 ? anchorHit / anchorTotal : undefined;
    const lengthScore = lengthCompatibility(this.wordCounts[doc] as number, q.han);
    let total = 0.4 + 0.3 + 0.1;
    let score = 0.4 * zhCoverage + 0.3 * enCoverage + 0.1 * lengthScore;
    if (anchorScore !== undefined) {
      const w = 0.2 * Math.min(1, anchorTotal / 20);
      total += w;
      score += w * anchorScore;
    }
    return { score: score / total, anchors: [], terms: [], zhCoverage, enCoverage, anchorScore, lengthScore };
  }

  /** Stem-set Jaccard of two originals (sorted id arrays, merged). */
  stemJaccard(a: number, b: number): number {
    const a0 = this.stemOffsets[a] as number;
    const a1 = this.stemOffsets[a + 1] as number;
    const b0 = this.stemOffsets[b] as number;
    const b1 = this.stemOffsets[b + 1] as number;
    const na = a1 - a0;
    const nb = b1 - b0;
    if (na === 0 || nb === 0) return 0;
    let i = a0;
    let j = b0;
    let inter = 0;
    while (i < a1 && j < b1) {
      const x = this.stemIds[i] as number;
      const y = this.stemIds[j] as number;
      if (x === y) {
        inter++;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
    return inter / (na + nb - inter);
  }

  /** Size of the stem vocabulary (the scratch array of `score` needs this many slots). */
  get vocabularySize(): number {
    return this.stemDf.length;
  }

  /** Bytes held by the typed arrays (for benchmarks). */
  get arrayBytes(): number {
    return [this.stemIds, this.anchorIds, this.strongIds, this.stemOffsets, this.anchorOffsets, this.strongOffsets, this.wordCounts, this.stemDf, this.anchorDf, this.stemWeight, this.anchorWeight, this.enTotal, this.anchorTotal, this.stemPostStart, this.stemPost, this.anchorPostStart, this.anchorPost].reduce(
      (s, a) => s + a.byteLength,
      0,
    );
  }
}

/** Single digits weigh less as anchors: they are everywhere (as in pairing's corpus weights). */
function anchorFactor(key: string): number {
  return key.length === 1 && key >= '0' && key <= '9' ? 0.3 : 1;
}

function pushSorted(ids: number[], out: IntList, df?: IntList): void {
  ids.sort((a, b) => a - b);
  for (const id of ids) {
    out.push(id);
    if (df) df.data[id] = (df.data[id] as number) + 1;
  }
}

function binarySearch(arr: Int32Array, lo: number, hi: number, v: number): boolean {
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

/** Posting lists (CSR) of the terms with df ≤ maxDf, from the per-doc term arrays. */
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
