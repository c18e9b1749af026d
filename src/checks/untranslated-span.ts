// Check `untranslated-span`: runs of ordinary English words (not names, acronyms or code) left inside the Chinese.
import { z } from 'zod';
import { defineCheck } from '../core/check.js';
import { STOPWORDS } from '../lexicon/english.js';
import { untranslatedReason } from '../lexicon/untranslated.js';

const options = z.object({
  /** Shortest run reported, in words. */
  minWords: z.number().int().min(2).default(4),
  /** A run of at least this many ordinary words is a whole sentence left in English (major). */
  sentenceWords: z.number().int().min(2).default(8),
  /** Least share (0-1) of ordinary words (lower-case dictionary words) in a run. */
  ordinaryShare: z.number().min(0).max(1).default(0.6),
  /** Least number of English function words (the, of, to, …) in a run: names and code have none. */
  minFunctionWords: z.number().int().min(0).default(2),
});

/** Options of the `untranslated-span` check. */
export type UntranslatedSpanOptions = z.infer<typeof options>;

// URLs, e-mails, LaTeX math and commands, code in backticks: English by nature, masked before the search.
const MASK = /https?:\/\/\S+|www\.\S+|\S+@\S+\.\w+|\$[^$]*\$|\\[A-Za-z]+(?:\{[^}]*\})?|`[^`]*`/gu;
// MASK's e-mail branch is quadratic on long runs without spaces (Chinese): run it only when the
// text holds a character one of its branches needs.
const MAYBE_MASKED = /[:@$\\`]|www\./;
const RUN = /[A-Za-z][A-Za-z'’-]*(?:[ \t,;:()"“”]+[A-Za-z0-9][A-Za-z0-9'’-]*)*[.!?]?/gu;
// Cheap test first: most translations have no two lower-case words in a row.
const CANDIDATE = /[a-z]{2,}[ ,]+[a-z]+/u;
const WORD = /[A-Za-z0-9][A-Za-z0-9'’-]*/gu;

export default defineCheck<UntranslatedSpanOptions>({
  meta: {
    id: 'untranslated-span',
    description: 'Detects English words or sentences left untranslated inside the Chinese (names, acronyms and code excepted).',
    category: 'accuracy/untranslated',
    scope: 'segment',
    needs: 'target',
    defaultSeverity: 'minor',
    severities: { sentence: 'major', phrase: 'minor' },
    messages: {
      sentence: 'Unexpected English sentence `{{text}}` left in the translation, expected it in Chinese',
      phrase: 'Unexpected English phrase `{{text}}` left in the translation, expected it in Chinese',
    },
    options,
  },
  run(ctx) {
    const o = ctx.options;
    if (!CANDIDATE.test(ctx.target)) return;
    // A block that is not a translation at all is one defect, reported whole by `untranslated`.
    if (untranslatedReason(ctx)) return;
    const masked = MAYBE_MASKED.test(ctx.target) ? ctx.target.replace(MASK, (m) => ' '.repeat(m.length)) : ctx.target;
    for (const m of masked.matchAll(RUN)) {
      const words = m[0].match(WORD) ?? [];
      if (words.length < o.minWords) continue;
      const ordinary = words.filter((w) => /^[a-z][a-z'’-]*$/u.test(w) && (w.length > 1 || w === 'a'));
      const functionWords = ordinary.filter((w) => STOPWORDS.has(w)).length;
      if (ordinary.length < o.minWords || ordinary.length / words.length < o.ordinaryShare || functionWords < o.minFunctionWords) continue;
      const text = m[0].replace(/[\s,;:(“"'‘-]+$/u, '');
      const start = m.index;
      const end = start + text.length;
      const sentence = ctx.targetSentences.findIndex((s) => s.start <= start && start < s.end);
      const messageId = ordinary.length >= o.sentenceWords ? 'sentence' : 'phrase';
      ctx.report({
        messageId,
        data: { text: text.length > 80 ? `${text.slice(0, 77)}...` : text },
        side: 'target',
        range: [start, end],
        ...(sentence >= 0 ? { sentence } : {}),
        actual: text,
        expected: 'Chinese',
      });
    }
  },
});
