// How a check is declared: metadata (data) plus one run function that reports through the context.
import type { z } from 'zod';
import type {
  Bead,
  DocumentLocation,
  Fix,
  MqmCategory,
  Pair,
  Sentence,
  Severity,
  SeveritySetting,
  Side,
  TextRange,
} from './types.js';

/** What a check needs: an English source (`pair`) or only the Chinese (`target`). */
export type CheckNeeds = 'pair' | 'target';

/** Metadata of a check: everything the runner, docs and reports need, and nothing it decides at run time. */
export interface CheckMeta<O extends object = Record<string, never>> {
  /** Kebab-case id; equals the file name in src/checks and docs/checks. */
  id: string;
  /** One sentence: what the check detects. */
  description: string;
  category: MqmCategory;
  /** `document`: runs once per pair on whole texts; `segment`: runs over aligned sentences. */
  scope: 'document' | 'segment';
  needs: CheckNeeds;
  /** Default severity of every finding, unless `severities` names the message. */
  defaultSeverity: SeveritySetting;
  /** Default severity per message id, for checks whose messages differ in gravity. */
  severities?: Record<string, Severity>;
  /** Category per message id, when a message belongs to another MQM category. */
  categories?: Record<string, MqmCategory>;
  /** Message templates by id; placeholders are `{{name}}`, values rendered in backticks by the template. */
  messages: Record<string, string>;
  /** Zod schema of the options; its parse must fill every default. */
  options?: z.ZodType<O>;
}

/** What a check reports; the runner adds id, severity, category, docs and the rendered message. */
export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  side: Side;
  /** [start, end) 0-based UTF-16 offsets into the side's normalized text. */
  range?: TextRange;
  /** 0-based sentence index on `side`. */
  sentence?: number;
  actual?: string;
  expected?: string;
  note?: string;
  /** 0-1; defaults to 1. */
  confidence?: number;
  /**
   * A safe, mechanical correction (`transcheck fix` applies it): replace `range` of `side`'s normalized
   * text with `text`. Its side must be the report's; several edits of one report are merged into one
   * fix spanning them (ESLint's `mergeFixes`), see `mergeEdits` in core/fix.ts.
   */
  fix?: Fix;
}

/** The texts a check sees. `source` is null in target-only mode (no original found). */
export interface CheckInput {
  /** Normalized English text, or null when no original is known. */
  source: string | null;
  /** Normalized Chinese (or claimed-Chinese) text. */
  target: string;
  sourceSentences: Sentence[];
  targetSentences: Sentence[];
  /** Sentence alignment; empty in target-only mode. */
  beads: Bead[];
  /** The pair, when the pipeline has one (absent in `transcheck check` on raw texts). */
  pair?: Pair;
  /** Other places where the same translation text occurs in this run (for `duplicate`). */
  duplicates?: DocumentLocation[];
}

/** The context given to `run`. */
export interface CheckContext<O extends object> extends CheckInput {
  options: O;
  report(descriptor: ReportDescriptor): void;
}

/** A check: data plus one function. */
export interface Check<O extends object = Record<string, never>> {
  meta: CheckMeta<O>;
  run(context: CheckContext<O>): void | Promise<void>;
}

/** A check of any options type, as registries hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCheck = Check<any>;

/** Declares a check; identity at run time, it exists for type inference. */
export function defineCheck<O extends object = Record<string, never>>(check: Check<O>): Check<O> {
  return check;
}
