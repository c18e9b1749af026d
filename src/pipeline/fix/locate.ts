// `transcheck fix`: where each block's text sits in its file (a JSON string, a CSV/TSV field, page lines),
// and how an edit of the block's normalized text becomes an edit of the file's text.
import type { Block, Layout } from '../../core/types.js';
import type { Edit } from '../../core/fix.js';
import { CHINESE_FIELDS, ENGLISH_FIELDS } from '../ingest/records.js';

/** How a value is written in the file. */
type TokenKind = 'json' | 'quoted' | 'plain';

/** Where a block's raw text is written: [start, end) of its token in the file's decoded, LF-normalized text. */
export interface Slot {
  start: number;
  end: number;
  kind: TokenKind;
  /** The field delimiter of a CSV/TSV value (an inserted delimiter makes a plain field quoted). */
  delimiter?: string;
}

/** A block's edits mapped onto the file's text, or why they cannot be. */
export type Mapped = { ok: true; edits: Edit[] } | { ok: false; reason: string };

// ---- JSON: top-level members of objects with the offsets of their values ----

interface Member {
  key: string;
  start: number;
  end: number;
}

const WS = new Set([' ', '\t', '\n', '\r']);

function skipWs(s: string, i: number): number {
  while (i < s.length && WS.has(s[i] as string)) i++;
  return i;
}

/** Offset just past the string starting at `i` (a `"`), or -1. */
function skipString(s: string, i: number): number {
  for (i++; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '"') return i + 1;
  }
  return -1;
}

/** Offset just past the JSON value starting at `i`, or -1 (the text was already parsed, so it is valid). */
function skipValue(s: string, i: number): number {
  const c = s[i];
  if (c === '"') return skipString(s, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (; i < s.length; i++) {
      const ch = s[i];
      if (ch === '"') {
        const next = skipString(s, i);
        if (next < 0) return -1;
        i = next - 1;
      } else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return -1;
  }
  while (i < s.length && !WS.has(s[i] as string) && s[i] !== ',' && s[i] !== '}' && s[i] !== ']') i++;
  return i;
}

/** Members of the object starting at `i` (a `{`), or undefined when it is not one. */
function objectMembers(s: string, i: number): Member[] | undefined {
  if (s[i] !== '{') return undefined;
  const out: Member[] = [];
  i = skipWs(s, i + 1);
  if (s[i] === '}') return out;
  for (;;) {
    if (s[i] !== '"') return undefined;
    const keyEnd = skipString(s, i);
    if (keyEnd < 0) return undefined;
    const key = JSON.parse(s.slice(i, keyEnd)) as string;
    i = skipWs(s, keyEnd);
    if (s[i] !== ':') return undefined;
    const start = skipWs(s, i + 1);
    const end = skipValue(s, start);
    if (end < 0) return undefined;
    out.push({ key, start, end });
    i = skipWs(s, end);
    if (s[i] === ',') i = skipWs(s, i + 1);
    else return s[i] === '}' ? out : undefined;
  }
}

/** Start offsets of the elements of the top-level array, or undefined when the text is not an array. */
function arrayElements(s: string): number[] | undefined {
  let i = skipWs(s, 0);
  if (s[i] !== '[') return undefined;
  const out: number[] = [];
  i = skipWs(s, i + 1);
  if (s[i] === ']') return out;
  for (;;) {
    out.push(i);
    const end = skipValue(s, i);
    if (end < 0) return undefined;
    i = skipWs(s, end);
    if (s[i] === ',') i = skipWs(s, i + 1);
    else return s[i] === ']' ? out : undefined;
  }
}

// ---- CSV/TSV: fields with their offsets (RFC 4180, as ingest reads them) ----

interface Field {
  start: number;
  end: number;
  quoted: boolean;
  value: string;
}

/** Rows of delimited text with each field's token offsets and the row's 1-based first line. */
function delimitedRows(text: string, delimiter: string): Array<{ line: number; fields: Field[] }> {
  const rows: Array<{ line: number; fields: Field[] }> = [];
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    const row = { line, fields: [] as Field[] };
    for (;;) {
      const start = pos;
      if (text[pos] === '"') {
        let close = pos + 1;
        for (;;) {
          close = text.indexOf('"', close);
          if (close < 0 || text[close + 1] !== '"') break;
          close += 2;
        }
        if (close < 0) {
          // Unterminated: ingest skips this line; so does fix.
          const next = text.indexOf('\n', pos);
          pos = next < 0 ? text.length : next + 1;
          line++;
          row.fields = [];
          break;
        }
        const inner = text.slice(pos + 1, close);
        line += inner.split('\n').length - 1;
        pos = close + 1;
        // Text after the closing quote (`"a"b`) joins the value in ingest: not a clean token, not fixed.
        let tail = pos;
        while (tail < text.length && text[tail] !== delimiter && text[tail] !== '\n') tail++;
        row.fields.push({ start, end: tail, quoted: tail === pos, value: inner.replace(/""/g, '"') + text.slice(pos, tail) });
        pos = tail;
      } else {
        while (pos < text.length && text[pos] !== delimiter && text[pos] !== '\n') pos++;
        row.fields.push({ start, end: pos, quoted: false, value: text.slice(start, pos) });
      }
      if (pos >= text.length) break;
      if (text[pos] === delimiter) {
        pos++;
        continue;
      }
      pos++; // the line end
      line++;
      break;
    }
    if (row.fields.length > 0) rows.push(row);
  }
  return rows;
}

// ---- slots per layout ----

/** A text slot of a record: its line, the role ingest gives it, its raw value and where it is written. */
interface RecordSlot extends Slot {
  line: number;
  claimed: 'original' | 'translation';
  raw: string;
}

/** The value `pick` (records.ts) reads for one role: the first field name with a non-blank string. */
function pickIndex<T>(fields: Map<string, T>, names: readonly string[], value: (t: T) => unknown): T | undefined {
  for (const name of names) {
    const t = fields.get(name);
    if (t === undefined) continue;
    const v = value(t);
    if ((typeof v === 'string' && v.trim() !== '') || typeof v === 'number') return t;
  }
  return undefined;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 1-based line of an offset. */
function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function jsonSlots(text: string, objects: number[], starts: readonly number[]): RecordSlot[] {
  const out: RecordSlot[] = [];
  for (const at of objects) {
    const members = objectMembers(text, at);
    if (!members) continue;
    // Keys compare lower-cased and trimmed; a repeated key keeps its last value, as JSON.parse does.
    const byName = new Map<string, Member>();
    for (const m of members) byName.set(m.key.trim().toLowerCase(), m);
    const value = (m: Member): unknown => JSON.parse(text.slice(m.start, m.end));
    const line = lineOf(starts, at);
    for (const [claimed, names] of [
      ['original', ENGLISH_FIELDS],
      ['translation', CHINESE_FIELDS],
    ] as const) {
      const m = pickIndex(byName, names, value);
      if (!m || text[m.start] !== '"') continue;
      out.push({ line, claimed, raw: (value(m) as string).replace(/\r\n?/g, '\n'), start: m.start, end: m.end, kind: 'json' });
    }
  }
  return out;
}

/** Every text slot of a record file, in file order. */
function recordSlots(text: string, layout: Layout, json: boolean): RecordSlot[] {
  const starts = lineStarts(text);
  if (layout === 'csv' || layout === 'tsv') {
    const delimiter = layout === 'csv' ? ',' : '\t';
    const rows = delimitedRows(text, delimiter).filter((r) => r.fields.some((f) => f.value.trim() !== ''));
    const header = rows[0]?.fields.map((f) => f.value.trim().toLowerCase()) ?? [];
    const out: RecordSlot[] = [];
    for (const row of rows.slice(1)) {
      if (row.fields.length !== header.length) continue;
      const byName = new Map(header.map((name, i) => [name, row.fields[i] as Field]));
      for (const [claimed, names] of [
        ['original', ENGLISH_FIELDS],
        ['translation', CHINESE_FIELDS],
      ] as const) {
        const f = pickIndex(byName, names, (x) => x.value);
        if (!f) continue;
        out.push({ line: row.line, claimed, raw: f.value, start: f.start, end: f.end, kind: f.quoted ? 'quoted' : 'plain', delimiter });
      }
    }
    return out;
  }
  if (json) {
    const elements = arrayElements(text);
    if (elements) return jsonSlots(text, elements, starts);
    const at = skipWs(text, 0);
    if (text[at] === '{' && skipWs(text, skipValue(text, at)) === text.length) {
      // A single record: ingest gives it the lines of the whole document.
      return jsonSlots(text, [at], starts).map((s) => ({ ...s, line: 1 }));
    }
  }
  const out: RecordSlot[] = [];
  starts.forEach((start, i) => {
    if (text[skipWs(text, start)] === '{') out.push(...jsonSlots(text, [skipWs(text, start)], starts).map((s) => ({ ...s, line: i + 1 })));
  });
  return out;
}

/**
 * Finds where each block of one file is written. Records are matched by line and role, and their value
 * must equal the block's raw text; page blocks are looked for in their own lines. Blocks not found get
 * a reason instead.
 */
export function locateBlocks(
  text: string,
  layout: Layout,
  name: string,
  blocks: readonly Block[],
): Map<string, Slot | { reason: string }> {
  const found = new Map<string, Slot | { reason: string }>();
  const records = ['jsonl', 'csv', 'tsv'].includes(layout);
  if (records) {
    const slots = recordSlots(text, layout, name.toLowerCase().endsWith('.json'));
    const queue = new Map<string, RecordSlot[]>();
    for (const s of slots) {
      const key = `${s.line}\u0000${s.claimed}`;
      queue.set(key, [...(queue.get(key) ?? []), s]);
    }
    for (const b of blocks) {
      const list = queue.get(`${b.lines[0]}\u0000${b.claimed}`) ?? [];
      const i = list.findIndex((s) => s.raw === b.raw);
      if (i < 0) {
        found.set(b.id, { reason: `line ${b.lines[0]}: the record's field was not found as read` });
        continue;
      }
      const [slot] = list.splice(i, 1) as [RecordSlot];
      found.set(b.id, { start: slot.start, end: slot.end, kind: slot.kind, ...(slot.delimiter ? { delimiter: slot.delimiter } : {}) });
    }
    return found;
  }
  const starts = lineStarts(text);
  for (const b of blocks) {
    const from = starts[b.lines[0] - 1];
    const nextLine = starts[b.lines[1]];
    if (from === undefined) {
      found.set(b.id, { reason: `lines ${b.lines[0]}–${b.lines[1]}: past the end of the file` });
      continue;
    }
    const region = text.slice(from, nextLine === undefined ? text.length : nextLine);
    const at = region.indexOf(b.raw);
    if (at < 0 || region.indexOf(b.raw, at + 1) >= 0) {
      found.set(b.id, { reason: `lines ${b.lines[0]}–${b.lines[1]}: the block's text is not found once in its lines` });
      continue;
    }
    found.set(b.id, { start: from + at, end: from + at + b.raw.length, kind: 'plain' });
  }
  return found;
}

// ---- edits of normalized text → edits of the file ----

/** Token offset of each value code unit (and one past the last) for a JSON string token. */
function jsonOffsets(token: string): { value: string; at: number[] } {
  const at: number[] = [];
  let value = '';
  let i = 1;
  while (i < token.length - 1) {
    at.push(i);
    if (token[i] === '\\') {
      const width = token[i + 1] === 'u' ? 6 : 2;
      value += JSON.parse(`"${token.slice(i, i + width)}"`) as string;
      i += width;
    } else {
      value += token[i];
      i++;
    }
  }
  at.push(token.length - 1);
  return { value, at };
}

/** Token offset of each value code unit (and one past the last) for a quoted CSV field. */
function quotedOffsets(token: string): { value: string; at: number[] } {
  const at: number[] = [];
  let value = '';
  let i = 1;
  while (i < token.length - 1) {
    at.push(i);
    value += token[i];
    i += token[i] === '"' ? 2 : 1;
  }
  at.push(token.length - 1);
  return { value, at };
}

/** Text as a CSV/TSV field needs it: quoted (quotes doubled) when it holds a delimiter, quote or line end. */
export function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Maps edits of a block's normalized text (`block.text`) onto the file's text. The normalized text must
 * be the raw text trimmed (raw already in NFC): otherwise offsets cannot be mapped safely.
 */
export function mapEdits(file: string, block: Block, slot: Slot, edits: readonly Edit[]): Mapped {
  const raw = block.raw;
  if (raw.normalize('NFC') !== raw) return { ok: false, reason: 'its text is not in Unicode NFC, so offsets cannot be mapped safely' };
  const lead = raw.length - raw.trimStart().length;
  if (raw.slice(lead, lead + block.text.length) !== block.text) return { ok: false, reason: 'its normalized text is not its raw text trimmed' };
  const token = file.slice(slot.start, slot.end);
  const valueEdits = edits.map((e) => ({ range: [e.range[0] + lead, e.range[1] + lead] as [number, number], text: e.text }));
  if (slot.kind === 'json') {
    const { value, at } = jsonOffsets(token);
    if (value.replace(/\r\n?/g, '\n') !== raw) return { ok: false, reason: 'its JSON string holds a carriage return, so offsets cannot be mapped safely' };
    return {
      ok: true,
      edits: valueEdits.map((e) => ({
        range: [slot.start + (at[e.range[0]] as number), slot.start + (at[e.range[1]] as number)],
        text: JSON.stringify(e.text).slice(1, -1),
      })),
    };
  }
  if (slot.kind === 'quoted') {
    const { value, at } = quotedOffsets(token);
    if (value !== raw) return { ok: false, reason: 'its quoted field is not its text as read' };
    return {
      ok: true,
      edits: valueEdits.map((e) => ({
        range: [slot.start + (at[e.range[0]] as number), slot.start + (at[e.range[1]] as number)],
        text: e.text.replace(/"/g, '""'),
      })),
    };
  }
  if (token !== raw) return { ok: false, reason: 'its text is not written as read' };
  const delimiter = slot.delimiter;
  if (delimiter !== undefined && valueEdits.some((e) => csvField(e.text, delimiter) !== e.text)) {
    // An inserted delimiter or quote makes the plain field quoted: the whole field is rewritten.
    let value = raw;
    for (const e of [...valueEdits].sort((a, b) => b.range[0] - a.range[0])) value = value.slice(0, e.range[0]) + e.text + value.slice(e.range[1]);
    return { ok: true, edits: [{ range: [slot.start, slot.end], text: csvField(value, delimiter) }] };
  }
  return { ok: true, edits: valueEdits.map((e) => ({ range: [slot.start + e.range[0], slot.start + e.range[1]], text: e.text })) };
}
