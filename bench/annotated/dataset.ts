// The annotated development set: reading dev.jsonl by line, hashing texts to detect drift, and the
// annotation records shared by the selection, build and accuracy scripts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MqmCategory, Severity, TextRange } from '../../src/core/types.js';

export const ANNOTATED_DIR = dirname(fileURLToPath(import.meta.url));
export const SELECTION_FILE = join(ANNOTATED_DIR, 'selection.json');
export const ANNOTATIONS_FILE = join(ANNOTATED_DIR, 'dev-annotations.jsonl');

/** A record of arxiv-gt-zh/dev.jsonl (fields used here). */
export interface DevRecord {
  id: string;
  title?: string;
  en: string;
  zh: string;
}

/** One annotated error: spans are [start, end) 0-based UTF-16 offsets into the record's zh / en. */
export interface AnnotatedError {
  zh: TextRange | null;
  zhText: string;
  en: TextRange | null;
  enText: string;
  category: MqmCategory;
  severity: Exclude<Severity, 'info'>;
  note: string;
}

/** One line of dev-annotations.jsonl. */
export interface AnnotatedPair {
  /** 1-based line number in dev.jsonl. */
  line: number;
  id: string;
  /** First 16 hex digits of SHA-256 of the record's `en` and `zh`: a changed corpus is detected. */
  enHash: string;
  zhHash: string;
  needsRevision: boolean;
  /** Set when `needsRevision` departs from the guide's rule, with the reason. */
  override?: string;
  errors: AnnotatedError[];
}

export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** dev.jsonl as lines (1-based access via index + 1); the file is 15 MB, read once. */
export function readDevLines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n');
}

/** The record on 1-based `line`, or an error naming the file and line. */
export function devRecord(lines: readonly string[], line: number, path: string): DevRecord {
  const text = lines[line - 1];
  if (text === undefined || text.trim() === '') throw new Error(`${path}: line ${line} is missing or empty`);
  try {
    return JSON.parse(text) as DevRecord;
  } catch (e) {
    throw new Error(`${path}: line ${line} is not JSON (${(e as Error).message})`);
  }
}
