// reports/index.md: one row per input file, worst first, with links to each report.
import type { FileResult, RunResult } from '../core/types.js';
import { SEVERITY_ORDER, VERDICT_ORDER } from '../pipeline/summarize.js';
import { costText } from './summary.js';
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

/** Size under which the index's file table is kept (GitHub previews Markdown up to about 1 MB). */
const INDEX_TABLE_BYTES = 800_000;

/** Renders the index page; `names` maps each input to its report base name. */
export function renderIndex(run: RunResult, names: ReadonlyMap<string, string>, docsBase = '../docs', maxBytes = INDEX_TABLE_BYTES): string {
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
      `**LLM judge** (${mdText(u.model)}): ${u.calls} calls, ${u.cachedPairs} pairs from cache, ${u.promptTokens} prompt + ${u.completionTokens} completion tokens (${u.cachedTokens} cached), ${mdText(costText(u))}; ${u.failures} failures, ${u.unjudged} pairs unjudged.`,
      '',
    );
  }
  const files = [...run.files].sort(worstFirst);
  out.push('## Files (worst first)', '');
  // Columns that matter first, few enough to fit GitHub's page width; the rest is in each report.
  const rows = files.map((f) => {
    const name = names.get(f.file) ?? f.file;
    return [
      `${mdLink(f.file, `${name}.md`)} (${mdLink('json', `${name}.json`)})`,
      verdictCell(f),
      ...(['critical', 'major', 'minor'] as const).map((sev) => String(f.summary.bySeverity[sev])),
      String(f.summary.byRole.translation),
      String(f.summary.byRole.original),
      f.layout,
    ];
  });
  const table = mdTable(['report', 'verdicts', 'critical', 'major', 'minor', 'translations', 'originals', 'layout'], rows).split('\n');
  // Thousands of inputs: the worst files fit under the size GitHub previews; the rest are counted.
  let size = 0;
  let shown = 0;
  for (const line of table.slice(2)) {
    size += Buffer.byteLength(line, 'utf8') + 1;
    if (size > maxBytes) break;
    shown++;
  }
  out.push(...table.slice(0, 2 + shown));
  if (shown < rows.length) out.push('', `${rows.length - shown} more files, the mildest, are not listed; their reports are in this folder.`);
  out.push('');
  const checks = Object.entries(s.byCheck);
  if (checks.length > 0) {
    // Each finding names its docs page (judge findings have theirs outside docs/checks).
    const docs = new Map<string, string>();
    for (const f of run.files) for (const p of f.pairs) for (const x of p.findings) if (!docs.has(x.check)) docs.set(x.check, x.docs);
    const link = (c: string) => `${docsBase}/${(docs.get(c) ?? `docs/checks/${c}.md`).replace(/^docs\//, '')}`;
    out.push('## Findings by check', '', mdTable(['check', 'findings'], checks.map(([c, n]) => [mdLink(c, link(c)), String(n)])), '');
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
