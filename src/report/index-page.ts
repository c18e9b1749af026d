// reports/index.md: one row per input file, worst first, with links to each report.
import type { FileResult, RunResult } from '../core/types.js';
import { SEVERITY_ORDER, VERDICT_ORDER } from '../pipeline/summarize.js';
import { mdLink, mdMessage, mdTable, mdText } from './escape.js';

/** Orders files worst first: most critical, then major findings, then bad verdicts. */
function worstFirst(a: FileResult, b: FileResult): number {
  const key = (f: FileResult) => [
    f.summary.bySeverity.critical,
    f.summary.bySeverity.major,
    f.summary.byVerdict.bad + f.summary.byVerdict.mismatched + f.summary.byVerdict.untranslated,
    f.summary.byVerdict.review,
  ];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (kb[i] as number) - (ka[i] as number);
  return a.file.localeCompare(b.file);
}

function verdictCell(f: FileResult): string {
  return (
    VERDICT_ORDER.filter((v) => f.summary.byVerdict[v] > 0)
      .map((v) => `${f.summary.byVerdict[v]} ${v}`)
      .join(', ') || '—'
  );
}

/** Renders the index page; `names` maps each input to its report base name. */
export function renderIndex(run: RunResult, names: ReadonlyMap<string, string>, docsBase = '../docs'): string {
  const s = run.summary;
  const out: string[] = ['# transcheck audit', ''];
  out.push(
    `transcheck ${run.tool.version} · schema ${run.schemaVersion} · config \`${run.configHash}\` · ${run.files.length} files · ` +
      `${s.blocks} blocks (${s.documents} distinct texts)`,
    '',
  );
  out.push(
    `**Translations:** ${s.byRole.translation} · **untranslated blocks:** ${s.byRole.untranslated} · **originals:** ${s.byRole.original}`,
    '',
    `**Verdicts:** ${VERDICT_ORDER.filter((v) => s.byVerdict[v] > 0).map((v) => `${s.byVerdict[v]} ${v}`).join(', ') || 'none'} · ` +
      `**Findings:** ${SEVERITY_ORDER.filter((v) => s.bySeverity[v] > 0).map((v) => `${s.bySeverity[v]} ${v}`).join(', ') || 'none'}`,
    '',
  );
  if (run.interrupted) out.push('> **Interrupted:** the run was stopped; these reports cover what was finished.', '');
  const skipped = run.files.filter((f) => (f.skippedLines ?? 0) > 0);
  if (skipped.length > 0) {
    const total = skipped.reduce((n, f) => n + (f.skippedLines ?? 0), 0);
    out.push(`**Skipped lines:** ${total} (${skipped.map((f) => `${mdText(f.file)}: ${f.skippedLines}`).join(', ')}); each report lists them.`, '');
  }
  for (const note of run.limitations) out.push(`> **Not covered:** ${mdMessage(note)}`, '');
  if (run.llm) {
    const u = run.llm;
    out.push(
      `**LLM judge** (${mdText(u.model)}): ${u.calls} calls, ${u.cachedPairs} pairs from cache, ${u.promptTokens} prompt + ${u.completionTokens} completion tokens (${u.cachedTokens} cached), about $${u.costUsd.toFixed(4)}; ${u.failures} failures, ${u.unjudged} pairs unjudged.`,
      '',
    );
  }
  const files = [...run.files].sort(worstFirst);
  out.push('## Files (worst first)', '');
  out.push(
    mdTable(
      ['report', 'layout', 'blocks', 'translations', 'untranslated', 'originals', 'verdicts', ...SEVERITY_ORDER, 'JSON'],
      files.map((f) => {
        const name = names.get(f.file) ?? f.file;
        return [
          mdLink(f.file, `${name}.md`),
          f.layout,
          String(f.summary.blocks),
          String(f.summary.byRole.translation),
          String(f.summary.byRole.untranslated),
          String(f.summary.byRole.original),
          verdictCell(f),
          ...SEVERITY_ORDER.map((sev) => String(f.summary.bySeverity[sev])),
          mdLink('json', `${name}.json`),
        ];
      }),
    ),
    '',
  );
  const checks = Object.entries(s.byCheck);
  if (checks.length > 0) {
    out.push('## Findings by check', '', mdTable(['check', 'findings', 'docs'], checks.map(([c, n]) => [`\`${c}\``, String(n), mdLink(c, `${docsBase}/checks/${c}.md`)])), '');
  }
  const terms = run.terminology ?? [];
  if (terms.length > 0) {
    out.push(
      '## Terminology across the corpus',
      '',
      'Glossary terms rendered wrongly or in several ways across all translations of this run (each translation counted once per rendering). ✗ marks a known wrong rendering.',
      '',
      mdTable(
        ['term', 'renderings (translations)', 'translations with a wrong rendering'],
        terms.slice(0, 50).map((t) => [
          mdText(t.en),
          t.renderings.map((r) => `${r.accepted ? '' : '✗ '}${mdText(r.zh)} (${r.translations})`).join(', '),
          String(t.wrongTranslations),
        ]),
      ),
      terms.length > 50 ? `\n${terms.length - 50} more terms in the JSON reports' run data.` : '',
      '',
    );
  }
  if (run.errors.length > 0) {
    out.push('## Inputs not audited', '');
    for (const e of run.errors) out.push(`- ${mdText(e.message)}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
