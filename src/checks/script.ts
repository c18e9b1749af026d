// Check `script`: traditional characters in a simplified translation (or simplified in a traditional one),
// and words an old conversion table writes with 着 for 著 (显着).
import { z } from 'zod';
import { defineCheck } from '../core/check.js';
import { type Edit, mergeEdits } from '../core/fix.js';
import type { Fix, Sentence } from '../core/types.js';
import { countHan, HAN } from '../core/text.js';
import { isHan, mayHaveTraditional, simplifiedOnlyCharacters, traditionalToSimplified } from '../lexicon/typography.js';

const options = z.object({
  /** Script the translation should be written in; `any` accepts either if the whole text is consistent. */
  expected: z.enum(['simplified', 'traditional', 'any']).default('simplified'),
  /** A sentence is in the other script when at least this share (0-1) of its Han characters are. */
  sentenceShare: z.number().min(0).max(1).default(0.1),
  /** …and at least this many of its characters are. */
  sentenceMinimum: z.number().int().min(1).default(2),
  /** The whole text is in the other script when its flagged sentences hold this share (0-1) of its Han characters. */
  textShare: z.number().min(0).max(1).default(0.8),
});

/** Options of the `script` check. */
export type ScriptOptions = z.infer<typeof options>;

interface SentenceScript {
  sentence: Sentence;
  index: number;
  han: number;
  /** Offsets (into the whole text) of characters in the other script. */
  marked: number[];
}

/** Offsets of traditional characters: those the phrase-aware t→s conversion changes. */
function traditionalOffsets(text: string, start: number): number[] {
  if (!mayHaveTraditional(text)) return [];
  const converted = traditionalToSimplified(text);
  const out: number[] = [];
  if (converted.length === text.length) {
    for (let i = 0; i < text.length; i++) if (text[i] !== converted[i]) out.push(start + i);
    return out;
  }
  // A phrase mapping changed the length (rare): fall back to single characters.
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (isHan(c) && traditionalToSimplified(c) !== c) out.push(start + i);
  }
  return out;
}

/**
 * The fix of traditional characters at `offsets` (into `text`): each replaced by what the phrase-aware
 * conversion of its sentence puts there, so the fix is the same decision that flagged it. Where a phrase
 * mapping changed the sentence's length, the character converted alone (as `traditionalOffsets` does).
 */
function simplifiedFix(text: string, sentences: readonly Sentence[], offsets: readonly number[]): Fix | undefined {
  const edits: Edit[] = [];
  for (const sentence of sentences) {
    const inside = offsets.filter((i) => i >= sentence.start && i < sentence.end);
    if (inside.length === 0) continue;
    const converted = traditionalToSimplified(sentence.text);
    const aligned = converted.length === sentence.text.length;
    for (const i of inside) {
      const char = text[i] as string;
      const to = aligned ? (converted[i - sentence.start] as string) : traditionalToSimplified(char);
      if (to !== char) edits.push({ range: [i, i + 1], text: to });
    }
  }
  return mergeEdits(text, 'target', edits);
}

/**
 * Words written with 着 where simplified Chinese writes 著 (显着 for 显著): what an old traditional→
 * simplified table makes of 顯著, and what Google Translate writes (1,003 of 6,978 arXiv dev translations
 * hold 显着, 1 holds 显著). Only words that 着 never forms are listed: 着名 or 着作 occur inside
 * 接着名单, 接着作为.
 */
const VARIANT_WORDS: ReadonlyArray<{ variant: string; standard: string; pattern: RegExp }> = [
  { variant: '显着', standard: '显著', pattern: /显着/g },
  { variant: '卓着', standard: '卓著', pattern: /卓着/g },
  { variant: '昭着', standard: '昭著', pattern: /昭着/g },
];

function simplifiedOffsets(text: string, start: number, simplifiedOnly: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (simplifiedOnly.has(text[i] as string)) out.push(start + i);
  return out;
}

export default defineCheck<ScriptOptions>({
  meta: {
    id: 'script',
    description:
      'Detects traditional characters in a simplified Chinese translation, or simplified ones in a traditional translation, and words written with 着 for 著 (显着).',
    category: 'locale/script',
    scope: 'document',
    needs: 'target',
    defaultSeverity: 'major',
    categories: { variantCharacter: 'fluency/spelling' },
    severities: {
      traditionalText: 'major',
      traditionalSentence: 'major',
      traditionalCharacter: 'minor',
      variantCharacter: 'minor',
      simplifiedText: 'major',
      simplifiedSentence: 'major',
    },
    messages: {
      traditionalText:
        'Unexpected traditional Chinese text (`{{count}}` of `{{han}}` characters traditional), expected `simplified` characters',
      traditionalSentence:
        'Unexpected traditional characters in sentence `{{sentence}}` (`{{count}}` of `{{han}}`: `{{chars}}`), expected `{{expected}}`',
      traditionalCharacter: 'Unexpected traditional character `{{char}}` in simplified text, expected `{{expected}}`',
      variantCharacter: 'Unexpected `{{actual}}` (`{{count}}` times: 着 for 著, from an old conversion table), expected `{{expected}}`',
      simplifiedText:
        'Unexpected simplified Chinese text (`{{count}}` of `{{han}}` characters simplified-only), expected `traditional` characters',
      simplifiedSentence:
        'Unexpected simplified characters in sentence `{{sentence}}` (`{{count}}` of `{{han}}`: `{{chars}}`), expected `traditional` characters',
    },
    options,
  },
  // Not async: only the traditional side needs the table read asynchronously, and a promise per pair
  // made the runner wait a microtask turn for every simplified text too.
  run(ctx) {
    const { target, options: o } = ctx;
    if (!HAN.test(target)) return;
    const sentences: Sentence[] =
      ctx.targetSentences.length > 0 ? ctx.targetSentences : [{ text: target, start: 0, end: target.length }];

    const measure = (mark: (s: Sentence) => number[]): SentenceScript[] =>
      sentences.map((sentence, index) => ({ sentence, index, han: countHan(sentence.text), marked: mark(sentence) }));
    // A short sentence (four Han characters or fewer) is flagged by one character in the other script.
    const flagged = (s: SentenceScript) =>
      (s.marked.length >= o.sentenceMinimum && s.marked.length >= o.sentenceShare * s.han) ||
      (s.marked.length > 0 && s.marked.length >= 0.25 * s.han);
    const sum = (list: SentenceScript[], f: (s: SentenceScript) => number) => list.reduce((a, s) => a + f(s), 0);

    const traditional = measure((s) => traditionalOffsets(s.text, s.start));
    const totalHan = sum(traditional, (s) => s.han);
    const tradFlaggedHan = sum(traditional.filter(flagged), (s) => s.han);
    const tradShare = totalHan === 0 ? 0 : tradFlaggedHan / totalHan;

    let expected = o.expected;
    if (expected === 'any') expected = tradShare >= 0.5 ? 'traditional' : 'simplified';

    if (expected === 'simplified') {
      // Each variant word reported once per text, with its count and one fix for all.
      for (const { variant, standard, pattern } of VARIANT_WORDS) {
        const at = [...target.matchAll(pattern)].map((m) => m.index);
        const first = at[0];
        if (first === undefined) continue;
        const fix = mergeEdits(target, 'target', at.map((i) => ({ range: [i, i + variant.length], text: standard })));
        ctx.report({
          messageId: 'variantCharacter',
          data: { actual: variant, expected: standard, count: at.length },
          side: 'target',
          range: [first, first + variant.length],
          actual: variant,
          expected: standard,
          ...(at.length > 1 ? { note: `${at.length} occurrences; the first is shown` } : {}),
          ...(fix ? { fix } : {}),
        });
      }
      const count = sum(traditional, (s) => s.marked.length);
      if (count === 0) return;
      if (tradShare >= o.textShare) {
        const fix = simplifiedFix(target, sentences, traditional.flatMap((s) => s.marked));
        ctx.report({
          messageId: 'traditionalText',
          data: { count, han: totalHan },
          side: 'target',
          range: [0, target.length],
          confidence: 1,
          ...(fix ? { fix } : {}),
        });
        return;
      }
      for (const s of traditional) {
        if (s.marked.length === 0) continue;
        if (flagged(s)) {
          const chars = [...new Set(s.marked.map((i) => target[i]))].join('');
          const fix = simplifiedFix(target, [s.sentence], s.marked);
          ctx.report({
            messageId: 'traditionalSentence',
            data: {
              sentence: s.index + 1,
              count: s.marked.length,
              han: s.han,
              chars,
              expected: traditionalToSimplified(chars),
            },
            side: 'target',
            sentence: s.index,
            range: [s.sentence.start, s.sentence.end],
            actual: s.sentence.text,
            expected: traditionalToSimplified(s.sentence.text),
            ...(fix ? { fix } : {}),
          });
          continue;
        }
        for (const i of s.marked) {
          const char = target[i] as string;
          const simplified = traditionalToSimplified(char);
          const fix = simplifiedFix(target, [s.sentence], [i]);
          ctx.report({
            messageId: 'traditionalCharacter',
            data: { char, expected: simplified },
            side: 'target',
            sentence: s.index,
            range: [i, i + 1],
            actual: char,
            expected: simplified,
            // Single characters are where valid simplified uses of a mapped character hide.
            confidence: 0.7,
            ...(fix ? { fix } : {}),
          });
        }
      }
      return;
    }

    // Expected traditional: simplified-only characters mark simplified text. Single characters are
    // not reported: the table cannot tell every character that is valid in both scripts.
    return reportSimplified();
    async function reportSimplified(): Promise<void> {
      const simplifiedOnly = await simplifiedOnlyCharacters();
      const simplified = measure((s) => simplifiedOffsets(s.text, s.start, simplifiedOnly));
      const simpFlagged = simplified.filter(flagged);
      if (simpFlagged.length === 0) return;
      const simpShare = totalHan === 0 ? 0 : sum(simpFlagged, (s) => s.han) / totalHan;
      if (simpShare >= o.textShare && o.expected === 'traditional') {
        ctx.report({
          messageId: 'simplifiedText',
          data: { count: sum(simplified, (s) => s.marked.length), han: totalHan },
          side: 'target',
          range: [0, target.length],
        });
        return;
      }
      for (const s of simpFlagged) {
        ctx.report({
          messageId: 'simplifiedSentence',
          data: {
            sentence: s.index + 1,
            count: s.marked.length,
            han: s.han,
            chars: [...new Set(s.marked.map((i) => target[i]))].join(''),
          },
          side: 'target',
          sentence: s.index,
          range: [s.sentence.start, s.sentence.end],
          actual: s.sentence.text,
        });
      }
    }
  },
});
