// The pair stage: decides, for every Chinese translation, which English original it translates (or that
// none does), by cross-lingual evidence ranked against the whole pool, with a margin, one-to-one.
import { stopRequested } from '../core/cancel.js';
import type { BlockRef, IdentifiedBlock, Pair, PairEvidence } from '../core/types.js';
import {
  enFeatures,
  scoreFeatures,
  unionOfGlosses,
  zhFeatures,
  genericWeights,
  type EnFeatures,
  type ScoredSimilarity,
  type SimilarityWeights,
  type ZhFeatures,
} from '../lexicon/similarity.js';
import { attachedMismatch, verifyPairing } from './verify-pair.js';

/** Thresholds of the accept decision. */
export interface PairingOptions {
  /** Lowest score (0-1) of an accepted pair. Default 0.42. */
  minScore?: number;
  /** Lowest lead of the best candidate over the runner-up (score points, 0-1). Default 0.08. */
  minMargin?: number;
  /** How many best candidates evidence keeps for reports. Default 3. */
  maxBest?: number;
  /**
   * Kept so that existing configuration files stay valid; no longer used. A translation the input
   * attaches to an original is `mismatched` only on positive evidence (an accepted better original,
   * contradicting anchors, sentences that do not correspond), never on low similarity alone: see
   * docs/pairing-evidence.md.
   */
  mismatchBelow?: number;
}

/** Default thresholds, calibrated with `npm run bench -- pairing` on arxiv-gt-zh dev. */
export const PAIRING_DEFAULTS: Required<PairingOptions> = { minScore: 0.42, minMargin: 0.08, maxBest: 3, mismatchBelow: 0.3 };

// Candidates scored in full per translation, after the inverted-index pre-ranking.
const CANDIDATES = 24;
// Originals pre-ranked within this share of the best retrieval score are sorted; the rest are dropped.
const PRE_RANK_SHARE = 0.35;
// Smallest document-frequency cut-off of index terms.
const MIN_MAX_DF = 100;
// Stem-set Jaccard above which two originals are versions of one text (not competitors for the margin).
const NEAR_DUPLICATE_ORIGINAL = 0.6;
// A translation fitting a taken original at least this share of the holder's score may share it.
const SHARE_SCORE_RATIO = 0.85;
// Han-bigram Jaccard above which two translations are versions of one translation (may share an original).
const NEAR_DUPLICATE_TRANSLATION = 0.5;

interface OriginalDoc {
  block: IdentifiedBlock;
  features: EnFeatures;
  /** Sum of the weights of the original's stems (normalizes the pre-rank). */
  enTotal: number;
  /** Sum of the weights of the original's strong anchors. */
  anchorTotal: number;
}

interface TranslationDoc {
  blocks: IdentifiedBlock[];
  /** Originals (pool indices) the input attaches one of the blocks to. */
  attachedDocs: Set<number>;
  features: ZhFeatures;
  union: Set<string>;
  ranked: Array<{ doc: number; sim: ScoredSimilarity }>;
  candidates: number;
}

/** A decision of the ranking: the chosen candidate, its margin and whether verification found positive evidence. */
interface Chosen {
  doc: number;
  sim: ScoredSimilarity;
  margin: number;
  /** True when verify-pair found positive evidence; false when it was inconclusive (or the input stated the pair). */
  verified: boolean;
}

/**
 * Pairs each translation with the original it translates. One-to-one assignment with an absolute score
 * AND a margin over the runner-up, then verification (verify-pair.ts: sentences must correspond,
 * anchors must not contradict); otherwise `unpaired` — never a forced pair — with a candidate that won
 * the ranking but failed verification in `evidence.rejected`. A translation whose `attachedTo` original
 * it does not translate is `mismatched`, on positive evidence only: a verified better original (first
 * in `evidence.best`) or strong mismatch evidence (the attached original in `evidence.rejected` with
 * the reason). Identical texts (in several files) count once. Other versions of the chosen original
 * are listed in `evidence.versions`. Returns one Pair per translation block, in input order; the pair
 * id is the translation block id.
 */
export function pairTranslations(
  translations: readonly IdentifiedBlock[],
  originals: readonly IdentifiedBlock[],
  options: PairingOptions = {},
  /** Ctrl-C: ranking stops; translations not ranked yet stay unpaired. */
  signal?: AbortSignal,
): Pair[] {
  const opts = { ...PAIRING_DEFAULTS, ...options };
  const docs = distinctOriginals(originals, signal);
  const docOfBlock = new Map<string, number>();
  for (const b of originals) docOfBlock.set(b.id, docs.index.get(b.text) ?? -1);
  const weights = corpusWeights(docs.list);
  const index = buildIndex(docs.list);

  const tdocs = distinctTranslations(translations, signal);
  // Stopped (Ctrl-C) while reading features: every translation stays unpaired, none is guessed.
  if (stopRequested(signal)) return translations.map((block) => unpairedOnStop(block));
  for (const t of tdocs) {
    for (const b of t.blocks) {
      const doc = b.attachedTo !== undefined ? docOfBlock.get(b.attachedTo) : undefined;
      if (doc !== undefined && doc >= 0) t.attachedDocs.add(doc);
    }
  }
  const n = docs.list.length;
  const scratch: Scratch = { zh: new Float64Array(n), en: new Float64Array(n), anchors: new Float64Array(n), seen: new Int32Array(n), word: new Int32Array(n) };
  for (const d of docs.list) {
    d.enTotal = 0;
    for (const s of d.features.stems) d.enTotal += weights.en(s);
    d.enTotal = Math.max(d.enTotal, 1e-9);
    d.anchorTotal = 0;
    for (const a of d.features.strongAnchors) d.anchorTotal += weights.anchor(a);
  }
  for (const t of tdocs) {
    if (stopRequested(signal)) break;
    rank(t, docs.list, index, weights, scratch);
  }

  // Attached translations claim their original first, then the rest by score, strongest first.
  const decision = new Map<TranslationDoc, Chosen | null>();
  const rejectedOf = new Map<TranslationDoc, { doc: number; score: number; reason: string }>();
  const taken = new Map<number, { t: TranslationDoc; score: number }>();
  const order = [...tdocs].sort((a, b) => (b.ranked[0]?.sim.score ?? 0) - (a.ranked[0]?.sim.score ?? 0));
  for (const t of order) {
    // Verification aligns sentences (about a millisecond a candidate): Ctrl-C stops here too.
    if (stopRequested(signal)) break;
    let chosen: Chosen | null = null;
    for (let i = 0; i < t.ranked.length && chosen === null; i++) {
      const cand = t.ranked[i] as { doc: number; sim: ScoredSimilarity };
      if (cand.sim.score < opts.minScore) break;
      const holder = taken.get(cand.doc);
      if (holder && !sharesOriginal(holder, t, cand.sim.score)) continue;
      const margin = marginOver(t.ranked, i, docs.list);
      if (margin < opts.minMargin) break;
      // What the input stated needs no verification; a pairing found by ranking does.
      if (t.attachedDocs.has(cand.doc)) {
        chosen = { ...cand, margin, verified: false };
        break;
      }
      const verification = verifyPairing(t.blocks[0]?.text ?? '', (docs.list[cand.doc] as OriginalDoc).block.text);
      if (verification.outcome === 'rejected') {
        rejectedOf.set(t, { doc: cand.doc, score: cand.sim.score, reason: verification.reason });
        break;
      }
      chosen = { ...cand, margin, verified: verification.outcome === 'verified' };
    }
    decision.set(t, chosen);
    if (chosen && !taken.has(chosen.doc)) taken.set(chosen.doc, { t, score: chosen.sim.score });
  }

  const pairs: Pair[] = [];
  const byBlock = new Map<string, TranslationDoc>();
  for (const t of tdocs) for (const b of t.blocks) byBlock.set(b.id, t);
  const originalById = new Map(originals.map((b) => [b.id, b]));
  for (const block of translations) {
    const t = byBlock.get(block.id) as TranslationDoc;
    const chosen = decision.get(t) ?? null;
    const best = t.ranked.slice(0, opts.maxBest).map((c) => ({
      original: blockRef((docs.list[c.doc] as OriginalDoc).block),
      score: round(c.sim.score),
    }));
    const attached = block.attachedTo ? originalById.get(block.attachedTo) : undefined;
    if (attached) {
      const attachedDoc = docOfBlock.get(attached.id) ?? -1;
      const attachedSim = withEvidence(t, docs.list, attachedDoc, weights);
      const chosenIsAttached = chosen !== null && (chosen.doc === attachedDoc || nearDuplicateOriginals(docs.list, chosen.doc, attachedDoc));
      // An accepted better original: verified with positive evidence and clearly ahead of the attached one.
      const better =
        chosen !== null && !chosenIsAttached && chosen.verified && attachedSim.score < chosen.sim.score - opts.minMargin ? chosen : null;
      const mismatch = chosenIsAttached || better ? null : attachedMismatch(block.text, attached.text);
      if (!better && mismatch?.strength !== 'strong') {
        pairs.push({
          id: block.id,
          translation: block,
          original: attached,
          status: 'paired',
          confidence: confidence(attachedSim.score, Math.max(opts.minMargin, chosen?.margin ?? 0), opts),
          evidence: withVersions(evidence(attachedSim, chosen?.margin ?? 0, t.candidates, best), t, attachedDoc, docs.list),
        });
        continue;
      }
      // Only an accepted better original is named; weaker candidates would be a guess.
      const betterRef = better ? blockRef((docs.list[better.doc] as OriginalDoc).block) : undefined;
      const betterBest = betterRef
        ? [
            { original: betterRef, score: round(better?.sim.score ?? 0) },
            ...best.filter((b) => b.original.block !== betterRef.block),
          ].slice(0, opts.maxBest)
        : [];
      const reason = betterRef
        ? `another original fits better (${round(better?.sim.score ?? 0)} against ${round(attachedSim.score)}) and its sentences correspond`
        : (mismatch?.reason ?? '');
      pairs.push({
        id: block.id,
        translation: block,
        original: null,
        status: 'mismatched',
        confidence: round(1 - attachedSim.score),
        evidence: {
          ...evidence(attachedSim, better?.margin ?? 0, t.candidates, betterBest),
          rejected: [{ original: blockRef(attached), score: round(attachedSim.score), reason }],
        },
        attached,
      });
      continue;
    }
    if (chosen) {
      pairs.push({
        id: block.id,
        translation: block,
        original: (docs.list[chosen.doc] as OriginalDoc).block,
        status: 'paired',
        confidence: confidence(chosen.sim.score, chosen.margin, opts),
        evidence: withVersions(evidence(withEvidence(t, docs.list, chosen.doc, weights), chosen.margin, t.candidates, best), t, chosen.doc, docs.list),
      });
    } else {
      const top = t.ranked[0];
      const rejected = rejectedOf.get(t);
      pairs.push({
        id: block.id,
        translation: block,
        original: null,
        status: 'unpaired',
        confidence: 0,
        evidence: top
          ? {
              ...evidence(withEvidence(t, docs.list, top.doc, weights), marginOver(t.ranked, 0, docs.list), t.candidates, best),
              ...(rejected
                ? { rejected: [{ original: blockRef((docs.list[rejected.doc] as OriginalDoc).block), score: round(rejected.score), reason: rejected.reason }] }
                : {}),
            }
          : { anchors: [], terms: [], score: 0, margin: 0, candidates: t.candidates, best: [] },
      });
    }
  }
  return pairs;
}

function unpairedOnStop(block: IdentifiedBlock): Pair {
  const evidence: PairEvidence = { anchors: [], terms: [], score: 0, margin: 0, candidates: 0, best: [] };
  return { id: block.id, translation: block, original: null, status: 'unpaired', confidence: 0, evidence };
}

function distinctOriginals(originals: readonly IdentifiedBlock[], signal?: AbortSignal): { list: OriginalDoc[]; index: Map<string, number> } {
  const list: OriginalDoc[] = [];
  const index = new Map<string, number>();
  for (const block of originals) {
    if (stopRequested(signal)) break;
    if (index.has(block.text)) continue;
    index.set(block.text, list.length);
    const features = enFeatures(block.text, { surface: false });
    list.push({ block, features, enTotal: 0, anchorTotal: 0 });
  }
  return { list, index };
}

function distinctTranslations(translations: readonly IdentifiedBlock[], signal?: AbortSignal): TranslationDoc[] {
  const byText = new Map<string, TranslationDoc>();
  for (const block of translations) {
    if (stopRequested(signal)) break;
    const existing = byText.get(block.text);
    if (existing) {
      existing.blocks.push(block);
      continue;
    }
    const features = zhFeatures(block.text);
    byText.set(block.text, { blocks: [block], attachedDocs: new Set(), features, union: unionOfGlosses(features), ranked: [], candidates: 0 });
  }
  return [...byText.values()];
}

function idf(n: number, df: number): number {
  // Smoothed so that a pool of a handful of originals weighs every word about equally.
  return Math.log(1 + (n + 20) / (df + 1));
}

function corpusWeights(docs: readonly OriginalDoc[]): SimilarityWeights {
  const stemDf = new Map<string, number>();
  const anchorDf = new Map<string, number>();
  for (const d of docs) {
    for (const s of d.features.stems) stemDf.set(s, (stemDf.get(s) ?? 0) + 1);
    for (const a of d.features.anchors) anchorDf.set(a, (anchorDf.get(a) ?? 0) + 1);
  }
  const n = docs.length;
  const generic = genericWeights();
  return {
    en: (s) => idf(n, stemDf.get(s) ?? 0),
    zh: (w) => generic.zh(w),
    anchor: (a) => (/^\d$/.test(a) ? 0.3 : 1) * idf(n, anchorDf.get(a) ?? 0),
  };
}

interface Index {
  /** Originals (indices into the pool) by English stem. */
  stems: Map<string, number[]>;
  /** Originals by anchor key. */
  anchors: Map<string, number[]>;
  maxDf: number;
  n: number;
}

function buildIndex(docs: readonly OriginalDoc[]): Index {
  const stems = new Map<string, number[]>();
  const anchors = new Map<string, number[]>();
  const add = (postings: Map<string, number[]>, key: string, doc: number) => {
    const list = postings.get(key);
    if (list) list.push(doc);
    else postings.set(key, [doc]);
  };
  docs.forEach((d, i) => {
    for (const s of d.features.stems) add(stems, s, i);
    for (const a of d.features.anchors) add(anchors, a, i);
  });
  // Words in many originals do not help find candidates and cost the most (small pools keep them all).
  return { stems, anchors, maxDf: Math.max(MIN_MAX_DF, Math.ceil(docs.length / 20)), n: docs.length };
}

/** Scratch arrays of ranking, one slot per original, reused across translations (all zero between uses). */
interface Scratch {
  zh: Float64Array;
  en: Float64Array;
  anchors: Float64Array;
  seen: Int32Array;
  /** 1 + index of the last Chinese word counted for each original. */
  word: Int32Array;
}

function rank(t: TranslationDoc, docs: readonly OriginalDoc[], index: Index, weights: SimilarityWeights, scratch: Scratch): void {
  const { zh, en, anchors, seen } = scratch;
  const touched: number[] = [];
  const touch = (d: number) => {
    if (seen[d] === 0) {
      seen[d] = -1;
      touched.push(d);
    }
  };
  // The pre-rank estimates the full score from the index alone: the Chinese words found in the original
  // (each word once, weighted as in scoring), the original's rare stems found among the glosses
  // (normalized by the original's total weight) and shared anchors.
  let zhTotal = 0;
  const wordSeen = scratch.word;
  t.features.words.forEach((w, wi) => {
    if (w.glosses.length === 0) return;
    const weight = weights.zh(w.word);
    zhTotal += weight;
    for (const g of w.glosses) {
      const list = index.stems.get(g);
      if (!list || list.length > index.maxDf) continue;
      for (const d of list) {
        if (wordSeen[d] === wi + 1) continue;
        wordSeen[d] = wi + 1;
        touch(d);
        zh[d] = (zh[d] ?? 0) + weight;
      }
    }
  });
  for (const s of t.union) {
    const list = index.stems.get(s);
    if (!list || list.length > index.maxDf) continue;
    const weight = weights.en(s);
    for (const d of list) {
      touch(d);
      en[d] = (en[d] ?? 0) + weight;
    }
  }
  let anchorTotal = 0;
  for (const a of t.features.anchors) {
    const weight = weights.anchor(a);
    anchorTotal += weight;
    const list = index.anchors.get(a);
    if (!list || list.length > index.maxDf) continue;
    for (const d of list) {
      touch(d);
      anchors[d] = (anchors[d] ?? 0) + weight;
    }
  }
  const pre = new Float64Array(touched.length);
  let top = 0;
  touched.forEach((d, i) => {
    const doc = docs[d] as OriginalDoc;
    const v =
      (0.4 * (zh[d] ?? 0)) / Math.max(zhTotal, 1e-9) +
      (0.3 * (en[d] ?? 0)) / doc.enTotal +
      (0.2 * (anchors[d] ?? 0)) / Math.max(anchorTotal + doc.anchorTotal - (anchors[d] ?? 0), anchors[d] ?? 0, 1e-9);
    pre[i] = v;
    if (v > top) top = v;
    zh[d] = 0;
    en[d] = 0;
    anchors[d] = 0;
    seen[d] = 0;
    wordSeen[d] = 0;
  });
  // Only originals within reach of the best are sorted, which keeps the cost per translation flat.
  const kept: Array<{ d: number; v: number }> = [];
  touched.forEach((d, i) => {
    const v = pre[i] ?? 0;
    if (v >= PRE_RANK_SHARE * top) kept.push({ d, v });
  });
  kept.sort((a, b) => b.v - a.v);
  t.candidates = docs.length;
  t.ranked = kept
    .slice(0, CANDIDATES)
    .map(({ d }) => ({ doc: d, sim: scoreFeatures((docs[d] as OriginalDoc).features, t.features, weights, t.union, false) }))
    .sort((a, b) => b.sim.score - a.sim.score);
}

/** Lead of ranked[i] over the best other candidate that is not a version of the same original. */
function marginOver(ranked: ReadonlyArray<{ doc: number; sim: ScoredSimilarity }>, i: number, docs: readonly OriginalDoc[]): number {
  const chosen = ranked[i] as { doc: number; sim: ScoredSimilarity };
  for (let j = 0; j < ranked.length; j++) {
    const other = ranked[j] as { doc: number; sim: ScoredSimilarity };
    if (j === i || nearDuplicateOriginals(docs, chosen.doc, other.doc)) continue;
    return chosen.sim.score - other.sim.score;
  }
  return chosen.sim.score;
}

/** Two originals are versions of one text when they share a record id (an arXiv id) or nearly all their words. */
function nearDuplicateOriginals(docs: readonly OriginalDoc[], a: number, b: number): boolean {
  if (a === b) return true;
  const x = docs[a] as OriginalDoc;
  const y = docs[b] as OriginalDoc;
  if (x.block.recordId !== undefined && x.block.recordId !== '' && x.block.recordId === y.block.recordId) return true;
  return jaccard(x.features.stems, y.features.stems) >= NEAR_DUPLICATE_ORIGINAL;
}

/**
 * One-to-one, except that a second translation may share an original already taken when it is a version
 * of the holder's translation or fits the original about as well as the holder does (two machine
 * translations of one abstract); a weaker claim goes on to its next candidate.
 */
function sharesOriginal(holder: { t: TranslationDoc; score: number }, t: TranslationDoc, score: number): boolean {
  return score >= SHARE_SCORE_RATIO * holder.score || nearDuplicateTranslations(holder.t, t);
}

function nearDuplicateTranslations(a: TranslationDoc, b: TranslationDoc): boolean {
  return jaccard(hanBigrams(a.blocks[0]?.text ?? ''), hanBigrams(b.blocks[0]?.text ?? '')) >= NEAR_DUPLICATE_TRANSLATION;
}

function hanBigrams(text: string): Set<string> {
  const han = text.match(/\p{Script=Han}/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++) out.add(`${han[i]}${han[i + 1]}`);
  return out;
}

function jaccard(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let inter = 0;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  for (const s of small) if (large.has(s)) inter++;
  return inter / (x.size + y.size - inter);
}

/** 0-1: how far the score and margin clear their thresholds (0.5 exactly at both thresholds). */
function confidence(score: number, margin: number, opts: Required<PairingOptions>): number {
  const s = Math.min(1, Math.max(0, (score - opts.minScore) / (1 - opts.minScore)));
  const m = Math.min(1, Math.max(0, (margin - opts.minMargin) / (0.4 - opts.minMargin)));
  return round(0.5 + 0.25 * s + 0.25 * m);
}

function evidence(sim: ScoredSimilarity, margin: number, candidates: number, best: PairEvidence['best']): PairEvidence {
  return { anchors: sim.anchors, terms: sim.terms, score: round(sim.score), margin: round(margin), candidates, best };
}

/**
 * Adds the other versions of the chosen original (same record id, or nearly the same words) found among
 * the ranked candidates: a second English version of one abstract is not a look-alike.
 */
function withVersions(ev: PairEvidence, t: TranslationDoc, doc: number, docs: readonly OriginalDoc[]): PairEvidence {
  if (doc < 0) return ev;
  const versions = t.ranked
    .filter((c) => c.doc !== doc && nearDuplicateOriginals(docs, doc, c.doc))
    .map((c) => blockRef((docs[c.doc] as OriginalDoc).block));
  return versions.length > 0 ? { ...ev, versions } : ev;
}

/** The similarity of a ranked candidate again, this time with its anchors and terms (as English words) listed. */
function withEvidence(t: TranslationDoc, docs: readonly OriginalDoc[], doc: number, weights: SimilarityWeights): ScoredSimilarity {
  return scoreFeatures(enFeatures((docs[doc] as OriginalDoc).block.text), t.features, weights, t.union, true);
}

/** How reports name a block. */
export function blockRef(block: IdentifiedBlock): BlockRef {
  return {
    file: block.file,
    block: block.id,
    lines: block.lines,
    ...(block.recordId !== undefined ? { id: block.recordId } : {}),
    ...(block.title !== undefined ? { title: block.title } : {}),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
