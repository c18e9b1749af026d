// Pipeline stage 1: reads input files into blocks (decoding, layout detection, per-format readers).
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { extname, resolve } from 'node:path';
import { InputFileError } from '../core/errors.js';
import type { Block, IngestedFile } from '../core/types.js';
import { decodeBytes } from './ingest/decode.js';
import type { BlockDraft, ReadResult } from './ingest/draft.js';
import { findMarker, looksLikeSectionPage, markerKey, readLinePage, readMarkerPage, readParagraphs, readSectionPage } from './ingest/pages.js';
import { looksDelimited, looksLikeJsonl, readDelimited, readJsonArrayStream, readJsonDocument, readJsonl, readRecordsStream } from './ingest/records.js';

export { expandInputs, TEXT_EXTENSIONS } from './ingest/inputs.js';

/**
 * Lines that mark the block before them as a machine translation (whole line, compared case-insensitively,
 * surrounding brackets ignored). Not `machine translation`: that is also a common heading.
 */
export const DEFAULT_MARKERS: readonly string[] = [
  'translated by 谷歌翻译',
  'translated by Google',
  'translated by Google Translate',
  'translated by machine',
  'machine translated',
  '由谷歌翻译',
  '谷歌翻译',
  '机器翻译',
  '機器翻譯',
  '由机器翻译',
];

/** Options of ingest. */
export interface IngestOptions {
  /** Marker lines that say "the block above is a translation"; DEFAULT_MARKERS when absent. */
  markers?: readonly string[];
  /** Folder that relative paths are read from (default: the process's working directory). */
  cwd?: string;
  /** Record files (JSONL, CSV, TSV) above this many bytes are streamed (default 64 MB; tests lower it). */
  streamAbove?: number;
}

/** Picks the reader for a file from its extension and its content. */
function read(name: string, text: string, markers: ReadonlySet<string>): ReadResult {
  const lines = text.split('\n');
  const ext = extname(name).toLowerCase();
  if (ext === '.json') {
    const document = readJsonDocument(text);
    if (document) return document;
  }
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json' || looksLikeJsonl(lines)) return readJsonl(lines);
  const notes: string[] = [];
  // Semicolons separate the fields of CSV files written with a decimal comma (European spreadsheets).
  for (const [layout, extension, delimiter] of [
    ['tsv', '.tsv', '\t'],
    ['csv', '.csv', ','],
    ['csv', '.csv', ';'],
  ] as const) {
    if (ext !== extension && !looksDelimited(lines, delimiter)) continue;
    const records = readDelimited(text, layout, delimiter);
    if (records) return delimiter === ';' ? { ...records, notes: ['fields separated by semicolons', ...records.notes] } : records;
  }
  if (ext === '.csv' || ext === '.tsv') {
    // Read as prose, a table would give one bogus "abstract" per row: say it is not understood instead.
    throw new InputFileError(
      name,
      `not understood as ${ext.slice(1).toUpperCase()}: no header row naming an \`en\`/\`zh\`-like column (tried comma, semicolon and tab separators)`,
      'Name the columns in the first row: en and zh (or source/target, abstract/translation)',
    );
  }
  const page = looksLikeSectionPage(lines)
    ? readSectionPage(lines)
    : findMarker(lines, markers) >= 0
      ? readMarkerPage(lines, markers)
      : (readLinePage(lines) ?? readParagraphs(lines));
  return { ...page, notes: [...notes, ...page.notes] };
}

/**
 * Pure: decodes `bytes`, detects the layout and reads its blocks. `name` is the file path as given (or `-`),
 * `index` the file's position in the run (block ids are `<index>:<n>`). Throws InputFileError for a binary file.
 */
export function ingestBytes(name: string, bytes: Uint8Array, index: number, options: IngestOptions = {}): IngestedFile {
  const decoded = decodeBytes(name, bytes);
  const markers = new Set((options.markers ?? DEFAULT_MARKERS).map(markerKey).filter((m) => m !== ''));
  if (decoded.text.trim() === '') {
    return { file: name, index, layout: 'paragraphs', encoding: decoded.encoding, blocks: [], dropped: [], notes: [...decoded.notes, 'empty file: no text to audit'] };
  }
  return assemble(name, index, decoded.encoding, decoded.notes, read(name, decoded.text, markers));
}

/** Blocks with ids, file and normalized text from a reader's drafts. */
/** Blocks of drafts, numbered from `first` in file `index`; empty drafts are left out. */
function assembleBlocks(drafts: readonly BlockDraft[], name: string, index: number, first: number): Block[] {
  // Ids are given after empty drafts are left out, so `attachedTo` is mapped through them.
  const byDraft = new Map<number, Block>();
  const blocks: Block[] = [];
  drafts.forEach((draft, i) => {
    const text = draft.raw.normalize('NFC').trim();
    if (text === '') return;
    const block: Block = { id: `${index}:${first + blocks.length}`, file: name, lines: draft.lines, raw: draft.raw, text, claimed: draft.claimed };
    if (draft.title !== undefined) block.title = draft.title.normalize('NFC').trim();
    if (draft.recordId !== undefined) block.recordId = draft.recordId;
    byDraft.set(i, block);
    blocks.push(block);
  });
  drafts.forEach((draft, i) => {
    const partner = draft.attachedTo === undefined ? undefined : byDraft.get(draft.attachedTo);
    const block = byDraft.get(i);
    if (block && partner) block.attachedTo = partner.id;
  });
  return blocks;
}

/** `handedOut`: blocks already given to a sink while reading (numbered before the ones returned). */
function assemble(name: string, index: number, encoding: string, decodedNotes: readonly string[], result: ReadResult, handedOut = 0): IngestedFile {
  const blocks = assembleBlocks(result.blocks, name, index, handedOut);
  const notes = [...decodedNotes, ...result.notes];
  if (handedOut + blocks.length === 0) notes.push('no text blocks found');
  const skippedLines = countSkipped(result.notes);
  return { file: name, index, layout: result.layout, encoding, blocks, dropped: result.dropped, notes, ...(skippedLines > 0 ? { skippedLines } : {}) };
}

/**
 * Records the readers skipped, counted from their notes (`line N: record skipped, …`, and the closing
 * `… and N more records skipped` of a long list), so the summary, the index and --json can count them.
 */
export function countSkipped(notes: readonly string[]): number {
  let n = 0;
  for (const note of notes) {
    const more = /^… and (\d+) more .*skipped/.exec(note);
    if (more) n += Number(more[1]);
    else if (/^(?:line|lines|row|record) \d+[^:]*: (?:record|element \d+|row) skipped/.test(note) || /^line \d+: element \d+ skipped/.test(note)) n++;
  }
  return n;
}

/**
 * Reads a file (or stdin for `-`) and ingests it; throws InputFileError naming the path when it cannot
 * be read or is binary. With `onBlocks`, a large JSONL, CSV or TSV file (over `streamAbove`, read as a
 * stream) hands its blocks to it in batches as they are read and returns none of them, so they are never
 * all held (`index build` of a multi-GB metadata snapshot); any other file's blocks are returned as usual.
 */
export async function ingestFile(
  path: string,
  index: number,
  options: IngestOptions = {},
  onBlocks?: (blocks: Block[]) => Promise<void> | void,
): Promise<IngestedFile> {
  let bytes: Uint8Array;
  try {
    if (path !== '-') {
      const streamed = await ingestLarge(path, resolve(options.cwd ?? process.cwd(), path), index, options.streamAbove ?? STREAM_BYTES, onBlocks);
      if (streamed) return streamed;
    }
    bytes = path === '-' ? await readStdin() : await readFile(resolve(options.cwd ?? process.cwd(), path));
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : `cannot be read (${(error as Error).message})`;
    throw new InputFileError(path, problem, 'check the path; folders and globs are expanded by the audit command');
  }
  return ingestBytes(path, bytes, index, options);
}

/** Files above this size are streamed when they hold records (JSONL, CSV, TSV). */
const STREAM_BYTES = 64 * 1024 * 1024;
/** Files above this size that are not records cannot be read whole (a string of ~512M characters is Node's limit). */
const WHOLE_MAX_BYTES = 512 * 1024 * 1024;

/**
 * A large record file read as a stream of lines (any size; no whole-file string), or undefined for a
 * file small enough to read whole. A large file in another layout is an error naming it, never skipped.
 */
async function ingestLarge(
  name: string,
  path: string,
  index: number,
  streamAbove: number,
  onBlocks?: (blocks: Block[]) => Promise<void> | void,
): Promise<IngestedFile | undefined> {
  const info = await stat(path);
  if (!info.isFile() || info.size <= streamAbove) return undefined;
  const head = await firstLine(path);
  const layout = streamedLayout(name, head);
  const size = `${(info.size / 1024 / 1024).toFixed(0)} MB`;
  // A large JSON array is parsed as a stream too (stream-json), one element at a time.
  if (head.trimStart().startsWith('[')) {
    const chunks = withoutBom(createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>);
    return assemble(name, index, 'utf-8', [`read as a stream (${size})`], await readJsonArrayStream(chunks));
  }
  if (layout === undefined) {
    if (info.size <= Math.max(WHOLE_MAX_BYTES, streamAbove)) return undefined;
    throw new InputFileError(name, `too large to read whole (${size}) and not JSONL, CSV or TSV`, 'give large corpora as JSONL (one record a line), CSV or TSV, which are streamed');
  }
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let handedOut = 0;
  const sink = onBlocks
    ? async (drafts: BlockDraft[]) => {
        const blocks = assembleBlocks(drafts, name, index, handedOut);
        handedOut += blocks.length;
        await onBlocks(blocks);
      }
    : undefined;
  const result = await readRecordsStream(lines, layout, sink);
  if (!result) throw new InputFileError(name, `no header naming an \`en\`/\`zh\`-like column: not read as ${layout.toUpperCase()}`);
  return assemble(name, index, 'utf-8', [`read as a stream (${size})`], result, handedOut);
}

/** The layout a large file is streamed in, from its name and first line; undefined when not records. */
function streamedLayout(name: string, head: string): 'jsonl' | 'csv' | 'tsv' | undefined {
  const ext = extname(name).toLowerCase();
  return ext === '.jsonl' || ext === '.ndjson' || looksLikeJsonl([head])
    ? 'jsonl'
    : ext === '.tsv' || (ext !== '.csv' && looksDelimited([head], '\t'))
      ? 'tsv'
      : ext === '.csv' || looksDelimited([head], ',')
        ? 'csv'
        : undefined;
}

async function* withoutBom(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of chunks) {
    yield first ? chunk.replace(/^\uFEFF/, '') : chunk;
    first = false;
  }
}

async function firstLine(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    const lines = text.split('\n');
    return (lines.find((l) => l.trim() !== '') ?? '').replace(/\r$/, '');
  } finally {
    await handle.close();
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
