// Verification of a pairing the input did not state, and the mismatch evidence of one it did: the
// candidate's sentences are aligned with the translation's, then lexicon/correspondence.ts decides.
// A function of (translation, candidate original) only, so it runs unchanged on any candidate generator.
import {
  anchorsContradict,
  anchorsSupport,
  CORRESPONDENCE_DEFAULTS,
  correspondence,
  mismatchEvidence,
  type Correspondence,
  type CorrespondenceSettings,
  type MismatchEvidence,
} from '../lexicon/correspondence.js';
import { HAN_PER_ENGLISH_WORD } from '../lexicon/similarity.js';
import { alignSentences, splitChinese, splitEnglish } from './align.js';

/** Outcome of verifying one candidate original for a translation. */
export interface Verification {
  /**
   * `verified`: positive evidence that the translation translates the candidate; `rejected`: evidence
   * that it does not; `inconclusive`: too little text to tell (the ranking decides).
   */
  outcome: 'verified' | 'rejected' | 'inconclusive';
  /** Why, in words ("aligned sentences share 8% of their words, …"); shown in reports for rejections. */
  reason: string;
  evidence: Correspondence;
}

/**
 * Han characters per English word beyond which (or under the inverse of which) a translation cannot
 * be the candidate's: 3× the abstract median either way. True pairs of arXiv dev lie within 1.71–2.31
 * per word (5–95 %), WMT24 human references of 10+ words within 0.9–3.6.
 */
const LENGTH_FACTOR = 3;
/** Aligned coverage (0-1) that verifies with a modest contrast: arXiv look-alikes max 0.33, true pairs p1 0.44. */
const VERIFIED_ALIGNED = 0.35;

/** Sentence splitting, alignment and correspondence of one English text and one Chinese text. */
export function correspondenceOf(en: string, zh: string): Correspondence {
  const sourceSentences = splitEnglish(en);
  const targetSentences = splitChinese(zh);
  const beads = alignSentences(en, zh, sourceSentences, targetSentences);
  return correspondence({ source: en, target: zh, sourceSentences, targetSentences, beads });
}

/**
 * Whether `zh` translates the candidate original `en`, for a pairing the input did not state: lengths
 * must be compatible, anchors must not contradict, and with two or more sentences a side the aligned
 * sentences must share clearly more words than the unaligned ones (or shared anchors must vouch).
 */
export function verifyPairing(zh: string, en: string, settings: CorrespondenceSettings = CORRESPONDENCE_DEFAULTS): Verification {
  const evidence = correspondenceOf(en, zh);
  const expected = evidence.words * HAN_PER_ENGLISH_WORD;
  if (evidence.words >= 10 && evidence.han > 0 && (evidence.han > expected * LENGTH_FACTOR || evidence.han * LENGTH_FACTOR < expected)) {
    return { outcome: 'rejected', reason: `lengths differ: ${evidence.han} Han characters for ${evidence.words} English words`, evidence };
  }
  if (anchorsContradict(evidence, settings)) {
    return { outcome: 'rejected', reason: mismatchEvidence(evidence, settings).reason, evidence };
  }
  const c = evidence.contrast;
  if (c === null) {
    return anchorsSupport(evidence)
      ? { outcome: 'verified', reason: `shared anchors: ${evidence.anchors.shared.slice(0, 5).join(', ')}`, evidence }
      : { outcome: 'inconclusive', reason: 'a single sentence: too little to verify sentence by sentence', evidence };
  }
  const lead = c.aligned - c.other;
  // Aligned sentences that share a third of their words and clearly more than the others (a short
  // abstract that repeats its topic words in every sentence): look-alikes reach 0.33 at most.
  if (lead >= settings.verifyContrast || (c.aligned >= VERIFIED_ALIGNED && lead >= settings.weakContrast)) {
    return { outcome: 'verified', reason: `aligned sentences share ${pct(c.aligned)} of their words, unaligned ones ${pct(c.other)}`, evidence };
  }
  if (anchorsSupport(evidence)) {
    return { outcome: 'verified', reason: `shared anchors: ${evidence.anchors.shared.slice(0, 5).join(', ')}`, evidence };
  }
  // Two sentences on a side give a noisy contrast: only a clearly low one rejects.
  if (Math.min(evidence.sentences.en, evidence.sentences.zh) < 3 && lead >= settings.weakContrast) {
    return { outcome: 'inconclusive', reason: `two sentences on a side: contrast ${lead.toFixed(2)} is not conclusive`, evidence };
  }
  return {
    outcome: 'rejected',
    reason: `its sentences do not correspond: aligned sentences share ${pct(c.aligned)} of their words, unaligned ones ${pct(c.other)} (a translation's own sentences share clearly more)`,
    evidence,
  };
}

/** Positive evidence that `zh` does not translate `en`, the original the input attached it to. */
export function attachedMismatch(zh: string, en: string, settings: CorrespondenceSettings = CORRESPONDENCE_DEFAULTS): MismatchEvidence {
  return mismatchEvidence(correspondenceOf(en, zh), settings);
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
