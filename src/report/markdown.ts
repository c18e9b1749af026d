// The Markdown report of one input file: pure (result → string), valid whatever the texts contain.
import type {
  BlockRef,
  FileResult,
  Finding,
  IdentifiedBlock,
  Layout,
  PairEvidence,
  PairResult,
  RunResult,
  Sentence,
  TextRange,
  Verdict,
} from '../core/types.js';
import { SEVERITY_ORDER, VERDICT_ORDER } from '../pipeline/summarize.js';
import { firstWords, mdCode, mdLink, mdLocation, mdMessage, mdTable, mdText } from './escape.js';
import { describeLayout } from './names.js';
import { filePosition, formatPosition } from './position.js';

/** Options of the Markdown reporter. */
export interface MarkdownOptions {
  /** Base name of this file's reports (for the link to its JSON twin). */
  baseName: string;
  /** Path from the report folder to the docs folder (links to check pages); default `../docs`. */
  docsBase?: string;
  /** Characters of context shown either side of a marked range. */
  context?: number;
  /** Upper bound of the report's size in bytes; what does not fit is counted and left to the JSON report. */
  maxBytes?: number;
}

/** Default size bound: GitHub previews Markdown files up to about 1 MB. */
export const DEFAULT_MAX_BYTES = 1_000_000;

function countsLine(counts: Record<string, number>, order?: readonly string[]): string {
  const keys = order ?? Object.keys(counts);
  const parts = keys.filter((k) => (counts[k] ?? 0) > 0).map((k) => `${counts[k]} ${k}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** `file:line:column` of an offset in a block's normalized text (`file:line (character n)` in records). */
export function locate(block: IdentifiedBlock, offset: number, layout: Layout): string {
  return formatPosition(block.file, filePosition(block, layout, offset));
}

/**
 * A highlighted span: HTML that GitHub keeps (`<b>`), around escaped text. `**…**` is not bold next to
 * Chinese characters under cmark-gfm's emphasis rules (a delimiter run flanked by punctuation on one
 * side and a letter on the other), so it showed as literal asterisks.
 */
export function highlight(text: string, max = Infinity): string {
  const shown = text.length > max ? `${text.slice(0, Math.ceil(max * 0.6))}…${text.slice(text.length - Math.floor(max * 0.4))}` : text;
  return `<b>⟦${mdText(shown) || '∅'}⟧</b>`;
}

/** The text around a range with the range highlighted (cut in the middle beyond `max` characters), escaped. */
export function markedSnippet(text: string, range: TextRange, context = 30, max = Infinity): string {
  const [start, end] = range;
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  const before = (from > 0 ? '…' : '') + text.slice(from, start);
  const after = text.slice(end, to) + (to < text.length ? '…' : '');
  return `${mdText(before)}${highlight(text.slice(start, end), max)}${mdText(after)}`;
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
    out += mdText(text.slice(at, s)) + highlight(text.slice(s, e));
    at = e;
  }
  return out + mdText(text.slice(at, sentence.end));
}

/** `file:line` as a code span (file names can hold any character). */
function at(file: string, line: number): string {
  return mdLocation(file, line);
}

function docsLink(f: Finding, docsBase: string): string {
  return mdLink(f.check, `${docsBase}/${f.docs.replace(/^docs\//, '')}`);
}

function findingLine(f: Finding, r: PairResult, context: number, docsBase: string, layout: Layout): string {
  const block = f.side === 'source' ? r.pair.original : r.pair.translation;
  const text = block?.text ?? '';
  const where = block && f.range ? ` at ${mdCode(locate(block, f.range[0], layout))}` : '';
  const origin = f.origin === 'heuristic' ? '' : f.origin === 'judge' ? ' (LLM judge)' : ' (checks and LLM judge)';
  const evidence: string[] = [];
  if (f.actual !== undefined) evidence.push(`found ${mdCode(f.actual)}`);
  if (f.expected !== undefined) evidence.push(`expected ${mdCode(f.expected)}`);
  if (f.fix) evidence.push(`fix: ${mdCode(f.fix.text)}`);
  else if (f.suggestion) evidence.push(`suggestion: ${mdCode(f.suggestion)}`);
  const lines = [`- **${f.severity}** ${docsLink(f, docsBase)} (${f.category})${origin}: ${mdMessage(f.message)}${where}`];
  if (f.range && block && f.range[1] > f.range[0]) lines.push(`  - ${f.side}: ${markedSnippet(text, f.range, context)}`);
  if (evidence.length > 0) lines.push(`  - ${evidence.join('; ')}`);
  if (f.note) lines.push(`  - note: ${mdText(f.note)}`);
  return lines.join('\n');
}

/**
 * Findings at corpus scale: one line per distinct message (a check that reports the same thing three
 * times is one line), with up to three highlighted snippets.
 */
function compactFindingLines(findings: readonly Finding[], r: PairResult, context: number): string[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.severity}\u0000${f.check}\u0000${f.message}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()].map((group) => {
    const f = group[0] as Finding;
    const snippets = group
      .filter((g) => g.range && g.range[1] > g.range[0])
      .slice(0, 3)
      .map((g) => {
        const block = g.side === 'source' ? r.pair.original : r.pair.translation;
        return block ? markedSnippet(block.text, g.range as TextRange, context, 30) : '';
      })
      .filter((x) => x !== '');
    const fix = f.fix ? ` (fix: ${mdCode(f.fix.text)})` : f.suggestion ? ` (suggestion: ${mdCode(f.suggestion)})` : '';
    const times = group.length > 1 ? ` ×${group.length}` : '';
    return `- **${f.severity}** ${mdCode(f.check)}${times}: ${mdMessage(f.message)}${fix}${snippets.length > 0 ? ` — ${snippets.join(' · ')}` : ''}`;
  });
}

function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      (a.range?.[0] ?? -1) - (b.range?.[0] ?? -1),
  );
}

/** A candidate original as reports name it: location, then the start of its title. */
function candidate(ref: BlockRef): string {
  return `${at(ref.file, ref.lines[0])}${ref.title ? ` “${mdText(firstWords(ref.title, 60))}”` : ''}`;
}

/** Candidates that failed verification and other versions of the paper, briefly. */
function candidatesLine(ev: PairEvidence): string {
  const parts: string[] = [];
  const rejected = ev.rejected ?? [];
  if (rejected.length > 0) {
    parts.push(
      `Closest, rejected: ${rejected
        .slice(0, 3)
        .map((c) => `${candidate(c.original)} (score ${c.score.toFixed(2)}) because ${mdText(c.reason)}`)
        .join('; ')}${rejected.length > 3 ? `; ${rejected.length - 3} more` : ''}.`,
    );
  }
  const versions = ev.versions ?? [];
  if (versions.length > 0) {
    parts.push(`Other versions of this paper: ${versions.slice(0, 5).map(candidate).join(', ')}${versions.length > 5 ? `, ${versions.length - 5} more` : ''}.`);
  }
  return parts.join(' ');
}

function originLine(r: PairResult, brief = false): string {
  const { pair } = r;
  const ev = pair.evidence;
  if (pair.translation.role === 'untranslated') {
    return 'The page claims this block is a translation, but it is English: the page shows the source instead of its translation.';
  }
  const more = candidatesLine(ev);
  if (pair.original) {
    const o = pair.original;
    const name = `${o.recordId ? `${mdCode(o.recordId)} ` : ''}${o.title ? `“${mdText(brief ? firstWords(o.title, 60) : o.title)}” ` : ''}`;
    const parts = [
      brief
        ? `**Original:** ${name}at ${at(o.file, o.lines[0])} (confidence ${pct(pair.confidence)}).`
        : `**Original:** ${name}at ${at(o.file, o.lines[0])} (confidence ${pct(pair.confidence)}, margin ${ev.margin.toFixed(2)} over the runner-up among ${ev.candidates} candidates).`,
    ];
    if (ev.confirmedBy) {
      parts.push(
        `Dictionary evidence alone was not conclusive (score ${ev.score.toFixed(2)}); the LLM confirmed this pairing (${mdCode(ev.confirmedBy)}).`,
      );
    }
    if (!brief && ev.anchors.length > 0) parts.push(`Shared anchors: ${ev.anchors.slice(0, 12).map(mdCode).join(', ')}.`);
    if (!brief && ev.terms.length > 0) parts.push(`Matched terms: ${ev.terms.slice(0, 12).map(mdCode).join(', ')}.`);
    if (pair.status === 'mismatched' && pair.attached) {
      parts.unshift(`**Mismatched:** the input attaches this translation to ${at(pair.attached.file, pair.attached.lines[0])}, which it does not translate.`);
    }
    if (more) parts.push(more);
    return parts.join(' ');
  }
  const best = (ev.rejected?.length ?? 0) > 0 ? [] : ev.best.slice(0, 3).map((b) => `${candidate(b.original)} (score ${b.score.toFixed(2)})`);
  const head =
    pair.status === 'mismatched' && pair.attached
      ? `**Mismatched:** the input attaches this translation to ${at(pair.attached.file, pair.attached.lines[0])}, which it does not translate, and ${ev.best[0] ? `it translates ${candidate(ev.best[0].original)} (score ${ev.best[0].score.toFixed(2)})` : `no better original was found among ${ev.candidates} candidates`}.`
      : `**Original:** none found among ${ev.candidates} candidates${best.length > 0 ? ` (closest: ${best.join('; ')}; none clearly ahead or close enough)` : ''}.`;
  return `${head}${more ? ` ${more}` : ''} Checks that need the English ran in target-only mode: only what the Chinese shows by itself is reported.`;
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
      rows.push(['', `↳ **${f.severity}** ${mdCode(f.check)}`, mdMessage(f.message)]);
    }
  });
  return mdTable(['#', 'English', 'Chinese'], rows);
}

function pairHeading(r: PairResult, index: number, titleChars = 80): string {
  const t = r.pair.translation;
  const id = t.recordId ? ` ${mdCode(t.recordId)}` : '';
  const title = t.title ? ` “${mdText(firstWords(t.title, titleChars))}”` : '';
  const lines = t.lines[0] === t.lines[1] ? `Line ${t.lines[0]}` : `Lines ${t.lines[0]}–${t.lines[1]}`;
  const scored = r.verdict === 'nothing-to-translate' || r.verdict === 'too-short' ? '' : ` (score ${r.score.toFixed(1)})`;
  return `### ${index}. ${lines}${id}${title}: ${r.verdict}${scored}`;
}

function verdictNote(r: PairResult): string | undefined {
  if (r.verdictReason !== undefined) return `${r.verdict === 'bad' ? 'Bad' : 'Review'}: ${mdText(r.verdictReason)}.`;
  if (r.verdict === 'nothing-to-translate') return 'Nothing to translate: the source holds only handles, hashtags, URLs, numbers, emoji or code, copied as they are.';
  if (r.verdict === 'too-short') return 'Too short to judge either way: too little text for the checks to say anything reliable.';
  return undefined;
}

function pairSection(r: PairResult, index: number, context: number, docsBase: string, layout: Layout): string {
  const out = [pairHeading(r, index), '', originLine(r), ''];
  const note = verdictNote(r);
  if (note) out.push(note, '');
  const findings = sortFindings(r.findings);
  if (r.beads.length > 0 && r.pair.original) {
    out.push(alignedTable(r, findings), '');
  }
  if (findings.length === 0) {
    out.push('No findings.');
  } else {
    out.push(`Findings (${findings.length}):`, '', ...findings.map((f) => findingLine(f, r, context, docsBase, layout)));
  }
  out.push('');
  return out.join('\n');
}

/** A flagged pair at corpus scale: heading, brief pairing, every finding but `info` ones on one line each. */
function compactPairSection(r: PairResult, index: number, context: number): string {
  const out = [pairHeading(r, index, 40), ''];
  // A record paired with its own English needs no words on pairing; anything else says where the original is.
  const ownRecord = r.pair.status === 'paired' && r.pair.original !== null && r.pair.translation.attachedTo === r.pair.original.id;
  if (!ownRecord) out.push(originLine(r, r.pair.status === 'paired'), '');
  const note = verdictNote(r);
  if (note) out.push(note, '');
  out.push(...compactFindingLines(sortFindings(r.findings.filter((f) => f.severity !== 'info')), r, context), '');
  return out.join('\n');
}

/** Verdicts whose translations need a reader's attention (shown in full in the Markdown report). */
const FLAGGED: ReadonlySet<Verdict> = new Set<Verdict>(['mismatched', 'untranslated', 'bad', 'review', 'unpaired']);

/** Pairs up to which a file's report shows every pair in full, aligned sentences included. */
const FULL_REPORT_PAIRS = 100;
/** Blocks up to which a file's report lists every block. */
const BLOCK_TABLE_ROWS = 300;

function verdictRank(v: Verdict): number {
  return VERDICT_ORDER.indexOf(v);
}

/** Keeps a report under its byte budget: parts are added while they fit, the rest is counted. */
class Budget {
  private used = 0;
  constructor(private readonly max: number) {}
  /** Adds `part` if it fits in what is left after `reserve` bytes; returns whether it did. */
  add(out: string[], part: string, reserve = 0): boolean {
    const size = Buffer.byteLength(part, 'utf8') + 1;
    if (this.used + size + reserve > this.max) return false;
    out.push(part);
    this.used += size;
    return true;
  }
  /** Adds `part` whatever its size (headers, notes that say what was left out). */
  force(out: string[], ...parts: string[]): void {
    for (const p of parts) {
      out.push(p);
      this.used += Buffer.byteLength(p, 'utf8') + 1;
    }
  }
}

/** Adds table rows while they fit; returns how many were left out. */
function boundedTable(out: string[], budget: Budget, header: readonly string[], rows: ReadonlyArray<readonly string[]>, reserve: number): number {
  const lines = mdTable(header, rows).split('\n');
  budget.force(out, lines[0] as string, lines[1] as string);
  let shown = 0;
  for (const line of lines.slice(2)) {
    if (!budget.add(out, line, reserve)) break;
    shown++;
  }
  return rows.length - shown;
}

/** Renders one file's Markdown report. */
export function renderMarkdown(file: FileResult, run: RunResult, options: MarkdownOptions): string {
  const context = options.context ?? 30;
  const docsBase = options.docsBase ?? '../docs';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const budget = new Budget(maxBytes);
  // Room kept for the sections after the translations (untranslated blocks, notes).
  const reserve = Math.min(40_000, Math.floor(maxBytes / 20));
  const s = file.summary;
  const full = file.pairs.length <= FULL_REPORT_PAIRS;
  const out: string[] = [];
  const head: string[] = [];
  head.push(`# transcheck report: ${mdText(file.file)}`, '');
  head.push(
    `${describeLayout(file.layout)}, ${file.encoding} · ${s.blocks} blocks (${s.documents} distinct) · ` +
      `transcheck ${run.tool.version} · schema ${run.schemaVersion} · config \`${run.configHash}\`` +
      (run.promptVersions.length > 0 ? ` · prompts ${run.promptVersions.map((p) => `\`${p}\``).join(', ')}` : '') +
      ` · ${mdLink('JSON', `${options.baseName}.json`)}`,
    '',
  );
  head.push(`**Verdicts:** ${countsLine(s.byVerdict, VERDICT_ORDER)} · **Findings:** ${countsLine(s.bySeverity, SEVERITY_ORDER)}`, '');
  head.push(
    `**Blocks:** ${Object.entries(s.byRole)
      .filter(([, n]) => n > 0)
      .map(([role, n]) => `${n} ${role}`)
      .join(', ') || 'none'}`,
    '',
  );
  for (const note of run.limitations) head.push(`> **Not covered:** ${mdMessage(note)}`, '');
  budget.force(out, ...head);

  // One pass over the findings (a pass per check read every pair's findings again, once per check).
  const byCheck = new Map<string, { docs: string; total: number; bySeverity: Map<string, number> }>();
  for (const r of file.pairs) {
    for (const f of r.findings) {
      let c = byCheck.get(f.check);
      if (!c) byCheck.set(f.check, (c = { docs: f.docs, total: 0, bySeverity: new Map() }));
      c.total++;
      c.bySeverity.set(f.severity, (c.bySeverity.get(f.severity) ?? 0) + 1);
    }
  }
  const checkRows = Object.keys(s.byCheck)
    .sort()
    .map((check) => {
      const c = byCheck.get(check);
      const docs = c?.docs ?? `docs/checks/${check}.md`;
      return [
        mdLink(check, `${docsBase}/${docs.replace(/^docs\//, '')}`),
        ...SEVERITY_ORDER.map((sev) => String(c?.bySeverity.get(sev) ?? 0)),
        String(c?.total ?? 0),
      ];
    });
  if (checkRows.length > 0) {
    budget.force(out, '## Findings by check', '', mdTable(['check', ...SEVERITY_ORDER, 'total'], checkRows), '');
  }

  const untranslated = file.pairs.filter((r) => r.pair.translation.role === 'untranslated');
  if (untranslated.length > 0) {
    budget.force(
      out,
      `## Untranslated blocks (${untranslated.length})`,
      '',
      'Each of these blocks is followed by a translation marker but is English: the page shows the source text where its translation should be (critical).',
      '',
    );
    const left = boundedTable(
      out,
      budget,
      ['block', 'lines', 'first words', 'findings', 'also at'],
      untranslated.map((r) => {
        const b = r.pair.translation;
        const also = file.duplicates[b.id] ?? [];
        return [
          mdCode(b.id),
          `${b.lines[0]}–${b.lines[1]}`,
          mdText(firstWords(b.text, 70)),
          sortFindings(r.findings)
            .map((f) => `**${f.severity}** ${mdCode(f.check)}`)
            .join(', '),
          also.map((l) => at(l.file, l.lines[0])).join(', ') || '—',
        ];
      }),
      reserve,
    );
    if (left > 0) budget.force(out, '', `${left} more untranslated blocks are listed in the JSON report.`);
    budget.force(out, '');
  }

  const translations = file.pairs
    .filter((r) => r.pair.translation.role !== 'untranslated')
    .sort((a, b) => verdictRank(a.verdict) - verdictRank(b.verdict) || a.score - b.score);
  const flagged = translations.filter((r) => FLAGGED.has(r.verdict));
  const rest = translations.filter((r) => !FLAGGED.has(r.verdict));
  if (full) {
    if (translations.length > 0) {
      budget.force(out, '## Translations', '');
      translations.forEach((r, i) => {
        if (!budget.add(out, pairSection(r, i + 1, context, docsBase, file.layout), reserve)) budget.add(out, compactPairSection(r, i + 1, context), reserve);
      });
    }
  } else {
    const compactContext = Math.min(context, 10);
    budget.force(
      out,
      `## Flagged translations (${flagged.length})`,
      '',
      `At this size (${file.pairs.length} translations) the report lists each flagged translation with its findings (all but \`info\` ones) on one line each; ` +
        `the ${mdLink('JSON report', `${options.baseName}.json`)} keeps every pair with its aligned sentences.`,
      '',
    );
    let shown = 0;
    for (const r of flagged) {
      if (!budget.add(out, compactPairSection(r, shown + 1, compactContext), reserve)) break;
      shown++;
    }
    if (shown < flagged.length) {
      const left = flagged.slice(shown);
      const counts: Record<string, number> = {};
      for (const r of left) counts[r.verdict] = (counts[r.verdict] ?? 0) + 1;
      budget.force(
        out,
        `${left.length} more flagged translations (${countsLine(counts, VERDICT_ORDER)}), the mildest, did not fit in this report's ${Math.round(maxBytes / 1000)} kB: see the JSON report.`,
        '',
      );
    }
    if (rest.length > 0) {
      budget.force(out, `## Other translations (${rest.length})`, '');
      const byVerdict: Record<string, number> = {};
      for (const r of rest) byVerdict[r.verdict] = (byVerdict[r.verdict] ?? 0) + 1;
      const info: Record<string, number> = {};
      for (const r of rest) for (const f of r.findings) info[f.check] = (info[f.check] ?? 0) + 1;
      const scores = rest.filter((r) => r.verdict === 'good').map((r) => r.score).sort((a, b) => a - b);
      const lines = [`${countsLine(byVerdict, VERDICT_ORDER)}: not listed here; the JSON report keeps each of them in full.`];
      if (scores.length > 0) lines.push(`Scores of the good translations: lowest ${(scores[0] as number).toFixed(1)}, median ${(scores[Math.floor(scores.length / 2)] as number).toFixed(1)}.`);
      const infoChecks = Object.keys(info).sort();
      if (infoChecks.length > 0) lines.push(`Their findings (none counts against them): ${infoChecks.map((c) => `${info[c]} ${mdCode(c)}`).join(', ')}.`);
      budget.force(out, lines.join(' '), '');
    }
  }

  // A set, not a scan of the untranslated blocks per duplicate (quadratic on large files).
  const untranslatedIds = new Set(untranslated.map((r) => r.pair.id));
  const dups = Object.entries(file.duplicates).filter(([id]) => !untranslatedIds.has(id));
  if (dups.length > 0) {
    const blockById = new Map(file.blocks.map((b) => [b.id, b]));
    budget.force(out, `## Also found elsewhere (${dups.length})`, '', 'Identical texts are one document: each is audited once and listed with all its locations.', '');
    const left = boundedTable(
      out,
      budget,
      ['block', 'lines', 'also at'],
      dups.map(([id, locs]) => {
        const b = blockById.get(id);
        return [mdCode(id), b ? `${b.lines[0]}–${b.lines[1]}` : '', locs.map((l) => at(l.file, l.lines[0])).join(', ')];
      }),
      reserve / 2,
    );
    if (left > 0) budget.force(out, '', `${left} more are listed in the JSON report (\`alsoAt\`).`);
    budget.force(out, '');
  }

  if (file.dropped.length > 0) {
    budget.force(out, '## Dropped page boilerplate', '', 'These lines were not audited:', '');
    const left = boundedTable(out, budget, ['lines', 'text', 'why'], file.dropped.map((d) => [`${d.lines[0]}–${d.lines[1]}`, mdCode(d.text), mdText(d.reason)]), reserve / 4);
    if (left > 0) budget.force(out, '', `${left} more are listed in the JSON report.`);
    budget.force(out, '');
  }
  if (file.notes.length > 0 || file.errors.length > 0) {
    budget.force(out, '## Notes', '');
    let left = 0;
    for (const n of file.notes) if (!budget.add(out, `- ${mdText(n)}`)) left++;
    for (const e of file.errors) if (!budget.add(out, `- **error:** ${mdText(e.message)}`)) left++;
    if (left > 0) budget.force(out, `- ${left} more notes and errors are listed in the JSON report.`);
    budget.force(out, '');
  }

  // The table of every block closes small reports; at corpus scale it would bury the findings.
  if (full && file.blocks.length <= BLOCK_TABLE_ROWS) {
    const byBlock = new Map(file.pairs.map((r) => [r.pair.id, r]));
    budget.force(out, '## Blocks', '');
    boundedTable(
      out,
      budget,
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
      0,
    );
    budget.force(out, '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
