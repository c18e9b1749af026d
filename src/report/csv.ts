// CSV of a whole run (`--format csv` → findings.csv): one row per finding, for spreadsheets.
// UTF-8 with a byte-order mark (so spreadsheet tools open Chinese correctly), RFC 4180 quoting and
// CRLF line ends, and no cell that a spreadsheet would run as a formula.
import type { Finding, IdentifiedBlock, PairResult, RunResult } from '../core/types.js';
import { filePosition } from './position.js';

/** Columns of findings.csv, in order. */
export const CSV_COLUMNS = [
  'file',
  'line',
  'column',
  'pair',
  'record',
  'verdict',
  'check',
  'severity',
  'category',
  'side',
  'message',
  'actual',
  'expected',
  'suggestion',
] as const;

/**
 * One CSV cell: quoted when it holds a quote, comma or line break (or leading/trailing spaces), with
 * quotes doubled (RFC 4180). A text starting with `=`, `+`, `-`, `@`, tab or carriage return (or
 * their full-width forms) would run as a formula in Excel, LibreOffice and Google Sheets: it gets a
 * leading `'`, as OWASP recommends, and is quoted.
 */
export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  const formula = /^[=+\-@\t\r＝＋－＠]/.test(text);
  if (formula) text = `'${text}`;
  return formula || /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: header and rows, CRLF line ends, a UTF-8 byte-order mark first. */
export function csvDocument(header: readonly string[], rows: Iterable<ReadonlyArray<string | number | undefined | null>>): string {
  return [...csvChunks(header, rows)].join('');
}

/** The same document a line at a time (rows may be generated as they are written). */
export function* csvChunks(header: readonly string[], rows: Iterable<ReadonlyArray<string | number | undefined | null>>): Generator<string> {
  yield `\uFEFF${header.map(csvCell).join(',')}\r\n`;
  for (const row of rows) yield `${row.map(csvCell).join(',')}\r\n`;
}

function row(f: Finding, r: PairResult, layoutOf: (file: string) => FileLayout): Array<string | number | undefined> {
  const block: IdentifiedBlock = f.side === 'source' && r.pair.original ? r.pair.original : r.pair.translation;
  const position = f.range ? filePosition(block, layoutOf(block.file), f.range[0]) : undefined;
  return [
    block.file,
    position?.line ?? block.lines[0],
    position?.column,
    r.pair.id,
    r.pair.translation.recordId,
    r.verdict,
    f.check,
    f.severity,
    f.category,
    f.side,
    f.message,
    f.actual,
    f.expected,
    f.fix?.text ?? f.suggestion,
  ];
}

type FileLayout = Parameters<typeof filePosition>[1];

/** Renders every finding of the run as CSV, files in run order, pairs in file order. */
export function renderCsv(run: RunResult): string {
  return [...renderCsvChunks(run)].join('');
}

/** The same CSV a row at a time: a run of millions of findings is written without one string of it. */
export function renderCsvChunks(run: RunResult): Generator<string> {
  const layouts = new Map(run.files.map((f) => [f.file, f.layout]));
  const layoutOf = (file: string): FileLayout => layouts.get(file) ?? 'paragraphs';
  function* rows(): Generator<Array<string | number | undefined>> {
    for (const file of run.files) for (const r of file.pairs) for (const f of r.findings) yield row(f, r, layoutOf);
  }
  return csvChunks(CSV_COLUMNS, rows());
}
