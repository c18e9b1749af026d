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
  /**
   * A fatal error that stopped the judge (bad key, no quota, unknown model, unreachable, a server that
   * never answers); the findings of the pairs judged before it are kept.
   */
  fatal?: Error;
}

/** A translation and the original to ask about (an ambiguous pairing). */
export interface PairQuestion {
  /** The pair (translation block) id. */
  pairId: string;
  english: string;
  chinese: string;
}

/** The model's answer to a pairing question; `unknown` when it gave none (failure, budget, dry run). */
export type PairAnswer = 'yes' | 'no' | 'partial' | 'unknown';

/** What pairing confirmation returns for one run. */
export interface PairConfirmOutcome {
  /** Answers by pair id (every question has one). */
  answers: Map<string, PairAnswer>;
  usage: LlmUsage;
  /** `id@version` of the prompt used. */
  promptVersion: string;
  /** Notes for the report (budget reached, failures, dry run, …). */
  notes: string[];
}

/** The LLM judge, as the pipeline sees it. */
export interface Judge {
  /**
   * Asks, for each question, whether the Chinese translates the English (ambiguous pairings). Same
   * concurrency, cache, budget and fatal-error handling as `judgeAll`. Optional: judges without it
   * leave ambiguous pairings unpaired.
   */
  confirmPairs?(
    questions: readonly PairQuestion[],
    hooks: { onProgress?: JudgeProgress; signal?: AbortSignal },
  ): Promise<PairConfirmOutcome>;

  judgeAll(
    pairs: readonly PairResult[],
    termsFor: (pair: PairResult) => JudgeTerm[],
    hooks: { onProgress?: JudgeProgress; signal?: AbortSignal },
  ): Promise<JudgeRunOutcome>;
}
