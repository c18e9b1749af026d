// The CLI: parses options, loads configuration, runs the audit, writes reports. Returns an exit code
// (0 done, 1 findings at or above --fail-on, 2 usage/configuration/fatal error); never calls exit.
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checks as builtinChecks } from '../checks/index.js';
import { assertKnownChecks, resolveChecks } from '../core/runner.js';
import { prepareOutDir, describeFsError } from './out-dir.js';
import { readTextArg } from './text-arg.js';
import { guardMemory, memoryAdvice, memoryBudgetMb, type MemoryStop } from './memory-guard.js';
import { Command, CommanderError, Option } from 'commander';
import { loadConfig } from '../config/load.js';
import { DEFAULTS, type ConfigFile } from '../config/schema.js';
import { packageRoot, toolVersion } from '../config/package-root.js';
import { ConfigError, KnownError, UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import type { Judge } from '../core/judge.js';
import type { CheckSetting } from '../core/runner.js';
import type { Pair, RunResult, Severity } from '../core/types.js';
import { audit, hashOf, type AuditOptions } from '../pipeline/run.js';
import { checkOnePair } from '../pipeline/check-one.js';
import { createJudge, estimateJudgeCost } from '../pipeline/judge.js';
import { DEFAULT_JUDGE_OPTIONS, type JudgeOptions } from '../llm/options.js';
import { DEFAULT_SCORING, type ScoringConfig } from '../pipeline/score.js';
import { formatNames, reporters, runReporters, type ReporterName, type RuleInfo } from '../report/reporters.js';
import { JUDGE_CHECK_ID, JUDGE_DOCS } from '../llm/findings.js';
import { renderIndex } from '../report/index-page.js';
import { reportNames } from '../report/names.js';
import { renderJsonSummary, renderSummary, terminalSafe } from '../report/summary.js';
import { redactSecrets } from '../core/redact.js';
import { registerFix } from './fix.js';
import { registerIndex } from './index-cmd.js';
import { openIndexStore } from '../pipeline/index-store.js';
import { inShard, parseShard } from '../pipeline/shard.js';
import { registerMerge } from './merge.js';
import { SpillFile } from './spill-file.js';

/**
 * Share of the live-heap budget (`--max-memory`, memory-guard.ts) from which `--spill auto`, the default,
 * keeps finished results' bulky parts on disk. Spilling costs CPU (about 12 % on the 6,978-pair dev corpus,
 * where it saved 40 MB), so it starts only when memory is running short: from there a result takes about
 * 3.4 KB of heap instead of 9.1, and the run goes about three times further before the budget stops it.
 */
export const SPILL_AT_SHARE = 0.25;

/** Each line made terminal-safe (control characters shown as \\xNN), the line ends kept. */
function terminalSafeLines(text: string): string {
  return text.split('\n').map(terminalSafe).join('\n');
}

/** A writable text stream (process.stdout or a test double). */
export interface TextSink {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** What `main` needs from the outside world, injectable for tests. */
export interface MainIo {
  argv: readonly string[];
  stdout: TextSink;
  stderr: TextSink;
  env: Record<string, string | undefined>;
  cwd?: string;
  readStdin?: () => Promise<Uint8Array>;
  /** Aborted on Ctrl-C: the run stops cleanly and writes what it finished. */
  signal?: AbortSignal;
  /**
   * True after a second Ctrl-C: report writing stops after the file being written (the index is still
   * written, so an interrupted run never leaves no report).
   */
  stopNow?: () => boolean;
  /** Writes one report file (tests inject a full disk); default fs/promises writeFile. */
  writeFile?: (path: string, content: string) => Promise<void>;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, minor: 1, major: 2, critical: 3 };

interface AuditCliOptions {
  out?: string;
  format?: string;
  originals?: string[];
  glossary?: string[];
  config?: string;
  failOn?: string;
  json?: boolean;
  quiet?: boolean;
  marker?: string[];
  llm?: boolean;
  model?: string;
  baseUrl?: string;
  concurrency?: string;
  timeout?: string;
  maxCost?: string;
  dryRun?: boolean;
  batch?: boolean;
  cache?: boolean;
  cacheDir?: string;
  lookup?: string;
  maxRetryAfter?: string;
  allowInsecureHttp?: boolean;
  progress?: boolean;
  index?: string;
  shard?: string;
  jobs?: string;
  maxMemory?: string;
  spill?: string;
}

export function parseFormats(value: string | undefined, fallback: readonly ReporterName[]): ReporterName[] {
  if (value === undefined) return [...fallback];
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of formats) {
    if (!formatNames().includes(f as ReporterName)) throw new UsageError(`Unknown format \`${f}\``, `Use --format with ${formatNames().join(', ')}`);
  }
  return formats as ReporterName[];
}

function parseNumber(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new UsageError(`Invalid ${name} \`${value}\``, `${name} takes a number ≥ ${min}`);
  return n;
}

/** What SARIF lists about each check: its description and its docs page, embedded (the log travels without docs/). */
export function ruleInfo(): RuleInfo[] {
  const page = (docs: string) => {
    try {
      return readFileSync(join(packageRoot(), docs), 'utf8');
    } catch {
      return undefined;
    }
  };
  const info = (id: string, description: string, docs: string): RuleInfo => {
    const help = page(docs);
    return { id, description, docs, ...(help !== undefined ? { help } : {}) };
  };
  return [
    ...builtinChecks.map((c) => info(c.meta.id, c.meta.description, `docs/checks/${c.meta.id}.md`)),
    info(JUDGE_CHECK_ID, 'Errors the LLM judge found in the translation (MQM categories), located by their span.', JUDGE_DOCS),
  ];
}

/**
 * Writes a file atomically: a temporary file in the same folder, then a rename. On failure (disk full)
 * the temporary file is removed, so no `.tmp` is left, and the error is thrown.
 */
export async function writeAtomic<C extends string | Uint8Array>(path: string, content: C, write: (path: string, content: C) => Promise<void> = (p, c) => writeFile(p, c)): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await write(tmp, content);
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}

/**
 * Chunks joined into pieces of about 1 MiB: `writeFile` awaits one write per chunk, and a reporter's
 * chunks are a pair or a line each, so the audit thread sat idle about 40 % of the 8 s it took to write
 * a 20k run's reports. Memory stays bounded by one piece.
 */
function* inPieces(chunks: Iterable<string>, size = 1 << 20): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.join('');
}

/**
 * Writes a run's reports: per input file, per run (exports, HTML) and the index. Reports are written
 * for every file that was read, even when others failed. A file that cannot be written (disk full) is
 * named and the others are still tried: what fits is written. Shared by `audit` and `merge`.
 */
export async function writeRunReports(
  run: RunResult,
  outDir: string,
  formats: readonly ReporterName[],
  io: Pick<MainIo, 'writeFile' | 'stopNow'>,
  progress?: AuditOptions['onProgress'],
): Promise<{ written: string[]; writeErrors: string[] }> {
  const write = io.writeFile ?? ((path: string, content: string) => writeFile(path, content));
  const writeErrors: string[] = [];
  const names = reportNames(run.files.map((f) => f.file));
  const docsBase = relative(outDir, join(packageRoot(), 'docs')).split('\\').join('/') || '.';
  const written: string[] = [];
  const tryWrite = async (path: string, render: () => string) => {
    try {
      await writeAtomic(path, render(), write);
      written.push(path);
    } catch (error) {
      writeErrors.push(`cannot write ${path}: ${describeFsError(error)}`);
    }
  };
  const tryWriteChunks = async (path: string, chunks: Iterable<string>) => {
    try {
      await writeAtomic(path, '', (tmp) => writeFile(tmp, inPieces(chunks)));
      written.push(path);
    } catch (error) {
      writeErrors.push(`cannot write ${path}: ${describeFsError(error)}`);
    }
  };
  let notWritten = 0;
  let reportsDone = 0;
  const runContext = { names, docsBase, docsUri: pathToFileURL(join(packageRoot(), 'docs')).href, ...(formats.includes('sarif') ? { rules: ruleInfo() } : {}) };
  for (const file of run.files) {
    progress?.('reports', reportsDone++, run.files.length + 1);
    const name = names.get(file.file) as string;
    // A second Ctrl-C: no new report is started; the index below is still written.
    if (io.stopNow?.()) {
      notWritten++;
      continue;
    }
    for (const format of formats) {
      if (!(format in reporters)) continue;
      const reporter = reporters[format as keyof typeof reporters];
      const context = { baseName: name, docsBase };
      // A reporter with chunks is written as a stream (no whole-report string) unless writes are injected.
      if (reporter.chunks && !io.writeFile) await tryWriteChunks(join(outDir, `${name}.${reporter.extension}`), reporter.chunks(file, run, context));
      else await tryWrite(join(outDir, `${name}.${reporter.extension}`), () => reporter.render(file, run, context));
    }
  }
  if (notWritten > 0) {
    run.interrupted = true;
    run.limitations.push(`Interrupted while writing: the reports of ${notWritten} of ${run.files.length} file(s) were not written; this index still lists their results.`);
  }
  for (const format of formats) {
    if (!(format in runReporters)) continue;
    const reporter = runReporters[format as keyof typeof runReporters];
    if (reporter.chunks && !io.writeFile) await tryWriteChunks(join(outDir, reporter.fileName), reporter.chunks(run, runContext));
    else await tryWrite(join(outDir, reporter.fileName), () => reporter.render(run, runContext));
  }
  await tryWrite(join(outDir, 'index.md'), () => renderIndex(run, names, docsBase));
  progress?.('reports', run.files.length + 1, run.files.length + 1);
  return { written, writeErrors };
}

/** Scoring settings from the configuration file over the defaults (also used by `transcheck fix`). */
export function scoringFrom(config: ConfigFile): ScoringConfig {
  const s = config.scoring;
  if (!s) return DEFAULT_SCORING;
  return {
    ...DEFAULT_SCORING,
    ...(s.reviewBelow !== undefined ? { reviewBelow: s.reviewBelow } : {}),
    ...(s.badBelow !== undefined ? { badBelow: s.badBelow } : {}),
    ...(s.minWords !== undefined ? { minWords: s.minWords } : {}),
    ...(s.charsPerWord !== undefined ? { charsPerWord: s.charsPerWord } : {}),
    ...(s.minorsForReview !== undefined ? { minorsForReview: s.minorsForReview } : {}),
    ...(s.reviewOnMinor !== undefined ? { reviewOnMinor: s.reviewOnMinor } : {}),
    weights: { ...DEFAULT_SCORING.weights, ...(s.weights ?? {}) },
  };
}

function judgeOptionsFrom(o: AuditCliOptions, config: ConfigFile, cwd: string): JudgeOptions {
  const llm = config.llm ?? {};
  const concurrency = parseNumber('--concurrency', o.concurrency, 1);
  const timeout = parseNumber('--timeout', o.timeout, 1);
  const maxCost = parseNumber('--max-cost', o.maxCost, 0);
  const maxRetryAfter = parseNumber('--max-retry-after', o.maxRetryAfter, 0);
  const options: JudgeOptions = {
    ...DEFAULT_JUDGE_OPTIONS,
    model: o.model ?? llm.model ?? DEFAULT_JUDGE_OPTIONS.model,
    concurrency: concurrency ?? llm.concurrency ?? DEFAULT_JUDGE_OPTIONS.concurrency,
    timeoutMs: timeout !== undefined ? timeout * 1000 : (llm.timeoutMs ?? DEFAULT_JUDGE_OPTIONS.timeoutMs),
    dryRun: Boolean(o.dryRun),
    batch: Boolean(o.batch),
    cache: o.cache !== false,
    cacheDir: resolve(cwd, o.cacheDir ?? llm.cacheDir ?? DEFAULTS.cacheDir),
    maxRetryAfterS: maxRetryAfter ?? llm.maxRetryAfterS ?? DEFAULT_JUDGE_OPTIONS.maxRetryAfterS ?? 60,
    // Only the command line can allow it: a configuration file found upward must not.
    allowInsecureHttp: Boolean(o.allowInsecureHttp),
  };
  const baseUrl = o.baseUrl ?? llm.baseUrl;
  if (baseUrl !== undefined) options.baseUrl = baseUrl;
  const cost = maxCost ?? llm.maxCostUsd;
  if (cost !== undefined) options.maxCostUsd = cost;
  if (llm.prices) options.prices = { ...(DEFAULT_JUDGE_OPTIONS.prices ?? {}), ...llm.prices };
  return options;
}

function progressReporter(io: MainIo, quiet: boolean, forced = false): AuditOptions['onProgress'] {
  // Progress on an interactive terminal; logs and CI get the final summary alone unless they ask
  // with --progress, and then get plain lines (no carriage returns), at most one every 2 s a stage.
  const tty = Boolean(io.stderr.isTTY);
  if (quiet || (!tty && !forced)) return undefined;
  let last = 0;
  let stage = '';
  let stageStart = 0;
  return (name, done, total) => {
    const now = Date.now();
    const newStage = name !== stage;
    if (newStage) {
      stage = name;
      stageStart = now;
    } else if (done < total && now - last < (tty ? 100 : 2000)) return;
    last = now;
    // ETA from the stage's pace so far, once there is one.
    const elapsed = (now - stageStart) / 1000;
    const eta = done > 0 && done < total && elapsed > 1 ? ` (about ${formatSeconds((elapsed / done) * (total - done))} left)` : '';
    if (tty) io.stderr.write(`\r\x1b[K${name} ${done}/${total}${eta}${done === total ? '\n' : ''}`);
    else io.stderr.write(`transcheck: ${name} ${done}/${total}${eta}\n`);
  };
}

function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

function maxSeverity(run: RunResult): Severity | null {
  let best: Severity | null = null;
  for (const f of run.files)
    for (const p of f.pairs)
      for (const x of p.findings) if (best === null || SEVERITY_RANK[x.severity] > SEVERITY_RANK[best]) best = x.severity;
  return best;
}

async function runAudit(inputs: string[], o: AuditCliOptions, io: MainIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const loaded = loadConfig(cwd, o.config);
  if (!loaded.ok) throw loaded.error;
  const config = loaded.value.config;
  if (inputs.length === 0) throw new UsageError('No inputs given', 'Usage: transcheck audit <files|folders|globs|-> (e.g. `transcheck audit seeds`)');
  const formats = parseFormats(o.format, (config.format as ReporterName[] | undefined) ?? (DEFAULTS.format as ReporterName[]));
  const failOn = (o.failOn ?? config.failOn ?? DEFAULTS.failOn) as Severity | 'none';
  if (failOn !== 'none' && !(failOn in SEVERITY_RANK)) {
    throw new UsageError(`Invalid --fail-on \`${failOn}\``, 'Use one of none, info, minor, major, critical');
  }
  const outDir = resolve(cwd, o.out ?? config.out ?? DEFAULTS.out);
  const abs = (paths: readonly string[] | undefined) => (paths ?? []).map((p) => resolve(cwd, p));
  const scoring = scoringFrom(config);
  const checks: Record<string, CheckSetting | undefined> = (config.checks ?? {}) as Record<string, CheckSetting>;
  validateChecks(checks, config);
  const glossary = [...(config.glossary ?? []), ...abs(o.glossary)];
  for (const g of glossary) {
    if (!existsSync(g)) throw new ConfigError(`Glossary file not found: ${g}`, 'Check the --glossary path or the configuration file');
  }
  const originals = [...(config.originals ?? []), ...abs(o.originals)];
  // --index: checked (format, normalization) before any work; a stale or foreign index is an error.
  const pairIndex = o.index !== undefined ? openIndexStore(resolve(cwd, o.index)) : undefined;
  const shard = o.shard !== undefined ? parseShard(o.shard) : undefined;
  const jobs = parseNumber('--jobs', o.jobs, 1);
  if (jobs !== undefined && !Number.isInteger(jobs)) throw new UsageError(`Invalid --jobs \`${o.jobs}\``, '--jobs takes a whole number of threads ≥ 1');
  const maxMemory = parseNumber('--max-memory', o.maxMemory, 1);
  const spillAuto = o.spill === undefined || o.spill === 'auto';
  const spillFrom = o.spill === 'off' ? undefined : spillAuto ? 0 : parseNumber('--spill', o.spill, 0);
  if (spillFrom !== undefined && !Number.isInteger(spillFrom)) throw new UsageError(`Invalid --spill \`${o.spill}\``, '--spill takes auto, off, or a whole number of pairs ≥ 0');

  let judge: Judge | undefined;
  let judgeOptions: JudgeOptions | undefined;
  if (o.llm || o.dryRun || o.batch) {
    judgeOptions = judgeOptionsFrom(o, config, cwd);
    if (config.llm?.baseUrl && o.baseUrl === undefined && loaded.value.path) {
      // A configuration file in a parent folder (a cloned repository, a shared folder) decides where the
      // texts and the API key go: say so.
      io.stderr.write(`transcheck: the configuration file ${terminalSafe(loaded.value.path)} sends the LLM judge to ${terminalSafe(redactSecrets(config.llm.baseUrl))}\n`);
    }
    if (!judgeOptions.dryRun) judge = createJudge(judgeOptions, io.env);
  }
  // The report folder is checked before hours of work go into reports that cannot be written.
  if (!judgeOptions?.dryRun) await prepareOutDir(outDir);
  const configHash = hashOf({ config, formats, failOn, glossary, originals, ...(pairIndex ? { index: pairIndex.manifest.built } : {}), llm: judgeOptions ? { ...judgeOptions, apiKey: undefined } : null });
  const version = toolVersion();
  const progress = progressReporter(io, Boolean(o.quiet || o.json), Boolean(o.progress));
  // --dry-run reads and pairs, then estimates: no checks, no judge, no reports.
  let pairedForEstimate: readonly Pair[] | undefined;
  // The run stops on Ctrl-C (io.signal) or when its live heap passes the memory budget (memory-guard.ts).
  const stopper = new AbortController();
  const forward = () => stopper.abort();
  if (io.signal?.aborted) stopper.abort();
  io.signal?.addEventListener('abort', forward, { once: true });
  let memoryStop: MemoryStop | undefined;
  const unguard = guardMemory(memoryBudgetMb(maxMemory), (stop) => {
    memoryStop = stop;
    stopper.abort();
  });
  // Finished results' bulky parts go to a file in the report folder (cli/spill-file.ts, created on the first
  // write): with `--spill auto` once the live heap passes a share of the budget, else on runs of at least
  // `--spill` pairs.
  const spill = !judgeOptions?.dryRun && spillFrom !== undefined ? new SpillFile(outDir) : undefined;
  let spilling = false;
  const unguardSpill = spill && spillAuto ? guardMemory(memoryBudgetMb(maxMemory) * SPILL_AT_SHARE, () => (spilling = true)) : undefined;
  try {
    const run = await audit({
      ...(spill && spillFrom !== undefined ? { spill: { store: spill, minPairs: spillFrom, ...(spillAuto ? { active: () => spilling } : {}) } } : {}),
      ...(judgeOptions?.dryRun ? { pairingOnly: (pairs: readonly Pair[]) => (pairedForEstimate = pairs) } : {}),
      inputs,
      cwd,
      // The report folder and the configuration file are never inputs: `audit .` must not read its own reports.
      exclude: [outDir, ...(loaded.value.path ? [loaded.value.path] : [])],
      originals,
      ...(pairIndex ? { pairIndex } : {}),
      ...(shard ? { inShard: inShard(shard) } : {}),
      ...(o.marker && o.marker.length > 0 ? { markers: o.marker } : config.markers ? { markers: config.markers } : {}),
      checks,
      glossary,
      scoring,
      ...(config.pairing ? { pairing: config.pairing } : {}),
      ...(judge ? { judge } : {}),
      ...(o.lookup === 'arxiv' ? { lookupArxiv: io.env.TRANSCHECK_ARXIV_API ? { baseUrl: io.env.TRANSCHECK_ARXIV_API } : {} } : {}),
      ...(io.readStdin ? { readStdin: io.readStdin } : {}),
      signal: stopper.signal,
      onProgress: progress,
      tool: { name: 'transcheck', version },
      configHash,
      ...(jobs !== undefined ? { jobs } : {}),
    }).finally(() => {
      unguard();
      io.signal?.removeEventListener('abort', forward);
    });
    if (memoryStop) {
      const done = run.files.reduce((n, f) => n + f.pairs.length, 0);
      run.limitations.push(`Stopped for memory after ${done} pair(s): ${memoryAdvice(memoryStop)}.`);
    }

    if (shard) {
      run.shard = shard;
      run.limitations.push(
        `Shard ${shard.index}/${shard.count}: only the translations of this shard (by a hash of file and record id) were paired and checked; combine the shards' report folders with \`transcheck merge\`.`,
      );
    }
    if (judgeOptions?.dryRun) {
      const estimate = estimateJudgeCost((pairedForEstimate ?? []).map((pair) => ({ pair })), judgeOptions, io.env);
      const cost = estimate.priceUnknown ? `cost unknown (no price for ${judgeOptions.model}; set llm.prices)` : `about $${estimate.costUsd.toFixed(4)}${judgeOptions.batch ? ' (batch price)' : ''}`;
      const line = `dry run: the judge would send ${estimate.pairs} pairs to ${judgeOptions.model} (${estimate.cachedPairs} more are in the cache, free): about ${estimate.promptTokens} prompt + ${estimate.completionTokens} completion tokens, ${cost}. No request was made, no report written.\n`;
      for (const e of run.errors) io.stderr.write(`error: ${terminalSafe(e.message)}\n`);
      if (o.json) {
        io.stderr.write(line);
        io.stdout.write(renderJsonSummary(run, [], { dryRun: estimate }));
      } else if (!o.quiet) io.stdout.write(line);
      if (memoryStop) {
        io.stderr.write(`transcheck: stopped for memory: ${memoryAdvice(memoryStop)}\n`);
        return 2;
      }
      if (run.interrupted) return 130;
      return run.errors.length > 0 ? 2 : 0;
    }

    const { written, writeErrors } = await writeRunReports(run, outDir, formats, io, progress);
    if (spill?.failure) io.stderr.write(`transcheck: ${terminalSafe(spill.failure)}\n`);

    for (const note of run.limitations.filter((n) => n.startsWith('arXiv lookup'))) io.stderr.write(`transcheck: ${note}\n`);
    // Errors always go to stderr (grep and ESLint do the same); stdout holds the summary or the JSON.
    for (const e of run.errors) io.stderr.write(`error: ${terminalSafe(e.message)}\n`);
    for (const e of writeErrors) io.stderr.write(`error: ${terminalSafe(e)}\n`);
    if (o.json) io.stdout.write(renderJsonSummary(run, written, { writeErrors }));
    else if (!o.quiet) io.stdout.write(renderSummary(run, outDir, formats.includes('html')));

    if (run.judgeFailure) io.stderr.write(`transcheck: ${run.judgeFailure}\ntranscheck: the reports hold the heuristic checks only\n`);
    if (memoryStop) {
      // Not an interruption by the user: an error (exit 2) that says what to do instead.
      io.stderr.write(`transcheck: stopped for memory: ${memoryAdvice(memoryStop)}\n`);
      io.stderr.write(`transcheck: the reports of the pairs finished (marked interrupted) were written: ${written.length} file(s) in ${terminalSafe(outDir)}\n`);
      return 2;
    }
    if (run.interrupted) {
      io.stderr.write(`transcheck: interrupted; ${written.length} report file(s) written to ${terminalSafe(outDir)}\n`);
      return 130;
    }
    // Exit codes as ESLint and grep: 2 when anything could not be done (an input, a report, the judge), before 1.
    if (run.errors.length > 0 || writeErrors.length > 0 || run.judgeFailure) return 2;
    if (failOn !== 'none') {
      const worst = maxSeverity(run);
      if (worst !== null && SEVERITY_RANK[worst] >= SEVERITY_RANK[failOn]) {
        const count = run.files.reduce((n, f) => n + f.pairs.reduce((m, p) => m + p.findings.filter((x) => SEVERITY_RANK[x.severity] >= SEVERITY_RANK[failOn]).length, 0), 0);
        io.stderr.write(`transcheck: exit 1: ${count} finding(s) at or above \`${failOn}\` (--fail-on ${failOn}); worst is \`${worst}\`\n`);
        return 1;
      }
    }
    return 0;
  } finally {
    // The spill file is read by the reports: closed (and so removed) once they are written.
    unguardSpill?.();
    spill?.close();
  }
}

/** Unknown check ids and bad check options are configuration errors (exit 2), found before any work. */
function validateChecks(checks: Record<string, CheckSetting | undefined>, config?: ConfigFile): void {
  assertKnownChecks(builtinChecks, checks);
  resolveChecks(builtinChecks, checks);
  // `scoring.reviewOnMinor` names checks too: a misspelt one would silently never ask for review.
  const ids = builtinChecks.map((c) => c.meta.id);
  for (const id of config?.scoring?.reviewOnMinor ?? []) {
    if (!ids.includes(id)) throw new ConfigError(`Unknown check \`${id}\` in \`scoring.reviewOnMinor\`${didYouMean(id, ids)}`, `Check ids: ${ids.join(', ')}`);
  }
}

async function runCheck(o: { en?: string; zh: string; json?: boolean; config?: string }, io: MainIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const loaded = loadConfig(cwd, o.config);
  if (!loaded.ok) throw loaded.error;
  validateChecks((loaded.value.config.checks ?? {}) as Record<string, CheckSetting>, loaded.value.config);
  const en = o.en === undefined ? null : await readTextArg('--en', o.en, cwd);
  const zh = await readTextArg('--zh', o.zh, cwd);
  const { file, run } = await checkOnePair(en, zh, {
    checks: (loaded.value.config.checks ?? {}) as Record<string, CheckSetting>,
    glossary: loaded.value.config.glossary ?? [],
    scoring: scoringFrom(loaded.value.config),
    tool: { name: 'transcheck', version: toolVersion() },
  });
  io.stdout.write(o.json ? reporters.json.render(file, run, { baseName: 'check', docsBase: join(packageRoot(), 'docs') }) : reporters.md.render(file, run, { baseName: 'check', docsBase: join(packageRoot(), 'docs') }));
  return 0;
}

function buildProgram(io: MainIo, result: { code: number }): Command {
  const program = new Command('transcheck')
    .description('Audit machine translations of English scientific abstracts into Chinese.')
    .version(toolVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('audit')
    .description('pair, align, check and score every translation in the inputs; write reports')
    .argument('[inputs...]', 'files, folders, globs, or - for standard input')
    .option('-o, --out <dir>', `report folder (default ${DEFAULTS.out})`)
    .option('--format <list>', 'report formats, comma-separated: md,json,html (default all three); sarif, csv, flagged (exports)')
    .option('--originals <paths...>', 'corpora of English originals to pair against (JSONL, text, any layout)')
    .option('--index <dir>', 'a persistent index of originals to pair against (`transcheck index build`)')
    .option('--shard <k/n>', 'pair and check only shard k of n of the translations (a stable hash of file and record id); combine with `transcheck merge`')
    .option('--glossary <files...>', 'extra glossary files (TSV, CSV, TBX or JSON)')
    .option('--config <file>', 'configuration file (default: found upward from the working directory)')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity exists').choices(['none', 'info', 'minor', 'major', 'critical']))
    .option('--marker <line...>', 'translation marker lines (replace the defaults)')
    .addOption(new Option('--lookup <service>', 'ask an online service for the originals of unpaired translations (needs network)').choices(['arxiv']))
    .option('--json', 'print the summary as JSON on stdout')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--progress', 'print stage progress to stderr even when it is not a terminal (plain lines, for logs)')
    .option('--llm', 'run the LLM judge (needs OPENAI_API_KEY or --base-url)')
    .option('--model <name>', `judge model (default ${DEFAULT_JUDGE_OPTIONS.model})`)
    .option('--base-url <url>', 'OpenAI-compatible server (default OPENAI_BASE_URL or OpenAI)')
    .option('--concurrency <n>', `judge requests in flight (default ${DEFAULT_JUDGE_OPTIONS.concurrency})`)
    .option('--timeout <seconds>', 'per-request timeout of the judge')
    .option('--max-cost <usd>', 'stop judging before this cost would be exceeded')
    .option('--jobs <n>', 'threads for alignment and checks: n-1 workers beside the audit thread (default: the cores available; 1 = no workers)')
    .option('--max-memory <MB>', 'stop and write the reports of the pairs finished when the live heap passes this many MB (default: 3/4 of the heap limit, which transcheck sets to 3/4 of the machine\'s memory)')
    .option('--spill <auto|off|pairs>', `keep finished results' sentences, beads, findings and pairing evidence in a temporary file in the report folder instead of memory: auto (default) once the live heap passes ${SPILL_AT_SHARE * 100} % of the memory budget, off = never, a number = on runs of at least that many pairs (0 = always)`)
    .option('--dry-run', 'estimate the judge tokens and cost, make no call')
    .option('--batch', 'use the OpenAI Batch API for the judge')
    .option('--no-cache', 'do not read or write the judge cache')
    .option('--cache-dir <dir>', `judge cache folder (default ${DEFAULTS.cacheDir})`)
    .option('--max-retry-after <seconds>', 'longest wait a server\'s retry-after may impose (default 60)')
    .option('--allow-insecure-http', 'allow sending the API key over plain http to a host that is not this machine')
    .action(async (inputs: string[], o: AuditCliOptions) => {
      result.code = await runAudit(inputs, o, io);
    });

  program
    .command('check')
    .description('check one pair given as files or texts; report to stdout')
    .option('--en <file|text>', 'the English original (omit for target-only checks)')
    .requiredOption('--zh <file|text>', 'the Chinese translation')
    .option('--json', 'JSON instead of Markdown')
    .option('--config <file>', 'configuration file')
    .action(async (o: { en?: string; zh: string; json?: boolean; config?: string }) => {
      result.code = await runCheck(o, io);
    });
  registerFix(program, io, result);
  registerIndex(program, io, result);
  registerMerge(program, io, result);
  return program;
}

/** Runs the CLI with the given arguments (without `node` and the script path); returns the exit code. */
export async function main(io: MainIo): Promise<number> {
  const result = { code: 0 };
  try {
    const program = buildProgram(io, result);
    if (io.argv.length === 0) {
      io.stdout.write(program.helpInformation());
      return 0;
    }
    await program.parseAsync([...io.argv], { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; parse errors were already printed.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof KnownError) {
      io.stderr.write(terminalSafeLines(redactSecrets(`transcheck: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`)));
      return 2;
    }
    io.stderr.write(redactSecrets(`transcheck: unexpected error\n${(error as Error)?.stack ?? String(error)}\n`));
    return 2;
  }
}
