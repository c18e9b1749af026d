// Where an offset of a block's normalized text lies in its input file (line, column), for reports.
import type { IdentifiedBlock, Layout } from '../core/types.js';

/** A position in an input file; `column` only when the text is the file's own characters. */
export interface FilePosition {
  /** 1-based line in the file. */
  line: number;
  /** 1-based column in UTF-16 code units, when known. */
  column?: number;
  /** 1-based character position in the block's normalized text (always known). */
  character: number;
}

const RECORD_LAYOUTS: ReadonlySet<Layout> = new Set(['jsonl', 'csv', 'tsv']);

/**
 * Offset into `raw` of an offset into `text` = raw.normalize('NFC').trim() (how ingest builds `text`).
 * NFC can merge characters, so when it changes the text the mapping walks prefixes (rare, small blocks).
 */
export function rawOffset(raw: string, offset: number): number {
  const nfc = raw.normalize('NFC');
  const leading = nfc.length - nfc.trimStart().length;
  if (nfc === raw) return Math.min(raw.length, leading + offset);
  const target = leading + offset;
  for (let r = 0; r <= raw.length; r++) if (raw.slice(0, r).normalize('NFC').length >= target) return r;
  return raw.length;
}

/**
 * The file position of `offset` in `block.text`. In page layouts a block's `raw` is whole lines of the
 * file ending at `block.lines[1]` (a title line may precede it), so line and column are exact. In
 * records (JSONL, CSV, TSV) the text was decoded from a field (escapes, quotes), so only the record's
 * line is exact: the column is left out rather than guessed.
 */
export function filePosition(block: IdentifiedBlock, layout: Layout, offset: number): FilePosition {
  const character = offset + 1;
  if (RECORD_LAYOUTS.has(layout)) return { line: block.lines[0], character };
  const at = rawOffset(block.raw, offset);
  const rawLines = block.raw.split('\n');
  const span = block.lines[1] - block.lines[0] + 1;
  if (rawLines.length > span) return { line: block.lines[0], character };
  const before = block.raw.slice(0, at);
  const lineInRaw = before.split('\n').length - 1;
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: block.lines[1] - rawLines.length + 1 + lineInRaw, column: at - lineStart + 1, character };
}

/** `file:line:column`, or `file:line (character n)` when the column is unknown. */
export function formatPosition(file: string, p: FilePosition): string {
  return p.column !== undefined ? `${file}:${p.line}:${p.column}` : `${file}:${p.line} (character ${p.character})`;
}
