// Check `mismatched-pair`: the Chinese translates some other original than the one it is paired or attached with.
import { z } from 'zod';
import { defineCheck } from '../core/check.js';
import { countEnglishWords } from '../core/text.js';
import type { CheckInput } from '../core/check.js';
import { crossLingualSimilarity, enFeatures, unionOfGlosses, zhFeatures } from '../lexicon/similarity.js';

const options = z.object({
  /**
   * Cross-lingual similarity (0-1) under which a pair is taken as mismatched. On arXiv dev, true
   * pairs score 0.47 at their 0.5th percentile and translations of similar-topic papers 0.39 at
   * their 99th (see docs/checks/mismatched-pair.md).
   */
  minSimilarity: z.number().min(0).max(1).default(0.3),
  /** The similarity test runs only on sources of at least this many English words (short texts give unstable scores). */
  minWords: z.number().int().min(1).default(40),
  /**
   * With two or more sentences on each side: least contrast (0-1) between aligned and unaligned
   * sentence pairs. Contrast = mean share of an English sentence's content words among the glosses
   * of the Chinese it is aligned with, minus the same share over the sentence pairs not aligned. A
   * translation explains its own sentence far better than the others (arXiv dev 1st percentile
   * 0.33, WMT24 human references 0.13); another paper's translation shares topic words with every
   * sentence alike (99th percentile 0.18, median 0.02).
   */
  minContrast: z.number().min(0).max(1).default(0.12),
});

/**
 * Mean gloss coverage of English sentences by the Chinese sentences aligned with them (`aligned`)
 * and by those not aligned with them (`other`), both 0-1; null with fewer than two sentences a side.
 */
export function sentenceContrast(input: Pick<CheckInput, 'sourceSentences' | 'targetSentences' | 'beads'>): { aligned: number; other: number } | null {
  const { sourceSentences: en, targetSentences: zh, beads } = input;
  if (en.length < 2 || zh.length < 2 || beads.length === 0) return null;
  const stems = en.map((s) => enFeatures(s.text, { surface: false }).stems);
  const glosses = zh.map((s) => unionOfGlosses(zhFeatures(s.text)));
  const partner = new Set<number>();
  for (const b of beads) for (const i of b.en) for (const j of b.zh) partner.add(i * zh.length + j);
  let aligned = 0;
  let alignedCount = 0;
  let other = 0;
  let otherCount = 0;
  for (let i = 0; i < en.length; i++) {
    const words = stems[i] as Set<string>;
    if (words.size === 0) continue;
    for (let j = 0; j < zh.length; j++) {
      const union = glosses[j] as Set<string>;
      let hits = 0;
      for (const w of words) if (union.has(w)) hits++;
      if (partner.has(i * zh.length + j)) {
        aligned += hits / words.size;
        alignedCount++;
      } else {
        other += hits / words.size;
        otherCount++;
      }
    }
  }
  if (alignedCount === 0 || otherCount === 0) return null;
  return { aligned: aligned / alignedCount, other: other / otherCount };
}

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
      noCorrespondence:
        'Unexpected translation whose sentences match their aligned source sentences (`{{aligned}}` of the words) no better than the others (`{{other}}`), expected a sentence-by-sentence correspondence',
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
    // Several sentences a side: whether each Chinese sentence explains its own English sentence
    // better than the others does not depend on how well the dictionary covers the domain.
    const contrast = sentenceContrast(ctx);
    if (contrast) {
      if (contrast.aligned - contrast.other >= ctx.options.minContrast) return;
      const [aligned, other] = [contrast.aligned, contrast.other].map((x) => `${Math.round(x * 100)}%`) as [string, string];
      ctx.report({
        messageId: 'noCorrespondence',
        data: { aligned, other },
        side: 'pair',
        actual: (contrast.aligned - contrast.other).toFixed(2),
        expected: `>= ${ctx.options.minContrast.toFixed(2)}`,
      });
      return;
    }
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
