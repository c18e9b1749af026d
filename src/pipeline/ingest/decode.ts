// Ingest: turns a file's bytes into text (BOM, BOM-less UTF-16, UTF-8, GB18030) and rejects binary files.
import { InputFileError } from '../../core/errors.js';

/** Decoded text of one file and how it was decoded. */
export interface Decoded {
  /** Text with the BOM removed and CRLF / CR line ends turned into LF. */
  text: string;
  /** `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `gb18030` or `windows-1252`. */
  encoding: string;
  notes: string[];
}

const BINARY_HINT = 'transcheck reads text files: UTF-8, UTF-16 or GB18030 (.txt .md .jsonl .json .csv .tsv)';

function decode(label: string, bytes: Uint8Array, fatal: boolean): string | undefined {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Which UTF-16 byte order the NUL bytes suggest, or undefined when they do not look like UTF-16. */
function utf16FromNuls(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const pairs = Math.floor(bytes.length / 2);
  // ASCII in UTF-16 puts its zero byte on one side only (odd offsets for LE); binary data scatters them.
  if (odd > 0 && even <= odd * 0.02 && odd >= pairs * 0.05) return 'utf-16le';
  if (even > 0 && odd <= even * 0.02 && even >= pairs * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * UTF-16 without a BOM whose text has (almost) no ASCII, so no NUL pattern to go on: Chinese-only text.
 * Decoded in each byte order, real text is nearly all Han and CJK punctuation; GB18030 or UTF-8 bytes read
 * as UTF-16 give Hangul, private-use code points and lone surrogates instead.
 */
function utf16Chinese(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 8 || bytes.length % 2 !== 0) return undefined;
  for (const order of ['utf-16le', 'utf-16be'] as const) {
    const text = decode(order, bytes, false) ?? '';
    if (/[\ud800-\udfff\ufffd]/u.test(text)) continue;
    const units = text.length;
    const cjk = text.match(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019\s]/gu)?.length ?? 0;
    const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
    if (han >= 4 && cjk >= units * 0.9) return order;
  }
  return undefined;
}

/** Valid UTF-8 with at most one NUL byte per 1,000 bytes (and at most 1 % of its lines), else undefined. */
function strayNuls(bytes: Uint8Array): string | undefined {
  let nuls = 0;
  for (const b of bytes) if (b === 0) nuls++;
  if (nuls > Math.max(1, bytes.length / 1000)) return undefined;
  const text = decode('utf-8', bytes, true);
  if (text === undefined) return undefined;
  const lines = text.split('\n').length;
  return nulLines(text).length <= Math.max(1, lines / 100) ? text : undefined;
}

/** 1-based lines holding a NUL character. */
function nulLines(text: string): number[] {
  const out: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.includes('\u0000')) out.push(i + 1);
  });
  return out;
}

/** Share of C0 control characters other than tab, LF, VT, FF and CR. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls / text.length;
}

/**
 * True when GB18030 decoding put Han characters inside Latin words ("caf閠able"): a Latin-1 file whose
 * accented letters pair up with the next byte. Real Chinese text rarely has a Han character between letters.
 */
function looksLikeLatinMojibake(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const inside = text.match(/[A-Za-z]\p{Script=Han}[A-Za-z]/gu)?.length ?? 0;
  return han > 0 && inside / han > 0.2;
}

/**
 * Decodes a file: a BOM decides; otherwise NUL bytes mean UTF-16 (by their parity) or binary; otherwise
 * strict UTF-8, then strict GB18030 unless that gives Latin mojibake, then UTF-8 with replacement characters
 * when some of it is valid UTF-8, else Windows-1252 (both noted).
 * Throws InputFileError naming `name` for a binary file.
 */
export function decodeBytes(name: string, bytes: Uint8Array): Decoded {
  const notes: string[] = [];
  let text: string | undefined;
  let encoding: string;
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    encoding = 'utf-8-bom';
    text = decode('utf-8', bytes, true);
    if (text === undefined) {
      notes.push('invalid UTF-8 byte sequences were replaced with U+FFFD');
      text = decode('utf-8', bytes, false) ?? '';
    }
  } else if (b0 === 0xff && b1 === 0xfe) {
    encoding = 'utf-16le';
    text = decode('utf-16le', bytes, false) ?? '';
  } else if (b0 === 0xfe && b1 === 0xff) {
    encoding = 'utf-16be';
    text = decode('utf-16be', bytes, false) ?? '';
  } else if (bytes.includes(0) && utf16FromNuls(bytes)) {
    const order = utf16FromNuls(bytes) as 'utf-16le' | 'utf-16be';
    encoding = order;
    text = decode(order, bytes, false) ?? '';
    notes.push(`decoded as ${order.toUpperCase()} without a byte order mark (from the pattern of NUL bytes)`);
  } else if (bytes.includes(0) && (text = strayNuls(bytes)) !== undefined) {
    // A few NUL bytes in otherwise valid UTF-8 (a damaged line): the lines that hold them are the
    // readers' problem (a JSONL record is skipped), not the whole file's.
    encoding = 'utf-8';
    notes.push(`stray NUL bytes on line(s) ${nulLines(text).join(', ')}; the rest of the file was read`);
  } else if (bytes.includes(0)) {
    const order = utf16Chinese(bytes);
    if (!order) throw new InputFileError(name, 'binary file (NUL bytes that are not UTF-16 text)', BINARY_HINT);
    encoding = order;
    text = decode(order, bytes, false) ?? '';
    notes.push(`decoded as ${order.toUpperCase()} without a byte order mark (Chinese text)`);
  } else if ((text = decode('utf-8', bytes, true)) !== undefined) {
    encoding = 'utf-8';
  } else if (utf16Chinese(bytes)) {
    const order = utf16Chinese(bytes) as 'utf-16le' | 'utf-16be';
    encoding = order;
    text = decode(order, bytes, false) ?? '';
    notes.push(`decoded as ${order.toUpperCase()} without a byte order mark (Chinese text)`);
  } else if ((text = decode('gb18030', bytes, true)) !== undefined && !looksLikeLatinMojibake(text)) {
    encoding = 'gb18030';
  } else {
    const lenient = decode('utf-8', bytes, false) ?? '';
    // Some valid multi-byte UTF-8 means a damaged UTF-8 file; none means a single-byte Latin encoding.
    if (/[^\u0000-\u007f\ufffd]/u.test(lenient)) {
      encoding = 'utf-8';
      text = lenient;
      notes.push('neither valid UTF-8 nor GB18030: invalid byte sequences were replaced with U+FFFD');
    } else {
      encoding = 'windows-1252';
      text = decode('windows-1252', bytes, false) ?? '';
      notes.push('decoded as Windows-1252 (Latin-1): neither valid UTF-8 nor GB18030 Chinese text');
    }
  }
  if (controlShare(text) > 0.01) {
    throw new InputFileError(name, `binary file (control characters after decoding as ${encoding})`, BINARY_HINT);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text: text.replace(/\r\n?/g, '\n'), encoding, notes };
}
