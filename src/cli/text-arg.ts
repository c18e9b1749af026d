// `transcheck check --en/--zh <file|text>`: a file's content, or the text itself. A value that looks like
// a path but names no file is an error (not audited as text: "bad, score 0" for a typo in a file name),
// and so is a binary file.
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { TEXT_EXTENSIONS } from '../pipeline/ingest/inputs.js';
import { decodeBytes } from '../pipeline/ingest/decode.js';

/** True when a value reads as a path: a separator, or a file extension with no space or Han in it. */
export function looksLikePath(value: string): boolean {
  const v = value.trim();
  if (v.includes('\n') || /\p{Script=Han}/u.test(v)) return false;
  if (/\s/.test(v) && !/[\\/]/.test(v)) return false;
  if (/^(?:\.{1,2}[\\/]|[\\/]|~[\\/]|[A-Za-z]:[\\/])/.test(v)) return true;
  if (/^[^\s]*[\\/][^\s]*$/.test(v) && !/^https?:/i.test(v)) return true;
  const ext = extname(v).toLowerCase();
  return ext.length > 1 && !/\s/.test(v) && ((TEXT_EXTENSIONS as readonly string[]).includes(ext) || /^\.[a-z][a-z0-9]{0,4}$/.test(ext) && !/\d\.\d/.test(v));
}

/** Reads the option's value: an existing file's text (decoded as ingest does), else the value as text. */
export async function readTextArg(option: string, value: string, cwd: string): Promise<string> {
  const path = resolve(cwd, value);
  const info = value.length < 4096 ? await stat(path).catch(() => null) : null;
  if (info?.isDirectory()) throw new UsageError(`${option} ${value}: is a folder, not a file`, `Give ${option} a file or the text itself`);
  if (info?.isFile()) {
    const bytes = await readFile(path).catch((error: Error) => {
      throw new UsageError(`${option} ${value}: cannot be read (${error.message})`);
    });
    try {
      return decodeBytes(value, bytes).text;
    } catch (error) {
      throw new UsageError(`${option} ${value}: ${(error as Error).message.replace(`${value}: `, '')}`, `Give ${option} a text file or the text itself`);
    }
  }
  if (looksLikePath(value)) {
    throw new UsageError(`${option} ${value}: file not found`, `To check the text itself, quote it; to check a file, fix the path`);
  }
  return value;
}
