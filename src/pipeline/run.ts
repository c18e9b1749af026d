// The audit: runs the stages in order (ingest → identify → pair → align/check/score → judge) and
// assembles the RunResult that reporters render. No stage writes files; the CLI does.
import { createHash } from 'node:crypto';
import { checks as builtinChecks } from '../checks/index.js';
import type { AnyCheck } from '../core/check.js';
import { stopRequested, yieldToEventLoop } from '../core/cancel.js';
import { InputFileError, KnownError } from '../core/errors.js';
import { redactSecrets } from '../core/redact.js';
import type { SpillStore } from '../core/spill.js';
import type { Judge, JudgeTerm } from '../core/judge.js';
import { resolveChecks, type CheckSetting, type ResolvedCheck } from '../core/runner.js';
import type {
  Block,
  DocumentLocation,
  FileResult,
  IdentifiedBlock,
  IngestedFile,
  InputError,
  LlmUsage,
  Pair,
  PairResult,
  RunResult,
} from '../core/types.js';
import { forgetPairTermUses, loadGlossary, movePairTermUses } from '../lexicon/glossary.js';
import { checkPair } from './check.js';
import { CheckPool, defaultJobs, MIN_PAIRS_FOR_POOL } from './check-pool.js';
import { addUsage, confirmAmbiguous } from './confirm.js';
import { terminologyAcrossCorpus } from './terminology.js';
import { findDuplicates, identifyBlocks } from './identify.js';
import { expandInputs, ingestBytes, ingestFile } from './ingest.js';
import { mergeFindings } from './judge.js';
import { ArxivLookupError, lookupArxiv, type ArxivLookupOptions } from './lookup-arxiv.js';
import { noEvidence, pairTranslationsCooperatively, type PairingOptions } from './pair.js';
import type { OriginalsIndex } from './pair-index.js';
import { DEFAULT_SCORING, scorePair, type ScoringConfig } from './score.js';
import { packResult } from './packed-result.js';
import { Spiller } from './spill.js';
import { emptySummary, summarize } from './summarize.js';

/** Version of the JSON report contract (README "JSON report"). */
export const SCHEMA_VERSION = '1.0';

/** Everything an audit needs; the CLI builds it from options and configuration. */
export interface AuditOptions {
  inputs: readonly string[];
  /** `--index`: a prebuilt index of originals on disk; the run's own originals are added on top of it. */
  pairIndex?: { withOriginals(originals: readonly IdentifiedBlock[]): OriginalsIndex };
  /** `--shard k/n`: only the translations (and untranslated blocks) it keeps are paired and checked. */
  inShard?: (block: IdentifiedBlock) => boolean;
  /** Originals corpora to pair against (no reports are written for them). */
  originals?: readonly string[];
  markers?: readonly string[];
  /** Per-check settings by id (severity or [severity, options]). */
  checks?: Record<string, CheckSetting | undefined>;
  /** Extra glossary files, given to the terminology checks. */
  glossary?: readonly string[];
  scoring?: ScoringConfig;
  pairing?: PairingOptions;
  judge?: Judge;
  /** `--lookup arxiv`: ask the arXiv API for the originals of unpaired translations (needs network). */
  lookupArxiv?: ArxivLookupOptions;
  /** Terms given to the judge as context for one pair. */
  judgeTerms?: (pair: PairResult) => JudgeTerm[];
  /** Folder relative inputs are read from (default: the process's working directory). */
  cwd?: string;
  /** Folders never read as inputs (the report folder). */
  exclude?: readonly string[];
  /** Reads standard input when an input is `-`. */
  readStdin?: () => Promise<Uint8Array>;
  onProgress?: (stage: string, done: number, total: number) => void;
  signal?: AbortSignal;
  /** Pairing only (`--dry-run`): no checks and no judge; the run's files hold no pair results. */
  pairingOnly?: (pairs: readonly Pair[]) => void;
  tool: { name: string; version: string };
  /** Hash of the effective configuration, recorded in every report. */
  configHash: string;
  /** Checks to run instead of the built-in registry (tests). */
  registry?: readonly AnyCheck[];
  /**
   * Worker threads for the check stage (`--jobs`); 1 = in-process. Default: the cores available. The
   * pool is used only for the built-in checks and runs of at least MIN_PAIRS_FOR_POOL pairs.
   */
  jobs?: number;
  /** Pairs from which the check pool is used (default MIN_PAIRS_FOR_POOL; tests lower it). */
  minPairsForPool?: number;
  /**
   * Where finished results keep their bulky parts (sentences, beads, findings, pairing evidence) until the
   * reports read them, on runs of at least `minPairs` pairs (pipeline/spill.ts; the CLI's store is a file
   * in the report folder), from the moment `active` turns true when it is given. Without it every result
   * stays whole in memory.
   */
  spill?: { store: SpillStore; minPairs: number; active?: () => boolean };
}

/** Checks whose options take the user's glossary files. */
const GLOSSARY_CHECKS = ['glossary', 'term-consistency'];

/**
 * Adds `--glossary` files to the options of the resolved checks that use them. Done after resolution so
 * that the checks keep their per-message severities: a user glossary only adds terms, it never re-levels
 * the bundled glossary's findings to the check's default severity.
 */
export function withGlossary(resolved: readonly ResolvedCheck[], files: readonly string[]): ResolvedCheck[] {
  if (files.length === 0) return [...resolved];
  return resolved.map((r) => {
    if (!GLOSSARY_CHECKS.includes(r.check.meta.id)) return r;
    const options = r.options as { files?: unknown };
    const existing = Array.isArray(options.files) ? (options.files as string[]) : [];
    return { ...r, options: { ...options, files: [...existing, ...files] } };
  });
}

/**
 * The pair of a block claimed as a translation that holds no Chinese: with the original the input
 * attaches it to, when there is one (so the verdict can tell a copied source from a text with nothing
 * to translate), else without an original.
 */
function untranslatedPair(block: IdentifiedBlock, byId: ReadonlyMap<string, IdentifiedBlock>): Pair {
  const attached = block.attachedTo !== undefined ? byId.get(block.attachedTo) : undefined;
  return {
    id: block.id,
    translation: block,
    original: attached ?? null,
    status: attached ? 'paired' : 'unpaired',
    confidence: attached ? 1 : 0,
    evidence: noEvidence(),
  };
}

async function readOne(
  path: string,
  index: number,
  options: AuditOptions,
): Promise<IngestedFile> {
  if (path === '-') {
    if (!options.readStdin) throw new InputFileError('-', 'standard input is not available');
    return ingestBytes('-', await options.readStdin(), index, { markers: options.markers });
  }
  return ingestFile(path, index, { markers: options.markers, ...(options.cwd ? { cwd: options.cwd } : {}) });
}

/**
 * Pairs unpaired translations through the arXiv API. A failure (offline, API error) keeps what was
 * found before it and becomes a limitation of the run, not a lost run.
 */
async function lookupOnArxiv(pairs: Pair[], options: AuditOptions, limitations: string[]): Promise<Pair[]> {
  const found = new Map<string, Pair>();
  try {
    return await lookupArxiv(pairs, {
      ...options.lookupArxiv,
      ...(options.pairing ? { pairing: options.pairing } : {}),
      onPaired: (pair) => found.set(pair.id, pair),
      onProgress: (done, total) => options.onProgress?.('arxiv', done, total),
    });
  } catch (error) {
    if (!(error instanceof ArxivLookupError)) throw error;
    limitations.push(`arXiv lookup stopped after ${found.size} pairs were found: ${error.message}${error.hint ? ` (${error.hint})` : ''}`);
    return pairs.map((p) => found.get(p.id) ?? p);
  }
}

/** The glossary terms that occur in a pair's English, given to the judge as context. */
export function glossaryTerms(files: readonly string[]): (result: PairResult) => JudgeTerm[] {
  const glossary = loadGlossary(files);
  return (result) => {
    const source = result.pair.original?.text;
    if (!source) return [];
    const seen = new Map<string, JudgeTerm>();
    for (const match of glossary.matchSource(source)) {
      if (!seen.has(match.entry.en)) seen.set(match.entry.en, { en: match.entry.en, zh: [...match.entry.zh] });
    }
    return [...seen.values()];
  };
}

/** Every error message names its file, whoever produced it. */
function withFileName(error: InputError): InputError {
  return error.message.includes(error.file) ? error : { ...error, message: `${error.file}: ${error.message}` };
}

/**
 * identifyBlocks in chunks (it is per block), with a stop check and a yield between them: a corpus file
 * of thousands of records takes seconds to identify, and Ctrl-C must not wait for it. Undefined when
 * stopped (the file is then left out, not half identified).
 */
async function identifyUnlessStopped(blocks: readonly Block[], signal: AbortSignal | undefined): Promise<IdentifiedBlock[] | undefined> {
  const out: IdentifiedBlock[] = [];
  for (let i = 0; i < blocks.length; i += 200) {
    if (i > 0) await yieldToEventLoop();
    if (stopRequested(signal)) return undefined;
    out.push(...identifyBlocks(blocks.slice(i, i + 200)));
  }
  return out;
}

/** Reads and identifies a list of paths; unreadable ones become errors, the rest go on. */
async function readAll(
  paths: readonly string[],
  firstIndex: number,
  options: AuditOptions,
  errors: InputError[],
): Promise<Array<{ ingested: IngestedFile; blocks: IdentifiedBlock[] }>> {
  const out: Array<{ ingested: IngestedFile; blocks: IdentifiedBlock[] }> = [];
  let index = firstIndex;
  for (const path of paths) {
    if (stopRequested(options.signal)) break;
    try {
      const ingested = await readOne(path, index++, options);
      const blocks = await identifyUnlessStopped(ingested.blocks, options.signal);
      if (!blocks) break;
      // The identified blocks replace the ingested ones (which would keep every text alive to the end).
      out.push({ ingested: { ...ingested, blocks: [] }, blocks });
    } catch (error) {
      if (error instanceof InputFileError) {
        errors.push({ file: error.file, message: error.message, ...(error.line ? { line: error.line } : {}) });
      } else {
        errors.push({ file: path, message: `${path}: ${(error as Error).message ?? String(error)}` });
      }
    }
    options.onProgress?.('read', out.length, paths.length);
  }
  return out;
}

/** Runs the whole audit. Never throws for bad inputs: they are listed in `errors`. */
export async function audit(options: AuditOptions): Promise<RunResult> {
  // The check pool's workers are stopped however the audit ends (an unexpected error must not leave threads).
  const started: { pool?: CheckPool } = {};
  try {
    return await auditStages(options, started);
  } finally {
    // After a stop the workers are already terminating (a worker in native code, e.g. loading a
    // dictionary, ends when it returns): the reports need not wait for that.
    const destroyed = started.pool?.destroy();
    if (!options.signal?.aborted) await destroyed;
  }
}

async function auditStages(options: AuditOptions, started: { pool?: CheckPool }): Promise<RunResult> {
  const timings: Record<string, number> = {};
  const t0 = performance.now();
  const lap = (name: string, since: number) => {
    timings[name] = Math.round(performance.now() - since);
    return performance.now();
  };
  const registry = options.registry ?? builtinChecks;
  const resolved = withGlossary(resolveChecks(registry, options.checks ?? {}), options.glossary ?? []);
  const scoring = options.scoring ?? DEFAULT_SCORING;

  const errors: InputError[] = [];
  const expanded = await expandInputs(options.inputs, options.cwd, options.exclude);
  errors.push(...expanded.errors.map(withFileName));
  const inputs = await readAll(expanded.files, 0, options, errors);
  let originalsCorpus: IdentifiedBlock[] = [];
  if (options.originals && options.originals.length > 0) {
    const more = await expandInputs(options.originals, options.cwd, options.exclude);
    errors.push(...more.errors.map(withFileName));
    const read = await readAll(more.files, inputs.length + 1000, options, errors);
    originalsCorpus = read.flatMap((r) => r.blocks.filter((b) => b.role === 'original'));
  }
  let t = lap('read', t0);

  const allBlocks = inputs.flatMap((r) => r.blocks);
  const translations = allBlocks.filter((b) => b.role === 'translation' && (options.inShard?.(b) ?? true));
  // A shard pairs, besides its own translations, every copy of their texts in other shards: pairing
  // treats identical texts as one translation (its attached originals pooled), so a shard that saw only
  // some copies could choose, rank or report differently from the unsharded run. Only its own pairs are
  // kept.
  const shardTexts = options.inShard ? new Set(translations.map((b) => b.text)) : undefined;
  const toPair = shardTexts ? allBlocks.filter((b) => b.role === 'translation' && shardTexts.has(b.text)) : translations;
  const originals = [...allBlocks.filter((b) => b.role === 'original'), ...originalsCorpus];
  // Check workers start now, so that their start-up (lexicons) overlaps pairing on the other cores.
  const toCheck = options.pairingOnly ? 0 : translations.length + allBlocks.filter((b) => b.role === 'untranslated').length;
  const pool =
    !options.registry && toCheck >= (options.minPairsForPool ?? MIN_PAIRS_FOR_POOL) && !stopRequested(options.signal)
      ? await CheckPool.start({ jobs: options.jobs ?? defaultJobs(), checks: resolved, scoring, ...(options.signal ? { signal: options.signal } : {}) })
      : undefined;
  if (pool) started.pool = pool;
  const spiller = options.spill && toCheck >= options.spill.minPairs ? new Spiller(options.spill.store, options.spill.active) : undefined;
  // A checked result's sentences, beads and findings leave memory as it arrives (even while pairing);
  // its pair's evidence once the pair is final (`spiller.settle`, below). A result kept in memory has its
  // sentences and beads packed (packed-result.ts).
  const keep = (result: PairResult) => packResult(spiller ? spiller.result(result) : result);
  const settle = (result: PairResult) => packResult(spiller ? spiller.settle(result) : result);
  const blockById = new Map(allBlocks.map((b) => [b.id, b]));
  const untranslated = allBlocks.filter((b) => b.role === 'untranslated' && (options.inShard?.(b) ?? true)).map((b) => untranslatedPair(b, blockById));
  // Duplicates depend on the inputs only: known before pairing, for the speculative checks too.
  const duplicates = findDuplicates(inputs.map((r) => ({ file: r.ingested.file, blocks: r.blocks })));
  let pairing = true;
  // Word ends of translations the workers cut while checking ahead of pairing, until pairing takes them.
  const cut = new Map<string, Uint16Array | Uint32Array>();
  const onWordEnds = (pair: Pair, ends: Uint16Array | Uint32Array) => {
    if (pairing) cut.set(pair.translation.text, ends);
  };
  const hints = {
    wordEnds(text: string) {
      const ends = cut.get(text);
      if (ends) cut.delete(text);
      return ends;
    },
  };
  const early =
    pool && !options.pairingOnly
      ? speculate(pool, translations, untranslated, blockById, duplicates, options.signal, () => pairing, keep, onWordEnds)
      : undefined;
  // Awaited after pairing; if pairing or the judge's confirmation throws first, its outcome is not needed.
  early?.catch(() => undefined);
  options.onProgress?.('pair', 0, translations.length);
  const paired = await pairTranslationsCooperatively(
    toPair,
    originals,
    options.pairing,
    options.signal,
    options.pairIndex?.withOriginals(originals),
    early ? hints : undefined,
  );
  let pairs = options.inShard ? paired.filter((p) => options.inShard?.(p.translation) ?? true) : paired;
  pairing = false;
  // Ends that came after pairing had cut the text itself.
  cut.clear();
  options.onProgress?.('pair', translations.length, translations.length);
  const limitations: string[] = [];
  if (options.lookupArxiv && !stopRequested(options.signal)) pairs = await lookupOnArxiv(pairs, options, limitations);
  let confirmUsage: LlmUsage | undefined;
  const promptVersions: string[] = [];
  // A fatal judge error (bad key, no quota, unknown model, unreachable) stops the judge, not the audit:
  // the heuristic reports are written with the failure as a limitation, and the CLI exits 2.
  let judgeFailure: string | undefined;
  const judgeFailed = (error: unknown) => {
    if (!(error instanceof KnownError)) throw error;
    judgeFailure = redactSecrets(`${error.message}${error.hint ? ` (${error.hint})` : ''}`);
    limitations.push(`LLM judge failed: ${judgeFailure}. The findings are the heuristic checks' only.`);
  };
  if (options.judge && !stopRequested(options.signal)) {
    try {
      const confirmation = await confirmAmbiguous(pairs, originals, options.judge, options);
      pairs = confirmation.pairs;
      confirmUsage = confirmation.usage;
      if (confirmation.promptVersion) promptVersions.push(confirmation.promptVersion);
      limitations.push(...confirmation.notes);
    } catch (error) {
      judgeFailed(error);
    }
  }
  t = lap('pair', t);

  options.pairingOnly?.(pairs);
  const all = options.pairingOnly ? [] : [...pairs, ...untranslated];
  const results: PairResult[] = [];
  options.onProgress?.('check', 0, all.length);
  if (pool) {
    try {
      // Pairs whose speculative result stands (pairing kept the attached original) are not checked again.
      const speculated = early ? await early : new Map<string, PairResult>();
      const reused = all.map((pair) => reuseSpeculative(speculated.get(pair.id), pair));
      const rest = all.filter((_, i) => reused[i] === undefined);
      const items = rest.map((pair) => checkItem(pair, duplicates));
      const already = all.length - rest.length;
      options.onProgress?.('check', already, all.length);
      const checked = await pool.checkAll(items, options.signal, (done) => options.onProgress?.('check', already + done, all.length), undefined, keep);
      // In the order of `all`, as in-process checking gives them; a pair not checked (a stop) is left out.
      const byId = new Map(checked.map((r) => [r.pair.id, r]));
      for (let i = 0; i < all.length; i++) {
        const result = reused[i] ?? byId.get((all[i] as Pair).id);
        if (result) results.push(settle(result));
      }
    } finally {
      await pool.destroy();
    }
  } else {
    let lastYield = performance.now();
    for (const pair of all) {
      if (stopRequested(options.signal)) break;
      // checkPair resolves in microtasks: let signals and timers in every ~50 ms.
      if (performance.now() - lastYield > 50) {
        await yieldToEventLoop();
        lastYield = performance.now();
        if (stopRequested(options.signal)) break;
      }
      const result = await checkPair(pair, { checks: resolved, scoring }, duplicates.get(pair.id));
      results.push(settle(result));
      options.onProgress?.('check', results.length, all.length);
    }
  }
  t = lap('check', t);

  let llm: RunResult['llm'];
  if (options.judge && judgeFailure === undefined && !stopRequested(options.signal)) {
    const outcome = await options.judge.judgeAll(results, options.judgeTerms ?? glossaryTerms(options.glossary ?? []), {
      onProgress: (done, total) => options.onProgress?.('judge', done, total),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    for (const result of results) {
      const judged = outcome.findings.get(result.pair.id);
      if (!judged) continue;
      result.findings = mergeFindings(result.findings, judged);
      const scored = scorePair(
        result.pair,
        result.findings,
        result.pair.original?.text ?? null,
        result.pair.translation.text,
        scoring,
      );
      // The judge's findings can change the verdict: a reason left from the heuristic score would lie.
      delete result.verdictReason;
      Object.assign(result, scored);
    }
    llm = confirmUsage ? addUsage(outcome.usage, confirmUsage) : outcome.usage;
    promptVersions.push(...outcome.promptVersions);
    limitations.push(...outcome.notes);
    if (outcome.fatal) judgeFailed(outcome.fatal);
    t = lap('judge', t);
  } else if (options.judge) {
    if (confirmUsage) llm = confirmUsage;
  } else {
    limitations.push('LLM judge not run (offline default): fluency and meaning errors beyond the heuristic checks are not assessed; use --llm.');
  }
  const interrupted = options.signal?.aborted ?? false;
  if (interrupted) limitations.push('Interrupted: the run was stopped; pairs not finished show no verdict.');

  const files: FileResult[] = inputs.map(({ ingested, blocks }) => {
    const own = results.filter((r) => r.pair.id.startsWith(`${ingested.index}:`));
    const dup: Record<string, DocumentLocation[]> = {};
    for (const block of blocks) {
      const others = duplicates.get(block.id);
      if (others && others.length > 0) dup[block.id] = others;
    }
    return {
      file: ingested.file,
      layout: ingested.layout,
      encoding: ingested.encoding,
      blocks,
      dropped: ingested.dropped,
      notes: ingested.notes,
      ...(ingested.skippedLines ? { skippedLines: ingested.skippedLines } : {}),
      errors: errors.filter((e) => e.file === ingested.file),
      pairs: own,
      duplicates: dup,
      summary: summarize(blocks, own),
    };
  });
  const terminology = terminologyAcrossCorpus(results, loadGlossary(options.glossary ?? []));
  const summary = files.length === 0 ? emptySummary() : summarize(allBlocks, results);
  // The term uses kept for the terminology table are not read again.
  for (const result of results) forgetPairTermUses(result.pair);
  // Every text has been read but by the reports: a spilled run's blocks leave theirs in the store.
  if (spiller?.spilling) spiller.blocks(inputs.map((r) => r.blocks), results);
  timings.total = Math.round(performance.now() - t0);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: options.tool,
    configHash: options.configHash,
    promptVersions,
    files,
    errors,
    summary,
    timings,
    ...(llm ? { llm } : {}),
    limitations,
    terminology,
    ...(interrupted ? { interrupted } : {}),
    ...(judgeFailure !== undefined ? { judgeFailure } : {}),
  };
}

/**
 * Starts checking, on the pool and while the audit thread pairs, every translation the input attaches to
 * an original of the run (as if pairing keeps it, which it does for nearly every record of a corpus) and
 * every untranslated block. Checks read a paired pair's texts only (and its status, which is `paired`
 * both ways), so a result whose pair keeps the same original is the one checking it afterwards would give
 * (`reuseSpeculative`); the others are checked again after pairing. This puts the check workers to work
 * during pairing instead of after it (docs/scale.md, "Both cores").
 */
async function speculate(
  pool: CheckPool,
  translations: readonly IdentifiedBlock[],
  untranslated: readonly Pair[],
  byId: ReadonlyMap<string, IdentifiedBlock>,
  duplicates: ReadonlyMap<string, DocumentLocation[]>,
  signal: AbortSignal | undefined,
  /** True while the audit thread pairs: only the workers check then; after it, the audit thread checks too (check-pool.ts). */
  pairing: () => boolean,
  keep: ((result: PairResult) => PairResult) | undefined,
  /** Each checked translation's word ends, for pairing (`PairingHints`). */
  onWordEnds: (pair: Pair, ends: Uint16Array | Uint32Array) => void,
): Promise<Map<string, PairResult>> {
  const pairs: Pair[] = [];
  for (const block of translations) {
    const original = block.attachedTo !== undefined ? byId.get(block.attachedTo) : undefined;
    if (!original || original.role !== 'original') continue;
    pairs.push({ id: block.id, translation: block, original, status: 'paired', confidence: 0, evidence: noEvidence() });
  }
  pairs.push(...untranslated);
  const items = pairs.map((pair) => checkItem(pair, duplicates));
  const results = await pool.checkAll(items, signal, () => undefined, pairing, keep, onWordEnds);
  return new Map(results.map((r) => [r.pair.id, r]));
}

/** What the check pool takes for one pair: the pair and the other places its translation occurs, if any. */
function checkItem(pair: Pair, duplicates: ReadonlyMap<string, DocumentLocation[]>): { pair: Pair; duplicates?: DocumentLocation[] } {
  const dup = duplicates.get(pair.id);
  return dup ? { pair, duplicates: dup } : { pair };
}

/** The speculative result of `pair`, with the pair pairing decided, if it stands: same status, texts and original. */
function reuseSpeculative(result: PairResult | undefined, pair: Pair): PairResult | undefined {
  if (!result) return undefined;
  if (result.pair === pair) return result;
  if (pair.status !== 'paired' || result.pair.status !== 'paired') return undefined;
  if (result.pair.translation !== pair.translation || result.pair.original !== pair.original) return undefined;
  // The term uses the terminology table reads are kept per pair object.
  movePairTermUses(result.pair, pair);
  // The speculative result is not used elsewhere: it takes the decided pair in place (a copy would read
  // back every field a spill store holds).
  result.pair = pair;
  return result;
}

/** A short stable hash of any JSON-serializable value (configuration hashes). */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);
}
