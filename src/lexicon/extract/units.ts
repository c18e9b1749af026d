// Comparison units for anchor checks: aligned beads as source and target ranges, or whole texts without beads.
import type { CheckInput } from '../../core/check.js';
import type { TextRange } from '../../core/types.js';

/** One bead as offsets: what a source span should find in its target span. */
export interface AnchorUnit {
  /** [start, end) 0-based UTF-16 offsets into the source text; null for a 0-1 bead. */
  source: TextRange | null;
  /** [start, end) 0-based UTF-16 offsets into the target text; null for a 1-0 bead. */
  target: TextRange | null;
  /** 0-based index of the bead's first target sentence, when it has one. */
  targetSentence?: number;
}

function span(sentences: CheckInput['sourceSentences'], indices: number[]): TextRange | null {
  const picked = indices.map((i) => sentences[i]).filter((s) => s !== undefined);
  if (picked.length === 0) return null;
  return [Math.min(...picked.map((s) => s.start)), Math.max(...picked.map((s) => s.end))];
}

/**
 * The units an anchor check compares: one per aligned bead, or a single unit covering both whole
 * texts when there are no beads (or the source is missing).
 */
export function anchorUnits(input: CheckInput): AnchorUnit[] {
  if (input.source === null || input.beads.length === 0) {
    return [{ source: input.source === null ? null : [0, input.source.length], target: [0, input.target.length] }];
  }
  return input.beads.map((bead) => {
    const unit: AnchorUnit = { source: span(input.sourceSentences, bead.en), target: span(input.targetSentences, bead.zh) };
    if (bead.zh.length > 0) unit.targetSentence = bead.zh[0] as number;
    return unit;
  });
}

/** Index of the unit whose range on `side` contains `offset`, or -1. */
export function unitAt(units: AnchorUnit[], side: 'source' | 'target', offset: number): number {
  return units.findIndex((u) => {
    const r = u[side];
    return r !== null && offset >= r[0] && offset < r[1];
  });
}
