// Check `addition`: Chinese sentences with no English counterpart (0-1 beads).
import { z } from 'zod';
import { defineCheck } from '../core/check.js';
import { countHan } from '../core/text.js';

const options = z.object({
  /** An unmatched Chinese sentence with at least this many Han characters is a major addition; shorter ones are minor. */
  majorHan: z.number().int().min(1).default(30),
  /** Unmatched Chinese sentences with fewer Han characters are ignored (split punctuation, a stray label). */
  minHan: z.number().int().min(0).default(6),
});

/** Options of the `addition` check. */
export type AdditionOptions = z.infer<typeof options>;

export default defineCheck<AdditionOptions>({
  meta: {
    id: 'addition',
    description: 'Detects Chinese content with no English counterpart in the sentence alignment.',
    category: 'accuracy/addition',
    scope: 'segment',
    needs: 'pair',
    defaultSeverity: 'minor',
    severities: { sentence: 'major', shortSentence: 'minor' },
    messages: {
      sentence: 'Unexpected Chinese sentence `{{text}}` with no counterpart in the source, expected only translated content',
      shortSentence: 'Unexpected short Chinese sentence `{{text}}` with no counterpart in the source, expected only translated content',
    },
    options,
  },
  run(ctx) {
    for (const bead of ctx.beads) {
      if (bead.en.length > 0) continue;
      for (const index of bead.zh) {
        const s = ctx.targetSentences[index];
        if (!s) continue;
        const han = countHan(s.text);
        if (han < ctx.options.minHan) continue;
        ctx.report({
          messageId: han >= ctx.options.majorHan ? 'sentence' : 'shortSentence',
          data: { text: s.text.length > 80 ? `${s.text.slice(0, 77)}...` : s.text },
          side: 'target',
          range: [s.start, s.end],
          sentence: index,
          actual: s.text,
          expected: '',
        });
      }
    }
  },
});
