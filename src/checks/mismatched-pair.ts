// Check `mismatched-pair`: the Chinese translates some other original than the one it is paired or attached with.
import { z } from 'zod';
import { defineCheck } from '../core/check.js';
import { countEnglishWords } from '../core/text.js';
import { anchorsSupport, correspondence, CORRESPONDENCE_DEFAULTS, mismatchEvidence, sentenceContrast } from '../lexicon/correspondence.js';
import { crossLingualSimilarity } from '../lexicon/similarity.js';

const options = z.object({
  /**
   * Cross-lingual similarity (0-1) under which a pair is taken as mismatched. On arXiv dev, true
   * pairs score 0.47 at their 0.5th percentile and translations of similar-topic papers 0.39 at
   * their 99th (see docs/checks/mismatched-pair.md).
   */
  minSimilarity: z.number().min(0).max(1).default(0.3),
  /**
   * A source under this many English words is short: low similarity says nothing there, and sentence
   * evidence is never strong (WMT24 human references under 40 words score 0–0.1 at their 5th
   * percentile). docs/pairing-evidence.md.
   */
  minWords: z.number().int().min(1).default(CORRESPONDENCE_DEFAULTS.shortWords),
  /**
   * Contrast (0-1) under which the sentences do not correspond, with enough sentences: aligned
   * minus unaligned share of an English sentence's content words among the glosses of the Chinese.
   * arXiv look-alikes p95 0.09, true pairs p1 0.35, WMT24 human references (40+ words, 3+ sentences)
   * minimum 0.13. Under it (and aligned coverage under 25 %): `noCorrespondence`, critical.
   */
  strongContrast: z.number().min(0).max(1).default(CORRESPONDENCE_DEFAULTS.strongContrast),
  /** Contrast under which the correspondence is weak: `weakCorrespondence`, major (a review). */
  minContrast: z.number().min(0).max(1).default(CORRESPONDENCE_DEFAULTS.weakContrast),
});

/** Re-exported for callers that knew it here; it lives in lexicon/correspondence.ts, shared with pairing's verification. */
export { sentenceContrast };

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
      weakCorrespondence:
        'Unexpected weak correspondence between aligned sentences (`{{aligned}}` of the words, `{{other}}` for unaligned ones), expected each Chinese sentence to match its own English sentence clearly',
      contradictingAnchors:
        'Unexpected anchors `{{onlyZh}}` in the translation where the source has `{{onlyEn}}`, expected the same numbers, names and links on both sides',
    },
    // Only positive evidence is critical; weak evidence asks for a review (docs/pairing-evidence.md).
    severities: { lowSimilarity: 'major', weakCorrespondence: 'major' },
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
    const settings = { ...CORRESPONDENCE_DEFAULTS, shortWords: ctx.options.minWords, strongContrast: ctx.options.strongContrast, weakContrast: ctx.options.minContrast };
    // The sentence contrast only where it can decide something (a sixth of arXiv pairs need none): a null
    // contrast below is then one that changes nothing, since the anchors decided, or the source is
    // shorter than `minWords` (the settings' short limit), which ends the check before similarity.
    const evidence = correspondence({ ...ctx, source }, settings);
    const found = mismatchEvidence(evidence, settings);
    if (found.kind === 'anchors') {
      const { onlyEn, onlyZh, shared } = evidence.anchors;
      ctx.report({
        messageId: 'contradictingAnchors',
        data: { onlyZh: onlyZh.slice(0, 5).join(', '), onlyEn: onlyEn.slice(0, 5).join(', ') },
        side: 'pair',
        note: `shared anchors: ${shared.slice(0, 10).join(', ') || 'none'}`,
      });
      return;
    }
    const contrast = evidence.contrast;
    if (found.kind === 'sentences' && contrast) {
      const [aligned, other] = [contrast.aligned, contrast.other].map((x) => `${Math.round(x * 100)}%`) as [string, string];
      const strong = found.strength === 'strong';
      ctx.report({
        messageId: strong ? 'noCorrespondence' : 'weakCorrespondence',
        data: { aligned, other },
        side: 'pair',
        actual: (contrast.aligned - contrast.other).toFixed(2),
        expected: `>= ${(strong ? ctx.options.strongContrast : ctx.options.minContrast).toFixed(2)}`,
        note: found.reason,
      });
      return;
    }
    // A single sentence a side: only similarity is left, and on a long text only; weak evidence at most.
    if (contrast !== null || countEnglishWords(source) < ctx.options.minWords || anchorsSupport(evidence)) return;
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
