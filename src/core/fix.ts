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
 * boundary), and the text is rebuilt from the end backwards so earlier offsets stay valid.
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
  let out = text;
  for (let i = applied.length - 1; i >= 0; i--) {
    const f = applied[i] as T;
    out = out.slice(0, f.range[0]) + f.text + out.slice(f.range[1]);
  }
  return { text: out, applied, skipped };
}
