// The check stage: one pair through sentence splitting, alignment, every check and the score.
import type { CheckInput } from '../core/check.js';
import { checkFailedFinding, runChecks, type ResolvedCheck } from '../core/runner.js';
import type { DocumentLocation, Finding, Pair, PairResult } from '../core/types.js';
import { primeSegmentation } from '../lexicon/segment.js';
import { alignSentences, splitChinese, splitEnglish, type AlignOptions } from './align.js';
import { DEFAULT_SCORING, scorePair, type ScoringConfig } from './score.js';

/** What the check stage needs: the resolved checks, and optionally scoring and alignment settings. */
export interface CheckStageOptions {
  checks: readonly ResolvedCheck[];
  scoring?: ScoringConfig;
  align?: AlignOptions;
}

/** The result of checking raw texts: a PairResult without the pair. */
export type TextCheckResult = Omit<PairResult, 'pair'>;

/** Splits and aligns both sides; in target-only mode (no source) only the Chinese is split. */
export function prepareInput(source: string | null, target: string, align?: AlignOptions): CheckInput {
  // Pairing cut this translation into words already: its sentences are then not cut again.
  primeSegmentation(target);
  const targetSentences = splitChinese(target);
  if (source === null) return { source, target, sourceSentences: [], targetSentences, beads: [] };
  const sourceSentences = splitEnglish(source);
  const beads = alignSentences(source, target, sourceSentences, targetSentences, align);
  return { source, target, sourceSentences, targetSentences, beads };
}

async function checkInput(input: CheckInput, pair: Pair | undefined, options: CheckStageOptions): Promise<TextCheckResult> {
  const findings = await runChecks(options.checks, input);
  const scored = scorePair(pair, findings, input.source, input.target, options.scoring ?? DEFAULT_SCORING);
  return {
    sourceSentences: input.sourceSentences,
    targetSentences: input.targetSentences,
    beads: input.beads,
    findings,
    ...scored,
    targetOnly: input.source === null,
  };
}

/**
 * Runs one pair through align + checks + score. The source is the pair's original (null when
 * none was found: target-only mode). `duplicates` lists other places where the same translation
 * occurs in this run. A failure inside a check becomes a `check-failed` finding (runner); a
 * failure in splitting or alignment becomes one here, so the run goes on.
 */
export async function checkPair(pair: Pair, options: CheckStageOptions, duplicates?: DocumentLocation[]): Promise<PairResult> {
  const source = pair.original?.text ?? null;
  const longest = Math.max(source?.length ?? 0, pair.translation.text.length);
  if (longest > MAX_RECORD_CHARS) {
    // Absurdly long (a whole paper or a concatenated corpus in one record): one clear finding instead
    // of minutes of alignment and checks whose findings nobody could review.
    return unalignedResult(pair, [tooLongFinding(longest)], options.scoring);
  }
  let input: CheckInput;
  try {
    input = prepareInput(source, pair.translation.text, options.align);
  } catch (error) {
    // Alignment failed: check the texts without sentences rather than lose the pair.
    input = { source, target: pair.translation.text, sourceSentences: [], targetSentences: [], beads: [] };
    const { verdictReason: _stale, ...result } = await checkInput({ ...input, pair, ...(duplicates ? { duplicates } : {}) }, pair, options);
    result.findings.push(checkFailedFinding('align', error));
    return { pair, ...result, ...scorePair(pair, result.findings, source, pair.translation.text, options.scoring) };
  }
  input.pair = pair;
  if (duplicates && duplicates.length > 0) input.duplicates = duplicates;
  return { pair, ...(await checkInput(input, pair, options)) };
}

/** The result of a pair that was not aligned or checked: only `findings` (a `check-failed` one), scored. */
export function unalignedResult(pair: Pair, findings: Finding[], scoring: ScoringConfig | undefined): PairResult {
  const source = pair.original?.text ?? null;
  return {
    pair,
    sourceSentences: [],
    targetSentences: [],
    beads: [],
    findings,
    targetOnly: source === null,
    ...scorePair(pair, findings, source, pair.translation.text, scoring ?? DEFAULT_SCORING),
  };
}

/** Characters on either side above which a record is not aligned or checked (abstracts are about 2,000). */
export const MAX_RECORD_CHARS = 200_000;

function tooLongFinding(chars: number): Finding {
  return {
    check: 'check-failed',
    // major: the pair goes to a human, who can split the record; the translation is not condemned.
    severity: 'major',
    category: 'other',
    side: 'pair',
    messageId: 'recordTooLong',
    data: { chars, limit: MAX_RECORD_CHARS },
    message: `Record too long to align and check: \`${chars}\` characters, over the limit of \`${MAX_RECORD_CHARS}\`; split it into abstracts`,
    confidence: 1,
    origin: 'heuristic',
    docs: 'docs/checks/README.md',
  };
}

/** Checks raw texts (for `transcheck check` and the benchmarks): no pair, source null for target-only mode. */
export async function checkTexts(source: string | null, target: string, options: CheckStageOptions): Promise<TextCheckResult> {
  return checkInput(prepareInput(source, target, options.align), undefined, options);
}
