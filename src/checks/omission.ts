// Check `omission`: English sentences with no Chinese counterpart (1-0 beads) and merged beads that cover too little.
import { z } from 'zod';
import { defineCheck } from '../core/check.js';
import { countEnglishWords, countHan } from '../core/text.js';
import { enFeatures, genericWeights, scoreFeatures, zhFeatures } from '../lexicon/similarity.js';

const options = z.object({
  /** An unmatched source sentence of fewer words is a minor omission (a short aside), not a major one. */
  minWords: z.number().int().min(1).default(5),
  /** Han characters per English word expected in a translation (arXiv dev median, Latin tokens counted as words). */
  charsPerWord: z.number().positive().default(1.73),
  /** A merged bead (2-1, 3-1) whose Chinese is under this share (0-1) of the length its English needs covers too little. */
  minCoverage: z.number().min(0).max(1).default(0.5),
  /**
   * An unmatched sentence whose content words are at least this share (0-1, weighted) among the
   * dictionary glosses of the neighbouring Chinese sentences is taken as merged into them, not omitted.
   */
  neighbourCoverage: z.number().min(0).max(1).default(0.5),
});

/** Options of the `omission` check. */
export type OmissionOptions = z.infer<typeof options>;

const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}...` : text);

export default defineCheck<OmissionOptions>({
  meta: {
    id: 'omission',
    description: 'Detects English sentences with no Chinese counterpart in the alignment, and merged sentences translated only in part.',
    category: 'accuracy/omission',
    scope: 'segment',
    needs: 'pair',
    defaultSeverity: 'major',
    severities: { sentence: 'major', shortSentence: 'minor', partial: 'minor' },
    messages: {
      sentence: 'Unexpected missing translation of the source sentence `{{text}}`, expected a Chinese counterpart',
      shortSentence: 'Unexpected missing translation of the short source sentence `{{text}}`, expected a Chinese counterpart',
      partial: 'Unexpected short translation `{{actual}}` of `{{count}}` source sentences (`{{coverage}}` of the expected length), expected all of them translated',
    },
    options,
  },
  run(ctx) {
    const source = ctx.source as string;
    const o = ctx.options;
    // Trailing unmatched sentences are the `truncated` check's: one finding for one cause.
    let last = ctx.beads.length;
    while (last > 0 && (ctx.beads[last - 1] as (typeof ctx.beads)[number]).zh.length === 0) last--;
    const coveredByNeighbours = (index: number, text: string): boolean => {
      const around = [ctx.beads[index - 1], ctx.beads[index + 1]].flatMap((b) => b?.zh ?? []);
      const neighbours = around.map((i) => ctx.targetSentences[i]?.text ?? '').join('');
      if (neighbours === '') return false;
      return scoreFeatures(enFeatures(text), zhFeatures(neighbours), genericWeights()).enCoverage >= o.neighbourCoverage;
    };
    ctx.beads.slice(0, last).forEach((bead, index) => {
      if (bead.en.length === 0) return;
      const sentences = bead.en.map((i) => ctx.sourceSentences[i]).filter((s) => s !== undefined);
      const first = sentences[0];
      const end = sentences.at(-1);
      if (!first || !end) return;
      const text = source.slice(first.start, end.end);
      const words = countEnglishWords(text);
      if (bead.zh.length === 0) {
        if (coveredByNeighbours(index, text)) return;
        ctx.report({
          messageId: words >= o.minWords ? 'sentence' : 'shortSentence',
          data: { text: clip(text) },
          side: 'source',
          range: [first.start, end.end],
          sentence: bead.en[0] as number,
          actual: '',
          expected: text,
        });
        return;
      }
      if (bead.en.length < 2 || bead.zh.length !== 1) return;
      const zh = ctx.targetSentences[bead.zh[0] as number];
      if (!zh) return;
      const latin = zh.text.match(/[A-Za-z0-9][A-Za-z0-9.\-_]*/gu)?.length ?? 0;
      const coverage = (countHan(zh.text) / o.charsPerWord + latin) / Math.max(words, 1);
      if (coverage >= o.minCoverage) return;
      ctx.report({
        messageId: 'partial',
        data: { actual: clip(zh.text), count: bead.en.length, coverage: `${Math.round(coverage * 100)}%` },
        side: 'source',
        range: [first.start, end.end],
        sentence: bead.en[0] as number,
        actual: zh.text,
        expected: text,
      });
    });
  },
});
