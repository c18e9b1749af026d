// Check `encoding`: text damaged by a wrong decoding step (U+FFFD, mojibake, control characters,
// lone surrogates, private-use characters) in the translation.
import { z } from 'zod';
import { defineCheck } from '../core/check.js';

const options = z.object({
  /** Most findings reported per message id; the last one says how many more there were. */
  maxPerKind: z.number().int().min(1).default(5),
});

/** Options of the `encoding` check. */
export type EncodingOptions = z.infer<typeof options>;

// A UTF-8 continuation byte (0x80-0xBF) as Latin-1 or Windows-1252 shows it.
const CONT = String.raw`[\u0080-\u00BF\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178]`;
// UTF-8 multi-byte sequences read as Latin-1/Windows-1252: a lead byte (Â-ß, à-ï, ð-ô) followed by
// the right number of continuation bytes, at least two such sequences in a row, or one 3-byte
// sequence (Chinese text through this fault is all 3-byte sequences: 中 → ä¸­).
const LATIN1_MOJIBAKE = new RegExp(
  String.raw`(?:[\u00C2-\u00DF]${CONT}){2,}|(?:[\u00E2-\u00EF]${CONT}{2})+|[\u00C3\u00C2][\u0080-\u00BF\u2018-\u201E\u2122\u20AC]`,
  'gu',
);

// Signatures of GBK/GB18030 decoding faults: U+FFFD bytes read as GBK (锟斤拷), uninitialized
// memory in debug builds (烫烫烫, 屯屯屯), and UTF-8 full-width punctuation or quotes read as GBK
// (，→ 锛� 。→ 銆� “→ 鈥�): these characters almost never occur in real Chinese prose.
const GBK_MOJIBAKE = /(?:锟斤拷)+|烫{3,}|屯{3,}|[锛銆鈥][^\s]?/gu;

// C0 and C1 control characters other than tab and line feed, and DEL.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;

// Private-use areas: the BMP block and planes 15-16.
const PRIVATE_USE = /[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/gu;

function codePoints(text: string): string {
  return [...text].map((c) => `U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

/** Ranges of lone (unpaired) UTF-16 surrogates. */
function loneSurrogates(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else out.push([i, i + 1]);
    } else if (c >= 0xdc00 && c <= 0xdfff) out.push([i, i + 1]);
  }
  return out;
}

export default defineCheck<EncodingOptions>({
  meta: {
    id: 'encoding',
    description:
      'Detects text damaged by a wrong decoding step: U+FFFD, mojibake, control characters, lone surrogates, private-use characters.',
    category: 'fluency/character-encoding',
    scope: 'document',
    needs: 'target',
    defaultSeverity: 'major',
    messages: {
      replacement: 'Unexpected replacement character `U+FFFD` (`{{count}}` in a row), expected the original character',
      mojibake: 'Unexpected mojibake `{{text}}`, expected correctly decoded text ({{fault}})',
      control: 'Unexpected control character `{{codePoint}}`, expected printable text',
      surrogate: 'Unexpected lone surrogate `{{codePoint}}`, expected a complete character',
      privateUse: 'Unexpected private-use character `{{codePoint}}`, expected a standard character',
    },
    options,
  },
  run(ctx) {
    const { target } = ctx;
    const taken = new Uint8Array(target.length);
    const found: Array<{ messageId: string; range: [number, number]; data: Record<string, string | number> }> = [];
    const add = (messageId: string, start: number, end: number, data: Record<string, string | number>) => {
      for (let i = start; i < end; i++) if (taken[i]) return;
      taken.fill(1, start, end);
      found.push({ messageId, range: [start, end], data });
    };
    const gbk = [...target.matchAll(GBK_MOJIBAKE)];
    // 锛/銆/鈥 are rare but real characters (锛子, an adze): alone they count only when a U+FFFD
    // follows; a GBK fault turns every comma and full stop of a text into one, so two or more do.
    const punctuationSignatures = gbk.filter((m) => '锛銆鈥'.includes(m[0][0] as string)).length;
    for (const m of gbk) {
      const signature = '锛銆鈥'.includes(m[0][0] as string);
      if (signature && punctuationSignatures < 2 && m[0][1] !== '\uFFFD') continue;
      add('mojibake', m.index, m.index + m[0].length, { text: m[0], fault: 'UTF-8 or garbage bytes read as GBK' });
    }
    for (const m of target.matchAll(LATIN1_MOJIBAKE)) {
      add('mojibake', m.index, m.index + m[0].length, { text: m[0], fault: 'UTF-8 read as Latin-1 or Windows-1252' });
    }
    for (const m of target.matchAll(/\uFFFD+/gu)) {
      add('replacement', m.index, m.index + m[0].length, { count: m[0].length });
    }
    for (const m of target.matchAll(CONTROL)) {
      add('control', m.index, m.index + 1, { codePoint: codePoints(m[0]) });
    }
    for (const [s, e] of loneSurrogates(target)) {
      add('surrogate', s, e, { codePoint: `U+${target.charCodeAt(s).toString(16).toUpperCase()}` });
    }
    for (const m of target.matchAll(PRIVATE_USE)) {
      add('privateUse', m.index, m.index + m[0].length, { codePoint: codePoints(m[0]) });
    }
    found.sort((a, b) => a.range[0] - b.range[0]);
    const perKind = new Map<string, number>();
    for (const f of found) {
      const n = (perKind.get(f.messageId) ?? 0) + 1;
      perKind.set(f.messageId, n);
      if (n > ctx.options.maxPerKind) continue;
      const total = found.filter((g) => g.messageId === f.messageId).length;
      ctx.report({
        messageId: f.messageId,
        data: f.data,
        side: 'target',
        range: f.range,
        actual: target.slice(f.range[0], f.range[1]),
        ...(n === ctx.options.maxPerKind && total > n ? { note: `${total - n} more not listed` } : {}),
      });
    }
  },
});
