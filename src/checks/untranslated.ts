// Check `untranslated`: a block claimed as a translation that is not Chinese, or that repeats its source.
import { z } from 'zod';
import { defineCheck } from '../core/check.js';
import { untranslatedReason } from '../lexicon/untranslated.js';

const options = z.object({
  /** A target whose Han characters are under this share (0-1) of its letters and Han characters is not Chinese. */
  minHanShare: z.number().min(0).max(1).default(0.2),
  /** …provided it has at least this many letters (shorter texts are names or codes, not sentences). */
  minLetters: z.number().int().min(1).default(20),
});

/** Options of the `untranslated` check. */
export type UntranslatedOptions = z.infer<typeof options>;

export default defineCheck<UntranslatedOptions>({
  meta: {
    id: 'untranslated',
    description: 'Detects a translation that is not a translation: English where Chinese was claimed, or the source repeated.',
    category: 'non-translation',
    scope: 'document',
    needs: 'target',
    defaultSeverity: 'critical',
    messages: {
      claimedEnglish: 'Unexpected English text `{{excerpt}}` in a block claimed as a translation, expected Chinese',
      sameAsSource: 'Unexpected translation identical to the English source, expected Chinese',
      noChinese: 'Unexpected translation with `{{share}}` Han characters, expected mostly Chinese text',
    },
    options,
  },
  run(ctx) {
    const target = ctx.target;
    const whole: [number, number] = [0, target.length];
    const excerpt = target.length > 60 ? `${target.slice(0, 57)}...` : target;
    const reason = untranslatedReason(ctx, ctx.options);
    if (!reason) return;
    if (reason.messageId === 'claimedEnglish') {
      ctx.report({ messageId: 'claimedEnglish', data: { excerpt }, side: 'target', range: whole, actual: excerpt, expected: 'Chinese' });
    } else if (reason.messageId === 'sameAsSource') {
      ctx.report({ messageId: 'sameAsSource', side: 'target', range: whole, actual: excerpt, expected: 'Chinese' });
    } else {
      ctx.report({
        messageId: 'noChinese',
        data: { share: `${Math.round((reason.share ?? 0) * 100)}%` },
        side: 'target',
        range: whole,
        actual: excerpt,
        expected: 'Chinese',
      });
    }
  },
});
