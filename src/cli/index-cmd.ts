// The `index` command: `transcheck index build <originals…> --out <dir>` writes the persistent index of
// originals that `audit --index <dir>` pairs against (format in src/pipeline/index-store.ts).
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { toolVersion } from '../config/package-root.js';
import { UsageError } from '../core/errors.js';
import { buildIndexData, type IndexBuildResult } from '../pipeline/index-store-build.js';
import {
  encodeBlock,
  encodeIndexFiles,
  encodeOffsets,
  encodeTextTable,
  INDEX_FORMAT_VERSION,
  MANIFEST,
  normalizationHash,
  type IndexManifest,
} from '../pipeline/index-store.js';
import { terminalSafe } from '../report/summary.js';
import type { MainIo } from './main.js';

interface IndexBuildCliOptions {
  out: string;
  marker?: string[];
  quiet?: boolean;
}

/** Registers `transcheck index build`. */
export function registerIndex(program: Command, io: MainIo, result: { code: number }): void {
  const index = program.command('index').description('a persistent index of English originals, built once, for `audit --index`');
  index
    .command('build')
    .description('read originals (any layout the audit reads, the arXiv metadata snapshot included) and write their index to a folder')
    .argument('<originals...>', 'files, folders or globs of English originals')
    .requiredOption('-o, --out <dir>', 'index folder (created; an older index there is replaced)')
    .option('--marker <line...>', 'translation marker lines (replace the defaults)')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (inputs: string[], o: IndexBuildCliOptions) => {
      result.code = await runIndexBuild(inputs, o, io);
    });
}

async function runIndexBuild(inputs: string[], o: IndexBuildCliOptions, io: MainIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const out = resolve(cwd, o.out);
  prepareIndexDir(out);
  const started = process.cpuUsage();
  const t0 = Date.now();
  const textsPath = join(out, 'texts.bin');
  const fd = openSync(textsPath, 'w');
  const textOffsets: number[] = [0];
  let built;
  try {
    built = await buildIndexData(inputs, {
      cwd,
      exclude: [out],
      ...(o.marker && o.marker.length > 0 ? { markers: o.marker } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      onOriginal: (block) => {
        const bytes = encodeBlock(block);
        writeSync(fd, bytes);
        textOffsets.push((textOffsets[textOffsets.length - 1] as number) + bytes.length);
      },
      onProgress: (file, originals) => {
        if (!o.quiet && io.stderr.isTTY) io.stderr.write(`\r\x1b[Kindex: ${terminalSafe(file)} read, ${originals} originals`);
      },
    });
  } finally {
    closeSync(fd);
  }
  if (!o.quiet && io.stderr.isTTY) io.stderr.write('\n');
  for (const e of built.errors) io.stderr.write(`error: ${terminalSafe(e.message)}\n`);
  if (io.signal?.aborted) {
    io.stderr.write('transcheck: interrupted; no index written\n');
    return 130;
  }
  if (built.data.size === 0) {
    io.stderr.write(`transcheck: no originals read: no index written to ${terminalSafe(out)}\n`);
    return 2;
  }
  const sizes = writeIndexFolder(out, built, textOffsets);
  const bytes = Object.values(sizes).reduce((s, b) => s + b, 0);
  if (!o.quiet) {
    const cpu = process.cpuUsage(started);
    io.stdout.write(
      `index: ${built.data.size} originals from ${built.sources.length} file(s) in ${terminalSafe(out)}: ${(bytes / 1024 / 1024).toFixed(1)} MB (${Math.round(bytes / built.data.size)} bytes an original), ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU s, ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
    );
  }
  return built.errors.length > 0 ? 2 : 0;
}

/** The index folder: created, or an older index there (its manifest removed first), never another folder's files. */
function prepareIndexDir(out: string): void {
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new UsageError(`${out}: exists and is not a folder`, 'give --out a new folder or an index folder');
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(MANIFEST)) {
      throw new UsageError(`${out}: folder is not empty and holds no transcheck index`, 'give --out a new folder or an index folder (its files are replaced)');
    }
    if (entries.includes(MANIFEST)) {
      // A stale index (older format or normalization) is replaced: that is what a rebuild is for; a
      // manifest of something else is not ours to overwrite.
      let format: unknown;
      try {
        format = (JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as { format?: unknown }).format;
      } catch {
        format = undefined;
      }
      if (format !== 'transcheck-index') throw new UsageError(`${out}: holds a ${MANIFEST} that is not a transcheck index's`, 'give --out a new folder or an index folder');
      unlinkSync(join(out, MANIFEST));
    }
  } else mkdirSync(out, { recursive: true });
}

/**
 * Writes an index's files into `out` (where `texts.bin` was written during the build, with these
 * offsets), the manifest last; returns each file's size.
 */
export function writeIndexFolder(out: string, built: IndexBuildResult, textOffsets: readonly number[]): Record<string, number> {
  const files = encodeIndexFiles(built.data);
  files.set('texts.off', encodeOffsets(textOffsets));
  files.set('texts.hash', encodeTextTable(built.hashes));
  for (const [name, bytes] of files) writeFileSync(join(out, name), bytes);
  const sizes: Record<string, number> = {};
  for (const name of [...files.keys(), 'texts.bin']) sizes[name] = statSync(join(out, name)).size;
  const manifest: IndexManifest = {
    format: 'transcheck-index',
    version: INDEX_FORMAT_VERSION,
    normalization: normalizationHash(),
    tool: toolVersion(),
    built: new Date().toISOString(),
    originals: built.data.size,
    maxDf: built.data.maxDf,
    postDf: built.data.postDf,
    stems: built.data.stems.size,
    anchors: built.data.anchors.size,
    sources: built.sources,
    files: sizes,
  };
  // The manifest is written last: a folder without one is an unfinished build and is refused.
  writeFileSync(join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return sizes;
}
