// Ingest: expands command-line inputs (files, folders, globs, `-` for stdin) into a sorted list of files.
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { InputError } from '../../core/types.js';

/** Extensions read when walking a folder. */
export const TEXT_EXTENSIONS = ['.txt', '.md', '.jsonl', '.json', '.csv', '.tsv'] as const;

const MAGIC = /[*?[{]/;

function isTextFile(name: string): boolean {
  const lower = name.toLowerCase();
  return TEXT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** What a folder walk skips and reports. */
interface WalkContext {
  /** Absolute folders never read (the report folder). */
  exclude: ReadonlySet<string>;
  /** Real paths of the folders on the current walk path: a symlink back to one of them is a loop. */
  ancestors: Set<string>;
  errors: InputError[];
}

/**
 * Every file under `dir`, recursively, skipping hidden entries, node_modules and excluded folders; paths
 * joined onto `dir`. Symlinked files and folders are followed; a link back into its own ancestry is a loop,
 * reported as one and not followed. A broken link is reported.
 */
async function walk(dir: string, context: WalkContext): Promise<string[]> {
  const out: string[] = [];
  const real = await realpath(dir);
  if (context.ancestors.has(real)) {
    context.errors.push({ file: dir, message: `${dir}: symbolic link loop (leads back to ${real}); not followed` });
    return out;
  }
  context.ancestors.add(real);
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (context.exclude.has(resolve(path))) continue;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(path).catch((error: NodeJS.ErrnoException) => {
          context.errors.push({
            file: path,
            message: `${path}: ${error.code === 'ELOOP' ? 'symbolic link loop' : 'broken symbolic link (its target does not exist)'}`,
          });
          return null;
        });
        isDirectory = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
        if (isDirectory && context.exclude.has(await realpath(path))) continue;
      }
      if (isDirectory) out.push(...(await walk(path, context)));
      else if (isFile) out.push(path);
    }
  } finally {
    context.ancestors.delete(real);
  }
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A glob pattern as a regular expression over `/`-separated paths: `**` any folders, `*` and `?` within one
 * name, `[…]` a class, `{a,b}` alternatives.
 */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        const slash = pattern[i + 2] === '/';
        out += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        const body = pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = close;
      }
    } else if (ch === '{') {
      const close = pattern.indexOf('}', i + 1);
      if (close < 0) out += '\\{';
      else {
        const options = pattern.slice(i + 1, close).split(',').map((o) => globToRegExp(o).source.slice(1, -1));
        out += `(?:${options.join('|')})`;
        i = close;
      }
    } else out += ch.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** Files matching a glob, sorted; the walk starts at the pattern's longest literal folder prefix. */
async function glob(pattern: string, cwd: string, context: WalkContext): Promise<string[]> {
  const posix = pattern.split(sep).join('/');
  const parts = posix.split('/');
  const literal: string[] = [];
  for (const part of parts) {
    if (MAGIC.test(part)) break;
    literal.push(part);
  }
  const base = literal.length === 0 ? '.' : literal.join('/') || '/';
  let files: string[];
  try {
    // Walk from the working directory given, but match and name files as the pattern wrote them.
    files = (await walk(resolve(cwd, base), context)).map((f) => (isAbsolute(pattern) ? f : relative(cwd, f) || '.'));
  } catch {
    return [];
  }
  const matcher = globToRegExp(posix.startsWith('./') ? posix.slice(2) : posix);
  return files
    .filter((f) => {
      const p = f.split(sep).join('/');
      return matcher.test(p.startsWith('./') ? p.slice(2) : p);
    })
    .sort(compare);
}

/**
 * Expands CLI inputs: a file as given, a folder into its text-like files (recursively, sorted), a glob
 * into its matches (sorted), `-` kept for stdin. Missing paths and globs matching nothing become errors
 * naming them; the rest go on. A file listed twice is read once.
 */
export async function expandInputs(
  inputs: readonly string[],
  cwd: string = process.cwd(),
  /** Folders never read, e.g. the report folder (`audit .` must not audit its own reports). */
  exclude: readonly string[] = [],
): Promise<{ files: string[]; errors: InputError[] }> {
  const files: string[] = [];
  const errors: InputError[] = [];
  const excluded = new Set<string>();
  for (const e of exclude) {
    excluded.add(resolve(cwd, e));
    excluded.add(await realpath(resolve(cwd, e)).catch(() => resolve(cwd, e)));
  }
  const context: WalkContext = { exclude: excluded, ancestors: new Set(), errors };
  const seen = new Set<string>();
  const add = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    files.push(file);
  };
  for (const input of inputs) {
    if (input === '-') {
      add('-');
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>> | undefined;
    try {
      info = await stat(resolve(cwd, input));
    } catch {
      info = undefined;
    }
    if (info?.isFile()) add(input);
    else if (info?.isDirectory()) {
      // Files keep the form of the input (relative stays relative to cwd) so reports name them as the user did.
      const found = (await walk(resolve(cwd, input), context))
        .map((f) => (isAbsolute(input) ? f : relative(cwd, f)))
        .filter(isTextFile)
        .sort(compare);
      if (found.length === 0) {
        errors.push({ file: input, message: `no text files (${TEXT_EXTENSIONS.join(' ')}) in folder` });
      }
      found.forEach(add);
    } else if (info) {
      errors.push({ file: input, message: 'not a regular file or folder' });
    } else if (MAGIC.test(input)) {
      const found = await glob(input, cwd, context);
      if (found.length === 0) errors.push({ file: input, message: 'no file matches this pattern' });
      found.forEach(add);
    } else {
      errors.push({ file: input, message: 'file or folder not found' });
    }
  }
  return { files, errors };
}
