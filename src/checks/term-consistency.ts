// Check `term-consistency`: one glossary term rendered two different ways within one text (对话策略 beside 对话政策).
import { z } from 'zod';
import { defineCheck } from '../core/check.js';
import type { ReportDescriptor } from '../core/check.js';
import { HAN, indexesOf } from '../core/text.js';
import type { GlossaryEntry } from '../lexicon/glossary.js';
import { domainOf, entryApplies } from '../lexicon/domain.js';
import { alignedTargetSpan, loadGlossary, sentenceAt, wordBoundaries } from '../lexicon/glossary.js';
import { translatesOtherWord } from '../lexicon/other-word.js';

const options = z.object({
  /** Extra glossary files, as for the `glossary` check. */
  files: z.array(z.string()).default([]),
});

/** Options of the `term-consistency` check. */
export type TermConsistencyOptions = z.infer<typeof options>;

/** One place where a rendering of an entry occurs in the target. */
interface Occurrence {
  text: string;
  start: number;
  end: number;
}

function occurrences(text: string, needle: string): Occurrence[] {
  return indexesOf(text, needle).map((i) => ({ text: needle, start: i, end: i + needle.length }));
}

/** Accepted (Han) renderings of an entry in `text` on word boundaries, longest first, not overlapping each other or `taken`. */
function acceptedOccurrences(entry: GlossaryEntry, text: string, taken: Occurrence[]): Occurrence[] {
  const found: Occurrence[] = [];
  const candidates = entry.zh.filter((z) => HAN.test(z)).sort((a, b) => b.length - a.length);
  let bounds: Uint8Array | undefined;
  for (const z of candidates) {
    for (const o of occurrences(text, z)) {
      // 图 inside 地图 is not the accepted rendering of `graph`.
      bounds ??= wordBoundaries(text);
      if (!bounds[o.start] || !bounds[o.end]) continue;
      if ([...found, ...taken].some((t) => t.start < o.end && o.start < t.end)) continue;
      found.push(o);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export default defineCheck<TermConsistencyOptions>({
  meta: {
    id: 'term-consistency',
    description: 'One glossary term rendered two different ways within one translation',
    category: 'terminology/inconsistent',
    scope: 'document',
    needs: 'target',
    defaultSeverity: 'minor',
    severities: { inconsistentRendering: 'minor', otherRendering: 'info' },
    messages: {
      inconsistentRendering: 'Unexpected `{{actual}}` for `{{term}}` beside `{{other}}` in the same text, expected one rendering throughout',
      otherRendering: 'Unexpected `{{actual}}` for `{{term}}` beside `{{other}}`: the other rendering of the same term',
    },
    options,
  },
  run(ctx) {
    const glossary = loadGlossary(ctx.options.files);
    const sourceTerms = ctx.source === null ? [] : glossary.matchSource(ctx.source);
    // Ambiguous renderings (培训 for training, 代表 for representation) count only in a text of the term's
    // field, inside the aligned Chinese of a sentence that has the term: as in the `glossary` check.
    // Elsewhere they are the ordinary word (这些结果代表了 "these results represent").
    const domain = domainOf(glossary, ctx.source, ctx.target);
    const spans = new Map<GlossaryEntry, Array<{ from: number; to: number; sentence: string; text: string }>>();
    for (const t of sourceTerms) {
      const span = alignedTargetSpan(ctx, t.start);
      if (span === null) continue;
      const at = sentenceAt(ctx.sourceSentences, t.start);
      const list = spans.get(t.entry) ?? [];
      list.push({ from: span[0], to: span[1], sentence: at === undefined ? '' : (ctx.sourceSentences[at]?.text ?? ''), text: t.text });
      spans.set(t.entry, list);
    }
    // An ambiguous rendering counts where the aligned source sentence has the term and no other word
    // that the rendering's dictionary senses translate (强大 beside "powerful" is that word's translation).
    const aligned = (m: { entry: GlossaryEntry; start: number; end: number; wrong: string }): boolean => {
      const terms = sourceTerms.filter((t) => t.entry === m.entry).map((t) => t.text);
      return (spans.get(m.entry) ?? []).some(
        (s) => m.start >= s.from && m.end <= s.to && !translatesOtherWord(m.wrong, s.sentence, terms),
      );
    };
    const candidates = glossary
      .matchWrongTarget(ctx.target, { includeAmbiguous: true })
      .filter((m) => !m.ambiguous || entryApplies(m.entry, domain));
    const pairs: Array<{ entry: GlossaryEntry; odd: Occurrence; usual: Occurrence }> = [];

    // A known wrong rendering beside an accepted one of the same entry: the wrong one is the odd one out.
    for (const entry of new Set(candidates.map((m) => m.entry))) {
      // No accepted rendering at all: nothing to be inconsistent with, and no need for the dictionary
      // that `aligned` reads (loading it costs a one-pair `transcheck check` about 0.5 s).
      if (acceptedOccurrences(entry, ctx.target, []).length === 0) continue;
      const bad = candidates
        .filter((m) => m.entry === entry && (!m.ambiguous || aligned(m)))
        .map((m) => ({ text: m.wrong, start: m.start, end: m.end }));
      if (bad.length === 0) continue;
      // With a source, the other rendering must be the term's too: inside the aligned Chinese of a sentence
      // that has the term. General words of an accepted list (时间 for "temporally", 标准 for "measure")
      // occur elsewhere for other reasons.
      const termSpans = spans.get(entry) ?? [];
      const good = acceptedOccurrences(entry, ctx.target, bad).filter(
        (o) => ctx.source === null || termSpans.some((s) => o.start >= s.from && o.end <= s.to),
      );
      if (good.length === 0) continue;
      pairs.push({ entry, odd: bad[0] as Occurrence, usual: good[0] as Occurrence });
    }

    const termAt = (entry: GlossaryEntry, start: number): string =>
      (spans.get(entry)?.find((s) => start >= s.from && start < s.to) ?? spans.get(entry)?.[0])?.text ?? entry.en;
    for (const { entry, odd, usual } of pairs.sort((a, b) => a.odd.start - b.odd.start)) {
      const emit = (messageId: string, at: Occurrence, other: Occurrence, expected?: string): void => {
        const d: ReportDescriptor = {
          messageId,
          // The term as the source writes it (an entry lists several English forms) where the rendering is
          // aligned, else its first occurrence, else the entry's head.
          data: { actual: at.text, term: termAt(entry, at.start), other: other.text },
          side: 'target',
          range: [at.start, at.end],
          actual: at.text,
          confidence: 0.8,
        };
        // Only the wrong rendering gets an `expected`: the accepted one beside it is already right, and
        // offering the wrong one as a replacement (训练 → 培训) would insert the error.
        if (expected !== undefined) d.expected = expected;
        const sentence = sentenceAt(ctx.targetSentences, at.start);
        if (sentence !== undefined) d.sentence = sentence;
        ctx.report(d);
      };
      emit('inconsistentRendering', odd, usual, usual.text);
      emit('otherRendering', usual, odd);
    }
  },
});
