// Ingest: record formats (JSONL, a JSON array, CSV and TSV with RFC 4180 quoting) with en/zh-like fields.
import { Readable } from 'node:stream';
import { parseDelimited } from '../../core/delimited.js';
import type { Layout } from '../../core/types.js';
import { type BlockDraft, NoteList, type ReadResult } from './draft.js';

/** Field names read as the English original, in order of preference (lower-cased). */
export const ENGLISH_FIELDS = ['en', 'source', 'abstract', 'english', 'src'] as const;
/** Field names read as the Chinese translation, in order of preference (lower-cased). */
export const CHINESE_FIELDS = ['zh', 'target', 'translation', 'chinese', 'tgt'] as const;
const ID_FIELDS = ['id'];
const TITLE_FIELDS = ['title'];
const FIELD_HELP = 'expected `en`/`zh`, `source`/`target`, `abstract` or `translation`';

/** One record's fields by lower-cased name, with its 1-based line range. */
interface RawRecord {
  fields: Map<string, unknown>;
  lines: [number, number];
}

function pick(fields: Map<string, unknown>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = fields.get(name);
    if (typeof value === 'string' && value.trim() !== '') return value.replace(/\r\n?/g, '\n');
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

/** Turns records into blocks: English → original, Chinese → translation, both → attached to each other. */
function recordsToBlocks(records: RawRecord[], layout: Layout, notes: NoteList): ReadResult {
  const blocks: BlockDraft[] = [];
  for (const record of records) addRecord(record, blocks, notes);
  return { layout, blocks, dropped: [], notes: notes.done('records skipped') };
}

/** Adds one record's blocks (read one at a time when a file is streamed). */
function addRecord({ fields, lines }: RawRecord, blocks: BlockDraft[], notes: NoteList): void {
  {
    const en = pick(fields, ENGLISH_FIELDS);
    const zh = pick(fields, CHINESE_FIELDS);
    if (en === undefined && zh === undefined) {
      notes.add(lines[0], `line ${lines[0]}: record skipped, no text field (${FIELD_HELP})`);
      return;
    }
    const recordId = pick(fields, ID_FIELDS);
    const title = pick(fields, TITLE_FIELDS)?.trim();
    const common = { lines, ...(recordId === undefined ? {} : { recordId }), ...(title ? { title } : {}) };
    const enIndex = blocks.length;
    if (en !== undefined) blocks.push({ ...common, raw: en, claimed: 'original' });
    if (zh !== undefined) {
      if (en !== undefined) {
        blocks.push({ ...common, raw: zh, claimed: 'translation', attachedTo: enIndex });
        (blocks[enIndex] as BlockDraft).attachedTo = enIndex + 1;
      } else {
        blocks.push({ ...common, raw: zh, claimed: 'translation' });
      }
    }
  }
}

function lowerKeys(object: Record<string, unknown>): Map<string, unknown> {
  return new Map(Object.entries(object).map(([k, v]) => [k.trim().toLowerCase(), v]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when the first non-empty line is a JSON object (a JSONL file whatever its name). */
export function looksLikeJsonl(lines: readonly string[]): boolean {
  const first = lines.find((l) => l.trim() !== '')?.trim();
  if (!first?.startsWith('{')) return false;
  try {
    return isObject(JSON.parse(first));
  } catch {
    return false;
  }
}

/** JSONL: one JSON object a line; a bad line is skipped with a note naming it. */
export function readJsonl(lines: readonly string[]): ReadResult {
  const notes = new NoteList();
  const records: RawRecord[] = [];
  lines.forEach((line, i) => {
    const record = jsonlRecord(line, i + 1, notes);
    if (record) records.push(record);
  });
  return recordsToBlocks(records, 'jsonl', notes);
}

/** One JSONL line as a record, or undefined (blank, or skipped with a note). */
function jsonlRecord(line: string, n: number, notes: NoteList): RawRecord | undefined {
  if (line.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    notes.add(n, `line ${n}: record skipped, invalid JSON (${(error as Error).message})`);
    return undefined;
  }
  if (!isObject(value)) {
    notes.add(n, `line ${n}: record skipped, not a JSON object`);
    return undefined;
  }
  return { fields: lowerKeys(value), lines: [n, n] };
}

/** Drafts handed to a `readRecordsStream` sink at a time (whole records: a batch may hold one more). */
const SINK_BATCH = 2000;

/**
 * Streams a UTF-8 JSONL, CSV or TSV file line by line (files of any size: no whole-file string); each
 * record becomes its blocks as it is read, so memory holds the blocks, not the text and its records.
 * A CSV/TSV record spans lines while a quoted field is open. Returns undefined for a CSV/TSV whose
 * header names no known text field (the caller then reports it).
 */
export async function readRecordsStream(
  lines: AsyncIterable<string>,
  layout: 'jsonl' | 'csv' | 'tsv',
  sink?: (drafts: BlockDraft[]) => Promise<void> | void,
): Promise<ReadResult | undefined> {
  const notes = new NoteList();
  let blocks: BlockDraft[] = [];
  // With a sink, whole records' drafts leave in batches (`attachedTo` re-based to the batch) and are
  // not kept: `index build` of the 2.6 GB arXiv snapshot holds one batch, not the file's blocks.
  const flush = async (last: boolean): Promise<void> => {
    if (!sink || (!last && blocks.length < SINK_BATCH) || blocks.length === 0) return;
    const batch = blocks;
    blocks = [];
    await sink(batch);
  };
  let n = 0;
  if (layout === 'jsonl') {
    for await (const line of lines) {
      n++;
      const record = jsonlRecord(n === 1 ? line.replace(/^\uFEFF/, '') : line, n, notes);
      if (record) addRecord(record, blocks, notes);
      await flush(false);
    }
    await flush(true);
    return { layout, blocks, dropped: [], notes: notes.done('records skipped') };
  }
  const delimiter = layout === 'csv' ? ',' : '\t';
  let header: string[] | undefined;
  let pending = '';
  let pendingStart = 0;
  let quotes = 0;
  for await (const raw of lines) {
    n++;
    const line = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (pending === '') pendingStart = n;
    pending = pending === '' && quotes === 0 ? line : `${pending}\n${line}`;
    for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 34) quotes++;
    // An odd number of quotes so far: a quoted field is still open and continues on the next line.
    if (quotes % 2 === 1) continue;
    const text = pending;
    pending = '';
    quotes = 0;
    const row = parseDelimited(text, delimiter)[0];
    if (row === undefined || (row.error === undefined && !row.fields.some((f) => f.trim() !== ''))) continue;
    const lineRange: [number, number] = [pendingStart, n];
    if (header === undefined) {
      header = row.error === undefined ? knownHeader(row.fields) : undefined;
      if (!header) return undefined;
      continue;
    }
    const at = pendingStart === n ? `line ${n}` : `lines ${pendingStart}–${n}`;
    if (row.error !== undefined) notes.add(pendingStart, `${at}: record skipped, ${row.error}`);
    else if (row.fields.length !== header.length) notes.add(pendingStart, `${at}: record skipped, ${row.fields.length} columns where the header has ${header.length}`);
    else {
      const h = header;
      addRecord({ fields: new Map(h.map((name, i) => [name, row.fields[i]])), lines: lineRange }, blocks, notes);
      await flush(false);
    }
  }
  if (pending !== '') notes.add(pendingStart, `line ${pendingStart}: record skipped, unterminated quoted field`);
  if (header === undefined) return undefined;
  await flush(true);
  return { layout, blocks, dropped: [], notes: notes.done('records skipped') };
}

/**
 * The 1-based line where each top-level element of a JSON array starts, found incrementally chunk by
 * chunk (the same scan as `arrayElementOffsets`): a streamed element is located without the file's text.
 */
class ElementLines {
  readonly lines: number[] = [];
  private line = 1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private expectElement = false;
  push(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) this.inString = false;
        continue;
      }
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) continue;
      if (this.depth === 1 && this.expectElement && c !== 93) {
        this.lines.push(this.line);
        this.expectElement = false;
      }
      if (c === 34) this.inString = true;
      else if (c === 91 || c === 123) {
        this.depth++;
        if (this.depth === 1) this.expectElement = true;
      } else if (c === 93 || c === 125) this.depth--;
      else if (c === 44 && this.depth === 1) this.expectElement = true;
    }
  }
}

/**
 * Streams a large `.json` array (UTF-8 text chunks) with stream-json: one element is assembled at a
 * time and becomes its blocks, so memory holds the blocks, never the file's text or its whole parse.
 * Each record is located at the line where it starts. Invalid JSON ends the read with a note naming
 * the element where it stopped; the records before it are kept.
 */
export async function readJsonArrayStream(chunks: AsyncIterable<string>): Promise<ReadResult> {
  const notes = new NoteList();
  const blocks: BlockDraft[] = [];
  const located = new ElementLines();
  async function* tap(): AsyncGenerator<string> {
    for await (const chunk of chunks) {
      located.push(chunk);
      yield chunk;
    }
  }
  // Loaded on first use: about 100 ms of module loading that every other run would pay at start-up.
  const { default: streamArray } = await import('stream-json/streamers/stream-array.js');
  const source = Readable.from(tap());
  const elements = streamArray.withParserAsStream();
  source.on('error', (error) => elements.destroy(error));
  source.pipe(elements);
  let n = 0;
  // Elements are taken as they are emitted ('data', handled synchronously): on invalid JSON the
  // elements before it are kept (an async iterator would drop those still buffered).
  await new Promise<void>((resolve) => {
    elements.on('data', (item: { key: number; value: unknown }) => {
      n = item.key + 1;
      const start = located.lines[item.key] ?? 0;
      if (isObject(item.value)) addRecord({ fields: lowerKeys(item.value), lines: [start, start] }, blocks, notes);
      else notes.add(start, `line ${start}: element ${n} skipped, not a JSON object`);
    });
    elements.on('end', () => resolve());
    elements.on('error', (error: Error) => {
      const at = located.lines[n] ?? located.lines[located.lines.length - 1] ?? 1;
      notes.add(at, `line ${at}: the JSON array could not be read past element ${n} (${error.message}); ${n} element(s) read`);
      source.destroy();
      resolve();
    });
  });
  return { layout: 'jsonl', blocks, dropped: [], notes: notes.done('records skipped') };
}

/** 0-based offsets where the top-level elements of a JSON array start (the text must be valid JSON). */
function arrayElementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (/\s/.test(ch)) continue;
    if (depth === 1 && expectElement && ch !== ']') {
      offsets.push(i);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expectElement = true;
  }
  return offsets;
}

/**
 * A `.json` file: an array of records (each located at the line where it starts) or a single record.
 * Returns undefined when the text is not one JSON value (the caller then tries JSONL).
 */
export function readJsonDocument(text: string): ReadResult | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const notes = new NoteList();
  // Offsets come in increasing order: count newlines incrementally (slicing each time is quadratic).
  let counted = 0;
  let line = 1;
  const lineAt = (offset: number) => {
    for (; counted < offset; counted++) if (text.charCodeAt(counted) === 10) line++;
    return line;
  };
  const records: RawRecord[] = [];
  if (Array.isArray(value)) {
    const offsets = arrayElementOffsets(text);
    value.forEach((item, i) => {
      const start = lineAt(offsets[i] ?? 0);
      if (isObject(item)) records.push({ fields: lowerKeys(item), lines: [start, start] });
      else notes.add(start, `line ${start}: element ${i + 1} skipped, not a JSON object`);
    });
  } else if (isObject(value)) {
    records.push({ fields: lowerKeys(value), lines: [1, text.trimEnd().split('\n').length] });
  } else {
    notes.add(0, 'the JSON value is neither a record nor an array of records');
  }
  return recordsToBlocks(records, 'jsonl', notes);
}

/** Column names of a header row, or undefined when none is a known text field. */
function knownHeader(fields: readonly string[]): string[] | undefined {
  const names = fields.map((f) => f.trim().toLowerCase());
  const known = [...ENGLISH_FIELDS, ...CHINESE_FIELDS] as readonly string[];
  return names.some((n) => known.includes(n)) ? names : undefined;
}

/** True when the first line, split by `delimiter`, is a header naming a known text field. */
export function looksDelimited(lines: readonly string[], delimiter: string): boolean {
  const first = lines.find((l) => l.trim() !== '');
  if (first === undefined || !first.includes(delimiter)) return false;
  const header = parseDelimited(first, delimiter)[0];
  return header !== undefined && knownHeader(header.fields) !== undefined;
}

/**
 * CSV or TSV with a header row naming the columns. Returns undefined when the header names no known text
 * field (the caller falls back to page layouts). Rows with the wrong column count are skipped with a note.
 */
export function readDelimited(text: string, layout: 'csv' | 'tsv', delimiter: string = layout === 'csv' ? ',' : '\t'): ReadResult | undefined {
  const rows = parseDelimited(text, delimiter).filter((r) => r.error !== undefined || r.fields.some((f) => f.trim() !== ''));
  const headerRow = rows[0];
  if (headerRow === undefined) return undefined;
  const header = headerRow.error === undefined ? knownHeader(headerRow.fields) : undefined;
  if (!header) return undefined;
  const notes = new NoteList();
  const records: RawRecord[] = [];
  for (const row of rows.slice(1)) {
    const at = row.lines[0] === row.lines[1] ? `line ${row.lines[0]}` : `lines ${row.lines[0]}–${row.lines[1]}`;
    if (row.error !== undefined) {
      notes.add(row.lines[0], `${at}: record skipped, ${row.error}`);
    } else if (row.fields.length !== header.length) {
      notes.add(row.lines[0], `${at}: record skipped, ${row.fields.length} columns where the header has ${header.length}`);
    } else {
      records.push({ fields: new Map(header.map((name, i) => [name, row.fields[i]])), lines: row.lines });
    }
  }
  return recordsToBlocks(records, layout, notes);
}
