// Check `mismatched-pair`: the Chinese translates some other original than the one it is paired or attached with.
import { z } from 'zod';
import { defineCheck } from '../core/check.js';
import { countEnglishWords } from '../core/text.js';
import { crossLingualSimilarity } from '../lexicon/similarity.js';

const options = z.object({
  /**
   * Cross-lingual similarity (0-1) under which a pair is taken as mismatched. On arXiv dev, true
   * pairs score 0.47 at their 0.5th percentile and translations of similar-topic papers 0.39 at
   * their 99th (see docs/checks/mismatched-pair.md).
   */
  minSimilarity: z.number().min(0).max(1).default(0.3),
  /** The similarity test runs only on sources of at least this many English words (short texts give unstable scores). */
  minWords: z.number().int().min(1).default(40),
});

/** Options of the `mismatched-pair` check. */
export type MismatchedPairOptions = z.infer<typeof options>;

export default defineCheck<MismatchedPairOptions>({
  meta: {
    id: 'mismatched-pair',
    description: 'Detects a translation attached to an original it does not translate, naming the better original when one is known.',
    category: 'accuracy/mistranslation',
    scope: 'document',
    needs: 'pair',
    defaultSeverity: 'critical',
    messages: {
      attachedElsewhere: 'Unexpected translation of another original (best match `{{better}}`, similarity `{{score}}`), expected a translation of the attached original',
      attachedNoMatch: 'Unexpected translation of another text (similarity to the attached original `{{score}}`), expected a translation of the attached original',
      lowSimilarity: 'Unexpected cross-lingual similarity `{{score}}` between source and translation, expected at least `{{expected}}` for a true pair',
    },
    options,
  },
  run(ctx) {
    const pair = ctx.pair;
    if (pair?.status === 'mismatched') {
      const best = pair.evidence.best[0];
      const score = pair.evidence.score.toFixed(2);
      if (best) {
        const name = best.original.id ?? best.original.title ?? `${best.original.file}:${best.original.lines[0]}`;
        ctx.report({ messageId: 'attachedElsewhere', data: { better: name, score: best.score.toFixed(2) }, side: 'pair', actual: name });
      } else {
        ctx.report({ messageId: 'attachedNoMatch', data: { score }, side: 'pair' });
      }
      return;
    }
    const source = ctx.source as string;
    if (countEnglishWords(source) < ctx.options.minWords) return;
    const similarity = crossLingualSimilarity(source, ctx.target);
    if (similarity.score >= ctx.options.minSimilarity) return;
    ctx.report({
      messageId: 'lowSimilarity',
      data: { score: similarity.score.toFixed(2), expected: ctx.options.minSimilarity.toFixed(2) },
      side: 'pair',
      actual: similarity.score.toFixed(2),
      expected: `>= ${ctx.options.minSimilarity.toFixed(2)}`,
      note: `shared anchors: ${similarity.anchors.slice(0, 10).join(', ') || 'none'}`,
    });
  },
});
