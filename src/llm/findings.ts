// Turns the judge's validated answer into Findings: spans located in the texts, the model's severity
// and category kept as the judge's evidence, unlocatable spans kept without a range.
import type { Finding, PairResult, Sentence, TextRange } from '../core/types.js';
import type { JudgeAnswer } from './schema.js';
import { locateSpan } from './spans.js';

/** Check id of every judge finding. */
export const JUDGE_CHECK_ID = 'llm-judge';

/** Docs page of judge findings (relative to the package root). */
export const JUDGE_DOCS = 'docs/llm-judge.md';

/** Index of the sentence containing offset `at`, if any. */
function sentenceAt(sentences: readonly Sentence[], at: number): number | undefined {
  const i = sentences.findIndex((s) => at >= s.start && at < s.end);
  return i >= 0 ? i : undefined;
}

/** Findings of one pair from a validated answer. */
export function answerToFindings(answer: JudgeAnswer, result: PairResult, promptRef: string): Finding[] {
  const target = result.pair.translation.text;
  const source = result.pair.original?.text ?? '';
  const takenTarget: TextRange[] = [];
  const takenSource: TextRange[] = [];
  const findings: Finding[] = [];
  for (const error of answer.errors) {
    const data: Record<string, string | number> = {
      category: error.category,
      severity: error.severity,
      prompt: promptRef,
    };
    if (error.source_span) data.sourceSpan = error.source_span;
    let side: Finding['side'] = 'target';
    let range: TextRange | undefined;
    let sentence: number | undefined;
    const onTarget = error.span ? locateSpan(target, error.span, takenTarget) : undefined;
    if (onTarget) {
      range = onTarget.range;
      takenTarget.push(range);
      sentence = sentenceAt(result.targetSentences, range[0]);
      data.located = onTarget.match;
    } else if (!error.span && error.source_span) {
      // An omission has no Chinese span: place it on the English words that are missing.
      side = 'source';
      const onSource = locateSpan(source, error.source_span, takenSource);
      if (onSource) {
        range = onSource.range;
        takenSource.push(range);
        sentence = sentenceAt(result.sourceSentences, range[0]);
        data.located = onSource.match;
      } else {
        data.located = 'no';
      }
    } else {
      side = error.span ? 'target' : 'pair';
      data.located = error.span ? 'no' : 'none';
    }
    const quoted = error.span || error.source_span;
    const where = quoted ? ` \`${quoted}\`` : '';
    const fix = error.fix ? `, expected \`${error.fix}\`` : '';
    const unlocated = data.located === 'no' ? ' (span not found in the text)' : '';
    findings.push({
      check: JUDGE_CHECK_ID,
      severity: error.severity,
      category: error.category,
      side,
      ...(sentence !== undefined ? { sentence } : {}),
      ...(range ? { range } : {}),
      messageId: 'judge-error',
      data,
      message: `LLM judge: ${error.category} error${where}${fix}${unlocated}`,
      ...(error.span ? { actual: error.span } : error.source_span ? { actual: error.source_span } : {}),
      ...(error.fix ? { expected: error.fix } : {}),
      // The model's correction is a suggestion for a reviewer, never a `fix`: nothing checks it is right.
      ...(error.fix ? { suggestion: error.fix } : {}),
      ...(error.explanation ? { note: error.explanation } : {}),
      confidence: data.located === 'no' ? 0.5 : 0.7,
      origin: 'judge',
      docs: JUDGE_DOCS,
    });
  }
  return findings;
}

/** The finding recorded on a pair whose answer could not be used (never a score). */
export function judgeFailedFinding(reason: string, promptRef: string): Finding {
  return {
    check: JUDGE_CHECK_ID,
    severity: 'info',
    category: 'other',
    side: 'pair',
    messageId: 'judge-failed',
    data: { reason, prompt: promptRef },
    message: `LLM judge failed on this pair: ${reason}`,
    confidence: 1,
    origin: 'judge',
    docs: JUDGE_DOCS,
  };
}

/** True for a judge finding whose span could not be found in the text. */
export function isUnlocated(finding: Finding): boolean {
  return finding.check === JUDGE_CHECK_ID && finding.data.located === 'no';
}
