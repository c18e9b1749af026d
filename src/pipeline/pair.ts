// The pair stage: decides, for every Chinese translation, which English original it translates (or that
// none does), by cross-lingual evidence ranked against the whole pool, with a margin, one-to-one.
import { stopRequested, yieldToEventLoop } from '../core/cancel.js';
import type { BlockRef, IdentifiedBlock, Pair, PairEvidence } from '../core/types.js';
import { enFeatures, pairEvidence, scoreFeatures, zhFeatures, type Similarity, type ZhFeatures } from '../lexicon/similarity.js';
import { primeWordEnds } from '../lexicon/segment.js';
import { attachedCandidates, CandidateScratch, rankCandidates, type Candidate } from './candidates.js';
import { PairIndex, type IndexedQuery, type OriginalsIndex } from './pair-index.js';
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

// Stem-set Jaccard above which two originals are versions of one text (not competitors for the margin).
const NEAR_DUPLICATE_ORIGINAL = 0.6;
// A translation fitting a taken original at least this share of the holder's score may share it.
const SHARE_SCORE_RATIO = 0.85;
// Han-bigram Jaccard above which two translations are versions of one translation (may share an original).
const NEAR_DUPLICATE_TRANSLATION = 0.5;

interface TranslationDoc {
  text: string;
  blocks: IdentifiedBlock[];
  /** Originals (pool indices) the input attaches one of the blocks to. */
  attachedDocs: number[];
  /**
   * Read when the translation is ranked, and released after it when every block of the text is attached
   * to the one original: `attached` then keeps the evidence the pairs need. Features of every
   * translation held to the end of pairing were most of its peak on a 100 MB JSONL (docs/scale.md).
   */
  features: ZhFeatures | undefined;
  /** The attached original's similarity with its evidence, kept when the features were released. */
  attached?: { doc: number; sim: Similarity };
  ranked: Ranked;
  candidates: number;
}

/**
 * A translation's ranked candidates, best first: the originals and their scores, which is all that the
 * decisions and the evidence read of them. Every translation's list is held from its ranking to the end of
 * pairing: as scored candidate objects (a similarity with its parts and two empty lists each, 17 candidates
 * a translation on the scale benchmark's 20k file), with the attached original's full similarity and a set
 * of attached originals, they held 4.2 KB a translation more (live heap at the end of ranking 274 → 192 MB;
 * docs/scale.md, session 19).
 */
interface Ranked {
  docs: number[];
  scores: number[];
}

const NOT_RANKED: Ranked = { docs: [], scores: [] };

function ranked(candidates: readonly Candidate[]): Ranked {
  const docs: number[] = [];
  const scores: number[] = [];
  for (const c of candidates) {
    docs.push(c.doc);
    scores.push(c.sim.score);
  }
  return { docs, scores };
}

/**
 * What pairing may take from work done elsewhere in the run instead of doing it again. Hints change how
 * fast pairing is, never what it decides.
 */
export interface PairingHints {
  /** Word ends of a translation's text cut by a check worker (run.ts `speculate`), taken once. */
  wordEnds(text: string): Uint16Array | Uint32Array | undefined;
}

/** The index of a list of originals (distinct by text), sealed: what pairing ranks against. */
export function indexOriginals(originals: readonly IdentifiedBlock[], signal?: AbortSignal): PairIndex {
  return finish(indexSteps(originals, signal));
}

function* indexSteps(originals: readonly IdentifiedBlock[], signal?: AbortSignal): Generator<void, PairIndex> {
  const index = new PairIndex();
  for (const block of originals) {
    if (stopRequested(signal)) break;
    index.add(block);
    yield;
  }
  return index.seal();
}

/** Runs a stage's steps to the end at once (the synchronous callers: tests, benchmarks, `transcheck check`). */
function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs a stage's steps, letting the event loop in about every 50 ms: while the audit pairs, the check
 * pool's dispatch (run.ts checks attached pairs speculatively during pairing) and signals get their turn.
 */
async function finishCooperatively<T>(steps: Generator<void, T>): Promise<T> {
  let last = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - last > 50) {
      await yieldToEventLoop();
      last = performance.now();
    }
  }
}

/** A decision of the ranking: the chosen candidate, its margin and whether verification found positive evidence. */
interface Chosen {
  doc: number;
  score: number;
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
  /** A prebuilt index of the originals (they must all be in it); built from `originals` when absent. */
  prebuilt?: OriginalsIndex,
  hints?: PairingHints,
): Pair[] {
  return finish(pairingSteps(translations, originals, options, signal, prebuilt, hints));
}

/** `pairTranslations`, yielding to the event loop about every 50 ms (the audit: see finishCooperatively). */
export function pairTranslationsCooperatively(...args: Parameters<typeof pairTranslations>): Promise<Pair[]> {
  return finishCooperatively(pairingSteps(...args));
}

function* pairingSteps(
  translations: readonly IdentifiedBlock[],
  originals: readonly IdentifiedBlock[],
  options: PairingOptions = {},
  signal?: AbortSignal,
  prebuilt?: OriginalsIndex,
  hints?: PairingHints,
): Generator<void, Pair[]> {
  const opts = { ...PAIRING_DEFAULTS, ...options };
  const index = prebuilt ?? (yield* indexSteps(originals, signal));
  const docOfBlock = new Map<string, number>();
  for (const b of originals) docOfBlock.set(b.id, index.docOf(b.text));
  if (stopRequested(signal)) return translations.map((block) => unpairedOnStop(block));

  const tdocs = yield* distinctTranslations(translations, signal);
  // Stopped (Ctrl-C) while reading features: every translation stays unpaired, none is guessed.
  if (stopRequested(signal)) return translations.map((block) => unpairedOnStop(block));
  for (const t of tdocs) {
    for (const b of t.blocks) {
      const doc = b.attachedTo !== undefined ? docOfBlock.get(b.attachedTo) : undefined;
      if (doc !== undefined && doc >= 0 && !t.attachedDocs.includes(doc)) t.attachedDocs.push(doc);
    }
  }
  const scratch = new CandidateScratch(index);
  for (const t of tdocs) {
    if (stopRequested(signal)) break;
    yield;
    // Cut by a check worker already: jieba does not run on this text a second time.
    const ends = hints?.wordEnds(t.text);
    if (ends) primeWordEnds(t.text, ends);
    t.features = zhFeatures(t.text);
    // The attached original is always a candidate; the rest come from the bounded candidate generation.
    const query: IndexedQuery = index.query(t.features);
    const only = t.attachedDocs.length === 1 ? (t.attachedDocs[0] as number) : -1;
    // An attached original that fits well is ranked against the originals that share the translation's
    // rarest terms, not against the whole pool (candidates.ts).
    const own = only >= 0 ? attachedCandidates(index, query, scratch, only) : undefined;
    t.ranked = ranked(own ?? rankCandidates(index, query, scratch, t.attachedDocs).ranked);
    t.candidates = index.size;
    if (only >= 0 && t.blocks.every((b) => b.attachedTo !== undefined && docOfBlock.get(b.attachedTo) === only)) {
      t.attached = { doc: only, sim: withEvidence(t, index, only) };
      t.features = undefined;
    }
  }

  // Attached translations claim their original first, then the rest by score, strongest first.
  const decision = new Map<TranslationDoc, Chosen | null>();
  const rejectedOf = new Map<TranslationDoc, { doc: number; score: number; reason: string }>();
  const taken = new Map<number, { t: TranslationDoc; score: number }>();
  const order = [...tdocs].sort((a, b) => (b.ranked.scores[0] ?? 0) - (a.ranked.scores[0] ?? 0));
  for (const t of order) {
    // Verification aligns sentences (about a millisecond a candidate): Ctrl-C stops here too.
    if (stopRequested(signal)) break;
    yield;
    let chosen: Chosen | null = null;
    for (let i = 0; i < t.ranked.docs.length && chosen === null; i++) {
      const cand = { doc: t.ranked.docs[i] as number, score: t.ranked.scores[i] as number };
      if (cand.score < opts.minScore) break;
      const holder = taken.get(cand.doc);
      if (holder && !sharesOriginal(holder, t, cand.score)) continue;
      const margin = marginOver(t.ranked, i, index);
      if (margin < opts.minMargin) break;
      // What the input stated needs no verification; a pairing found by ranking does.
      if (t.attachedDocs.includes(cand.doc)) {
        chosen = { ...cand, margin, verified: false };
        break;
      }
      const verification = verifyPairing(t.blocks[0]?.text ?? '', index.block(cand.doc).text);
      if (verification.outcome === 'rejected') {
        rejectedOf.set(t, { doc: cand.doc, score: cand.score, reason: verification.reason });
        break;
      }
      chosen = { ...cand, margin, verified: verification.outcome === 'verified' };
    }
    decision.set(t, chosen);
    if (chosen && !taken.has(chosen.doc)) taken.set(chosen.doc, { t, score: chosen.score });
  }

  const pairs: Pair[] = [];
  const byBlock = new Map<string, TranslationDoc>();
  for (const t of tdocs) for (const b of t.blocks) byBlock.set(b.id, t);
  const originalById = new Map(originals.map((b) => [b.id, b]));
  for (const block of translations) {
    // Attached pairs are checked for mismatch evidence (an alignment each): Ctrl-C stops here too.
    if (stopRequested(signal)) {
      pairs.push(unpairedOnStop(block));
      continue;
    }
    yield;
    const t = byBlock.get(block.id) as TranslationDoc;
    const chosen = decision.get(t) ?? null;
    const best = t.ranked.docs.slice(0, opts.maxBest).map((doc, i) => ({
      original: sharedRef(index.block(doc)),
      score: round(t.ranked.scores[i] as number),
    }));
    const attached = block.attachedTo ? originalById.get(block.attachedTo) : undefined;
    if (attached) {
      const attachedDoc = docOfBlock.get(attached.id) ?? -1;
      const attachedSim = t.attached?.doc === attachedDoc ? t.attached.sim : withEvidence(t, index, attachedDoc);
      const chosenIsAttached = chosen !== null && (chosen.doc === attachedDoc || nearDuplicateOriginals(index, chosen.doc, attachedDoc));
      // An accepted better original: verified with positive evidence and clearly ahead of the attached one.
      const better =
        chosen !== null && !chosenIsAttached && chosen.verified && attachedSim.score < chosen.score - opts.minMargin ? chosen : null;
      const mismatch = chosenIsAttached || better ? null : attachedMismatch(block.text, attached.text);
      if (!better && mismatch?.strength !== 'strong') {
        pairs.push({
          id: block.id,
          translation: block,
          original: attached,
          status: 'paired',
          confidence: confidence(attachedSim.score, Math.max(opts.minMargin, chosen?.margin ?? 0), opts),
          evidence: withVersions(evidence(attachedSim, chosen?.margin ?? 0, t.candidates, best), t, attachedDoc, index),
        });
        continue;
      }
      // Only an accepted better original is named; weaker candidates would be a guess.
      const betterRef = better ? blockRef(index.block(better.doc)) : undefined;
      const betterBest = betterRef
        ? [
            { original: betterRef, score: round(better?.score ?? 0) },
            ...best.filter((b) => b.original.block !== betterRef.block),
          ].slice(0, opts.maxBest)
        : [];
      const reason = betterRef
        ? `another original fits better (${(better?.score ?? 0).toFixed(2)} against ${attachedSim.score.toFixed(2)}) and its sentences correspond`
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
        original: index.block(chosen.doc),
        status: 'paired',
        confidence: confidence(chosen.score, chosen.margin, opts),
        evidence: withVersions(evidence(withEvidence(t, index, chosen.doc), chosen.margin, t.candidates, best), t, chosen.doc, index),
      });
    } else {
      const top = t.ranked.docs[0];
      const rejected = rejectedOf.get(t);
      pairs.push({
        id: block.id,
        translation: block,
        original: null,
        status: 'unpaired',
        confidence: 0,
        evidence: top !== undefined
          ? {
              ...evidence(withEvidence(t, index, top), marginOver(t.ranked, 0, index), t.candidates, best),
              ...(rejected
                ? { rejected: [{ original: blockRef(index.block(rejected.doc)), score: round(rejected.score), reason: rejected.reason }] }
                : {}),
            }
          : noEvidence(t.candidates),
      });
    }
  }
  return pairs;
}

function unpairedOnStop(block: IdentifiedBlock): Pair {
  return { id: block.id, translation: block, original: null, status: 'unpaired', confidence: 0, evidence: noEvidence() };
}

/** Evidence of a pair that no ranking produced (stopped, stated by the input, given directly). */
export function noEvidence(candidates = 0): PairEvidence {
  return { anchors: [], terms: [], score: 0, margin: 0, candidates, best: [] };
}

function* distinctTranslations(translations: readonly IdentifiedBlock[], signal?: AbortSignal): Generator<void, TranslationDoc[]> {
  const byText = new Map<string, TranslationDoc>();
  for (const block of translations) {
    if (stopRequested(signal)) break;
    yield;
    const existing = byText.get(block.text);
    if (existing) {
      existing.blocks.push(block);
      continue;
    }
    // Features are read when the text is ranked (pairingSteps), not all at once here.
    byText.set(block.text, { text: block.text, blocks: [block], attachedDocs: [], features: undefined, ranked: NOT_RANKED, candidates: 0 });
  }
  return [...byText.values()];
}

/** Lead of ranked[i] over the best other candidate that is not a version of the same original. */
function marginOver(ranked: Ranked, i: number, docs: OriginalsIndex): number {
  const doc = ranked.docs[i] as number;
  const score = ranked.scores[i] as number;
  for (let j = 0; j < ranked.docs.length; j++) {
    if (j === i || nearDuplicateOriginals(docs, doc, ranked.docs[j] as number)) continue;
    return score - (ranked.scores[j] as number);
  }
  return score;
}

/** Two originals are versions of one text when they share a record id (an arXiv id) or nearly all their words. */
function nearDuplicateOriginals(docs: OriginalsIndex, a: number, b: number): boolean {
  if (a === b) return true;
  if (a < 0 || b < 0) return false;
  const x = docs.block(a);
  const y = docs.block(b);
  if (x.recordId !== undefined && x.recordId !== '' && x.recordId === y.recordId) return true;
  return docs.stemJaccard(a, b) >= NEAR_DUPLICATE_ORIGINAL;
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

function evidence(sim: Similarity, margin: number, candidates: number, best: PairEvidence['best']): PairEvidence {
  return { anchors: sim.anchors, terms: sim.terms, score: round(sim.score), margin: round(margin), candidates, best };
}

/**
 * Adds the other versions of the chosen original (same record id, or nearly the same words) found among
 * the ranked candidates: a second English version of one abstract is not a look-alike.
 */
function withVersions(ev: PairEvidence, t: TranslationDoc, doc: number, docs: OriginalsIndex): PairEvidence {
  if (doc < 0) return ev;
  const versions = t.ranked.docs.filter((c) => c !== doc && nearDuplicateOriginals(docs, doc, c)).map((c) => sharedRef(docs.block(c)));
  return versions.length > 0 ? { ...ev, versions } : ev;
}

/**
 * A candidate's similarity with its evidence (anchors and terms, as English words) listed. The score of a
 * ranked candidate is the ranking's (the index scores exactly as `scoreFeatures`); only the lists are
 * worked out here. An original the ranking did not keep (an attached one, below the best) is scored again.
 */
function withEvidence(t: TranslationDoc, docs: OriginalsIndex, doc: number): Similarity {
  // Features released after ranking (or never read: a stop) are read again.
  const features = t.features ?? zhFeatures(t.text);
  const en = enFeatures(docs.block(doc).text);
  const at = t.ranked.docs.indexOf(doc);
  const score = at >= 0 ? (t.ranked.scores[at] as number) : scoreFeatures(en, features, docs.weights, undefined, false).score;
  return { score, ...pairEvidence(en, features) };
}

/**
 * One reference a block for the evidence lists of every pair: each pair names its three best candidates,
 * most of them other pairs' originals, and the run keeps every pair's evidence to its reports (a copy each
 * held 0.11 KB a pair more: 5,000 pairs of the scale benchmark's file, bench/live-heap.ts; docs/scale.md).
 */
const sharedRefs = new WeakMap<IdentifiedBlock, BlockRef>();

function sharedRef(block: IdentifiedBlock): BlockRef {
  let ref = sharedRefs.get(block);
  if (!ref) sharedRefs.set(block, (ref = blockRef(block)));
  return ref;
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
