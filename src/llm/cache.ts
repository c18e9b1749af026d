// Append-only JSONL cache of validated judge answers, one line per finished pair, so that a rerun
// (even after SIGKILL) pays for no pair twice. A torn last line is skipped, never fatal.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallTokens } from './usage.js';

/** What makes two judge answers interchangeable. */
export interface CacheKeyParts {
  model: string;
  baseUrl: string;
  /** `id@version` of the prompt. */
  prompt: string;
  /** Options that change the answer (temperature). */
  options: Record<string, unknown>;
  source: string;
  translation: string;
}

/** One cached answer. */
export interface CacheEntry {
  key: string;
  prompt: string;
  model: string;
  /** The validated answer (JSON), from which findings are rebuilt. */
  answer: unknown;
  tokens: CallTokens;
  /** ISO time written. */
  at: string;
}

/** Hash of the key parts (hex SHA-256). */
export function cacheKey(parts: CacheKeyParts): string {
  return createHash('sha256')
    .update(JSON.stringify([parts.model, parts.baseUrl, parts.prompt, parts.options, parts.source, parts.translation]))
    .digest('hex');
}

/** The judge's cache file in a cache folder. */
export function cacheFile(cacheDir: string): string {
  return join(cacheDir, 'judge.jsonl');
}

/** The JSONL cache. With `enabled` false it neither reads nor writes. */
export class JudgeCache {
  readonly entries = new Map<string, CacheEntry>();
  /** Lines that could not be parsed while loading (a torn last line after a kill). */
  skippedLines = 0;
  private readonly path: string;

  constructor(
    cacheDir: string,
    private readonly enabled: boolean,
  ) {
    this.path = cacheFile(cacheDir);
    if (!enabled || !existsSync(this.path)) return;
    const text = readFileSync(this.path, 'utf8');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const entry = JSON.parse(line) as CacheEntry;
        if (typeof entry.key === 'string') this.entries.set(entry.key, entry);
      } catch {
        this.skippedLines++;
      }
    }
    // A line torn by a kill has no newline: end it, so the next append starts a line of its own.
    if (text.length > 0 && !text.endsWith('\n')) appendFileSync(this.path, '\n');
  }

  get(key: string): CacheEntry | undefined {
    return this.enabled ? this.entries.get(key) : undefined;
  }

  /** Why the cache cannot be written (disk full, read-only), set by the first failed write. */
  writeError: string | undefined;

  /**
   * Appends one finished pair (a single write, flushed before the next pair is reported done). A failed
   * write (disk full) never loses the answer for this run: it stays in memory, and the failure is
   * recorded once in `writeError`; later writes are not tried.
   */
  put(entry: CacheEntry): void {
    if (!this.enabled) return;
    this.entries.set(entry.key, entry);
    if (this.writeError !== undefined) return;
    try {
      this.append(this.path, `${JSON.stringify(entry)}\n`);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      this.writeError = `cannot write ${this.path} (${e.code ?? e.message})`;
    }
  }

  /** Writes one line; replaceable in tests (a full disk). */
  append: (path: string, line: string) => void = (path, line) => {
    mkdirSync(join(path, '..'), { recursive: true });
    appendFileSync(path, line);
  };
}
