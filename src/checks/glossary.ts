// Check `glossary`: source terms of the ML glossary translated with no accepted rendering, and known wrong renderings (also without a source).
import { z } from 'zod';
import { defineCheck } from '../core/check.js';
import { HAN, indexesOf } from '../core/text.js';
import type { ReportDescriptor } from '../core/check.js';
import type { Fix } from '../core/types.js';
import type { Glossary, GlossaryEntry, WrongRenderingMatch } from '../lexicon/glossary.js';
import { domainOf, entryApplies } from '../lexicon/domain.js';
import { acceptedRenderingCount, alignedTargetSpan, loadGlossary, rememberPairTermUses, sentenceAt, sourceHasCue, sourceHoldsTerm, sourceWords, termUses } from '../lexicon/glossary.js';

const options = z.object({
  /** Extra glossary files (JSON array of entries, or TSV `en<TAB>zh1|zh2<TAB>wrong1|wrong2`); the CLI's `--glossary`. */
  files: z.array(z.string()).default([]),
});

/** Options of the `glossary` check. */
export type GlossaryOptions = z.infer<typeof options>;

/** How many entries list each wrong rendering, per loaded glossary. */
const claims = new WeakMap<Glossary, Map<string, number>>();

/** The Latin letters and digits of a text (`L2`, `10`): a replacement must keep them as they are. */
const latinOf = (text: string): string => (text.match(/[A-Za-z0-9]/g) ?? []).join('');

/**
 * The fix of a wrong rendering: its own range replaced by an accepted rendering, when which one is
 * unambiguous: the entry's only Chinese rendering, or the one the translation already uses for the term
 * elsewhere (so the fix keeps the text consistent). None when the rendering is ambiguous, when several
 * accepted renderings compete (the entry has several and the text uses none or several of them), when
 * several entries list the same wrong rendering, when the text also holds an ambiguous wrong rendering of
 * the term (the fix would make it inconsistent), or when the replacement would change a letter or digit
 * (`L2规范` is not `L1范数`, `10倍交叉验证` keeps its 10).
 */
export function wrongRenderingFix(glossary: Glossary, m: WrongRenderingMatch, text: string): Fix | undefined {
  if (m.ambiguous) return undefined;
  let counts = claims.get(glossary);
  if (!counts) {
    counts = new Map();
    for (const e of glossary.entries) for (const w of new Set(e.wrong)) counts.set(w, (counts.get(w) ?? 0) + 1);
    claims.set(glossary, counts);
  }
  if ((counts.get(m.wrong) ?? 0) !== 1) return undefined;
  const rest = `${text.slice(0, m.start)}\u0000${text.slice(m.end)}`;
  if ((m.entry.ambiguous ?? []).some((w) => w !== m.wrong && rest.includes(w))) return undefined;
  // Only Han renderings are candidates: a Latin one (DNN) is usually there already as the abbreviation.
  // A rendering inside a longer one (预训 in 预训练) is its short form, not a competitor.
  const all = m.entry.zh.filter((z) => HAN.test(z));
  // So is a longer form of the preferred rendering written with characters inserted (预先训练 for 预训练).
  const first = all[0];
  const han = all.filter((z) => !all.some((o) => o !== z && o.includes(z)) && !(first !== undefined && z !== first && !z.includes(first) && isSubsequence(first, z)));
  const used = han.filter((z) => rest.includes(z));
  const distinct = used.filter((z) => !used.some((o) => o !== z && o.includes(z)));
  const to = distinct.length === 1 ? distinct[0] : distinct.length === 0 && han.length === 1 ? han[0] : undefined;
  if (to === undefined || latinOf(to) !== latinOf(m.wrong)) return undefined;
  return { side: 'target', range: [m.start, m.end], text: to };
}

/** Whether the characters of `short` occur in `long` in order (预训练 in 预先训练). */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
}

/** The first three accepted renderings, as messages show them. */
const preferred = (entry: GlossaryEntry): string => entry.zh.slice(0, 3).join('` or `');

/** Message id of a wrong rendering: its class decides the MQM severity. */
const WRONG_MESSAGE = { sense: 'wrongSense', nonstandard: 'wrongNonstandard' } as const;

export default defineCheck<GlossaryOptions>({
  meta: {
    id: 'glossary',
    description: 'A source term of the ML glossary whose translation has none of the accepted renderings, or a known wrong rendering of a term',
    category: 'terminology/inappropriate',
    scope: 'document',
    needs: 'target',
    defaultSeverity: 'major',
    // MQM: another meaning of the word misleads the reader (major); a recoverable non-standard term is minor.
    severities: { wrongSense: 'major', wrongNonstandard: 'minor', missingRendering: 'info' },
    categories: { wrongSense: 'accuracy/mistranslation' },
    messages: {
      wrongSense: 'Unexpected `{{actual}}` for `{{term}}` (another sense of the word), expected `{{expected}}`',
      wrongNonstandard: 'Unexpected `{{actual}}` for `{{term}}` (not the field\'s term), expected `{{expected}}`',
      missingRendering: 'Unexpected translation of `{{term}}` without an accepted rendering, expected `{{expected}}`',
    },
    options,
  },
  run(ctx) {
    const glossary = loadGlossary(ctx.options.files);
    const wrongs = glossary.matchWrongTarget(ctx.target, { includeAmbiguous: true });
    // The domain gate: an astrophysics abstract rightly says 时代 for "epoch".
    const domain = domainOf(glossary, ctx.source, ctx.target);
    const reported = new Set<WrongRenderingMatch>();
    /** `term`: the English as the source writes it (knowledge operators), else the entry's head (projection operator). */
    const reportWrong = (m: WrongRenderingMatch, term = sourceText(m.entry, m.start)): void => {
      if (reported.has(m)) return;
      reported.add(m);
      const d: ReportDescriptor = {
        messageId: WRONG_MESSAGE[m.kind],
        data: { actual: m.wrong, term, expected: preferred(m.entry), class: m.ambiguous ? 'ambiguous' : m.kind },
        side: 'target',
        range: [m.start, m.end],
        actual: m.wrong,
        expected: m.entry.zh[0] as string,
        confidence: m.split ? 0.7 : m.ambiguous ? 0.8 : 0.95,
      };
      const sentence = sentenceAt(ctx.targetSentences, m.start);
      if (sentence !== undefined) d.sentence = sentence;
      if (m.entry.note) d.note = m.entry.note;
      const fix = wrongRenderingFix(glossary, m, ctx.target);
      if (fix) d.fix = fix;
      ctx.report(d);
    };

    // Unambiguous wrong renderings are wrong Chinese for the term wherever they stand.
    if (ctx.source === null) {
      for (const m of wrongs) if (!m.ambiguous) reportWrong(m, m.entry.en);
      return;
    }

    const terms = glossary.matchSource(ctx.source);
    // A message names the term as the source writes it (an entry lists several English forms): the
    // occurrence whose aligned Chinese holds the rendering, else the first.
    function sourceText(entry: GlossaryEntry, at: number): string {
      const own = terms.filter((t) => t.entry === entry);
      const aligned = own.find((t) => {
        const span = alignedTargetSpan(ctx, t.start, 0);
        return span !== null && at >= span[0] && at < span[1];
      });
      return (aligned ?? own[0])?.text ?? entry.en;
    }
    const sourceSentences = ctx.sourceSentences;
    const sourceEntries = [...new Set(terms.map((t) => t.entry))];
    // The corpus-wide terminology table counts the same matches (pipeline/terminology.ts).
    if (ctx.pair) rememberPairTermUses(ctx.pair, glossary, ctx.source, ctx.target, termUses(sourceEntries, wrongs, ctx.target, true));
    /** Accepted Han renderings of the source's other terms in `target[from, to)`: 循环神经网络 translates "recurrent neural network", not "recurrent". */
    // Where each source entry's Han renderings occur in the whole target, found once per pair: each term
    // then keeps those inside its span (the same spans as searching the span itself, term by term).
    let renderingsAt: Map<GlossaryEntry, Array<{ length: number; starts: number[] }>> | undefined;
    const otherRenderings = (entry: GlossaryEntry, from: number, to: number): Array<{ start: number; end: number }> => {
      if (!renderingsAt) {
        renderingsAt = new Map();
        for (const other of sourceEntries) {
          const list: Array<{ length: number; starts: number[] }> = [];
          for (const z of other.zh) {
            if (z.length < 2 || !HAN.test(z)) continue;
            list.push({ length: z.length, starts: indexesOf(ctx.target, z, true) });
          }
          renderingsAt.set(other, list);
        }
      }
      const spans: Array<{ start: number; end: number }> = [];
      for (const other of sourceEntries) {
        if (other === entry) continue;
        for (const { length, starts } of renderingsAt.get(other) ?? []) {
          for (const i of starts) if (i >= from && i + length <= to) spans.push({ start: i, end: i + length });
        }
      }
      return spans;
    };
    /** Source terms in a term's sentence and `widen` sentences on each side (the target span's widening). */
    const termsAround = (term: (typeof terms)[number], widen = 1): typeof terms => {
      const at = sentenceAt(sourceSentences, term.start);
      if (at === undefined) return terms;
      const lo = (sourceSentences[Math.max(0, at - widen)] as { start: number }).start;
      const hi = (sourceSentences[Math.min(sourceSentences.length - 1, at + widen)] as { end: number }).end;
      return terms.filter((t) => t.start >= lo && t.start < hi);
    };
    const missingSeen = new Set<string>();
    /** Wrong renderings cut with a neighbouring word, read once per pair when a term needs them. */
    let splitHits: WrongRenderingMatch[] | undefined;
    let words: string[] | undefined;
    /** A term with field-sense cues (grasp, epoch) that the source lacks is the everyday word: nothing to judge. */
    const inFieldSense = (entry: GlossaryEntry): boolean => entry.cues === undefined || sourceHasCue(entry, (words ??= sourceWords(ctx.source as string)));
    for (const term of terms) {
      if (!entryApplies(term.entry, domain) || !inFieldSense(term.entry)) continue;
      const span = alignedTargetSpan(ctx, term.start);
      if (span === null) continue;
      const [from, to] = span;
      // Ambiguous renderings count only here: with the English term in the aligned source sentence.
      // A wrong rendering that another term around the source sentence accepts is that term's
      // translation (功能 for "functional" beside "features"), as in the target-wide pass below.
      const near = termsAround(term);
      const around = near.filter((t) => t.entry !== term.entry);
      /** This term's own occurrences in its sentence and the sentences on each side. */
      const occurrences = near.length - around.length;
      const found = wrongs.filter(
        (m) => m.entry === term.entry && m.start >= from && m.end <= to && !around.some((t) => t.entry.zh.includes(m.wrong)),
      );
      // An accepted rendering in the span means the term was translated right, unless the term occurs more
      // often around its sentence than it is rendered right (立体 inside the wrong 立体声 does not count):
      // "generic recurrent networks with recurrent memory" → 递归网络 … 经常性记忆 has one of each.
      // A wrong rendering inside the term's own aligned sentence is judged there: an accepted rendering in a
      // neighbouring sentence is another occurrence's, or another word's (研究 for "research" beside 以前的作品
      // for "existing works").
      const own = found.length > 0 ? alignedTargetSpan(ctx, term.start, 0) : null;
      const narrow = own !== null && found.every((m) => m.start >= own[0] && m.end <= own[1]);
      const [af, at] = narrow ? own : [from, to];
      const accepted = acceptedRenderingCount(term.entry, ctx.target, af, at, [...found, ...otherRenderings(term.entry, af, at)]);
      const times = narrow ? termsAround(term, 0).filter((t) => t.entry === term.entry).length : occurrences;
      if (accepted > 0 && (found.length === 0 || accepted >= times)) continue;
      if (found.length > 0) {
        for (const m of found) reportWrong(m, term.text);
        continue;
      }
      // A part of the term with its own entry, rendered in a wrong sense (precision and recall → 精确度和回忆:
      // 回忆 is "recall" as remembering): the part is reported when the span holds no accepted rendering
      // of the part or of the whole.
      if (accepted === 0) {
        const parts = glossary.nestedEntries(term.entry).filter((e) => e.wrong.length > 0 && entryApplies(e, domain) && inFieldSense(e));
        const partHits = parts.flatMap((e) =>
          acceptedRenderingCount(e, ctx.target, from, to, otherRenderings(e, from, to)) > 0
            ? []
            : wrongs.filter((m) => m.entry === e && m.start >= from && m.end <= to && !around.some((t) => t.entry.zh.includes(m.wrong))),
        );
        if (partHits.length > 0) {
          for (const m of partHits) reportWrong(m);
          continue;
        }
      }
      // The segmenter can cut a wrong word with its neighbour (测试集合大小 → 测试集/合/大小, where
      // 集合 translates "ensemble"). With the English term in the aligned source sentence and no accepted
      // rendering in the span, a wrong rendering of two or more characters across word boundaries is
      // that term's translation all the same.
      if (accepted === 0) {
        splitHits ??= glossary.matchSplitTarget(ctx.target);
        const split = splitHits.filter(
          (m) => m.entry === term.entry && m.wrong.length >= 2 && m.start >= from && m.end <= to && !around.some((t) => t.entry.zh.includes(m.wrong)),
        );
        if (split.length > 0) {
          for (const m of split) reportWrong(m, term.text);
          continue;
        }
      }
      // A hint only for terms machine translation is known to get wrong (the entry lists wrong renderings)
      // and whose accepted list is complete enough (not `#hints: off`): otherwise an unlisted rendering is
      // more often an acceptable variant than an error.
      if (term.entry.wrong.length === 0 || term.entry.hints === false) continue;
      const key = `${term.entry.en}\u0000${from}`;
      if (missingSeen.has(key)) continue;
      missingSeen.add(key);
      const d: ReportDescriptor = {
        messageId: 'missingRendering',
        data: { term: term.text, expected: preferred(term.entry) },
        side: 'source',
        range: [term.start, term.end],
        actual: term.text,
        expected: term.entry.zh[0] as string,
        confidence: 0.5,
      };
      const sentence = sentenceAt(ctx.sourceSentences, term.start);
      if (sentence !== undefined) d.sentence = sentence;
      ctx.report(d);
    }
    // A wrong rendering whose term the source does not hold (no match the loop above judged) is reported
    // only when the source still holds most of the term's words (GANs, or "generative adversarial" beside
    // 生成敌对网络): without them the Chinese says something else in the same characters (概率分配 for
    // "assigns probabilities", 模型整体性能 for "the model's overall performance", 香草 for "herbs").
    const source = ctx.source;
    for (const m of wrongs) {
      // A wrong rendering of one term can be the right one of another term in the source (对话框 for "dialog
      // box"). Asked of the source's distinct entries for the few wrong renderings left, not gathered in a
      // set of every accepted rendering of every term first (that set was the check's own hottest line).
      if (m.ambiguous || reported.has(m) || sourceEntries.some((e) => e.zh.includes(m.wrong))) continue;
      words ??= sourceWords(source);
      if (!sourceHoldsTerm(m.entry, words)) continue;
      reportWrong(m);
    }
  },
});
