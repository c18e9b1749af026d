// The Markdown report of one input file: pure (result → string), valid whatever the texts contain.
import { lineColumn } from '../core/text.js';
import type {
  FileResult,
  Finding,
  IdentifiedBlock,
  PairResult,
  RunResult,
  Sentence,
  TextRange,
  Verdict,
} from '../core/types.js';
import { SEVERITY_ORDER, VERDICT_ORDER } from '../pipeline/summarize.js';
import { firstWords, mdCode, mdLink, mdLocation, mdMessage, mdTable, mdText, visibleControls } from './escape.js';
import { describeLayout } from './names.js';

/** Options of the Markdown reporter. */
export interface MarkdownOptions {
  /** Base name of this file's reports (for the link to its JSON twin). */
  baseName: string;
  /** Path from the report folder to the docs folder (links to check pages); default `../docs`. */
  docsBase?: string;
  /** Characters of context shown either side of a marked range. */
  context?: number;
}

function countsLine(counts: Record<string, number>, order?: readonly string[]): string {
  const keys = order ?? Object.keys(counts);
  const parts = keys.filter((k) => (counts[k] ?? 0) > 0).map((k) => `${counts[k]} ${k}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** `file:line:column` of an offset in a block's normalized text. */
export function locate(block: IdentifiedBlock, offset: number): string {
  const { line, column } = lineColumn(block.text, offset);
  // A record's text can hold newlines that are not file lines (JSON `\n`, quoted CSV): then name
  // the record's line and the character offset instead of a column that would mislead.
  const textLines = block.text.split('\n').length;
  if (textLines !== block.lines[1] - block.lines[0] + 1) return `${block.file}:${block.lines[0]} (character ${offset + 1})`;
  return `${block.file}:${block.lines[0] + line - 1}:${column}`;
}

/** The text around a range with the range marked ⟦…⟧, escaped for Markdown. */
export function markedSnippet(text: string, range: TextRange, context = 30): string {
  const [start, end] = range;
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  const before = (from > 0 ? '…' : '') + text.slice(from, start);
  const after = text.slice(end, to) + (to < text.length ? '…' : '');
  return `${mdText(before)}**⟦${mdText(text.slice(start, end)) || '∅'}⟧**${mdText(after)}`;
}

/** A sentence with every range of the given findings marked. */
function markSentence(text: string, sentence: Sentence, findings: readonly Finding[]): string {
  const ranges = findings
    .filter((f) => f.range && f.range[0] >= sentence.start && f.range[1] <= sentence.end && f.range[1] > f.range[0])
    .map((f) => f.range as TextRange)
    .sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = sentence.start;
  for (const [s, e] of ranges) {
    if (s < at) continue; // overlapping ranges: the first one marks the text
    out += mdText(text.slice(at, s)) + `**⟦${mdText(text.slice(s, e))}⟧**`;
    at = e;
  }
  return out + mdText(text.slice(at, sentence.end));
}

function findingLine(f: Finding, r: PairResult, context: number, docsBase: string): string {
  const block = f.side === 'source' ? r.pair.original : r.pair.translation;
  const text = block?.text ?? '';
  const where = block && f.range ? ` at ${mdCode(visibleControls(locate(block, f.range[0])))}` : '';
  const origin = f.origin === 'heuristic' ? '' : f.origin === 'judge' ? ' (LLM judge)' : ' (checks and LLM judge)';
  const evidence: string[] = [];
  if (f.actual !== undefined) evidence.push(`found ${mdCode(f.actual)}`);
  if (f.expected !== undefined) evidence.push(`expected ${mdCode(f.expected)}`);
  const lines = [
    `- **${f.severity}** ${mdLink(f.check, `${docsBase}/${f.docs.replace(/^docs\//, '')}`)} (${f.category})${origin}: ${mdMessage(f.message)}${where}`,
  ];
  if (f.range && block && f.range[1] > f.range[0]) lines.push(`  - ${f.side}: ${markedSnippet(text, f.range, context)}`);
  if (evidence.length > 0) lines.push(`  - ${evidence.join('; ')}`);
  if (f.note) lines.push(`  - note: ${mdText(f.note)}`);
  return lines.join('\n');
}

function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      (a.range?.[0] ?? -1) - (b.range?.[0] ?? -1),
  );
}

function originLine(r: PairResult): string {
  const { pair } = r;
  const ev = pair.evidence;
  if (pair.translation.role === 'untranslated') {
    return 'The page claims this block is a translation, but it is English: the page shows the source instead of its translation.';
  }
  if (pair.original) {
    const o = pair.original;
    const name = `${o.recordId ? `${mdCode(o.recordId)} ` : ''}${o.title ? `“${mdText(o.title)}” ` : ''}`;
    const parts = [
      `**Original:** ${name}at ${mdLocation(o.file, o.lines[0])} (confidence ${pct(pair.confidence)}, margin ${ev.margin.toFixed(2)} over the runner-up among ${ev.candidates} candidates).`,
    ];
    if (ev.confirmedBy) {
      parts.push(
        `Dictionary evidence alone was not conclusive (score ${ev.score.toFixed(2)}); the LLM confirmed this pairing (${mdCode(ev.confirmedBy)}).`,
      );
    }
    if (ev.anchors.length > 0) parts.push(`Shared anchors: ${ev.anchors.slice(0, 12).map(mdCode).join(', ')}.`);
    if (ev.terms.length > 0) parts.push(`Matched terms: ${ev.terms.slice(0, 12).map(mdCode).join(', ')}.`);
    if (ev.versions && ev.versions.length > 0) {
      parts.push(`Other versions of this paper: ${ev.versions.map((v) => `\`${v.file}:${v.lines[0]}\``).join(', ')}.`);
    }
    if (pair.status === 'mismatched' && pair.attached) {
      parts.unshift(
        `**Mismatched:** the input attaches this translation to ${mdLocation(pair.attached.file, pair.attached.lines[0])}, which it does not translate.`,
      );
    }
    return parts.join(' ');
  }
  const best = ev.best
    .slice(0, 3)
    
    .map((b) => `${mdLocation(b.original.file, b.original.lines[0])}${b.original.title ? ` “${mdText(firstWords(b.original.title, 60))}”` : ''} (score ${b.score.toFixed(2)})`);
  const head =
    pair.status === 'mismatched' && pair.attached
      ? `**Mismatched:** the input attaches this translation to ${mdLocation(pair.attached.file, pair.attached.lines[0])}, which it does not translate, and no better original was found among ${ev.candidates} candidates.`
      : `**Original:** none found among ${ev.candidates} candidates${best.length > 0 ? ` (closest: ${best.join('; ')}; none clearly ahead or close enough)` : ''}.`;
  // "Closest, rejected because …": candidates that won the ranking (or the attached original) but failed verification.
  const rejected = (ev.rejected ?? [])
    .map((b) => ` Closest, rejected: \`${b.original.file}:${b.original.lines[0]}\`${b.original.title ? ` “${mdText(firstWords(b.original.title, 60))}”` : ''} (score ${b.score.toFixed(2)}) because ${mdText(b.reason)}.`)
    .join('');
  return `${head}${rejected} Checks that need the English ran in target-only mode: only what the Chinese shows by itself is reported.`;
}

function pct(x: number): string {
  return `${Math.round(x * 100)} %`;
}

function alignedTable(r: PairResult, findings: readonly Finding[]): string {
  const source = r.pair.original?.text ?? '';
  const target = r.pair.translation.text;
  const rows: string[][] = [];
  r.beads.forEach((bead, i) => {
    const en = bead.en.map((k) => r.sourceSentences[k]).filter((s): s is Sentence => s !== undefined);
    const zh = bead.zh.map((k) => r.targetSentences[k]).filter((s): s is Sentence => s !== undefined);
    const concerns = (f: Finding) =>
      (f.side === 'source' && f.sentence !== undefined && bead.en.includes(f.sentence)) ||
      (f.side === 'target' && f.sentence !== undefined && bead.zh.includes(f.sentence)) ||
      (f.sentence === undefined &&
        f.range !== undefined &&
        ((f.side === 'target' && zh.some((s) => f.range![0] >= s.start && f.range![0] < s.end)) ||
          (f.side === 'source' && en.some((s) => f.range![0] >= s.start && f.range![0] < s.end))));
    const own = findings.filter(concerns);
    rows.push([
      String(i + 1),
      en.length > 0 ? en.map((s) => markSentence(source, s, own.filter((f) => f.side === 'source'))).join(' ') : '*(nothing)*',
      zh.length > 0 ? zh.map((s) => markSentence(target, s, own.filter((f) => f.side === 'target'))).join(' ') : '*(nothing)*',
    ]);
    for (const f of sortFindings(own)) {
      rows.push(['', `↳ **${f.severity}** \`${f.check}\``, mdMessage(f.message)]);
    }
  });
  return mdTable(['#', 'English', 'Chinese'], rows);
}

function pairSection(r: PairResult, index: number, context: number, docsBase: string): string {
  const t = r.pair.translation;
  const title = t.title ? ` “${mdText(firstWords(t.title, 80))}”` : '';
  const out = [
    `### ${index}. Lines ${t.lines[0]}–${t.lines[1]}${title}: ${r.verdict} (score ${r.score.toFixed(1)})`,
    '',
    originLine(r),
    '',
  ];
  const findings = sortFindings(r.findings);
  if (r.beads.length > 0 && r.pair.original) {
    out.push(alignedTable(r, findings), '');
  }
  if (findings.length === 0) {
    out.push('No findings.');
  } else {
    out.push(`Findings (${findings.length}):`, '', ...findings.map((f) => findingLine(f, r, context, docsBase)));
  }
  out.push('');
  return out.join('\n');
}

function verdictRank(v: Verdict): number {
  return VERDICT_ORDER.indexOf(v);
}

/** Renders one file's Markdown report. */
export function renderMarkdown(file: FileResult, run: RunResult, options: MarkdownOptions): string {
  const context = options.context ?? 30;
  const byBlock = new Map(file.pairs.map((r) => [r.pair.id, r]));
  const s = file.summary;
  const out: string[] = [];
  out.push(`# transcheck report: ${mdText(file.file)}`, '');
  out.push(
    `${describeLayout(file.layout)}, ${file.encoding} · ${s.blocks} blocks (${s.documents} distinct) · ` +
      `transcheck ${run.tool.version} · schema ${run.schemaVersion} · config \`${run.configHash}\`` +
      (run.promptVersions.length > 0 ? ` · prompts ${run.promptVersions.map((p) => `\`${p}\``).join(', ')}` : '') +
      ` · ${mdLink('JSON', `${options.baseName}.json`)}`,
    '',
  );
  out.push(`**Verdicts:** ${countsLine(s.byVerdict, VERDICT_ORDER)} · **Findings:** ${countsLine(s.bySeverity, SEVERITY_ORDER)}`, '');
  for (const note of run.limitations) out.push(`> **Not covered:** ${mdMessage(note)}`, '');

  out.push('## Summary', '');
  out.push(
    mdTable(
      ['role', 'blocks'],
      Object.entries(s.byRole)
        .filter(([, n]) => n > 0)
        .map(([role, n]) => [role, String(n)]),
    ),
    '',
  );
  const checkRows = Object.keys(s.byCheck).map((check) => {
    const all = file.pairs.flatMap((r) => r.findings.filter((f) => f.check === check));
    return [mdCode(check), ...SEVERITY_ORDER.map((sev) => String(all.filter((f) => f.severity === sev).length)), String(all.length)];
  });
  if (checkRows.length > 0) {
    out.push('### Findings by check', '', mdTable(['check', ...SEVERITY_ORDER, 'total'], checkRows), '');
  }

  out.push('## Blocks', '');
  out.push(
    mdTable(
      ['block', 'lines', 'language', 'script', 'role', 'verdict', 'score', 'first words'],
      file.blocks.map((b) => {
        const r = byBlock.get(b.id);
        return [
          mdCode(b.id),
          `${b.lines[0]}–${b.lines[1]}`,
          b.language,
          b.script,
          b.role,
          r ? `**${r.verdict}**` : '—',
          r && r.pair.translation.role !== 'untranslated' ? r.score.toFixed(1) : '—',
          mdText(firstWords(b.title ? `${b.title}: ${b.text}` : b.text, 70)),
        ];
      }),
    ),
    '',
  );

  const translations = file.pairs
    .filter((r) => r.pair.translation.role !== 'untranslated')
    .sort((a, b) => verdictRank(a.verdict) - verdictRank(b.verdict) || a.score - b.score);
  if (translations.length > 0) {
    out.push('## Translations', '');
    translations.forEach((r, i) => out.push(pairSection(r, i + 1, context, options.docsBase ?? '../docs')));
  }

  const untranslated = file.pairs.filter((r) => r.pair.translation.role === 'untranslated');
  if (untranslated.length > 0) {
    out.push(
      `## Untranslated blocks (${untranslated.length})`,
      '',
      'Each of these blocks is followed by a translation marker but is English: the page shows the source text where its translation should be (critical).',
      '',
      mdTable(
        ['block', 'lines', 'first words', 'findings', 'also at'],
        untranslated.map((r) => {
          const b = r.pair.translation;
          const also = file.duplicates[b.id] ?? [];
          return [
            mdCode(b.id),
            `${b.lines[0]}–${b.lines[1]}`,
            mdText(firstWords(b.text, 70)),
            sortFindings(r.findings)
              .map((f) => `**${f.severity}** \`${f.check}\``)
              .join(', '),
            also.map((l) => mdLocation(l.file, l.lines[0])).join(', ') || '—',
          ];
        }),
      ),
      '',
    );
  }

  const dups = Object.entries(file.duplicates).filter(([id]) => !untranslated.some((r) => r.pair.id === id));
  if (dups.length > 0) {
    out.push('## Also found elsewhere', '', 'Identical texts are one document: each is audited once and listed with all its locations.', '');
    out.push(
      mdTable(
        ['block', 'lines', 'also at'],
        dups.map(([id, locs]) => {
          const b = file.blocks.find((x) => x.id === id);
          return [mdCode(id), b ? `${b.lines[0]}–${b.lines[1]}` : '', locs.map((l) => mdLocation(l.file, l.lines[0])).join(', ')];
        }),
      ),
      '',
    );
  }

  if (file.dropped.length > 0) {
    out.push('## Dropped page boilerplate', '', 'These lines were not audited:', '');
    out.push(mdTable(['lines', 'text', 'why'], file.dropped.map((d) => [`${d.lines[0]}–${d.lines[1]}`, mdCode(d.text), mdText(d.reason)])), '');
  }
  if (file.notes.length > 0 || file.errors.length > 0) {
    out.push('## Notes', '');
    for (const n of file.notes) out.push(`- ${mdText(n)}`);
    for (const e of file.errors) out.push(`- **error:** ${mdText(e.message)}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
