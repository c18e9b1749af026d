// The data model shared by every pipeline stage, check and reporter (see src/README.md).

/** What a page claimed about a block, before any language detection. */
export type ClaimedRole = 'translation' | 'original' | 'unknown';

/** Language of a block as decided by identify. */
export type Language = 'zh' | 'en' | 'other' | 'und';

/** Script of Chinese text; `none` for text without Han characters. */
export type Script = 'simplified' | 'traditional' | 'mixed' | 'none';

/** Role of a block after identify. */
export type Role = 'translation' | 'original' | 'untranslated' | 'boilerplate' | 'other';

/** A layout ingest recognized. */
export type Layout =
  | 'marker-page'
  | 'english-list'
  | 'title-abstract-page'
  | 'section-page'
  | 'jsonl'
  | 'csv'
  | 'tsv'
  | 'paragraphs';

/** A position in a file: 1-based inclusive line range. */
export type LineRange = [start: number, end: number];

/** A [start, end) range of 0-based UTF-16 offsets into one side's normalized text. */
export type TextRange = [start: number, end: number];

/** One unit of text read from an input file. */
export interface Block {
  /** Unique within a run: `<fileIndex>:<n>` with n 0-based in file order, e.g. `2:7`. */
  id: string;
  /** Path of the input file as given (or `-` for stdin). */
  file: string;
  /** 1-based inclusive line range in the file (a record's own line for JSONL/CSV/TSV). */
  lines: LineRange;
  /** Text as read, after decoding and line-end normalization. */
  raw: string;
  /** Normalized text (NFC, trimmed, inner whitespace runs kept): every offset refers to this. */
  text: string;
  /** What the page claimed about this block (a translation marker says `translation`). */
  claimed: ClaimedRole;
  /** Title shown on the page or in the record, if any. */
  title?: string;
  /** Identifier from the record (JSONL/CSV `id`), if any. */
  recordId?: string;
  /** Id of the block the input attaches this one to (a record's en/zh fields). */
  attachedTo?: string;
}

/** A block after identify. */
export interface IdentifiedBlock extends Block {
  language: Language;
  script: Script;
  role: Role;
  /** Share of Han characters among letters and Han characters, 0-1. */
  hanRatio: number;
}

/** A line dropped by ingest (page boilerplate), always listed in the report. */
export interface DroppedText {
  lines: LineRange;
  text: string;
  reason: string;
}

/** The result of reading one input file. */
export interface IngestedFile {
  /** Path as given. */
  file: string;
  /** Index of the file in the run; block ids start with it. */
  index: number;
  layout: Layout;
  /** Encoding detected, e.g. `utf-8`, `utf-8-bom`, `utf-16le`, `gb18030`. */
  encoding: string;
  blocks: Block[];
  dropped: DroppedText[];
  /** Human-readable notes for the report (fallback layout used, records skipped, …). */
  notes: string[];
  /** Lines or records skipped as unreadable (bad JSON, wrong column count, no text field). */
  skippedLines?: number;
}

/** A reference to a block as reports show it. */
export interface BlockRef {
  file: string;
  block: string;
  lines: LineRange;
  /** The record id (e.g. an arXiv id) when the input has one. */
  id?: string;
  title?: string;
}

/** The evidence behind a pairing decision. */
export interface PairEvidence {
  /** Anchors (numbers, acronyms, names, URLs, LaTeX) found on both sides. */
  anchors: string[];
  /** Glossed terms: `中文→english` found on both sides. */
  terms: string[];
  /** Score of the chosen (or best) candidate, 0-1. */
  score: number;
  /** Score of the best candidate minus that of the runner-up. */
  margin: number;
  /** How many candidates were scored. */
  candidates: number;
  /** Best candidates considered (best first), for unpaired and mismatched translations. */
  best: Array<{ original: BlockRef; score: number }>;
  /** Set when an LLM confirmed an ambiguous pairing: `id@version` of the prompt that asked. */
  confirmedBy?: string;
  /**
   * Candidates that won or came close in the ranking but failed verification, best first, each with
   * the reason it was rejected ("closest, rejected because …"). Shown for unpaired translations.
   */
  rejected?: Array<{ original: BlockRef; score: number; reason: string }>;
  /** Other versions of the same paper that the translation could also be paired with. */
  versions?: BlockRef[];
}

/** Outcome of pairing one translation. */
export type PairStatus = 'paired' | 'unpaired' | 'mismatched';

/** A translation and the original it translates (if found). */
export interface Pair {
  /** Unique within a run; equals the translation block id. */
  id: string;
  translation: IdentifiedBlock;
  original: IdentifiedBlock | null;
  status: PairStatus;
  /** 0-1 confidence that `original` is what `translation` translates. */
  confidence: number;
  evidence: PairEvidence;
  /** For `mismatched`: the original the input attached the translation to. */
  attached?: IdentifiedBlock;
}

/** A sentence of one side, by offsets into that side's normalized text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** Sentences aligned together: indices into the English and Chinese sentence lists. */
export interface Bead {
  en: number[];
  zh: number[];
  /** Alignment cost of this bead (lower is better). */
  cost: number;
}

/** The side a finding is about. */
export type Side = 'source' | 'target' | 'pair';

/** MQM severity; `info` counts zero. */
export type Severity = 'info' | 'minor' | 'major' | 'critical';

/** A severity or `off`, as configuration gives it. */
export type SeveritySetting = Severity | 'off';

/** MQM categories (top level / subcategory). */
export type MqmCategory =
  | 'accuracy/mistranslation'
  | 'accuracy/omission'
  | 'accuracy/addition'
  | 'accuracy/untranslated'
  | 'fluency/punctuation'
  | 'fluency/spelling'
  | 'fluency/grammar'
  | 'fluency/character-encoding'
  | 'fluency/inconsistency'
  | 'fluency/register'
  | 'style/awkward'
  | 'terminology/inappropriate'
  | 'terminology/inconsistent'
  | 'locale/script'
  | 'non-translation'
  | 'other';

/** Where a finding came from. */
export type FindingOrigin = 'heuristic' | 'judge' | 'both';

/** One issue found on a pair, as the runner stamped it. */
export interface Finding {
  /** Check id (kebab-case), e.g. `numbers`. */
  check: string;
  severity: Severity;
  category: MqmCategory;
  side: Side;
  /** 0-based sentence index on `side` (source or target), when the finding concerns one. */
  sentence?: number;
  /** [start, end) 0-based UTF-16 offsets into that side's normalized text. */
  range?: TextRange;
  messageId: string;
  data: Record<string, string | number>;
  /** Rendered message: what was found and what was expected. */
  message: string;
  /** Evidence: the offending text as found. */
  actual?: string;
  /** Evidence: what was expected instead. */
  expected?: string;
  note?: string;
  /** 0-1 confidence of the check in this finding. */
  confidence: number;
  origin: FindingOrigin;
  /** Relative path of the check's docs page. */
  docs: string;
  /**
   * A safe, mechanical correction that `transcheck fix` may apply: replace `range` of `side`'s
   * normalized text with `text`. Only set where the correction is unambiguous.
   */
  fix?: Fix;
  /** A correction proposed but never applied automatically (e.g. the LLM judge's). */
  suggestion?: string;
}

/** A replacement on one side's normalized text: [start, end) 0-based UTF-16 offsets and new text. */
export interface Fix {
  side: 'source' | 'target';
  range: TextRange;
  text: string;
}

/**
 * Verdict on one translation. `nothing-to-translate`: the source holds only handles, hashtags, URLs,
 * numbers, emoji or code, copied as they are. `too-short`: too little text to judge either way.
 */
export type Verdict =
  | 'good'
  | 'review'
  | 'bad'
  | 'untranslated'
  | 'unpaired'
  | 'mismatched'
  | 'nothing-to-translate'
  | 'too-short';

/** Everything the audit decided about one translation. */
export interface PairResult {
  pair: Pair;
  /** English and Chinese sentences (empty when the pair has no original). */
  sourceSentences: Sentence[];
  targetSentences: Sentence[];
  beads: Bead[];
  findings: Finding[];
  /** MQM penalty per 100 English words (or per 100 Chinese characters / 2 in target-only mode). */
  penalty: number;
  /** 0-100. */
  score: number;
  verdict: Verdict;
  /** Why the verdict is `review` or `bad` ("major finding (glossary)"); absent for the other verdicts. */
  verdictReason?: string;
  /** True when no original was available and only target-side checks ran. */
  targetOnly: boolean;
}

/** A distinct text with every place it was found (identical blocks are one document). */
export interface DocumentLocation {
  file: string;
  block: string;
  lines: LineRange;
}

/** A clear, per-file problem that did not stop the run. */
export interface InputError {
  file: string;
  message: string;
  /** 1-based line, when the problem is at one. */
  line?: number;
}

/** Counts shown in summaries. */
export interface Summary {
  blocks: number;
  byRole: Record<Role, number>;
  byVerdict: Record<Verdict, number>;
  bySeverity: Record<Severity, number>;
  byCheck: Record<string, number>;
  /** Distinct documents (identical texts counted once). */
  documents: number;
}

/** The audit of one input file. */
export interface FileResult {
  file: string;
  layout: Layout;
  encoding: string;
  blocks: IdentifiedBlock[];
  dropped: DroppedText[];
  notes: string[];
  /** Lines or records skipped as unreadable, counted in the summary, the index and `--json`. */
  skippedLines?: number;
  errors: InputError[];
  pairs: PairResult[];
  /** Other places where this file's blocks also occur, by block id. */
  duplicates: Record<string, DocumentLocation[]>;
  summary: Summary;
}

/** Token usage and cost of the LLM judge. */
export interface LlmUsage {
  model: string;
  calls: number;
  cachedPairs: number;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  costUsd: number;
  /** Pairs left unjudged because of --max-cost or an interruption. */
  unjudged: number;
  failures: number;
  /** True when the model has no known price: `costUsd` is then 0 and means "unknown", not free. */
  priceUnknown?: boolean;
}

/** The whole run. */
export interface RunResult {
  schemaVersion: string;
  tool: { name: string; version: string };
  configHash: string;
  /** `id@version` of every prompt used. */
  promptVersions: string[];
  files: FileResult[];
  /** Inputs that could not be read at all. */
  errors: InputError[];
  summary: Summary;
  timings: Record<string, number>;
  llm?: LlmUsage;
  /** Capabilities not built yet or switched off, said in every report. */
  limitations: string[];
  /** The run was stopped (Ctrl-C, SIGTERM): reports cover what was finished. */
  interrupted?: boolean;
  /** `audit --shard k/n`: this run paired and checked shard `index` (1-based) of `count`. */
  shard?: { index: number; count: number };
  /** The LLM judge stopped on a fatal error (bad key, no quota, unknown model, unreachable): exit 2. */
  judgeFailure?: string;
  /** Glossary terms rendered wrongly or in several ways across the run (corpus-wide consistency). */
  terminology?: Array<{
    en: string;
    renderings: Array<{ zh: string; translations: number; accepted: boolean }>;
    wrongTranslations: number;
    note?: string;
  }>;
}
