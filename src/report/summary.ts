// The short summary printed on the terminal after an audit (text or JSON).
import type { RunResult } from '../core/types.js';
import { SEVERITY_ORDER, VERDICT_ORDER } from '../pipeline/summarize.js';

/** `about $0.0123`, or `cost unknown (no price for <model>)`: an unknown price is not a free run. */
export function costText(usage: { model: string; costUsd: number; priceUnknown?: boolean }): string {
  return usage.priceUnknown ? `cost unknown (no price for ${usage.model}; set llm.prices)` : `about $${usage.costUsd.toFixed(4)}`;
}

/**
 * Plain-text summary (a few lines); `outDir` is where reports were written, if any; `html` says the
 * run's HTML page is among them (named first: it is the one to open).
 */
export function renderSummary(run: RunResult, outDir?: string, html = false): string {
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
      `llm: ${run.llm.calls} calls, ${run.llm.promptTokens + run.llm.completionTokens} tokens, ${costText(run.llm)}${run.llm.unjudged > 0 ? `, ${run.llm.unjudged} pairs unjudged` : ''}`,
    );
  }
  const skipped = run.files.reduce((n, f) => n + (f.skippedLines ?? 0), 0);
  if (skipped > 0) {
    const where = run.files.filter((f) => (f.skippedLines ?? 0) > 0).map((f) => `${terminalSafe(f.file)} ${f.skippedLines}`);
    lines.push(`skipped lines: ${skipped} (${where.slice(0, 5).join(', ')}${where.length > 5 ? ', …' : ''}); see the reports`);
  }
  if (run.errors.length > 0) lines.push(`errors: ${run.errors.length} (on stderr)`);
  if (run.interrupted) lines.push('interrupted: the reports cover what was finished');
  if (outDir) lines.push(`reports: ${html ? `${terminalSafe(outDir)}/index.html (open in a browser), ` : ''}${terminalSafe(outDir)}/index.md`);
  return `${lines.join('\n')}\n`;
}

/**
 * Control characters (terminal escape sequences) in a name shown on a terminal, made visible as `\xNN`
 * so that a hostile file name cannot move the cursor, retitle the window or hide text.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Machine summary for `--json` (README "JSON summary"): the run's counts and one entry per input file. */
export function renderJsonSummary(run: RunResult, reports: string[], extra: { writeErrors?: string[]; dryRun?: unknown } = {}): string {
  return `${JSON.stringify(
    {
      schemaVersion: run.schemaVersion,
      tool: run.tool,
      interrupted: run.interrupted ?? false,
      summary: run.summary,
      skippedLines: run.files.reduce((n, f) => n + (f.skippedLines ?? 0), 0),
      files: run.files.map((f) => ({
        file: f.file,
        layout: f.layout,
        encoding: f.encoding,
        blocks: f.summary.blocks,
        byRole: f.summary.byRole,
        byVerdict: f.summary.byVerdict,
        bySeverity: f.summary.bySeverity,
        skippedLines: f.skippedLines ?? 0,
        notes: f.notes,
        errors: f.errors,
      })),
      errors: run.errors,
      writeErrors: extra.writeErrors ?? [],
      llm: run.llm ?? null,
      ...(extra.dryRun ? { dryRun: extra.dryRun } : {}),
      limitations: run.limitations,
      reports,
      timings: run.timings,
    },
    null,
    2,
  )}\n`;
}
