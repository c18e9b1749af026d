// Check `length-ratio`: a translation far shorter or longer than its source, by a robust z-score on the corpus distribution.
import { z } from 'zod';
import { defineCheck } from '../core/check.js';
import { countEnglishWords, countHan } from '../core/text.js';

const options = z.object({
  /** Median of ln(Chinese length / English words) on arXiv dev; Chinese length = Han + charsPerLatin × Latin tokens. */
  medianLog: z.number().default(0.545),
  /** Median absolute deviation of that log ratio on arXiv dev (the z-score scale is 1.4826 × MAD). */
  madLog: z.number().positive().default(0.044),
  /** Weight of a Latin token kept in the Chinese, in Han characters (one English word). */
  charsPerLatin: z.number().positive().default(1.73),
  /** |z| at or above this is reported as minor. */
  minorZ: z.number().positive().default(8),
  /** The ratio must also be off by this factor (either way) from the median to be major. */
  majorFactor: z.number().min(1).default(2),
  /** Sources with fewer English words are not judged (titles and short lines vary too much). */
  minWords: z.number().int().min(1).default(12),
  /**
   * Sources with fewer English words get at most a minor finding: a free translation of one short
   * sentence can be half as long (WMT24 `refA`: 20 words, 0.85 characters a word, rated error-free),
   * and 40 is where similarity and sentence evidence count too (docs/pairing-evidence.md).
   */
  majorMinWords: z.number().int().min(1).default(40),
});

/** Options of the `length-ratio` check. */
export type LengthRatioOptions = z.infer<typeof options>;

export default defineCheck<LengthRatioOptions>({
  meta: {
    id: 'length-ratio',
    description: 'Detects a translation much shorter or longer than its source, in Chinese characters per English word with a robust z-score.',
    category: 'accuracy/omission',
    scope: 'document',
    needs: 'pair',
    defaultSeverity: 'minor',
    severities: { tooShort: 'major', tooLong: 'major', shortish: 'minor', longish: 'minor' },
    categories: { tooLong: 'accuracy/addition', longish: 'accuracy/addition' },
    messages: {
      tooShort: 'Unexpected length ratio `{{ratio}}` Chinese characters per English word (z = `{{z}}`), expected about `{{expected}}`: the translation is far too short',
      tooLong: 'Unexpected length ratio `{{ratio}}` Chinese characters per English word (z = `{{z}}`), expected about `{{expected}}`: the translation is far too long',
      shortish: 'Unexpected length ratio `{{ratio}}` Chinese characters per English word (z = `{{z}}`), expected about `{{expected}}`',
      longish: 'Unexpected length ratio `{{ratio}}` Chinese characters per English word (z = `{{z}}`), expected about `{{expected}}`',
    },
    options,
  },
  run(ctx) {
    const o = ctx.options;
    const words = countEnglishWords(ctx.source as string);
    if (words < o.minWords) return;
    const han = countHan(ctx.target);
    if (han === 0) return; // nothing Chinese at all: the `untranslated` check's case
    const latin = ctx.target.match(/[A-Za-z0-9][A-Za-z0-9.\-_]*/gu)?.length ?? 0;
    const length = han + o.charsPerLatin * latin;
    const log = Math.log(length / words);
    const z = (log - o.medianLog) / (1.4826 * o.madLog);
    if (Math.abs(z) < o.minorZ) return;
    const extreme = words >= o.majorMinWords && Math.abs(log - o.medianLog) >= Math.log(o.majorFactor);
    const messageId = z < 0 ? (extreme ? 'tooShort' : 'shortish') : extreme ? 'tooLong' : 'longish';
    const ratio = (length / words).toFixed(2);
    ctx.report({
      messageId,
      data: { ratio, z: z.toFixed(1), expected: Math.exp(o.medianLog).toFixed(2) },
      side: 'pair',
      actual: ratio,
      expected: Math.exp(o.medianLog).toFixed(2),
      confidence: Math.min(1, Math.abs(z) / (2 * o.minorZ)),
    });
  },
});
