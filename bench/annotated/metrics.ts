// Pure metrics of the accuracy benchmark: verdict precision/recall, span precision/recall/F1 with
// partial-overlap credit, and the major-span figures of issue 8. No I/O; tested in
// tests/bench/accuracy-metrics.test.ts.

/** A [start, end) range of UTF-16 offsets. */
export type Span = readonly [number, number];

/** Spans of one pair: annotated (gold) and the tool's (predicted), both on the same text. */
export interface PairSpans {
  gold: readonly Span[];
  predicted: readonly Span[];
}

/** Precision, recall and F1 (0–1; NaN where the denominator is empty). */
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  /** Spans (or pairs) counted on each side. */
  predicted: number;
  gold: number;
}

function f1(p: number, r: number): number {
  if (Number.isNaN(p) || Number.isNaN(r)) return Number.NaN;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Verdict-level precision and recall of a binary flag against a binary label. */
export function binaryPrf(items: ReadonlyArray<{ flagged: boolean; label: boolean }>): Prf & { tp: number } {
  const tp = items.filter((i) => i.flagged && i.label).length;
  const predicted = items.filter((i) => i.flagged).length;
  const gold = items.filter((i) => i.label).length;
  const precision = predicted === 0 ? Number.NaN : tp / predicted;
  const recall = gold === 0 ? Number.NaN : tp / gold;
  return { precision, recall, f1: f1(precision, recall), predicted, gold, tp };
}

/** Sorted, merged union of spans (empty spans dropped). */
export function union(spans: readonly Span[]): Span[] {
  const sorted = spans.filter(([s, e]) => e > s).map(([s, e]) => [s, e] as [number, number]).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Length of `span` covered by the (merged) `cover`. */
export function covered(span: Span, cover: readonly Span[]): number {
  let n = 0;
  for (const [s, e] of cover) n += Math.max(0, Math.min(span[1], e) - Math.max(span[0], s));
  return n;
}

/** True when two spans share at least one code unit. */
export function overlaps(a: Span, b: Span): boolean {
  return Math.min(a[1], b[1]) > Math.max(a[0], b[0]);
}

/**
 * Span-level precision, recall and F1 with partial-overlap credit, micro-averaged over all spans of
 * all pairs ("match with partial overlap and partial credit", mpp, of Perrella, Morales Agostinho
 * and Zaragoza 2026, "Span-Level Machine Translation Meta-Evaluation", arXiv 2603.19921): each
 * predicted span earns the share of its length that lies on some gold span of its pair, each gold
 * span the share of its length that some predicted span covers; precision and recall are the mean
 * credits over all predicted and all gold spans. Severity-agnostic: the major-only figures are
 * {@link hitRate} over major spans. Overlap is measured against the union of the other side's spans,
 * so two findings on one error do not earn it twice.
 */
export function spanPrf(pairs: readonly PairSpans[]): Prf {
  let pCredit = 0;
  let pCount = 0;
  let rCredit = 0;
  let rCount = 0;
  for (const { gold, predicted } of pairs) {
    const goldCover = union(gold);
    const predCover = union(predicted);
    for (const p of predicted) {
      if (p[1] <= p[0]) continue;
      pCredit += covered(p, goldCover) / (p[1] - p[0]);
      pCount++;
    }
    for (const g of gold) {
      if (g[1] <= g[0]) continue;
      rCredit += covered(g, predCover) / (g[1] - g[0]);
      rCount++;
    }
  }
  const precision = pCount === 0 ? Number.NaN : pCredit / pCount;
  const recall = rCount === 0 ? Number.NaN : rCredit / rCount;
  return { precision, recall, f1: f1(precision, recall), predicted: pCount, gold: rCount };
}

/** Share (0–1) of `spans` that overlap any span of `others` in the same pair, with the counts. */
export function hitRate(pairs: ReadonlyArray<{ spans: readonly Span[]; others: readonly Span[] }>): { rate: number; hit: number; total: number } {
  let hit = 0;
  let total = 0;
  for (const { spans, others } of pairs) {
    for (const s of spans) {
      total++;
      if (others.some((o) => overlaps(s, o))) hit++;
    }
  }
  return { rate: total === 0 ? Number.NaN : hit / total, hit, total };
}
