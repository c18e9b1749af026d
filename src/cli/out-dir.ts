// The report folder, checked before the audit: an existing file, a read-only or unwritable folder, or a
// pseudo file system (/proc, /sys, /dev) is a usage error (exit 2) instead of hours of lost work, or of
// the endless loop that recursive mkdir falls into under /proc.
import { constants } from 'node:fs';
import { access, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { UsageError } from '../core/errors.js';

const PSEUDO_FILE_SYSTEMS = ['/proc', '/sys', '/dev'];

/** A short reason for a file-system error: `no space left on device (ENOSPC)`. */
export function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'is a folder',
    EEXIST: 'already exists',
  };
  if (e?.code && reasons[e.code]) return `${reasons[e.code]} (${e.code})`;
  return e?.message ?? String(error);
}

/** Creates (if needed) and probes the report folder; throws UsageError naming it and the problem. */
export async function prepareOutDir(outDir: string): Promise<void> {
  const dir = resolve(outDir);
  const fail = (problem: string): never => {
    throw new UsageError(`Cannot write reports to ${dir}: ${problem}`, 'Choose another report folder with --out <dir>');
  };
  if (PSEUDO_FILE_SYSTEMS.some((p) => dir === p || dir.startsWith(`${p}${sep}`))) fail('a system pseudo file system, not a folder for files');
  // The nearest part of the path that exists must be a folder we can write in.
  let existing = dir;
  for (;;) {
    const info = await stat(existing).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : fail(describeFsError(error))));
    if (info) {
      if (!info.isDirectory()) fail(existing === dir ? 'it is an existing file, not a folder' : `${existing} is a file, not a folder`);
      break;
    }
    const parent = dirname(existing);
    if (parent === existing) fail('no existing folder above it');
    existing = parent;
  }
  await access(existing, constants.W_OK).catch((error) => fail(describeFsError(error)));
  await mkdir(dir, { recursive: true }).catch((error) => fail(describeFsError(error)));
  // access() says yes to root on a read-only mount: a real write settles it.
  const probe = resolve(dir, `.transcheck-write-test-${process.pid}`);
  await writeFile(probe, '').catch((error) => fail(describeFsError(error)));
  await rm(probe, { force: true });
}
