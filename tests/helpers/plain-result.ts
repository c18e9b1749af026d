// A result's fields read by name, as reporters read them, into a plain object: what a spilled or packed
// result (src/pipeline/spill.ts, packed-result.ts) gives every reader, to compare with the result as checked.
import type { PairResult } from '../../src/core/types.js';

/** A result, its pair's evidence included, with every field read by name into plain objects. */
export function plainResult(r: PairResult): PairResult {
  const e = r.pair.evidence;
  const evidence = {
    anchors: e.anchors,
    terms: e.terms,
    score: e.score,
    margin: e.margin,
    candidates: e.candidates,
    best: e.best,
    ...(e.rejected ? { rejected: e.rejected } : {}),
    ...(e.versions ? { versions: e.versions } : {}),
    ...(e.confirmedBy ? { confirmedBy: e.confirmedBy } : {}),
  };
  return {
    pair: { ...r.pair, evidence },
    sourceSentences: r.sourceSentences,
    targetSentences: r.targetSentences,
    beads: r.beads,
    findings: r.findings,
    penalty: r.penalty,
    score: r.score,
    verdict: r.verdict,
    ...(r.verdictReason !== undefined ? { verdictReason: r.verdictReason } : {}),
    targetOnly: r.targetOnly,
  };
}
