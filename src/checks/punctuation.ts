// Check `punctuation`: half-width punctuation written in Chinese text where full-width is expected
// (counted once per document), and sentence-end punctuation that does not match the source's.
import { z } from 'zod';
import { defineCheck } from '../core/check.js';
import { type Edit, mergeEdits } from '../core/fix.js';
import { HAN } from '../core/text.js';
import type { Fix } from '../core/types.js';
import { FULL_WIDTH, isHan, protectedSpans, spanMask } from '../lexicon/typography.js';

const options = z.object({
  /** Also count half-width parentheses around Latin-only content, e.g. `(SFDA)`, common in technical Chinese. */
  latinParentheses: z.boolean().default(false),
  /** Report a source `?`/`!` rendered with `。` at the end of an aligned sentence. */
  endPunctuation: z.boolean().default(true),
});

/** Options of the `punctuation` check. */
export type PunctuationOptions = z.infer<typeof options>;

const ORDER = ',.:;?!()';
const CLOSING = /[)\]}"'”’）】》」』]/u;
const PARENTHESES = /[()]/g;
const MARKS = /[,:;?!.]/g;

/** The nearest character before `i` that is not a space, or ''. */
function before(text: string, i: number): string {
  let j = i - 1;
  while (j >= 0 && text[j] === ' ') j--;
  return j >= 0 ? (text[j] as string) : '';
}

/** The nearest character after `i` that is not a space, or ''. */
function after(text: string, i: number): string {
  let j = i + 1;
  while (j < text.length && text[j] === ' ') j++;
  return j < text.length ? (text[j] as string) : '';
}

/** Offsets of half-width punctuation that stands in for Chinese full-width punctuation. */
export function halfWidthOffsets(text: string, latinParentheses = false): number[] {
  const isProtected = spanMask(text.length, protectedSpans(text));
  const out: number[] = [];
  // Parentheses: a pair is Chinese punctuation when its content holds Han text.
  const open: number[] = [];
  // Only the characters that can matter are visited (a text is mostly Han and Latin letters).
  for (const m of text.matchAll(PARENTHESES)) {
    const i = m.index;
    if (isProtected(i)) continue;
    const c = m[0];
    if (c === '(') open.push(i);
    else if (c === ')') {
      const start = open.pop();
      if (start === undefined) {
        if (isHan(before(text, i)) || isHan(after(text, i))) out.push(i);
      } else if (latinParentheses || HAN.test(text.slice(start + 1, i))) {
        // A parenthesis inside Latin-only content holding Chinese (rare) still counts.
        out.push(start, i);
      }
    }
  }
  for (const start of open) if (isHan(after(text, start))) out.push(start);

  for (const m of text.matchAll(MARKS)) {
    const i = m.index;
    if (isProtected(i)) continue;
    const c = m[0];
    if (c === ',' || c === ':' || c === ';' || c === '?' || c === '!') {
      const prev = before(text, i);
      const next = after(text, i);
      if (isHan(prev) || isHan(next) || (CLOSING.test(prev) && isHan(before(text, text.lastIndexOf(prev, i))))) {
        // 3,000 and 10:30 are numbers, not Chinese punctuation.
        if (/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
        if (c === ':' && /[()DPp]/.test(text[i + 1] ?? '')) continue; // an emoticon :( :)
        out.push(i);
      }
    } else if (c === '.') {
      if (text[i - 1] === '.' || text[i + 1] === '.') continue; // an ellipsis
      const prev = text[i - 1] ?? '';
      const next = after(text, i);
      const endsHere = next === '' || next === '\n' || isHan(next);
      // `1.` or `12.` opening a line or list item numbers it; it is not a full stop. An inline list
      // (`两个挑战:1.如果…;2.使用…`) opens its items after a colon, semicolon or comma.
      let j = i;
      while (j > 0 && /\d/.test(text[j - 1] as string)) j--;
      if (i - j >= 1 && i - j <= 2 && (j === 0 || /[\s:：;；,，、]/u.test(text[j - 1] as string))) continue;
      if (isHan(prev) || (/[\d%)）\]]/u.test(prev) && endsHere && !/\d/.test(text[i + 1] ?? ''))) {
        if (/[\p{L}\d]/u.test(text[i + 1] ?? '') && !isHan(text[i + 1])) continue; // 文件.txt, 例.3
        out.push(i);
      }
    }
  }
  return out.sort((a, b) => a - b);
}

/** Marks whose full-width form takes no space before it, and those that take none after it (the `spacing` check's rules). */
const NO_SPACE_BEFORE = new Set([',', ':', ';', '.', '?', '!', ')']);
const NO_SPACE_AFTER = new Set([',', ':', ';', '(']);

/**
 * The fix of `halfWidth`: every mark at `offsets` full-width, with the spaces that English spacing put
 * around it removed where full-width punctuation takes none (else the fix would leave a `spacing` finding).
 */
export function fullWidthFix(text: string, offsets: readonly number[]): Fix | undefined {
  const edits: Edit[] = [];
  let floor = 0;
  for (const i of offsets) {
    const c = text[i] as string;
    let start = i;
    let end = i + 1;
    if (NO_SPACE_BEFORE.has(c)) while (start > floor && text[start - 1] === ' ') start--;
    if (NO_SPACE_AFTER.has(c)) while (end < text.length && text[end] === ' ' && !offsets.includes(end)) end++;
    edits.push({ range: [start, end], text: FULL_WIDTH[c] as string });
    floor = end;
  }
  return mergeEdits(text, 'target', edits);
}

/** Strips closing quotes and brackets and spaces from the end of a sentence. */
function lastMark(text: string): string {
  const m = /([.?!。？！；;…])[\s"'”’)\]）】」』》]*$/u.exec(text);
  return m ? (m[1] as string) : '';
}

export default defineCheck<PunctuationOptions>({
  meta: {
    id: 'punctuation',
    description:
      'Detects half-width punctuation in Chinese text where full-width is expected (once per document) and sentence-end punctuation that does not match the source.',
    category: 'fluency/punctuation',
    scope: 'document',
    needs: 'target',
    defaultSeverity: 'minor',
    messages: {
      halfWidth:
        'Unexpected half-width punctuation next to Chinese text (`{{count}}` times: {{found}}), expected full-width {{expected}}',
      endMismatch:
        'Unexpected `{{actual}}` at the end of sentence `{{sentence}}`, expected `{{expected}}` as the source sentence ends with `{{source}}`',
    },
    options,
  },
  run(ctx) {
    const { target, options: o } = ctx;
    const offsets = halfWidthOffsets(target, o.latinParentheses);
    if (offsets.length > 0) {
      const marks = [...new Set(offsets.map((i) => target[i] as string))].sort(
        (a, b) => ORDER.indexOf(a) - ORDER.indexOf(b),
      );
      const first = offsets[0] as number;
      const fix = fullWidthFix(target, offsets);
      ctx.report({
        messageId: 'halfWidth',
        data: {
          count: offsets.length,
          found: marks.map((m) => `\`${m}\``).join(' '),
          expected: marks.map((m) => `\`${FULL_WIDTH[m]}\``).join(' '),
        },
        side: 'target',
        range: [first, first + 1],
        actual: marks.join(' '),
        expected: marks.map((m) => FULL_WIDTH[m]).join(' '),
        note: `${offsets.length} occurrences; the first is shown`,
        ...(fix ? { fix } : {}),
      });
    }

    if (!o.endPunctuation || ctx.source === null) return;
    for (const bead of ctx.beads) {
      // Only one-to-one beads: elsewhere the sentence ends need not correspond.
      if (bead.en.length !== 1 || bead.zh.length !== 1) continue;
      const en = bead.en[0] as number;
      const zh = bead.zh[0] as number;
      const source = ctx.sourceSentences[en];
      const sentence = ctx.targetSentences[zh];
      if (!source || !sentence) continue;
      const s = lastMark(source.text);
      const t = lastMark(sentence.text);
      // A question rendered with ？ or ? anywhere in the sentence kept its question form.
      if ((s === '?' || s === '!') && (t === '。' || t === '.') && !/[?？!！]/u.test(sentence.text)) {
        const at = sentence.start + sentence.text.lastIndexOf(t);
        ctx.report({
          messageId: 'endMismatch',
          data: { actual: t, sentence: zh + 1, expected: s === '?' ? '？' : '！', source: s },
          side: 'target',
          sentence: zh,
          range: [at, at + 1],
          actual: t,
          expected: s === '?' ? '？' : '！',
        });
      }
    }
  },
});
