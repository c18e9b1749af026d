// `transcheck fix`: a file's text as ingest read it (LF line ends), and the edited text back to bytes in
// the file's own encoding and line ends where that is possible.

/** The text of a file with its line ends as written, and what encoding it came in. */
export interface Original {
  /** Decoded text, BOM removed, line ends as in the file. */
  text: string;
  /** As `decodeBytes` names it. */
  encoding: string;
  /** True when the file started with a byte order mark. */
  bom: boolean;
}

const LINE_END = /\r\n|\r|\n/g;

/** Decodes bytes with the encoding ingest found, keeping line ends. */
export function decodeOriginal(bytes: Uint8Array, encoding: string): Original {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  let text = new TextDecoder(label).decode(bytes);
  const bom = text.charCodeAt(0) === 0xfeff;
  // TextDecoder drops a UTF-8/UTF-16 BOM by default; a leftover one is content.
  const hadBom =
    encoding === 'utf-8-bom' ||
    (encoding === 'utf-16le' && bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (encoding === 'utf-16be' && bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bom) text = text.slice(1);
  return { text, encoding, bom: hadBom };
}

/**
 * Puts the original line ends back into text edited with LF line ends: line by line when the edit kept
 * the number of lines (fixes never add or remove one), else the file's most common line end.
 */
export function restoreLineEnds(original: string, edited: string): string {
  const ends = original.match(LINE_END) ?? [];
  if (ends.every((e) => e === '\n')) return edited;
  const lines = edited.split('\n');
  if (lines.length === ends.length + 1) return lines.map((l, i) => l + (ends[i] ?? '')).join('');
  const counts = new Map<string, number>();
  for (const e of ends) counts.set(e, (counts.get(e) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '\n';
  return edited.replace(/\n/g, common);
}

/** The encoded bytes, and a note when the file's encoding could not be kept. */
export function encodeText(text: string, original: Original): { bytes: Uint8Array; note?: string } {
  const { encoding, bom } = original;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
    if (encoding === 'utf-16be') le.swap16();
    return { bytes: le };
  }
  const utf8 = Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return { bytes: utf8 };
  // Node encodes only UTF-8 and UTF-16; a GB18030 or Windows-1252 file is written as UTF-8.
  return { bytes: utf8, note: `written as UTF-8 (the input was ${encoding}, which transcheck does not write)` };
}
