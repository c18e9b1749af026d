// The short summary printed on the terminal after an audit (text or JSON).
import type { RunResult } from '../core/types.js';
import { SEVERITY_ORDER, VERDICT_ORDER } from '../pipeline/summarize.js';

/** Plain-text summary (a few lines); `outDir` is where reports were written, if any. */
export function renderSummary(run: RunResult, outDir?: string): string {
  const s = run.summary;
  const verdicts = VERDICT_ORDER.filter((v) => s.byVerdict[v] > 0).map((v) => `${s.byVerdict[v]} ${v}`);
  const severities = SEVERITY_ORDER.filter((v) => s.bySeverity[v] > 0).map((v) => `${s.bySeverity[v]} ${v}`);
  const lines = [
    `transcheck: ${run.files.length} file(s), ${s.blocks} blocks: ${s.byRole.translation} translations, ${s.byRole.untranslated} untranslated, ${s.byRole.original} originals`,
    `verdicts: ${verdicts.join(', ') || 'none'}`,
    `findings: ${severities.join(', ') || 'none'}`,
  ];
  if (run.llm) {
    lines.push(
      `llm: ${run.llm.calls} calls, ${run.llm.promptTokens + run.llm.completionTokens} tokens, about $${run.llm.costUsd.toFixed(4)}${run.llm.unjudged > 0 ? `, ${run.llm.unjudged} pairs unjudged` : ''}`,
    );
  }
  for (const e of run.errors) lines.push(`error: ${e.message}`);
  if (outDir) lines.push(`reports: ${outDir}/index.md`);
  return `${lines.join('\n')}\n`;
}

/** Machine summary for `--json`. */
export function renderJsonSummary(run: RunResult, reports: string[]): string {
  return `${JSON.stringify(
    {
      schemaVersion: run.schemaVersion,
      tool: run.tool,
      summary: run.summary,
      errors: run.errors,
      llm: run.llm ?? null,
      reports,
      timings: run.timings,
    },
    null,
    2,
  )}\n`;
}
