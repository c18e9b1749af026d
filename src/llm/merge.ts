// Merges judge findings into heuristic ones: the same span and category is one finding, origin `both`.
import type { Finding } from '../core/types.js';

function overlaps(a: Finding, b: Finding): boolean {
  if (!a.range || !b.range || a.side !== b.side) return false;
  return a.range[0] < b.range[1] && b.range[0] < a.range[1];
}

/**
 * Heuristic findings keep their configured severity; a judge finding with an overlapping range on
 * the same side and the same category is folded into the first such heuristic finding (origin
 * `both`, the judge's severity and explanation kept in data/note). Other judge findings are appended.
 */
export function mergeFindings(heuristic: readonly Finding[], judge: readonly Finding[]): Finding[] {
  const merged = heuristic.map((f) => ({ ...f, data: { ...f.data } }));
  for (const j of judge) {
    const twin = merged.find((h) => h.origin !== 'judge' && h.category === j.category && overlaps(h, j));
    if (!twin) {
      merged.push(j);
      continue;
    }
    twin.origin = 'both';
    twin.data.judgeSeverity = j.severity;
    if (j.actual !== undefined) twin.data.judgeSpan = j.actual;
    if (j.note) twin.note = twin.note ? `${twin.note} LLM judge: ${j.note}` : `LLM judge: ${j.note}`;
    if (twin.expected === undefined && j.expected !== undefined) twin.expected = j.expected;
  }
  return merged;
}
