// Check `truncated`: the translation stops before the source ends (or, without a source, ends mid-clause).
import { defineCheck, type CheckInput } from '../core/check.js';
import { countEnglishWords, countHan, HAN } from '../core/text.js';
import { enFeatures, genericWeights, scoreFeatures, unionOfGlosses, zhFeatures } from '../lexicon/similarity.js';

/** Share of the missing English content words found in the glosses of the last Chinese sentence above which it is taken as translated there. */
const COVERED = 0.5;
/**
 * Share (0-1, weighted) of the missing sentences' own content words (those the rest of the source
 * lacks) found anywhere in the Chinese above which they were translated, only elsewhere. Cut
 * translations of arXiv dev keep at most 0.5 of them (a third cut away, bench/corrupt.ts).
 */
const OWN_COVERED = 0.6;
/**
 * Length of the Chinese (Han / 1.73 + Latin tokens) over the English words of the source under
 * which an unpunctuated end is a cut and not a dropped final stop. Complete arXiv dev translations
 * are at 0.88 or more for 95 %; a translation cut at two thirds is near 0.7.
 */
const SHORT = 0.85;
const CHARS_PER_WORD = 1.73;
/** Source words from which a translation too short without a final stop reads as cut. */
const MIN_SHORT_WORDS = 10;
/**
 * Length (as `SHORT`) at or above which a translation ending on a comma, its last sentence carrying the last
 * English sentence's words, has a comma for its stop rather than a cut: below `SHORT` for one short
 * sentence, whose length ratio is noisy (WMT24 `refA`, 10 English words: 0.81); a cut at two thirds is near 0.7.
 */
const COMMA_LENGTH = 0.75;

// A pointer to a link ("available at the following address") that must be followed by the link.
const URL_POINTER = /(?:以下|如下|下列|下面的?)(?:网址|链接|地址|网站|网页|URL)|(?:网址|链接)(?:为|是|：|:)\s*$/u;
// A link, or arXiv's placeholder for one ("this https URL", translated as https URL, https：, http http).
const URL_LIKE = /https?\s*[:：]\s*\/\/|\bhttps?\b|www\.|\b[\w-]+\.(?:com|org|net|io|edu|ai|cn)\b|github|\\url/iu;
const SENTENCE_END = /[.!?。！？…"”’'）)\]】》」』]$/u;
const CLAUSE_OPEN = /[，、：；,:;“‘—]$/u;
// …and a quotation opened at its very end (calling the SEC's position "): the source segment itself was cut.
const SOURCE_OPEN = /[,:;—–-]$|\s["']$|[“‘]$/u;

const chineseWords = (text: string) => countHan(text) / CHARS_PER_WORD + (text.match(/[A-Za-z0-9][A-Za-z0-9.\-_]*/gu)?.length ?? 0);

/** The check's view of the alignment (sentences and beads). */
type Aligned = Pick<CheckInput, 'source' | 'target' | 'sourceSentences' | 'targetSentences' | 'beads'>;

/**
 * Whether the trailing English (from bead `k` on, text `missing`) was translated but aligned away:
 * its own content words are in the Chinese, or the Chinese has as many sentences as the whole source
 * and its last sentence shares a content word or anchor with the missing text (a free translation
 * cut its sentences elsewhere and the aligner shifted them).
 */
function translatedElsewhere(ctx: Aligned, k: number, missing: string): boolean {
  const missingIndices = new Set(ctx.beads.slice(k).flatMap((b) => b.en));
  const rest = ctx.sourceSentences.filter((_, i) => !missingIndices.has(i)).map((s) => s.text).join(' ');
  const theirs = enFeatures(rest, { surface: false }).stems;
  const missingFeatures = enFeatures(missing, { surface: false });
  const weights = genericWeights();
  const glosses = unionOfGlosses(zhFeatures(ctx.target));
  let total = 0;
  let found = 0;
  for (const stem of missingFeatures.stems) {
    if (theirs.has(stem)) continue;
    total += weights.en(stem);
    if (glosses.has(stem)) found += weights.en(stem);
  }
  if (total > 0 && found / total >= OWN_COVERED) return true;
  const lastZh = ctx.targetSentences.at(-1);
  if (!lastZh || ctx.targetSentences.length < ctx.sourceSentences.length) return false;
  const zh = zhFeatures(lastZh.text);
  const shared = scoreFeatures(missingFeatures, zh, weights, undefined, false);
  return shared.enCoverage > 0 || (shared.anchorScore ?? 0) > 0;
}

/** Whether the last Chinese sentence carries the content words of the last English sentence (the `COVERED` share). */
function lastSentenceCarried(ctx: Aligned): boolean {
  const lastEn = ctx.sourceSentences.at(-1);
  const lastZh = ctx.targetSentences.at(-1);
  if (!lastEn || !lastZh) return false;
  return scoreFeatures(enFeatures(lastEn.text), zhFeatures(lastZh.text), genericWeights()).enCoverage >= COVERED;
}

export default defineCheck({
  meta: {
    id: 'truncated',
    description: 'Detects a translation that stops before its source ends: last sentences missing, an unfinished clause, a link announced but lost.',
    category: 'accuracy/omission',
    scope: 'document',
    needs: 'target',
    defaultSeverity: 'major',
    messages: {
      lastUnaligned: 'Unexpected end of the translation before the last `{{count}}` source sentence(s) `{{text}}`, expected them translated',
      midClause: 'Unexpected end of the translation mid-clause at `{{tail}}`, expected the sentence completed as in the source',
      urlLost: 'Unexpected link announcement `{{pointer}}` with no link after it, expected the URL of the source',
      stopAsComma: 'Unexpected `{{mark}}` at the end of a translation that carries its last sentence, expected a final stop as in the source',
    },
    // A comma for the final stop after a complete translation is a punctuation slip, not lost content.
    severities: { stopAsComma: 'minor' },
    categories: { stopAsComma: 'fluency/punctuation' },
  },
  run(ctx) {
    const target = ctx.target.trimEnd();
    if (target === '') return;
    const tail = target.slice(-12);
    const beads = ctx.beads;
    // Trailing English sentences aligned to nothing: the translation stopped early.
    let k = beads.length;
    while (k > 0 && (beads[k - 1] as (typeof beads)[number]).zh.length === 0) k--;
    if (ctx.source !== null && k < beads.length && k > 0) {
      const missing = beads.slice(k).flatMap((b) => b.en);
      const first = ctx.sourceSentences[missing[0] as number];
      const last = ctx.sourceSentences[missing.at(-1) as number];
      const text = first && last ? ctx.source.slice(first.start, last.end) : '';
      const lastZh = ctx.targetSentences.at(-1);
      // A free translation may fold the last sentence into the one before: if that one carries the
      // missing sentence's words, nothing was cut.
      if (first && last && !(lastZh && scoreFeatures(enFeatures(text), zhFeatures(lastZh.text), genericWeights()).enCoverage >= COVERED) && !translatedElsewhere(ctx, k, text)) {
        ctx.report({
          messageId: 'lastUnaligned',
          data: { count: missing.length, text: text.length > 80 ? `${text.slice(0, 77)}...` : text },
          side: 'source',
          range: [first.start, last.end],
          sentence: missing[0] as number,
          actual: tail,
          expected: text,
        });
        return;
      }
    }
    const sourceEnds = ctx.source === null ? null : SENTENCE_END.test(ctx.source.trimEnd());
    const lastChar = target.at(-1) as string;
    // With a source: it ends a sentence and the translation does not. Without: an open clause mark.
    const sourceOpen = ctx.source !== null && SOURCE_OPEN.test(ctx.source.trimEnd());
    // Without a clause mark, a missing final stop is only a cut when the Chinese also falls short
    // (news and social posts are often translated without the final 。).
    const zhWords = chineseWords(target);
    const enWords = ctx.source === null ? 0 : countEnglishWords(ctx.source);
    // Not on a source of a few words, whose length ratio says little (3 minutes to go... → 3分钟后, "3. HTML for
    // section 1, 2, 3, etc." → 第1、2、3等节的HTML: WMT24, rated 96 and 100); a clause mark still counts there.
    const short = ctx.source !== null && enWords >= MIN_SHORT_WORDS && zhWords < SHORT * enWords;
    // A comma where the final stop belongs, after a translation of full length whose last sentence carries the
    // last English sentence's words ("In case you're interested in the challenge ahead I face." → 如果有兴趣了解我
    // 所面临的挑战，, WMT24 `refA`): nothing was cut, the stop is wrong.
    const stopAsComma =
      ctx.source !== null &&
      zhWords >= COMMA_LENGTH * enWords &&
      '，、,'.includes(lastChar) &&
      lastSentenceCarried(ctx);
    // arXiv replaces a link with "this https URL": a translation ending on its rendering (…获得：https：) ends
    // where the source ends, with no link on either side.
    const placeholderEnd = ctx.source !== null && /\bthis https? URL\s*\.?$/i.test(ctx.source.trimEnd()) && /https?\s*[:：]?\s*(?:URL)?\s*[。.]?$/i.test(target);
    const open = (CLAUSE_OPEN.test(target) && !sourceOpen && !stopAsComma && !placeholderEnd) || (sourceEnds === true && short && (HAN.test(lastChar) || /[A-Za-z0-9]/u.test(lastChar)));
    if (stopAsComma && !sourceOpen && sourceEnds === true) {
      ctx.report({
        messageId: 'stopAsComma',
        data: { mark: lastChar },
        side: 'target',
        range: [target.length - 1, target.length],
        sentence: ctx.targetSentences.length - 1,
        actual: lastChar,
        expected: '。',
      });
      return;
    }
    if (open) {
      const sentence = ctx.targetSentences.length - 1;
      ctx.report({
        messageId: 'midClause',
        data: { tail },
        side: 'target',
        range: [target.length - tail.length, target.length],
        ...(sentence >= 0 ? { sentence } : {}),
        actual: tail,
        ...(ctx.source !== null ? { expected: ctx.source.trimEnd().slice(-30) } : {}),
      });
      return;
    }
    const lastSentence = ctx.targetSentences.at(-1);
    const scope = lastSentence ? ctx.target.slice(lastSentence.start, lastSentence.end) : target;
    const pointer = URL_POINTER.exec(scope);
    if (pointer && lastSentence && !URL_LIKE.test(scope.slice(pointer.index))) {
      const start = lastSentence.start + pointer.index;
      ctx.report({
        messageId: 'urlLost',
        data: { pointer: pointer[0].trim() },
        side: 'target',
        range: [start, start + pointer[0].trimEnd().length],
        sentence: ctx.targetSentences.length - 1,
        actual: pointer[0].trim(),
        expected: 'a URL',
      });
    }
  },
});
