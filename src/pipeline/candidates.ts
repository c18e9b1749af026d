// Candidate generation for pairing: which originals of the index a translation is scored against.
// Work per translation is bounded whatever the pool size: only posting lists of rare terms are read
// (rarest first, a cap per list and a budget per translation), anchors (numbers, names, URLs, arXiv ids)
// are exact keys, and scoring stops early once the best candidate is clear. The pre-rank adds, for every
// original touched, its overlap with the translation on the stems too common to have posting lists (each
// original's list of them is held as 16-bit ids): on a large pool those are most of what a translation
// shares with its original.
import type { ScoredSimilarity } from '../lexicon/similarity.js';
import type { IndexedQuery, OriginalsIndex } from './pair-index.js';

/** Candidates scored in full per translation, after the pre-rank (a full score costs microseconds). */
const SCORED = 100;
/** Candidates kept per translation, best first by full score. */
export const MAX_CANDIDATES = 24;
/** Originals pre-ranked within this share of the best pre-rank score are kept; the rest are dropped. */
const PRE_RANK_SHARE = 0.35;
/**
 * Originals whose rare-term pre-rank is under this share of the best one get no common-stem overlap (it
 * costs most of the pre-rank). At 300k it skipped 31 % of the originals touched at 5 %, and the right
 * original's share was at least 0.05 for all of 1,000 dev translations; at 1M with the band read (up to
 * 138,000 originals touched), 10 % cut the overlap's cost by about 60 % with no right original under it
 * (300 translations, in process); through the CLI (1,000, band budget 80,000) it lost 4 of 955 pairs and
 * saved a third of the run's CPU (docs/scale.md).
 */
const COMMON_FLOOR = 0.1;
/** Postings read per translation, at most (rarest terms first); bounds the work on any pool. */
const POSTINGS_BUDGET = 200_000;
/**
 * Postings of band stems (over maxDf, up to postDf) read per translation, at most, lowest document
 * frequency first, after the rare terms. Through the CLI on the 1M pool (1,000 dev translations): 80,000
 * (the in-process sketch's choice) paired 95.1 % correctly, 200,000 paired 97.8 % at about the same CPU
 * (43.1 against 44.6 ms a translation); 99.8 % at 300k (docs/scale.md, "Format 3").
 */
const BAND_BUDGET = 200_000;
/** Score above which the best candidate is clear when it also leads the next pre-ranked ones by this much. */
const CLEAR_SCORE = 0.6;
const CLEAR_LEAD = 0.2;
/** Candidates scored before early termination may stop the scoring. */
const MIN_SCORED = 4;
/**
 * Postings read by the check of an attached pair (`attachedCandidates`): those of the translation's
 * anchors and rarest gloss stems, rarest first.
 */
const ATTACHED_BUDGET = 10_000;
/** Originals the check of an attached pair scores in full besides the attached one (best by shared rare stems). */
const ATTACHED_SCORED = 16;

/** A scored candidate. */
export interface Candidate {
  doc: number;
  sim: ScoredSimilarity;
}

/** Scratch space reused across translations (all zero between uses). */
export class CandidateScratch {
  zh: Float64Array;
  en: Float64Array;
  anchors: Float64Array;
  seen: Uint8Array;
  /** `seen` four bytes at a time (the second stage skips untouched originals in fours). */
  seen32: Uint32Array;
  /**
   * The translation's weight on each common stem, English side at 2c and Chinese side at 2c + 1: side by
   * side, the pre-rank's inner loop (about 70 common stems of each of up to 100,000 originals) reads one
   * cache line a stem instead of two.
   */
  common: Float64Array;
  /** 1 + index of the last Chinese word counted for each original. */
  word: Int32Array;
  /** Stamps of `PairIndex.score`. */
  stems: Uint32Array;
  /** Originals touched by the current translation, in order; the pre-rank score of each original (by doc id). */
  touched: Int32Array;
  pre: Float64Array;
  stamp = 0;
  constructor(index: OriginalsIndex) {
    const n = index.size;
    this.touched = new Int32Array(n);
    this.pre = new Float64Array(n);
    this.zh = new Float64Array(n);
    this.en = new Float64Array(n);
    this.anchors = new Float64Array(n);
    this.seen32 = new Uint32Array(Math.ceil(n / 4));
    this.seen = new Uint8Array(this.seen32.buffer, 0, n);
    this.common = new Float64Array(2 * index.common.stems.length);
    this.word = new Int32Array(n);
    this.stems = new Uint32Array(Math.max(1, index.vocabularySize));
  }
  nextStamp(): number {
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      this.stems.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }
}

/** Scores one original against a translation (exact score, no evidence lists). */
export function scoreCandidate(index: OriginalsIndex, q: IndexedQuery, doc: number, scratch: CandidateScratch): Candidate {
  return { doc, sim: index.score(q, doc, scratch.stems, scratch.nextStamp()) };
}

/**
 * The best originals for a translation, best first by full score, at most MAX_CANDIDATES, plus
 * `include` (an attached original) whatever its pre-rank. `considered` is the number of originals the
 * pre-rank touched.
 */
export function rankCandidates(
  index: OriginalsIndex,
  q: IndexedQuery,
  scratch: CandidateScratch,
  include: readonly number[] = [],
): { ranked: Candidate[]; considered: number } {
  const { zh, en, anchors, seen, word, touched, pre } = scratch;
  // Touched originals go into a reused typed array (inlined below: this loop runs up to the postings
  // budget, 200,000 times a translation, and a closure and a growing array cost most of it).
  let count = 0;
  let budget = POSTINGS_BUDGET;
  // Anchors first (numbers, names, acronyms, URLs, arXiv ids: exact keys), rarest first.
  const anchorOrder: number[] = [];
  for (let i = 0; i < q.anchorIds.length; i++) {
    const id = q.anchorIds[i] as number;
    const df = id < 0 ? 0 : index.anchorFrequency(id);
    if (df > 0 && df <= index.maxDf) anchorOrder.push(i);
  }
  anchorOrder.sort((x, y) => index.anchorFrequency(q.anchorIds[x] as number) - index.anchorFrequency(q.anchorIds[y] as number));
  for (const i of anchorOrder) {
    const id = q.anchorIds[i] as number;
    const df = index.anchorFrequency(id);
    if (df > budget) continue;
    budget -= df;
    const weight = q.anchorWeights[i] as number;
    const list = index.anchorPostings(id);
    for (let p = 0; p < list.length; p++) {
      const d = list[p] as number;
      if (seen[d] === 0) {
        seen[d] = 1;
        touched[count++] = d;
      }
      anchors[d] = (anchors[d] as number) + weight;
    }
  }
  // Then the Chinese words, most telling first (a dictionary gloss of a rare word is specific; a rare
  // gloss of a common word is mostly noise), each through its glosses that are rare in the pool.
  const wordOrder = q.words.map((_, wi) => wi).sort((x, y) => (q.words[y]?.weight ?? 0) - (q.words[x]?.weight ?? 0));
  const enDone = new Set<number>();
  for (const wi of wordOrder) {
    const w = q.words[wi] as IndexedQuery['words'][number];
    const mark = wi + 1;
    for (let j = 0; j < w.stems.length; j++) {
      const id = w.stems[j] as number;
      const df = index.stemFrequency(id);
      if (df === 0 || df > index.maxDf || df > budget) continue;
      budget -= df;
      // A Chinese word counts once per original (through whichever gloss is found); a stem once for the English side.
      const stemOnce = !enDone.has(id);
      enDone.add(id);
      const stemWeight = stemOnce ? index.stemWeightOf(id) : 0;
      const list = index.stemPostings(id);
      for (let p = 0; p < list.length; p++) {
        const d = list[p] as number;
        if (seen[d] === 0) {
          seen[d] = 1;
          touched[count++] = d;
        }
        if (word[d] !== mark) {
          word[d] = mark;
          zh[d] = (zh[d] as number) + w.weight;
        }
        if (stemOnce) en[d] = (en[d] as number) + stemWeight;
      }
    }
  }
  // Then the band (stems over maxDf that still have posting lists), lowest document frequency first,
  // within a budget of its own: on a large pool a translation may share no rare term with its original.
  // A band stem read adds its weight to the English side of the pre-rank, as a rare stem does, and is
  // left out of the English side of the common-stem overlap below (`bandRead`: it would count twice).
  // The Chinese side of band stems stays with the overlap (a word counts once there, whichever of its
  // common glosses the original has).
  const bandRead = new Set<number>();
  if (index.postDf > index.maxDf) {
    const band: number[] = [];
    for (let j = 0; j < q.unionIds.length; j++) {
      const id = q.unionIds[j] as number;
      const df = id < 0 ? 0 : index.stemFrequency(id);
      if (df > index.maxDf && df <= index.postDf && !enDone.has(id)) band.push(id);
    }
    band.sort((x, y) => index.stemFrequency(x) - index.stemFrequency(y) || x - y);
    let bandBudget = BAND_BUDGET;
    for (const id of band) {
      const df = index.stemFrequency(id);
      if (df > bandBudget) continue;
      bandBudget -= df;
      bandRead.add(id);
      const stemWeight = index.stemWeightOf(id);
      const list = index.stemPostings(id);
      for (let p = 0; p < list.length; p++) {
        const d = list[p] as number;
        if (seen[d] === 0) {
          seen[d] = 1;
          touched[count++] = d;
        }
        en[d] = (en[d] as number) + stemWeight;
      }
    }
  }
  const zhTotal = Math.max(q.zhTotal, 1e-9);
  const enTotal = index.enTotal;
  const anchorTotal = index.anchorTotal;
  // The touched originals in doc order: the per-original arrays below are then read forwards (in the
  // order touched, the cache misses cost more than the common stems themselves).
  inDocOrder(scratch, count);
  // The pre-rank on rare terms and anchors (what the postings found).
  let topRare = 0;
  for (let i = 0; i < count; i++) {
    const d = touched[i] as number;
    const a = anchors[d] as number;
    const v = (0.4 * (zh[d] as number)) / zhTotal + (0.3 * (en[d] as number)) / (enTotal[d] as number) + (0.2 * a) / Math.max(q.anchorTotal + (anchorTotal[d] as number) - a, a, 1e-9);
    pre[d] = v;
    if (v > topRare) topRare = v;
  }
  // Plus the common stems, for the touched originals with some rare evidence (this loop reads about 70
  // common stems of each of up to 100,000 originals a translation).
  const used = commonWeights(index, q, scratch, bandRead);
  const { offsets, ids } = index.common;
  const cw = scratch.common;
  const rareFloor = COMMON_FLOOR * topRare;
  let top = 0;
  for (let i = 0; i < count; i++) {
    const d = touched[i] as number;
    let v = pre[d] as number;
    if (v >= rareFloor) {
      let e = 0;
      let z = 0;
      const end = offsets[d + 1] as number;
      for (let k = offsets[d] as number; k < end; k++) {
        const c = (ids[k] as number) << 1;
        e += cw[c] as number;
        z += cw[c + 1] as number;
      }
      v += (0.4 * z) / zhTotal + (0.3 * e) / (enTotal[d] as number);
      pre[d] = v;
    }
    if (v > top) top = v;
  }
  for (const c of used) {
    cw[2 * c] = 0;
    cw[2 * c + 1] = 0;
  }
  // Only the SCORED best pre-ranks are ever scored: keep them in a bounded min-heap instead of sorting
  // every touched original (up to the postings budget on a large pool).
  const heap = new TopK(SCORED + include.length);
  const floor = PRE_RANK_SHARE * top;
  for (let i = 0; i < count; i++) {
    const d = touched[i] as number;
    const v = pre[d] as number;
    if (v >= floor) heap.offer(d, v);
    zh[d] = 0;
    en[d] = 0;
    anchors[d] = 0;
    seen[d] = 0;
    word[d] = 0;
  }
  const kept = heap.sorted();
  const ranked: Candidate[] = [];
  const scored = new Set<number>();
  for (const doc of include) {
    if (doc < 0 || scored.has(doc)) continue;
    scored.add(doc);
    ranked.push(scoreCandidate(index, q, doc, scratch));
  }
  let best = ranked.reduce((m, c) => Math.max(m, c.sim.score), 0);
  for (let i = 0; i < kept.length && scored.size < SCORED; i++) {
    const { d } = kept[i] as { d: number; v: number };
    if (scored.has(d)) continue;
    // Early termination: the best is clear when it scores high and leads what the pre-rank still offers.
    if (scored.size >= MIN_SCORED && best >= CLEAR_SCORE && second(ranked) <= best - CLEAR_LEAD) break;
    scored.add(d);
    const c = scoreCandidate(index, q, d, scratch);
    ranked.push(c);
    if (c.sim.score > best) best = c.sim.score;
  }
  ranked.sort((a, b) => b.sim.score - a.sim.score);
  return { ranked: ranked.slice(0, MAX_CANDIDATES), considered: count };
}

/**
 * The ranking of a translation attached to `attached` when that original scores at least CLEAR_SCORE,
 * else undefined (then `rankCandidates` ranks it against the pool): the attached original and the
 * ATTACHED_SCORED originals that share most of the translation's anchors and rarest gloss stems (found
 * within ATTACHED_BUDGET postings, rarest first), scored in full. An original that could come near a
 * score of CLEAR_SCORE shares most of the translation's words, so it shares its rarest ones, and is among
 * them: a corpus of attached records is not ranked against the whole pool, and the work per translation
 * stays bounded whatever the pool size (docs/scale.md, "Settled pairs"). That holds too when one of them
 * comes within CLEAR_LEAD of the attached original (another version of the abstract, a look-alike): for
 * 373 dev translations attached to look-alikes of their originals, the list's first original was the
 * exact answer's (every original scored) each time, and on dev and the 20k benchmark file the list's
 * runner-up was as near the exact one as the full ranking's (docs/scale.md, "Contested attached pairs").
 * Pairing's decision rules then run on this ranking as on the full one.
 */
export function attachedCandidates(
  index: OriginalsIndex,
  q: IndexedQuery,
  scratch: CandidateScratch,
  attached: number,
): Candidate[] | undefined {
  if (attached < 0) return undefined;
  const own = scoreCandidate(index, q, attached, scratch);
  if (own.sim.score < CLEAR_SCORE) return undefined;
  const { en, seen, touched } = scratch;
  let count = 0;
  let budget = ATTACHED_BUDGET;
  const read = (list: ArrayLike<number>, weight: number) => {
    for (let p = 0; p < list.length; p++) {
      const d = list[p] as number;
      if (seen[d] === 0) {
        seen[d] = 1;
        touched[count++] = d;
      }
      en[d] = (en[d] as number) + weight;
    }
  };
  // The keys: the translation's anchors (exact keys: an original with its numbers and names is found
  // whatever the attached one holds) and the gloss stems it shares with its attached original (the rest
  // of its gloss union is mostly other senses of its words, rare in the pool and telling nothing), rarest
  // first: an original that comes near the attached one's score shares most of them, and the rarest
  // lists are the shortest.
  const terms = index.terms(attached);
  const stamp = scratch.nextStamp();
  for (let i = 0; i < terms.stems.length; i++) scratch.stems[terms.stems[i] as number] = stamp;
  const keys: Array<{ anchor: boolean; id: number; df: number; weight: number }> = [];
  for (let i = 0; i < q.anchorIds.length; i++) {
    const id = q.anchorIds[i] as number;
    const df = id < 0 ? 0 : index.anchorFrequency(id);
    if (df > 0 && df <= index.maxDf) keys.push({ anchor: true, id, df, weight: q.anchorWeights[i] as number });
  }
  for (let j = 0; j < q.unionIds.length; j++) {
    const id = q.unionIds[j] as number;
    const df = id < 0 ? 0 : index.stemFrequency(id);
    if (df > 0 && df <= index.maxDf && scratch.stems[id] === stamp) keys.push({ anchor: false, id, df, weight: q.unionWeights[j] as number });
  }
  keys.sort((a, b) => a.df - b.df || a.id - b.id);
  for (const key of keys) {
    if (key.df > budget) break;
    budget -= key.df;
    read(key.anchor ? index.anchorPostings(key.id) : index.stemPostings(key.id), key.weight);
  }
  const heap = new TopK(ATTACHED_SCORED);
  for (let i = 0; i < count; i++) {
    const d = touched[i] as number;
    if (d !== attached) heap.offer(d, en[d] as number);
    en[d] = 0;
    seen[d] = 0;
  }
  const ranked: Candidate[] = [own];
  for (const { d } of heap.sorted()) ranked.push(scoreCandidate(index, q, d, scratch));
  ranked.sort((a, b) => b.sim.score - a.sim.score);
  return ranked.slice(0, MAX_CANDIDATES);
}

/** Rewrites the first `count` touched originals in doc order, from the touched flags (four at a time). */
function inDocOrder(scratch: CandidateScratch, count: number): void {
  const { seen, seen32, touched } = scratch;
  let k = 0;
  for (let w = 0; w < seen32.length && k < count; w++) {
    if (seen32[w] === 0) continue;
    const end = Math.min(4 * w + 4, seen.length);
    for (let d = 4 * w; d < end; d++) if (seen[d] !== 0) touched[k++] = d;
  }
}

/**
 * The translation's weights on the common stems (stems without posting lists): on the English side the
 * stem's weight when it is in the gloss union (as in the full score), on the Chinese side each word's
 * weight shared among its common glosses (so a word counts at most once, as in the full score). Returns
 * the common ids set, to be cleared after use.
 */
function commonWeights(index: OriginalsIndex, q: IndexedQuery, scratch: CandidateScratch, bandRead: ReadonlySet<number>): number[] {
  const { of } = index.common;
  const cw = scratch.common;
  const used: number[] = [];
  for (let j = 0; j < q.unionIds.length; j++) {
    const id = q.unionIds[j] as number;
    const c = id < of.length ? (of[id] as number) : -1;
    if (c < 0) continue;
    if (cw[2 * c] === 0 && cw[2 * c + 1] === 0) used.push(c);
    // A band stem read through its posting list is already in the pre-rank's English side.
    if (!bandRead.has(id)) cw[2 * c] = q.unionWeights[j] as number;
  }
  for (const w of q.words) {
    let k = 0;
    for (let j = 0; j < w.stems.length; j++) {
      const id = w.stems[j] as number;
      if (id < of.length && (of[id] as number) >= 0) k++;
    }
    if (k === 0) continue;
    for (let j = 0; j < w.stems.length; j++) {
      const id = w.stems[j] as number;
      const c = id < of.length ? (of[id] as number) : -1;
      if (c < 0) continue;
      if (cw[2 * c] === 0 && cw[2 * c + 1] === 0) used.push(c);
      cw[2 * c + 1] = (cw[2 * c + 1] as number) + w.weight / k;
    }
  }
  return used;
}

function second(ranked: readonly Candidate[]): number {
  let a = 0;
  let b = 0;
  for (const c of ranked) {
    const s = c.sim.score;
    if (s > a) {
      b = a;
      a = s;
    } else if (s > b) b = s;
  }
  return b;
}

/** The k largest values offered (with their ids), by a min-heap of size k. */
class TopK {
  private readonly ids: Int32Array;
  private readonly values: Float64Array;
  private size = 0;
  constructor(private readonly k: number) {
    this.ids = new Int32Array(k);
    this.values = new Float64Array(k);
  }
  offer(id: number, v: number): void {
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if ((this.values[p] as number) <= v) break;
        this.ids[i] = this.ids[p] as number;
        this.values[i] = this.values[p] as number;
        i = p;
      }
      this.ids[i] = id;
      this.values[i] = v;
      return;
    }
    if (v <= (this.values[0] as number)) return;
    // Replace the smallest and sift down.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && (this.values[r] as number) < (this.values[l] as number) ? r : l;
      if ((this.values[c] as number) >= v) break;
      this.ids[i] = this.ids[c] as number;
      this.values[i] = this.values[c] as number;
      i = c;
    }
    this.ids[i] = id;
    this.values[i] = v;
  }
  /** Best first. */
  sorted(): Array<{ d: number; v: number }> {
    const out: Array<{ d: number; v: number }> = [];
    for (let i = 0; i < this.size; i++) out.push({ d: this.ids[i] as number, v: this.values[i] as number });
    return out.sort((a, b) => b.v - a.v);
  }
}
