// Ingest: what every format reader returns (blocks before ids are assigned) and small line measures they share.
import { countEnglishWords, countHan } from '../../core/text.js';
import type { ClaimedRole, DroppedText, Layout, LineRange } from '../../core/types.js';

/** A block as a reader found it; ingest assigns the id, file and normalized text. */
export interface BlockDraft {
  /** 1-based inclusive line range. */
  lines: LineRange;
  raw: string;
  claimed: ClaimedRole;
  title?: string;
  recordId?: string;
  /** Index (in the reader's draft list) of the block the input attaches this one to. */
  attachedTo?: number;
}

/** What a format reader found in one file. */
export interface ReadResult {
  layout: Layout;
  blocks: BlockDraft[];
  dropped: DroppedText[];
  notes: string[];
}

/** Size of a line in English-word units: Latin words plus Han characters / 2 (a Chinese word is ~2 characters). */
export function wordUnits(text: string): number {
  return countEnglishWords(text) + countHan(text) / 2;
}

/** True when Han characters are at most half of the letters: the page shows it as an English text. */
export function mostlyLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters > 0 && countHan(text) <= letters / 2;
}

/**
 * Collects per-line problems as notes, in line order: the first `limit` in full, then one line counting
 * the rest, so a badly broken corpus does not flood the report.
 */
export class NoteList {
  private readonly entries: Array<{ line: number; note: string }> = [];
  constructor(private readonly limit = 20) {}
  /** Adds a note about 1-based `line` (0 for the whole file). */
  add(line: number, note: string): void {
    this.entries.push({ line, note });
  }
  /** The notes sorted by line, with a closing count of those left out (`… and N more <what>`). */
  done(what: string): string[] {
    const sorted = [...this.entries].sort((a, b) => a.line - b.line).map((e) => e.note);
    if (sorted.length <= this.limit) return sorted;
    return [...sorted.slice(0, this.limit), `… and ${sorted.length - this.limit} more ${what}`];
  }
}
