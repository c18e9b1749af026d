// RFC 4180-style splitting of CSV/TSV text, shared by the corpus reader (pipeline/ingest) and user
// glossaries in CSV (lexicon/glossary-formats): in `core` so that `lexicon` need not import `pipeline`.

/** One parsed CSV/TSV record: fields and its 1-based line range, or an error. */
export interface DelimitedRecord {
  fields: string[];
  lines: [number, number];
  error?: string;
}

/**
 * Splits delimited text into records, RFC 4180 style: a field starting with `"` is quoted, `""` is a
 * quote inside it, and it may span lines. An unterminated quote skips that record's first line only.
 */
export function parseDelimited(text: string, delimiter: string): DelimitedRecord[] {
  const records: DelimitedRecord[] = [];
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    const startLine = line;
    const startPos = pos;
    const fields: string[] = [];
    let field = '';
    let error: string | undefined;
    let atFieldStart = true;
    let done = false;
    while (!done) {
      if (pos >= text.length) {
        fields.push(field);
        break;
      }
      const ch = text[pos] as string;
      if (atFieldStart && ch === '"') {
        const close = findClosingQuote(text, pos + 1);
        if (close < 0) {
          error = 'unterminated quoted field';
          break;
        }
        const quoted = text.slice(pos + 1, close);
        line += quoted.split('\n').length - 1;
        field += quoted.replace(/""/g, '"');
        pos = close + 1;
        atFieldStart = false;
        continue;
      }
      atFieldStart = false;
      if (ch === delimiter) {
        fields.push(field);
        field = '';
        atFieldStart = true;
      } else if (ch === '\n') {
        fields.push(field);
        line++;
        done = true;
      } else {
        field += ch;
      }
      pos++;
    }
    if (error !== undefined) {
      const next = text.indexOf('\n', startPos);
      pos = next < 0 ? text.length : next + 1;
      line = startLine + 1;
      records.push({ fields: [], lines: [startLine, startLine], error });
      continue;
    }
    const endLine = done ? line - 1 : line;
    records.push({ fields, lines: [startLine, endLine] });
  }
  return records;
}

function findClosingQuote(text: string, from: number): number {
  let i = from;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return -1;
    if (text[q + 1] === '"') {
      i = q + 2;
      continue;
    }
    return q;
  }
}
