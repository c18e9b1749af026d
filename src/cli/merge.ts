// The `merge` command: `transcheck merge <report dirs…> --out <dir>` combines the report folders of
// `audit --shard k/n` runs (their JSON reports) into one run's reports: per-file reports, the index,
// the HTML page, SARIF, CSV and flagged exports, rendered by the same pure reporters as the audit.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULTS } from '../config/schema.js';
import { ConfigError, UsageError } from '../core/errors.js';
import { MergeError, mergeShards, type ShardFolder } from '../pipeline/merge-reports.js';
import type { ReporterName } from '../report/reporters.js';
import { renderSummary, terminalSafe } from '../report/summary.js';
import { parseFormats, writeRunReports, type MainIo } from './main.js';
import { prepareOutDir } from './out-dir.js';

interface MergeCliOptions {
  out: string;
  format?: string;
  quiet?: boolean;
  glossary?: string[];
}

/** Registers `transcheck merge`. */
export function registerMerge(program: Command, io: MainIo, result: { code: number }): void {
  program
    .command('merge')
    .description('combine the report folders of `audit --shard k/n` runs into one run\'s reports')
    .argument('<dirs...>', 'report folders of the shards (each written with json among its formats)')
    .requiredOption('-o, --out <dir>', 'report folder of the merged run')
    .option('--format <list>', 'report formats, comma-separated: md,json,html (default all three); sarif, csv, flagged (exports)')
    .option('--glossary <files...>', 'the extra glossary files the shards were run with, for term consistency across the corpus')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (dirs: string[], o: MergeCliOptions) => {
      result.code = await runMerge(dirs, o, io);
    });
}

/** A shard folder's JSON reports, parsed; a folder that cannot be read is a MergeError naming it. */
function readShardFolder(dir: string, shown: string): ShardFolder {
  if (!existsSync(dir)) throw new MergeError(`${shown}: report folder not found`);
  if (!statSync(dir).isDirectory()) throw new MergeError(`${shown}: not a folder (give the --out folder of a shard's audit)`);
  const reports: ShardFolder['reports'] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    try {
      reports.push({ name, json: JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown });
    } catch (error) {
      throw new MergeError(`${shown}: ${name} is not valid JSON (${(error as Error).message})`, 'a shard that was stopped while writing must be run again');
    }
  }
  return { dir: shown, reports };
}

async function runMerge(dirs: string[], o: MergeCliOptions, io: MainIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const formats = parseFormats(o.format, DEFAULTS.format as ReporterName[]);
  const outDir = resolve(cwd, o.out);
  const folders = dirs.map((d) => readShardFolder(resolve(cwd, d), d));
  if (folders.some((f) => resolve(cwd, f.dir) === outDir)) throw new UsageError(`${o.out}: the merged reports cannot be written into one of the shard folders`, 'give --out a new folder');
  const glossary = (o.glossary ?? []).map((g) => resolve(cwd, g));
  for (const g of glossary) if (!existsSync(g)) throw new ConfigError(`Glossary file not found: ${g}`, 'Check the --glossary path');
  const run = mergeShards(folders, { glossary });
  await prepareOutDir(outDir);
  // The audit's own writer: atomic files, streamed JSON, a file that cannot be written named and the rest still written.
  const { writeErrors } = await writeRunReports(run, outDir, formats, {});
  if (!o.quiet) io.stdout.write(renderSummary(run, outDir, formats.includes('html')));
  for (const e of [...run.errors.map((e) => e.message), ...writeErrors]) io.stderr.write(`error: ${terminalSafe(e)}\n`);
  return run.errors.length > 0 || writeErrors.length > 0 ? 2 : 0;
}
