// Pairing confirmation (optional, with --llm): ambiguous dictionary pairings are put to the LLM judge.
import type { Judge } from '../core/judge.js';
import type { IdentifiedBlock, LlmUsage, Pair } from '../core/types.js';
import type { AuditOptions } from './run.js';

/**
 * Lowest dictionary score (0-1) of the best candidate for which an unpaired translation is put to the
 * LLM: under it no true pair was seen on arxiv-gt-zh dev (bench/results/pairing.md).
 */
export const CONFIRM_FLOOR = 0.3;

/**
 * Settles ambiguous pairings with the judge's pairing confirmation: an unpaired translation whose best
 * candidate scores at least CONFIRM_FLOOR and is not paired to another translation is asked about, and
 * a `yes` pairs it (confidence = the dictionary score; `evidence.confirmedBy` names the prompt). When two
 * different translations are confirmed for one original, the higher-scoring one gets it.
 */
export async function confirmAmbiguous(
  pairs: Pair[],
  originals: readonly IdentifiedBlock[],
  judge: Judge,
  options: Pick<AuditOptions, 'onProgress' | 'signal'>,
): Promise<{ pairs: Pair[]; usage?: LlmUsage; promptVersion?: string; notes: string[] }> {
  if (!judge.confirmPairs) return { pairs, notes: [] };
  const originalById = new Map(originals.map((b) => [b.id, b]));
  const taken = new Set<string>();
  for (const p of pairs) if (p.status === 'paired' && p.original) taken.add(p.original.id);
  const asked = new Map<string, { pair: Pair; original: IdentifiedBlock; score: number }>();
  for (const pair of pairs) {
    const best = pair.evidence.best[0];
    if (pair.status !== 'unpaired' || !best || best.score < CONFIRM_FLOOR || taken.has(best.original.block)) continue;
    const original = originalById.get(best.original.block);
    if (original) asked.set(pair.id, { pair, original, score: best.score });
  }
  if (asked.size === 0) return { pairs, notes: [] };
  const outcome = await judge.confirmPairs(
    [...asked.values()].map(({ pair, original }) => ({ pairId: pair.id, english: original.text, chinese: pair.translation.text })),
    {
      onProgress: (done, total) => options.onProgress?.('confirm', done, total),
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
  const confirmed = [...asked.values()]
    .filter(({ pair }) => outcome.answers.get(pair.id) === 'yes')
    .sort((a, b) => b.score - a.score);
  const holder = new Map<string, string>();
  const paired = new Map<string, Pair>();
  for (const { pair, original, score } of confirmed) {
    const held = holder.get(original.id);
    // Identical translations (several files) may share an original; different ones may not.
    if (held !== undefined && held !== pair.translation.text) continue;
    holder.set(original.id, pair.translation.text);
    paired.set(pair.id, {
      ...pair,
      original,
      status: 'paired',
      confidence: score,
      evidence: { ...pair.evidence, confirmedBy: outcome.promptVersion },
    });
  }
  return {
    pairs: pairs.map((p) => paired.get(p.id) ?? p),
    usage: outcome.usage,
    promptVersion: outcome.promptVersion,
    notes: outcome.notes,
  };
}

/** Adds the calls, tokens and cost of `extra` to `usage` (pair counts stay the judge's). */
export function addUsage(usage: LlmUsage, extra: LlmUsage): LlmUsage {
  return {
    ...usage,
    calls: usage.calls + extra.calls,
    promptTokens: usage.promptTokens + extra.promptTokens,
    completionTokens: usage.completionTokens + extra.completionTokens,
    cachedTokens: usage.cachedTokens + extra.cachedTokens,
    costUsd: usage.costUsd + extra.costUsd,
    ...(usage.priceUnknown || extra.priceUnknown ? { priceUnknown: true } : {}),
  };
}

