// Whether an English text and a Chinese text correspond sentence by sentence and anchor by anchor: the
// positive evidence behind `mismatched` (mismatched-pair check) and behind accepting a pairing the
// input did not state (pipeline/verify-pair.ts). Pure: sentences and beads come from the aligner.
import { countEnglishWords, countHan } from '../core/text.js';
import type { Bead, Sentence } from '../core/types.js';
import { extractNumbers } from './extract.js';
import { enAnchorKeys, enFeatures, latinAnchors, unionOfGlosses, zhFeatures } from './similarity.js';

/** The texts and their alignment, as the check stage and the verifier have them. */
export interface AlignedPair {
  source: string;
  target: string;
  sourceSentences: readonly Sentence[];
  targetSentences: readonly Sentence[];
  beads: readonly Bead[];
}

/** Sentence-level and anchor evidence of one English/Chinese pair. */
export interface Correspondence {
  /** English words of the source. */
  words: number;
  /** Han characters of the target. */
  han: number;
  /** Sentences on each side. */
  sentences: { en: number; zh: number };
  /**
   * Mean share (0-1) of an English sentence's content words among the glosses of the Chinese aligned
   * with it (`aligned`) and of the Chinese not aligned with it (`other`); null with fewer than two
   * sentences a side.
   */
  contrast: { aligned: number; other: number } | null;
  /** Anchors (numbers by value; names, acronyms, URLs by key) on both sides, and on one side only. */
  anchors: { shared: string[]; onlyEn: string[]; onlyZh: string[] };
}

/**
 * Mean gloss coverage of English sentences by the Chinese sentences aligned with them (`aligned`)
 * and by those not aligned with them (`other`), both 0-1; null with fewer than two sentences a side.
 */
export function sentenceContrast(
  input: Pick<AlignedPair, 'sourceSentences' | 'targetSentences' | 'beads'>,
): { aligned: number; other: number } | null {
  const { sourceSentences: en, targetSentences: zh, beads } = input;
  if (en.length < 2 || zh.length < 2 || beads.length === 0) return null;
  // The gloss stems of each Chinese sentence (a cached set, shared with the aligner, omission and
  // truncated): each English stem is looked up in each; building a map from every gloss to the
  // sentences that hold it cost more, since a sentence's glosses far outnumber an English sentence's stems.
  const unions: Array<Set<string>> = [];
  for (const s of zh) unions.push(unionOfGlosses(zhFeatures(s.text)));
  // Aligned (English, Chinese) sentence pairs, by i * zh.length + j.
  const partner = new Uint8Array(en.length * zh.length);
  for (const b of beads) for (const i of b.en) for (const j of b.zh) partner[i * zh.length + j] = 1;
  let aligned = 0;
  let alignedCount = 0;
  let other = 0;
  let otherCount = 0;
  const hitsOf = new Int32Array(zh.length);
  for (let i = 0; i < en.length; i++) {
    const words = enFeatures((en[i] as Sentence).text, { surface: false }).stems;
    if (words.size === 0) continue;
    hitsOf.fill(0);
    for (const w of words) for (let j = 0; j < zh.length; j++) if ((unions[j] as Set<string>).has(w)) (hitsOf[j] as number)++;
    for (let j = 0; j < zh.length; j++) {
      const hits = hitsOf[j] as number;
      if (partner[i * zh.length + j] === 1) {
        aligned += hits / words.size;
        alignedCount++;
      } else {
        other += hits / words.size;
        otherCount++;
      }
    }
  }
  if (alignedCount === 0 || otherCount === 0) return null;
  return { aligned: aligned / alignedCount, other: other / otherCount };
}

// Latin words that Chinese text keeps for reasons other than copying the source (units, common
// abbreviations), which say nothing about which source it translates.
const WEAK_LATIN = new Set(['vs', 'etc', 'et', 'al', 'ok', 'km', 'kg', 'cm', 'mm', 'ms', 'hz', 'mb', 'gb', 'am', 'pm']);

/**
 * Anchors on each side: numbers compared by value (a Chinese 150万 meets 1.5 million), other Latin
 * tokens (names, acronyms, URLs) by key. Single-digit numbers are left out (they are often written
 * as words on one side). A Chinese Latin token counts as shared when the English has it anywhere.
 */
export function compareAnchors(en: string, zh: string): Correspondence['anchors'] {
  const enNumbers = extractNumbers(en);
  const zhNumbers = extractNumbers(zh);
  const enValues = new Set(enNumbers.flatMap((n) => n.values));
  const zhValues = new Set(zhNumbers.flatMap((n) => n.values));
  const shared = new Set<string>();
  const onlyEn = new Set<string>();
  const onlyZh = new Set<string>();
  for (const n of zhNumbers) {
    if (n.value < 10 && !n.percent) continue;
    (n.values.some((v) => enValues.has(v)) ? shared : onlyZh).add(n.key);
  }
  for (const n of enNumbers) {
    if (n.value < 10 && !n.percent) continue;
    if (!n.values.some((v) => zhValues.has(v))) onlyEn.add(n.key);
  }
  const { has: inEnglish, strong: enStrong } = enAnchorKeys(en);
  const zhLatin = latinAnchors(zh).filter((k) => !/^[\d.,]+$/.test(k) && !WEAK_LATIN.has(k));
  const zhLatinSet = new Set(zhLatin);
  for (const k of zhLatin) (inEnglish(k) ? shared : onlyZh).add(k);
  for (const k of enStrong) {
    if (/^[\d.,]+$/.test(k) || WEAK_LATIN.has(k)) continue;
    if (!zhLatinSet.has(k)) onlyEn.add(k);
  }
  return { shared: [...shared], onlyEn: [...onlyEn], onlyZh: [...onlyZh] };
}

/**
 * Sentence-level and anchor evidence of an aligned pair. With `settings`, the sentence contrast (the dear
 * part: glosses of every sentence) is worked out only when {@link mismatchEvidence} with those settings
 * can read it (see {@link contrastMatters}); otherwise it is null, which gives the same evidence.
 */
export function correspondence(pair: AlignedPair, settings?: CorrespondenceSettings): Correspondence {
  const c: Correspondence = {
    words: countEnglishWords(pair.source),
    han: countHan(pair.target),
    sentences: { en: pair.sourceSentences.length, zh: pair.targetSentences.length },
    contrast: null,
    anchors: compareAnchors(pair.source, pair.target),
  };
  if (settings === undefined || contrastMatters(c, settings)) c.contrast = sentenceContrast(pair);
  return c;
}

/**
 * Whether {@link mismatchEvidence} reads the contrast of evidence `c` (its anchors and word count known):
 * not when the anchors contradict (strong evidence of their own) or support the pair (no evidence), nor
 * for a text too short for even weak sentence evidence. Its answer is then the same with a null contrast.
 */
export function contrastMatters(c: Correspondence, settings: CorrespondenceSettings = CORRESPONDENCE_DEFAULTS): boolean {
  return !anchorsContradict(c, settings) && !anchorsSupport(c) && c.words >= Math.min(settings.shortWords, settings.weakWords);
}

/** Thresholds of the correspondence decisions; defaults measured as docs/pairing-evidence.md says. */
export interface CorrespondenceSettings {
  /**
   * A source under this many English words is short: its dictionary similarity says little (WMT24
   * human references under 40 words score 0 to 0.1 at their 5th percentile, longer ones 0.24+).
   */
  shortWords: number;
  /** Sentences needed on the longer side (two at least on the other) before sentence-level evidence is strong. */
  minSentences: number;
  /** English words under which even weak sentence-level evidence is not reported: the short limit again (a few short sentences align by chance or not at all; WMT24 `refA` had 3 weak findings, all on error-free chatty texts of 20–38 words). */
  weakWords: number;
  /**
   * Aligned minus unaligned coverage under which the sentences do not correspond (strong evidence
   * with enough sentences). arXiv look-alike pairs: p95 0.09; true pairs p1 0.35, WMT24 human
   * references with 3+ sentences and 40+ words: minimum 0.13.
   */
  strongContrast: number;
  /** …and aligned coverage under this (0-1): the aligned sentences share few words either. */
  strongAligned: number;
  /** Contrast under which the evidence is weak but worth a look (a `review`, never critical). */
  weakContrast: number;
  /**
   * Contrast at or above which a pairing the input did not state is verified (arXiv look-alikes: max
   * 0.175; true pairs p1 0.35).
   */
  verifyContrast: number;
  /** Anchors found on one side only, on each side, that contradict a pairing when few are shared. */
  contradictingAnchors: number;
}

/** The defaults (docs/pairing-evidence.md). */
export const CORRESPONDENCE_DEFAULTS: CorrespondenceSettings = {
  shortWords: 40,
  minSentences: 3,
  weakWords: 40,
  strongContrast: 0.1,
  strongAligned: 0.25,
  weakContrast: 0.12,
  verifyContrast: 0.2,
  contradictingAnchors: 3,
};

/** Anchors contradict: several on each side that the other lacks, and at most a few shared. */
export function anchorsContradict(c: Correspondence, settings: CorrespondenceSettings = CORRESPONDENCE_DEFAULTS): boolean {
  const { shared, onlyEn, onlyZh } = c.anchors;
  const need = settings.contradictingAnchors;
  return onlyEn.length >= need && onlyZh.length >= need && shared.length * 4 < Math.min(onlyEn.length, onlyZh.length);
}

// Anchors specific enough to vouch for a pair: numbers and names with two or more digits, URLs. Names
// without digits (CNN, PASCAL, NLP) are shared by every paper of a topic.
const TELLING = /\d.*\d|:\/\//;
/** A measured value: a decimal, a percentage, or three digits or more. */
const MEASURED_VALUE = /^\d+[.,]\d+%?$|^\d+%$|^\d{3,}$/;
/** A year, which many unrelated texts share. */
const YEAR = /^(?:19|20)\d\d$/;

/** Anchors support the pair: two or more telling anchors (2+ digits, URLs) shared, more than the Chinese alone has. */
export function anchorsSupport(c: Correspondence): boolean {
  const shared = c.anchors.shared.filter((a) => TELLING.test(a)).length;
  return shared >= 2 && shared > c.anchors.onlyZh.filter((a) => TELLING.test(a)).length;
}

/** Evidence that a Chinese text does not translate the English it is attached to. */
export interface MismatchEvidence {
  /** `strong`: positive evidence (mismatched); `weak`: worth a review; `none`. */
  strength: 'strong' | 'weak' | 'none';
  /** What the evidence is: contradicting anchors or sentences that do not correspond. */
  kind?: 'anchors' | 'sentences';
  /** Why, in words, for reports (empty for `none`). */
  reason: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Positive evidence that the Chinese translates something else: anchors that contradict, or, over
 * enough sentences of a long enough text, aligned sentences that share no more words than unaligned
 * ones. Low similarity alone is never strong evidence; short texts give at most weak evidence.
 */
export function mismatchEvidence(c: Correspondence, settings: CorrespondenceSettings = CORRESPONDENCE_DEFAULTS): MismatchEvidence {
  if (anchorsContradict(c, settings)) {
    return {
      strength: 'strong',
      kind: 'anchors',
      reason: `anchors contradict: ${c.anchors.onlyEn.slice(0, 4).join(', ')} only in the English, ${c.anchors.onlyZh.slice(0, 4).join(', ')} only in the Chinese, ${c.anchors.shared.length} shared`,
    };
  }
  const contrast = c.contrast;
  if (!contrast || anchorsSupport(c)) return { strength: 'none', reason: '' };
  // Every anchor of both sides found on the other (two or more): sentence evidence alone is then weak.
  // So is one shared measured value (89.9, 4.7%, 1,024: a decimal, a percentage or three digits or more, not a
  // year) with no telling anchor on one side only: a text that translates another one would not give it (WMT24, a
  // free translation of a chatty post with "89.9% British and Irish" was called mismatched).
  const anchorsAgree =
    (c.anchors.shared.length >= 2 || c.anchors.shared.some((a) => MEASURED_VALUE.test(a) && !YEAR.test(a))) &&
    c.anchors.onlyEn.length === 0 &&
    c.anchors.onlyZh.length === 0;
  const lead = contrast.aligned - contrast.other;
  const sentences = Math.max(c.sentences.en, c.sentences.zh);
  const what = `aligned sentences share ${pct(contrast.aligned)} of their words, unaligned ones ${pct(contrast.other)}, over ${c.sentences.en} English and ${c.sentences.zh} Chinese sentences`;
  if (
    !anchorsAgree &&
    c.words >= settings.shortWords &&
    sentences >= settings.minSentences &&
    lead < settings.strongContrast &&
    contrast.aligned < settings.strongAligned
  ) {
    return { strength: 'strong', kind: 'sentences', reason: what };
  }
  if (lead < settings.weakContrast && c.words >= settings.weakWords) return { strength: 'weak', kind: 'sentences', reason: what };
  return { strength: 'none', reason: '' };
}
