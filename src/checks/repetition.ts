// Check `repetition`: repetition loops (a string repeated 3+ times in a row, the classic MT decoding
// failure) and doubled function words such as 的的.
import { z } from 'zod';
import { defineCheck, type CheckContext } from '../core/check.js';
import { englishWords, stem, STOPWORDS } from '../lexicon/english.js';
import { segment, type Token } from '../lexicon/segment.js';
import { zhFeatures } from '../lexicon/similarity.js';
import { protectedSpans, spanMask } from '../lexicon/typography.js';

const options = z.object({
  /** Fewest consecutive copies that make a loop (OpusFilter's rule: 3). */
  minRepeats: z.number().int().min(2).default(3),
  /** Longest repeated unit considered, in UTF-16 code units (OpusFilter: 100). */
  maxUnit: z.number().int().min(2).max(500).default(100),
  /** Single-character function words whose doubling (的的) is reported. */
  functionWords: z
    .array(z.string().length(1))
    .default([...'的了是在和与及或对将被把从也都就而并以于由其该这那着向到让给使之所但因且又']),
});

/** Options of the `repetition` check. */
export type RepetitionOptions = z.infer<typeof options>;

/** Every letter. */
const LETTERS = /\p{L}/gu;

/** The shortest unit whose repetition gives `unit` (哈哈 → 哈, abcabc → abc). */
export function minimalPeriod(unit: string): string {
  const n = unit.length;
  for (let p = 1; p < n; p++) {
    if (n % p === 0 && unit.slice(0, p).repeat(n / p) === unit) return unit.slice(0, p);
  }
  return unit;
}

/** A run of one unit repeated consecutively (spaces between copies allowed). */
export interface Loop {
  start: number;
  end: number;
  unit: string;
  copies: number;
}

/**
 * Finds repetition loops: a unit with at least two letters (Han or Latin) repeated `minRepeats`+
 * times in a row, spaces between copies ignored. Linear scan per period (O(length × maxUnit)), not a
 * backtracking regex, so long texts stay fast.
 */
export function findLoops(text: string, minRepeats = 3, maxUnit = 100): Loop[] {
  // Compare text without whitespace; `at` maps back to offsets in the original.
  const at = new Int32Array(text.length);
  const code = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0) continue;
    at[n] = i;
    code[n++] = c;
  }
  const covered = new Uint8Array(n);
  const loops: Loop[] = [];
  // A run of `minRepeats` copies has at least (minRepeats - 1) × p matches code[i] = code[i + p] in a
  // row, so with minRepeats ≥ 2 it covers a multiple of p: probing only those and widening the hits
  // finds the same runs, in the same order, with about n / p comparisons instead of n.
  const stride = minRepeats >= 2;
  for (let p = 1; p <= Math.min(maxUnit, Math.floor(n / minRepeats)); p++) {
    for (let m = 0; m + p <= n; m += stride ? p : 1) {
      if (stride && !(m + p < n && code[m] === code[m + p])) continue;
      let s = m;
      while (s > 0 && code[s - 1] === code[s - 1 + p]) s--;
      let i = m;
      while (i + p < n && code[i] === code[i + p]) i++;
      // bare[s, i + p) repeats with period p; the next probe comes after this run.
      const start = s;
      const end = i + p;
      if (stride) m = Math.floor(i / p) * p;
      else m = i;
      const copies = Math.floor((end - start) / p);
      if (copies < minRepeats || covered[start]) continue;
      const unit = String.fromCharCode(...code.subarray(start, start + p));
      // Reduplication (哈哈哈, 谢谢谢谢), digit runs (1111) and punctuation (……, ——) are not loops:
      // a loop repeats a unit of two or more letters; smaller periods were tried first.
      if (minimalPeriod(unit).length !== p || (unit.match(LETTERS)?.length ?? 0) < 2) continue;
      const last = start + copies * p;
      covered.fill(1, start, last);
      loops.push({ start: at[start] as number, end: (at[last - 1] as number) + 1, unit: text.slice(at[start], (at[start + p - 1] as number) + 1), copies });
    }
  }
  return loops.sort((x, y) => x.start - y.start);
}

export default defineCheck<RepetitionOptions>({
  meta: {
    id: 'repetition',
    description:
      'Detects repetition loops (a string repeated three or more times in a row), doubled function words (的的), doubled phrases (基于聚类的基于聚类的) and coordinations of the same words where the source has two terms (有效和有效).',
    category: 'fluency/grammar',
    scope: 'document',
    needs: 'target',
    defaultSeverity: 'major',
    severities: { loop: 'major', doubledWord: 'minor', doubledPhrase: 'minor', sameConjuncts: 'minor' },
    categories: { sameConjuncts: 'accuracy/mistranslation' },
    messages: {
      sameConjuncts: 'Unexpected `{{text}}` (the same words on both sides of `{{conjunction}}`), expected the two different terms of the source',
      loop: 'Unexpected repetition of `{{unit}}` (`{{copies}}` times in a row), expected it once',
      doubledWord: 'Unexpected doubled word `{{text}}`, expected `{{word}}` once',
      doubledPhrase: 'Unexpected doubled phrase `{{text}}`, expected `{{phrase}}` once',
    },
    options,
  },
  run(ctx) {
    const { target, options: o } = ctx;
    const isProtected = spanMask(target.length, protectedSpans(target));
    const loops = findLoops(target, o.minRepeats, o.maxUnit).filter((l) => !isProtected(l.start));
    // A source that repeats itself (speech: "whoa, whoa, whoa"; "the rim, rim, the rim") is translated
    // faithfully by a repetition of as many copies (one more, as the Chinese may cut a unit differently),
    // in the source sentences aligned with the loop's sentence (the whole source without an alignment).
    const sourceCopies = (at: number): number => {
      const text = alignedSource(ctx, at);
      return text === null ? 0 : Math.max(0, ...findLoops(text, o.minRepeats, o.maxUnit).map((l) => l.copies));
    };
    for (const loop of loops) {
      if (loop.copies <= sourceCopies(loop.start) + 1) continue;
      ctx.report({
        messageId: 'loop',
        data: { unit: loop.unit, copies: loop.copies },
        side: 'target',
        range: [loop.start, loop.end],
        actual: target.slice(loop.start, loop.end),
        expected: loop.unit,
      });
    }
    const inLoop = (i: number) => loops.some((l) => i >= l.start && i < l.end);
    // The target's words, cut once for both doubled phrases and doubled words, and only when one needs them.
    let cut: Token[] | undefined;
    const tokensOf = (): Token[] => (cut ??= segment(target));
    const scan: TextScan = { isProtected, inLoop, tokensOf };
    reportDoubledPhrases(ctx, scan);
    reportSameConjuncts(ctx, scan);
    const words = functionWordSet(o.functionWords);
    // Segment only texts that have a doubled function-word character at all (most have none).
    if (!hasDoubled(target, words)) return;
    const tokens = tokensOf();
    for (let k = 1; k < tokens.length; k++) {
      const a = tokens[k - 1];
      const b = tokens[k];
      if (!a || !b || a.word !== b.word || !words.has(a.word)) continue;
      // 是是是 / 对对对 (three or more) is spoken affirmation, not a typo.
      if (tokens[k + 1]?.word === a.word || tokens[k - 2]?.word === a.word) continue;
      if (inLoop(a.start)) continue;
      ctx.report({
        messageId: 'doubledWord',
        data: { text: a.word + b.word, word: a.word },
        side: 'target',
        range: [a.start, b.end],
        actual: a.word + b.word,
        expected: a.word,
        // The second copy removed. Loops get no fix: a decoder that looped may have dropped what it should
        // have translated there, so one copy is not known to be the right text.
        fix: { side: 'target', range: [b.start, b.end], text: '' },
      });
    }
  },
});

/** The function words as a set, once per options list (the same list for every pair of a run). */
const functionWordSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function functionWordSet(list: readonly string[]): ReadonlySet<string> {
  let set = functionWordSets.get(list);
  if (!set) functionWordSets.set(list, (set = new Set(list)));
  return set;
}

/**
 * Whether a character of `words` (one UTF-16 unit each) stands twice in a row in the text: what
 * `[...text].some((c, i, all) => c === all[i + 1] && words.has(c))` said, by a scan of code units
 * without an array of the text's characters. A list with a word that is not one ordinary unit (a
 * surrogate) is left to that expression: code points and units differ there.
 */
function hasDoubled(text: string, words: ReadonlySet<string>): boolean {
  for (const w of words) {
    const u = w.charCodeAt(0);
    if (w.length !== 1 || (u >= 0xd800 && u <= 0xdfff)) return [...text].some((c, i, all) => c === all[i + 1] && words.has(c));
  }
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === text.charCodeAt(i + 1) && (c < 0xd800 || c > 0xdfff) && words.has(text[i] as string)) return true;
  }
  return false;
}

// A phrase of Han characters written twice in a row, 的 or nothing between (比传统的基于聚类的基于聚类的方法,
// 最先进的最先进的, 环境的问题的问题): Google Translate doubles a modifier when it attaches it twice. Two
// copies are no loop (three are).
const DOUBLED_PHRASE = /(\p{Script=Han}{2,8})(的?)\1/gu;

type RepetitionContext = CheckContext<RepetitionOptions>;

/** What the phrase passes share: protected spans, the loops found, and the target's words (cut once, on demand). */
interface TextScan {
  isProtected: (i: number) => boolean;
  inLoop: (i: number) => boolean;
  tokensOf: () => Token[];
}

/** Whether `[start, end)` of the text begins and ends at word boundaries of its segmentation. */
function wholeWordsOf(tokens: readonly Token[]): (start: number, end: number) => boolean {
  const starts = new Set(tokens.map((t) => t.start));
  const ends = new Set(tokens.map((t) => t.end));
  return (start, end) => starts.has(start) && ends.has(end);
}

function reportDoubledPhrases(
  ctx: RepetitionContext,
  { isProtected, inLoop, tokensOf }: TextScan,
): void {
  const { target } = ctx;
  const matches = [...target.matchAll(DOUBLED_PHRASE)];
  if (matches.length === 0) return;
  // Both copies must be whole words: 自动编码器的编码器 (the encoder of the autoencoder) repeats a piece of a word.
  const wholeWords = wholeWordsOf(tokensOf());
  for (const m of matches) {
    let phrase = m[1] as string;
    let start = m.index;
    let between = (m[2] as string).length;
    // The particle belongs between the copies, not inside them: 的基于聚类|的基于聚类 is 基于聚类 的 基于聚类,
    // 最先进的|最先进的 is 最先进 的 最先进.
    if (between === 0 && phrase.length >= 3 && phrase.startsWith('的')) {
      phrase = phrase.slice(1);
      start += 1;
      between = 1;
    } else if (between === 0 && phrase.length >= 3 && phrase.endsWith('的')) {
      phrase = phrase.slice(0, -1);
      between = 1;
    }
    // Three characters at least: 研究研究 is said twice on purpose, and around 的 a two-character word is
    // often two words of two phrases (受到敌对攻击的攻击 "attacked by adversarial attacks", 需要独自工作的
    // 工作; dev and WMT24 read). 一个边缘一个边缘 ("one side at a time") is the distributive 一X一X.
    if (phrase.length < 3 || phrase.startsWith('一')) continue;
    const second = start + phrase.length + between;
    const end = second + phrase.length;
    if (isProtected(start) || inLoop(start) || minimalPeriod(phrase) !== phrase) continue;
    if (!wholeWords(start, start + phrase.length) || !wholeWords(second, end)) continue;
    if (sourceRepeats(ctx, start, phrase)) continue;
    ctx.report({
      messageId: 'doubledPhrase',
      data: { text: target.slice(start, end), phrase },
      side: 'target',
      range: [start, end],
      actual: target.slice(start, end),
      expected: phrase,
      fix: { side: 'target', range: [start + phrase.length, end], text: '' },
    });
  }
}

// Two conjuncts that are the same words (有效和有效 for "efficient and effective", 识别和识别 for "recognize and
// identify", 外科医生与外科医生之间 for "between the surgeon and the surgical staff"): machine translation gave two
// terms of the source one rendering, and one of them is lost. 241 in arXiv dev's 6,978 Google translations; in
// the annotated set, 5 of the 6 were marked as errors (3 major, 2 minor).
// Not 跟 or 同, which are "with" as often as "and" (离开他妻子跟他妻子的姑姑 "left his wife for her aunt").
const SAME_CONJUNCTS = /(\p{Script=Han}{2,10})(以及|或者|和|与|及|或)\1/gu;
/** An English word coordinated with itself ("Packaging and Packaging Waste Regulation", "liver and liver lesions"). */
const SOURCE_SELF_COORDINATED = /\b([A-Za-z]{3,})\s+(?:and|or|&)\s+(?:the\s+)?\1\b/i;
/** Prefixes that make a first conjunct another word (非, 无, 未: "non-", "un-"; 单, 双, 多: "single", "dual", "multi-"). */
const CONJUNCT_PREFIX = /^[非无未不反半准伪超亚单双多]$/u;
/** A second conjunct that goes on past the copy: a hyphen, a digit or letter, 以上 / 以下 / 之一, or 到 / 至. */
const CONJUNCT_GOES_ON = /^(?:[-－–—0-9A-Za-z０-９]|\s*[-－–—]|以上|以下|之一|到|至|不|没)/u;
/** Pronouns, which a source repeats on purpose ("their, and their neighbours'"). */
const PRONOUN = /^(?:我们|你们|他们|她们|它们|我的|你的|他的|她的|它的)$/u;

function reportSameConjuncts(
  ctx: RepetitionContext,
  { isProtected, inLoop, tokensOf }: TextScan,
): void {
  const { target } = ctx;
  // Without a source, 人与人 or 一步和一步 may be meant: only a source can say the two terms differ.
  if (ctx.source === null) return;
  const matches = [...target.matchAll(SAME_CONJUNCTS)];
  if (matches.length === 0) return;
  const wholeWords = wholeWordsOf(tokensOf());
  for (const m of matches) {
    const phrase = m[1] as string;
    const conjunction = m[2] as string;
    const start = m.index;
    const second = start + phrase.length + conjunction.length;
    const end = second + phrase.length;
    // Whole words on both sides: 目标语言和语言种类 has 语言 inside 目标语言.
    if (!wholeWords(start, start + phrase.length) || !wholeWords(second, end)) continue;
    if (isProtected(start) || inLoop(start)) continue;
    // The conjuncts differ around the copies: a prefix before the first (非恶性和恶性 "non-malignant and
    // malignant", 未加权和加权, 双序列或序列), or the second going on (两种或两种以上 "two or more", 场所和场所2,
    // 目标和目标到源 "source-to-target and target-to-source", 序列或序列-序列, 可能或可能不是 "may or may not").
    // Pronouns are repeated on purpose ("their, and their neighbours'").
    if (CONJUNCT_PREFIX.test(target[start - 1] ?? '') || CONJUNCT_GOES_ON.test(target.slice(end, end + 2)) || PRONOUN.test(phrase)) continue;
    // The source says it twice ("pedestrian-pedestrian interactions" → 行人与行人, "apples-to-apples" → 苹果与苹果,
    // "the Packaging and Packaging Waste Regulation" → 包装和包装废弃物法规, WMT24 refA): faithful.
    if (sourceRepeats(ctx, start, phrase) || SOURCE_SELF_COORDINATED.test(alignedSource(ctx, start) ?? '')) continue;
    ctx.report({
      messageId: 'sameConjuncts',
      data: { text: target.slice(start, end), conjunction },
      side: 'target',
      range: [start, end],
      actual: target.slice(start, end),
    });
  }
}

/**
 * The source sentences aligned with the target sentence at `at` (the whole source when the pair was not
 * aligned; empty when that sentence has no source), or null without a source.
 */
function alignedSource(ctx: RepetitionContext, at: number): string | null {
  if (ctx.source === null) return null;
  if (ctx.beads.length === 0) return ctx.source;
  const zh = ctx.targetSentences.findIndex((t) => at >= t.start && at < t.end);
  const bead = zh >= 0 ? ctx.beads.find((b) => b.zh.includes(zh)) : undefined;
  return (bead?.en ?? []).map((i) => ctx.sourceSentences[i]?.text ?? '').join(' ');
}

/**
 * True when the aligned source sentence says a word of the phrase twice ("the enemy of my enemy" → 敌人的
 * 敌人): the repetition is the source's.
 */
function sourceRepeats(ctx: RepetitionContext, at: number, phrase: string): boolean {
  const text = alignedSource(ctx, at);
  if (text === null) return false;
  const counts = new Map<string, number>();
  // The parts of a hyphenated word count each ("source-to-target and target-to-source", "apples-to-apples").
  for (const w of englishWords(text).flatMap((x) => x.split(/[-‐]/))) {
    // Function words say nothing of what is repeated (the "the" of two "state-of-the-art").
    if (STOPWORDS.has(w.toLowerCase())) continue;
    const s = stem(w.toLowerCase());
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const glosses = zhFeatures(phrase).words.flatMap((w) => w.glosses);
  return glosses.some((g) => (counts.get(g) ?? 0) >= 2);
}
