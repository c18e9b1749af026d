// `transcheck fix <inputs…> --out <dir>`: audits the inputs, writes corrected copies with every safe fix
// applied (in passes, as ESLint's --fix does, until no fix is left), then re-audits the copies and prints
// what changed. Never overwrites an input unless --in-place is given.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { loadConfig } from '../config/load.js';
import { DEFAULTS } from '../config/schema.js';
import { toolVersion } from '../config/package-root.js';
import { UsageError } from '../core/errors.js';
import type { CheckSetting } from '../core/runner.js';
import type { RunResult, Severity } from '../core/types.js';
import { countFixable, fixesByBlock, fixFile, newFindings, type NewFinding } from '../pipeline/fix.js';
import { audit, hashOf, type AuditOptions } from '../pipeline/run.js';
import { renderSummary, terminalSafe } from '../report/summary.js';
import { scoringFrom, writeAtomic, type MainIo } from './main.js';

/** Options of `transcheck fix`. */
interface FixCliOptions {
  out?: string;
  inPlace?: boolean;
  originals?: string[];
  glossary?: string[];
  config?: string;
  marker?: string[];
  passes?: string;
  failOn?: string;
  json?: boolean;
  quiet?: boolean;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, minor: 1, major: 2, critical: 3 };

/** What the whole command did, as `--json` prints it. */
export interface FixSummary {
  files: number;
  filesChanged: number;
  blocksChanged: number;
  fixes: number;
  byCheck: Record<string, number>;
  passes: number;
  skipped: Array<{ file: string; block: string; lines: [number, number]; reason: string; fixes: number }>;
  notes: string[];
  written: string[];
  before: { findings: number; fixable: number; byCheck: Record<string, number> };
  after: { findings: number; fixable: number; byCheck: Record<string, number>; newFindings: Record<string, number>; newFindingList: NewFinding[] };
}

function findings(run: RunResult): number {
  return Object.values(run.summary.bySeverity).reduce((a, b) => a + b, 0);
}

/** The deepest folder holding every path. */
function commonFolder(paths: readonly string[]): string {
  const parts = paths.map((p) => dirname(p).split(sep));
  const first = parts[0] ?? [];
  let n = first.length;
  for (const p of parts) {
    let i = 0;
    while (i < n && p[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(sep) || sep;
}

/** A corrected copy, written atomically (the audit's writer) into its folder, made if missing. */
async function writeCopy(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeAtomic(path, bytes);
}

async function runFix(inputs: string[], o: FixCliOptions, io: MainIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const loaded = loadConfig(cwd, o.config);
  if (!loaded.ok) throw loaded.error;
  const config = loaded.value.config;
  if (inputs.length === 0) throw new UsageError('No inputs given', 'Usage: transcheck fix <files|folders|globs> --out <dir>');
  if (inputs.includes('-')) throw new UsageError('transcheck fix cannot correct standard input', 'Give the file itself');
  if (o.out === undefined && !o.inPlace) {
    throw new UsageError('transcheck fix needs --out <dir>', 'Give --out <dir> for corrected copies, or --in-place to overwrite the inputs');
  }
  if (o.out !== undefined && o.inPlace) throw new UsageError('Give either --out or --in-place, not both');
  const passes = o.passes === undefined ? 5 : Number(o.passes);
  if (!Number.isInteger(passes) || passes < 1) throw new UsageError(`Invalid --passes \`${o.passes}\``, '--passes takes a whole number ≥ 1');
  const failOn = (o.failOn ?? config.failOn ?? DEFAULTS.failOn) as Severity | 'none';

  const abs = (paths: readonly string[] | undefined) => (paths ?? []).map((p) => resolve(cwd, p));
  const glossary = [...(config.glossary ?? []), ...abs(o.glossary)];
  const originals = [...(config.originals ?? []), ...abs(o.originals)];
  const base: Omit<AuditOptions, 'inputs'> = {
    cwd,
    originals,
    ...(o.marker && o.marker.length > 0 ? { markers: o.marker } : config.markers ? { markers: config.markers } : {}),
    checks: (config.checks ?? {}) as Record<string, CheckSetting>,
    glossary,
    scoring: scoringFrom(config),
    ...(config.pairing ? { pairing: config.pairing } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
    tool: { name: 'transcheck', version: toolVersion() },
    configHash: hashOf({ config, glossary, originals, command: 'fix' }),
  };

  const first = await audit({ ...base, inputs });
  for (const e of first.errors) io.stderr.write(`error: ${terminalSafe(e.message)}\n`);
  if (first.files.length === 0) return 2;

  const sources = first.files.map((f) => resolve(cwd, f.file));
  const folder = commonFolder(sources);
  const targets = o.inPlace ? sources : sources.map((s) => join(resolve(cwd, o.out as string), relative(folder, s)));
  if (!o.inPlace) {
    const inputsSet = new Set(sources);
    const clash = targets.find((t) => inputsSet.has(t));
    if (clash) throw new UsageError(`--out would overwrite the input ${clash}`, 'Give another folder, or --in-place to overwrite the inputs on purpose');
  }

  const summary: FixSummary = {
    files: first.files.length,
    filesChanged: 0,
    blocksChanged: 0,
    fixes: 0,
    byCheck: {},
    passes: 0,
    skipped: [],
    notes: [],
    written: [],
    before: { findings: findings(first), fixable: countFixable(first), byCheck: { ...first.summary.byCheck } },
    after: { findings: 0, fixable: 0, byCheck: {}, newFindings: {}, newFindingList: [] },
  };
  const changedFiles = new Set<number>();
  const changedBlocks = new Set<string>();
  let current = first;
  let reads = sources;
  for (let pass = 1; pass <= passes; pass++) {
    const fixes = fixesByBlock(current);
    if (pass > 1 && fixes.size === 0) break;
    let changed = 0;
    for (const [i, file] of current.files.entries()) {
      const bytes = new Uint8Array(await readFile(reads[i] as string));
      const result = fixFile(file, bytes, fixes);
      // The first pass writes every file, so the copies are the whole corpus (pairing needs the originals too).
      if (result.changed || (pass === 1 && !o.inPlace)) await writeCopy(targets[i] as string, result.bytes);
      if (result.changed) {
        changed++;
        changedFiles.add(i);
      }
      for (const [check, n] of Object.entries(result.byCheck)) {
        summary.byCheck[check] = (summary.byCheck[check] ?? 0) + n;
        summary.fixes += n;
      }
      for (const b of file.blocks) if (fixes.get(b.id)?.length && !result.skipped.some((s) => s.block === b.id)) changedBlocks.add(`${i}:${b.id.split(':')[1]}`);
      for (const note of result.notes) if (!summary.notes.includes(`${sources[i]}: ${note}`)) summary.notes.push(`${sources[i]}: ${note}`);
      // Blocks skipped in a later pass were skipped in the first one too: list each once.
      if (pass === 1) for (const s of result.skipped) summary.skipped.push({ file: file.file, ...s });
    }
    summary.passes = pass;
    reads = targets;
    current = await audit({ ...base, inputs: targets });
    if (changed === 0 || countFixable(current) === 0) break;
  }
  summary.filesChanged = changedFiles.size;
  summary.blocksChanged = changedBlocks.size;
  summary.written = o.inPlace ? targets.filter((_, i) => changedFiles.has(i)) : targets;
  const added = newFindings(first, current);
  summary.after = {
    findings: findings(current),
    fixable: countFixable(current),
    byCheck: { ...current.summary.byCheck },
    newFindings: added.counts,
    newFindingList: added.list,
  };

  if (o.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  // File names may hold control characters: shown escaped on a terminal, as `audit` does.
  else if (!o.quiet) io.stdout.write(renderFixSummary(summary, o.inPlace ? undefined : resolve(cwd, o.out as string), current).split('\n').map(terminalSafe).join('\n'));
  if (failOn !== 'none') {
    for (const [sev, n] of Object.entries(current.summary.bySeverity)) if (n > 0 && SEVERITY_RANK[sev as Severity] >= SEVERITY_RANK[failOn]) return 1;
  }
  return 0;
}

function counts(byCheck: Record<string, number>): string {
  const list = Object.entries(byCheck).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return list.map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
}

/** The text summary of `transcheck fix`. */
export function renderFixSummary(s: FixSummary, outDir: string | undefined, reaudit: RunResult): string {
  const lines = [
    `transcheck fix: ${s.files} file(s), ${s.filesChanged} changed: ${s.blocksChanged} blocks, ${s.fixes} fixes (${counts(s.byCheck)}) in ${s.passes} pass(es)`,
    outDir ? `corrected copies: ${outDir}` : `corrected in place: ${s.written.length} file(s)`,
  ];
  for (const k of s.skipped.slice(0, 20)) lines.push(`skipped: ${k.file} lines ${k.lines[0]}–${k.lines[1]} (${k.fixes} fixes): ${k.reason}`);
  if (s.skipped.length > 20) lines.push(`skipped: … and ${s.skipped.length - 20} more blocks`);
  for (const n of s.notes) lines.push(`note: ${n}`);
  lines.push('re-audit of the corrected files:');
  lines.push(renderSummary(reaudit).trimEnd());
  lines.push(
    `re-audit: ${s.after.findings} findings (were ${s.before.findings}); ${s.after.fixable} with a safe fix left (were ${s.before.fixable}); ${Object.values(s.after.newFindings).reduce((a, b) => a + b, 0)} not in the first audit${Object.keys(s.after.newFindings).length > 0 ? ` (${counts(s.after.newFindings)})` : ''}`,
  );
  for (const f of s.after.newFindingList) lines.push(`new: ${f.file} lines ${f.lines[0]}–${f.lines[1]}: ${f.message}`);
  return `${lines.join('\n')}\n`;
}

/** Adds `transcheck fix` to the program; `result.code` receives the exit code. */
export function registerFix(program: Command, io: MainIo, result: { code: number }): void {
  program
    .command('fix')
    .description('write corrected copies of the inputs with every safe fix applied, then re-audit them')
    .argument('[inputs...]', 'files, folders or globs')
    .option('-o, --out <dir>', 'folder for the corrected copies (the inputs keep their relative layout)')
    .option('--in-place', 'overwrite the inputs instead of writing copies')
    .option('--originals <paths...>', 'corpora of English originals to pair against (not rewritten)')
    .option('--glossary <files...>', 'extra glossary files (JSON or TSV)')
    .option('--config <file>', 'configuration file (default: found upward from the working directory)')
    .option('--marker <line...>', 'translation marker lines (replace the defaults)')
    .option('--passes <n>', 'most audit-and-fix passes (default 5): a fix that overlaps another waits for the next pass')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when the re-audit has a finding at or above this severity').choices(['none', 'info', 'minor', 'major', 'critical']))
    .option('--json', 'print the summary as JSON on stdout')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (inputs: string[], o: FixCliOptions) => {
      result.code = await runFix(inputs, o, io);
    });
}
