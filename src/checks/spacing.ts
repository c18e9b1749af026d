// Check `spacing`: double spaces, stray spaces between Han characters or around full-width punctuation,
// zero-width characters, and (opt-in) the Han–Latin spacing convention; each kind reported once per
// document with a count.
import { z } from 'zod';
import { defineCheck } from '../core/check.js';
import { mergeEdits } from '../core/fix.js';
import type { Span } from '../lexicon/typography.js';
import { protectedSpans, spanMask } from '../lexicon/typography.js';
import { ZERO_WIDTH_SPACES } from '../core/text.js';

const options = z.object({
  /**
   * Spacing between Han characters and Latin letters or digits: `off` (default: both conventions
   * are common in Chinese technical writing), `require` a space, or `forbid` one.
   */
  latinSpacing: z.enum(['off', 'require', 'forbid']).default('off'),
});

/** Options of the `spacing` check. */
export type SpacingOptions = z.infer<typeof options>;

const SPACE = '[ \\u00A0\\u3000]';
const FULL_WIDTH_PUNCT = '，。、；：？！）】》」』”’';
const FULL_WIDTH_OPEN = '（【《「『“‘';

const PATTERNS: ReadonlyArray<{ messageId: string; pattern: RegExp; latin?: 'require' | 'forbid' }> = [
  { messageId: 'doubleSpace', pattern: new RegExp(`(?<=\\S)${SPACE}{2,}(?=\\S)`, 'gu') },
  { messageId: 'spaceBetweenHan', pattern: new RegExp(`(?<=\\p{Script=Han})${SPACE}+(?=\\p{Script=Han})`, 'gu') },
  {
    messageId: 'spaceAroundPunctuation',
    // After 。？！ a space often separates joined sentences (copied from English): not reported.
    pattern: new RegExp(`${SPACE}+(?=[${FULL_WIDTH_PUNCT}])|(?<=[${FULL_WIDTH_OPEN}，、；：])${SPACE}+`, 'gu'),
  },
  // Zero-width spaces machine translation leaves inside words (WAHRSI\u200b\u200bS).
  { messageId: 'zeroWidth', pattern: ZERO_WIDTH_SPACES },
  {
    messageId: 'missingLatinSpace',
    pattern: /(?<=\p{Script=Han})(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%])(?=\p{Script=Han})/gu,
    latin: 'require',
  },
  {
    messageId: 'extraLatinSpace',
    pattern: /(?<=\p{Script=Han}) +(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%]) +(?=\p{Script=Han})/gu,
    latin: 'forbid',
  },
];

const HAN = /\p{Script=Han}/u;

/**
 * A zero-width run shown in its word, marked ·: the Latin word around it (WAHRSI·S), or up to four
 * characters on each side in Chinese text.
 */
function aroundInvisible(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 24);
  const left = (/[A-Za-z0-9_-]+$/.exec(before) ?? /[^\s，。；：、（）]{0,4}$/u.exec(before))?.[0] ?? '';
  const right = (/^[A-Za-z0-9_-]+/.exec(after) ?? /^[^\s，。；：、（）]{0,4}/u.exec(after))?.[0] ?? '';
  return `${left}·${right}`.replace(ZERO_WIDTH_SPACES, '·');
}

/**
 * What a fix puts in place of a hit: a missing space is inserted; a double space becomes one, or none
 * where one would itself be a finding (between Han characters, next to full-width punctuation).
 */
function fillOf(messageId: string, text: string, start: number, end: number): string {
  if (messageId === 'missingLatinSpace') return ' ';
  if (messageId !== 'doubleSpace') return '';
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (HAN.test(before) && HAN.test(after)) return '';
  if ((after !== '' && FULL_WIDTH_PUNCT.includes(after)) || (before !== '' && `${FULL_WIDTH_OPEN}，、；：`.includes(before))) return '';
  return ' ';
}

export default defineCheck<SpacingOptions>({
  meta: {
    id: 'spacing',
    description:
      'Detects double spaces, stray spaces between Han characters and around full-width punctuation, zero-width characters, and optionally the Han–Latin spacing convention.',
    category: 'fluency/spelling',
    scope: 'document',
    needs: 'target',
    defaultSeverity: 'minor',
    severities: { missingLatinSpace: 'info', extraLatinSpace: 'info' },
    categories: { missingLatinSpace: 'style/awkward', extraLatinSpace: 'style/awkward', zeroWidth: 'fluency/character-encoding' },
    messages: {
      doubleSpace: 'Unexpected run of `{{length}}` spaces (`{{count}}` times), expected one space',
      spaceBetweenHan: 'Unexpected space between Chinese characters `{{text}}` (`{{count}}` times), expected no space',
      spaceAroundPunctuation:
        'Unexpected space next to full-width punctuation `{{text}}` (`{{count}}` times), expected no space',
      missingLatinSpace:
        'Unexpected missing space between Chinese and Latin text `{{text}}` (`{{count}}` times), expected a space',
      extraLatinSpace: 'Unexpected space between Chinese and Latin text `{{text}}` (`{{count}}` times), expected no space',
      zeroWidth: 'Unexpected invisible zero-width character in `{{text}}` (shown as ·, `{{count}}` times), expected none',
    },
    options,
  },
  run(ctx) {
    const { target, options: o } = ctx;
    const isProtected = spanMask(target.length, protectedSpans(target));
    const taken = new Uint8Array(target.length + 1);
    for (const { messageId, pattern, latin } of PATTERNS) {
      if (latin !== undefined && latin !== o.latinSpacing) continue;
      const hits: Span[] = [];
      for (const m of target.matchAll(pattern)) {
        const start = m.index;
        const end = start + m[0].length;
        if (isProtected(start) || (start > 0 && isProtected(start - 1) && isProtected(end))) continue;
        if (end > start && taken[start]) continue;
        // A space before a URL or formula (`见： https://…`) sets it apart on purpose.
        if (end > start && end < target.length && isProtected(end)) continue;
        // Spaces inside a line break run (indentation, paragraph gaps) are layout, not typos.
        if (/\n/.test(target.slice(Math.max(0, start - 1), end + 1))) continue;
        if (end > start) taken.fill(1, start, end);
        hits.push([start, end]);
      }
      const first = hits[0];
      if (!first) continue;
      const [start, end] = first;
      // Every hit's spaces removed (a run of spaces becomes one; a missing one is inserted): one fix for all.
      const fix = mergeEdits(target, 'target', hits.map(([s, e]) => ({ range: [s, e], text: fillOf(messageId, target, s, e) })));
      const context = target.slice(Math.max(0, start - 1), Math.min(target.length, end + 1));
      // An invisible character is shown in the word around it, marked.
      const shown = messageId === 'zeroWidth' ? aroundInvisible(target, start, end) : context;
      ctx.report({
        messageId,
        data: { count: hits.length, length: end - start, text: shown },
        side: 'target',
        range: end > start ? [start, end] : [Math.max(0, start - 1), Math.min(target.length, start + 1)],
        actual: context,
        expected:
          latin === 'require'
            ? `${context.slice(0, 1)} ${context.slice(1)}`
            : context.replace(messageId === 'zeroWidth' ? ZERO_WIDTH_SPACES : /[ \u00A0\u3000]+/gu, messageId === 'doubleSpace' ? ' ' : ''),
        ...(hits.length > 1 ? { note: `${hits.length} occurrences; the first is shown` } : {}),
        ...(fix ? { fix } : {}),
      });
    }
  },
});
