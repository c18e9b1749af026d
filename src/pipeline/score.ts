// MQM-style scoring: findings → penalty per 100 source words, a 0–100 score and a verdict.
import { countEnglishWords, countHan } from '../core/text.js';
import type { Finding, Pair, Severity, Verdict } from '../core/types.js';

/** Weights and thresholds of the score; every field is configuration with the documented default. */
export interface ScoringConfig {
  /** Penalty points per finding by severity; `minorPunctuation` for a minor in `fluency/punctuation`. */
  weights: { info: number; minor: number; major: number; critical: number; minorPunctuation: number };
  /** A score below this (and no critical finding) gives `review`. */
  reviewBelow: number;
  /** A score below this gives `bad`. */
  badBelow: number;
  /**
   * Smallest word count used to normalize the penalty, so that one minor finding on a three-word
   * title does not sink its score to 67. In English words.
   */
  minWords: number;
  /** Han characters per English word, to estimate the word count from the Chinese in target-only mode. */
  charsPerWord: number;
}

/**
 * Defaults, chosen on WMT24 en→zh ESA (8,242 human-scored translations of news, social, speech and
 * literary text by 13 systems; `npm run bench -- checks`, part 3; docs/scoring.md):
 * - Weights are the MQM convention (minor 1, major 5, critical 25, punctuation-only minor 0.1). A
 *   minor weight of 0.5–5 changed F1 by under one point there (a heavier minor acts like a higher
 *   `reviewBelow`, with the same rise in false alarms), so the convention was kept.
 * - A major finding gives `review` and a critical one `bad` whatever the score; the thresholds only
 *   matter for accumulations of minor findings and for several majors in a short text.
 * - `reviewBelow` 90. Criterion: the highest threshold whose false alarms on the human reference
 *   (`refA`) stay within one percentage point of the rate from major and critical findings alone.
 *   F1 against "has a human major span" barely moves with the threshold (about 14–16 % from 0 to
 *   99.5), while `refA` flags rise (2.5 % at 0, 3.5 % at 90, 6.5 % at 95): on that news text,
 *   pairs flagged for minor findings alone are no more often human errors than unflagged ones.
 * - `badBelow` 50. Criterion: the largest threshold at which a `bad` verdict is at least twice as
 *   often a human error as a `review` verdict, for both "human major span" and "esa_score ≤ 66"
 *   (about 30 % against 12 %; at 60 both are about 14 %).
 * These are a baseline fitted on out-of-domain text, not a calibration for scientific abstracts.
 */
export const DEFAULT_SCORING: ScoringConfig = {
  weights: { info: 0, minor: 1, major: 5, critical: 25, minorPunctuation: 0.1 },
  reviewBelow: 90,
  badBelow: 50,
  minWords: 10,
  charsPerWord: 1.95,
};

/** Penalty points of one finding under the given weights. */
export function findingWeight(finding: Finding, weights: ScoringConfig['weights']): number {
  if (finding.severity === 'minor' && finding.category === 'fluency/punctuation') return weights.minorPunctuation;
  return weights[finding.severity as Severity];
}

/**
 * Word count that normalizes the penalty: English words of the source, or in target-only mode the
 * Chinese length converted to words (Han characters / charsPerWord, plus Latin words kept in it).
 */
export function normalizingWords(sourceText: string | null, targetText: string, config: ScoringConfig = DEFAULT_SCORING): number {
  const words =
    sourceText !== null
      ? countEnglishWords(sourceText)
      : countHan(targetText) / config.charsPerWord + countEnglishWords(targetText);
  return Math.max(words, config.minWords);
}

/** True when the `untranslated` check reported the whole text (critical, no range) as not translated. */
function wholeUntranslated(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.check === 'untranslated' && f.severity === 'critical');
}

/**
 * Scores one pair. Penalty = Σ weights / words × 100, score = max(0, 100 − penalty). Verdict,
 * first that applies: `untranslated` (role or the `untranslated` check critical), `mismatched`
 * (pair status, or the `mismatched-pair` check critical), `unpaired` (no original; target-only findings still count in the score),
 * `bad` (a critical finding or score < badBelow), `review` (a major finding or score <
 * reviewBelow), `good`.
 */
export function scorePair(
  pair: Pair | undefined,
  findings: readonly Finding[],
  sourceText: string | null,
  targetText: string,
  config: ScoringConfig = DEFAULT_SCORING,
): { penalty: number; score: number; verdict: Verdict } {
  const points = findings.reduce((sum, f) => sum + findingWeight(f, config.weights), 0);
  const words = normalizingWords(sourceText, targetText, config);
  const penalty = Math.round((points / words) * 100 * 100) / 100;
  const score = Math.max(0, Math.round((100 - penalty) * 100) / 100);
  let verdict: Verdict;
  if (pair?.translation.role === 'untranslated' || wholeUntranslated(findings)) verdict = 'untranslated';
  else if (pair?.status === 'mismatched' || findings.some((f) => f.check === 'mismatched-pair' && f.severity === 'critical')) {
    verdict = 'mismatched';
  }
  else if (pair ? pair.status === 'unpaired' || pair.original === null : sourceText === null) verdict = 'unpaired';
  else if (findings.some((f) => f.severity === 'critical') || score < config.badBelow) verdict = 'bad';
  else if (findings.some((f) => f.severity === 'major') || score < config.reviewBelow) verdict = 'review';
  else verdict = 'good';
  return { penalty, score, verdict };
}
