// Tests of ingest decoding: UTF-8 (BOM or not), UTF-16 LE/BE (BOM or not), GB18030, line ends, binary files.
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/core/errors.js';
import { ingestBytes } from '../../src/pipeline/ingest.js';

const PAGE = '无源域适应旨在将预训练的源模型调整到目标域。\ntranslated by 谷歌翻译\nImplicit regularization is an important way to interpret neural networks.\ntranslated by 谷歌翻译\n';

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const units = [...(bom ? '\ufeff' : ''), ...text].join('');
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const code = units.charCodeAt(i);
    out[2 * i + (order === 'le' ? 0 : 1)] = code & 0xff;
    out[2 * i + (order === 'le' ? 1 : 0)] = code >> 8;
  }
  return out;
}

/** GB18030 bytes of `text`: ASCII as is, other characters through the inverse of the two-byte decoder table. */
function gb18030(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no two-byte GB18030 code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

function expectPage(bytes: Uint8Array, encoding: string) {
  const file = ingestBytes('page.txt', bytes, 0);
  expect(file.encoding).toBe(encoding);
  expect(file.layout).toBe('marker-page');
  expect(file.blocks.map((b) => [b.lines, b.text])).toEqual([
    [[1, 1], '无源域适应旨在将预训练的源模型调整到目标域。'],
    [[3, 3], 'Implicit regularization is an important way to interpret neural networks.'],
  ]);
  return file;
}

describe('encodings', () => {
  it('UTF-8 without and with BOM', () => {
    const plain = new TextEncoder().encode(PAGE);
    expectPage(plain, 'utf-8');
    expectPage(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]), 'utf-8-bom');
  });

  it('UTF-16 LE and BE with BOM', () => {
    expectPage(utf16(PAGE, 'le', true), 'utf-16le');
    expectPage(utf16(PAGE, 'be', true), 'utf-16be');
  });

  it('UTF-16 without BOM from the NUL pattern, with a note', () => {
    expect(expectPage(utf16(PAGE, 'le', false), 'utf-16le').notes[0]).toMatch(/without a byte order mark/);
    expectPage(utf16(PAGE, 'be', false), 'utf-16be');
  });

  it('GB18030 / GBK, detected because the bytes are not UTF-8', () => {
    const bytes = gb18030(PAGE);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expectPage(bytes, 'gb18030');
  });

  it('a Latin-1 file is read as Windows-1252, also when its bytes happen to be valid GB18030', () => {
    const latin1 = (text: string) => new Uint8Array([...text].map((ch) => ch.charCodeAt(0)));
    // Every accented letter here is followed by a letter, so the bytes also decode as GB18030.
    const gbValid = 'The façade of Zürich shows a naïve rôle in Gödel numbering studies. '.repeat(4);
    expect(new TextDecoder('gb18030', { fatal: true }).decode(latin1(gbValid))).not.toBe(gbValid);
    const other = 'The café table shows a naïve résumé of the rôle of déjà vu in our study. '.repeat(4);
    for (const text of [gbValid, other]) {
      const file = ingestBytes('latin.txt', latin1(text), 0);
      expect(file.encoding).toBe('windows-1252');
      expect(file.blocks[0]?.text).toBe(text.trim());
    }
  });

  it('CRLF and CR line ends give the same lines', () => {
    expectPage(new TextEncoder().encode(PAGE.replace(/\n/g, '\r\n')), 'utf-8');
    expectPage(new TextEncoder().encode(PAGE.replace(/\n/g, '\r')), 'utf-8');
  });

  it('a damaged UTF-8 file (neither UTF-8 nor GB18030) gets replacement characters, with a note', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('A résumé of the English text here. '.repeat(5)), 0xff, 0x0a]);
    const file = ingestBytes('x.txt', bytes, 0);
    expect(file.encoding).toBe('utf-8');
    expect(file.blocks[0]?.text).toContain('résumé');
    expect(file.blocks[0]?.text).toContain('\ufffd');
    expect(file.notes[0]).toMatch(/replaced with U\+FFFD/);
  });

  it('a binary file is an InputFileError naming the file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
    expect(() => ingestBytes('images/logo.png', png, 0)).toThrow(InputFileError);
    expect(() => ingestBytes('images/logo.png', png, 0)).toThrow(/^images\/logo\.png: binary file/);
    const controls = new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    expect(() => ingestBytes('data.bin', controls, 0)).toThrow(/data\.bin: binary file/);
  });
});
