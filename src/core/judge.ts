// The seam between the pipeline and the optional LLM judge: the pipeline knows only this interface.
import type { Finding, LlmUsage, PairResult } from './types.js';

/** A glossary term that occurs in the source, given to the judge as context. */
export interface JudgeTerm {
  en: string;
  zh: string[];
}

/** Progress callback: pairs done so far out of the total. */
export type JudgeProgress = (done: number, total: number) => void;

/** What the judge returns for one run. */
export interface JudgeRunOutcome {
  /** Judge findings (origin `judge` or `both`) by pair id; pairs absent here were not judged. */
  findings: Map<string, Finding[]>;
  usage: LlmUsage;
  /** `id@version` of the prompts used. */
  promptVersions: string[];
  /** Notes for the report (budget reached, interrupted, batch pending, …). */
  notes: string[];
}

/** The LLM judge, as the pipeline sees it. */
export interface Judge {
  judgeAll(
    pairs: readonly PairResult[],
    termsFor: (pair: PairResult) => JudgeTerm[],
    hooks: { onProgress?: JudgeProgress; signal?: AbortSignal },
  ): Promise<JudgeRunOutcome>;
}
