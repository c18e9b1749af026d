// The guide's weights and pair-level rule (docs/annotation-guide.md), shared by the build and the
// accuracy benchmark so the label and the annotated penalty can never disagree with the guide.
import type { AnnotatedError } from './dataset.js';

/** MQM weights of the guide: the project's scoring convention (docs/scoring.md). */
export const WEIGHTS = { minor: 1, major: 5, critical: 25, minorPunctuation: 0.1 } as const;

/** Penalty points of one annotated error. */
export function errorWeight(e: Pick<AnnotatedError, 'severity' | 'category'>): number {
  if (e.severity === 'minor' && e.category === 'fluency/punctuation') return WEIGHTS.minorPunctuation;
  return WEIGHTS[e.severity];
}

/** Annotated penalty per 100 English words (at least 10 words), as the tool normalizes its own. */
export function annotatedPenalty(errors: ReadonlyArray<Pick<AnnotatedError, 'severity' | 'category'>>, englishWords: number): number {
  const total = errors.reduce((s, e) => s + errorWeight(e), 0);
  return (100 * total) / Math.max(englishWords, 10);
}

/**
 * "Needs revision": at least one major or critical error, or non-punctuation minor errors at a
 * density of at least 2 per 100 English words and at least 3 in all (a post-editor would have to
 * touch several places, even though no single one misleads).
 */
export function needsRevision(errors: ReadonlyArray<Pick<AnnotatedError, 'severity' | 'category'>>, englishWords: number): boolean {
  if (errors.some((e) => e.severity === 'major' || e.severity === 'critical')) return true;
  const minors = errors.filter((e) => e.severity === 'minor' && e.category !== 'fluency/punctuation').length;
  return minors >= 3 && (100 * minors) / Math.max(englishWords, 10) >= 2;
}
