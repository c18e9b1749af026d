// Counts for summaries (per file and per run): by role, verdict, severity and check.
import type { IdentifiedBlock, PairResult, Role, Severity, Summary, Verdict } from '../core/types.js';

const ROLES: Role[] = ['translation', 'original', 'untranslated', 'boilerplate', 'other'];
const VERDICTS: Verdict[] = ['good', 'review', 'bad', 'untranslated', 'unpaired', 'mismatched', 'nothing-to-translate', 'too-short'];
const SEVERITIES: Severity[] = ['info', 'minor', 'major', 'critical'];

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** A summary with every count at zero. */
export function emptySummary(): Summary {
  return {
    blocks: 0,
    byRole: zeros(ROLES),
    byVerdict: zeros(VERDICTS),
    bySeverity: zeros(SEVERITIES),
    byCheck: {},
    documents: 0,
  };
}

/** Counts blocks and pair results; identical texts count once in `documents`. */
export function summarize(blocks: readonly IdentifiedBlock[], results: readonly PairResult[]): Summary {
  const summary = emptySummary();
  summary.blocks = blocks.length;
  for (const block of blocks) summary.byRole[block.role]++;
  summary.documents = new Set(blocks.map((b) => b.text)).size;
  for (const result of results) {
    summary.byVerdict[result.verdict]++;
    for (const finding of result.findings) {
      summary.bySeverity[finding.severity]++;
      summary.byCheck[finding.check] = (summary.byCheck[finding.check] ?? 0) + 1;
    }
  }
  summary.byCheck = Object.fromEntries(Object.entries(summary.byCheck).sort(([a], [b]) => a.localeCompare(b)));
  return summary;
}

/** Severities from worst to least, for display and sorting. */
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'major', 'minor', 'info'];

/** Verdicts from worst to best, for sorting. */
export const VERDICT_ORDER: readonly Verdict[] = ['mismatched', 'untranslated', 'bad', 'review', 'unpaired', 'too-short', 'nothing-to-translate', 'good'];
