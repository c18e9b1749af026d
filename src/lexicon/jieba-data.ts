// jieba's bundled data files (@node-rs/jieba/dict.js: the 5 MB word dictionary and the 6 MB IDF table),
// read on first use. Importing `@node-rs/jieba/dict.js` reads both files at once, so a static import cost
// every command (even --version) about 50 ms of reading; `check` on one pair needs them, `--version` not.
//
// The IDF table (270,000 `word idf` lines) is used a few dozen words at a time for a single pair: building
// a Map of every line cost about 0.3 s and most of the start-up's garbage collection, so lines are indexed
// in place (a hash of each word → its line) and a value is parsed only when looked up.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface JiebaFiles {
  dict: Buffer;
  idf: Buffer;
}

let files: JiebaFiles | undefined;

function jiebaFiles(): JiebaFiles {
  files ??= require('@node-rs/jieba/dict.js') as JiebaFiles;
  return files;
}

/** jieba's default dictionary (for `Jieba.withDict`), read on first call. */
export function jiebaDict(): Buffer {
  return jiebaFiles().dict;
}

/** Lookup of the IDF of a word in a `word idf` a line table. */
export interface IdfTable {
  /** The IDF of `word` (the number after the word's last line, as `Number` reads it), or undefined. */
  get(word: string): number | undefined;
}

// FNV-1a over bytes.
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * Indexes an IDF table (UTF-8): lines `word idf`; a line whose first space is missing or starts it is
 * skipped; a word on several lines takes its last line's value (as a Map built line by line would).
 * Works on the bytes without decoding the 6 MB to a string: space and newline are single bytes in UTF-8
 * and never inside a multi-byte character, so the lines and words are those of the decoded text.
 */
export function indexIdfTable(bytes: Uint8Array): IdfTable {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // One pass over the bytes in JS (a native indexOf call per line cost more than the loop).
  // Per kept line: word start, the space after it, line end (byte offsets), and the word's hash.
  const u8 = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const n = u8.length;
  let count = 1;
  for (let i = 0; i < n; i++) if (u8[i] === 10) count++;
  const bounds = new Int32Array(3 * count);
  const hashes = new Int32Array(count);
  let lines = 0;
  for (let pos = 0; pos <= n; ) {
    let h = 0x811c9dc5;
    let i = pos;
    let b = 0;
    while (i < n && (b = u8[i]!) !== 32 && b !== 10) {
      h = Math.imul(h ^ b, 0x01000193);
      i++;
    }
    const sp = i < n && b === 32 ? i : -1;
    while (i < n && u8[i] !== 10) i++;
    if (sp > pos) {
      bounds[lines * 3] = pos;
      bounds[lines * 3 + 1] = sp;
      bounds[lines * 3 + 2] = i;
      hashes[lines++] = h | 0;
    }
    pos = i + 1;
  }
  let size = 1;
  while (size < lines * 2) size <<= 1;
  const mask = size - 1;
  // Slot → line number + 1 (0 = empty).
  const slots = new Int32Array(size);
  for (let line = 0; line < lines; line++) {
    const h = hashes[line]!;
    const start = bounds[line * 3]!;
    const sp = bounds[line * 3 + 1]!;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const other = slots[s]! - 1;
      if (other < 0) {
        slots[s] = line + 1;
        break;
      }
      const otherStart = bounds[other * 3]!;
      const otherSp = bounds[other * 3 + 1]!;
      if (hashes[other] === h && buf.compare(buf, start, sp, otherStart, otherSp) === 0) {
        slots[s] = line + 1; // the later line wins
        break;
      }
    }
  }
  const values = new Map<string, number | undefined>();
  return {
    get(word) {
      // One lookup for a word met before (words missing from the table are kept as undefined).
      const known = values.get(word);
      if (known !== undefined || values.has(word)) return known;
      const key = Buffer.from(word, 'utf8');
      const h = hashBytes(key, 0, key.length);
      let value: number | undefined;
      for (let s = h & mask; ; s = (s + 1) & mask) {
        const line = slots[s]! - 1;
        if (line < 0) break;
        const start = bounds[line * 3]!;
        const sp = bounds[line * 3 + 1]!;
        if (hashes[line] === h && key.compare(buf, start, sp) === 0) {
          value = Number(buf.toString('utf8', sp + 1, bounds[line * 3 + 2]!));
          break;
        }
      }
      values.set(word, value);
      return value;
    },
  };
}

let idf: IdfTable | undefined;

/** jieba's bundled IDF table, read and indexed on first call. */
export function jiebaIdf(): IdfTable {
  idf ??= indexIdfTable(jiebaFiles().idf);
  return idf;
}
