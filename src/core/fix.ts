// Fixes: building one fix from several edits (checks) and applying non-overlapping fixes to a text (`transcheck fix`).
import type { Fix, TextRange } from './types.js';

/** One replacement on a text: [start, end) 0-based UTF-16 offsets and the new text. */
export interface Edit {
  range: TextRange;
  text: string;
}

/**
 * Merges edits of one finding into a single fix that spans them all (ESLint's `mergeFixes`): a finding
 * reported once per document (seven half-width commas) still carries one fix. Edits that change nothing
 * are dropped; overlapping edits are a bug of the caller and throw. Returns undefined when nothing changes.
 */
export function mergeEdits(text: string, side: Fix['side'], edits: readonly Edit[]): Fix | undefined {
  const real = edits.filter((e) => text.slice(e.range[0], e.range[1]) !== e.text).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const first = real[0];
  if (!first) return undefined;
  let out = '';
  let at = first.range[0];
  for (const e of real) {
    if (e.range[0] < at) throw new Error(`overlapping edits at ${e.range[0]}`);
    out += text.slice(at, e.range[0]) + e.text;
    at = e.range[1];
  }
  return { side, range: [first.range[0], at], text: out };
}

/** What applying fixes to one text did. */
export interface Applied<T extends Edit> {
  text: string;
  /** Fixes applied, in text order. */
  applied: T[];
  /** Fixes left out because they overlap or touch one applied before them (a later pass may apply them). */
  skipped: T[];
}

/**
 * Applies non-overlapping fixes to a text: fixes are taken in order of their start, one that overlaps or
 * touches the last taken is left for a later pass (ESLint's rule, so two edits never fight over a
 * boundary). Every range refers to the text as given, so the result is what applying them from the end
 * backwards gives, built in one pass.
 */
export function applyEdits<T extends Edit>(text: string, fixes: readonly T[]): Applied<T> {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: T[] = [];
  const skipped: T[] = [];
  let lastEnd = -1;
  for (const f of sorted) {
    const [start, end] = f.range;
    if (start < 0 || end < start || end > text.length || start <= lastEnd) {
      skipped.push(f);
      continue;
    }
    applied.push(f);
    lastEnd = end;
  }
  // One pass over the kept text (not a copy of the whole text per fix: a corpus file holds thousands).
  const pieces: string[] = [];
  let at = 0;
  for (const f of applied) {
    pieces.push(text.slice(at, f.range[0]), f.text);
    at = f.range[1];
  }
  pieces.push(text.slice(at));
  return { text: pieces.join(''), applied, skipped };
}
