// Check `numbers`: every number of the English source must appear, with the same value, in the Chinese translation.
import { z } from 'zod';
import type { CheckContext } from '../core/check.js';
import { defineCheck } from '../core/check.js';
import type { NumberAnchor, NumberedName } from '../lexicon/extract.js';
import { extractNumberedNames, extractNumbers, toHalfWidth } from '../lexicon/extract.js';
import type { AnchorUnit } from '../lexicon/extract/units.js';
import { anchorUnits, unitAt } from '../lexicon/extract/units.js';
import { CHINESE_NUMERAL_CHARS, numeralValue } from '../lexicon/chinese-numerals.js';

const options = z.object({
  /**
   * Accept a source integer from 1 to this value when its Chinese numeral character (三 for 3, 两 or 二
   * for 2) occurs in the aligned target sentence even where the extractor did not take it as a number.
   */
  spelledOutUpTo: z.number().int().min(0).max(10).default(10),
});

/** Options of the `numbers` check. */
export type NumbersOptions = z.infer<typeof options>;

type NumbersContext = CheckContext<NumbersOptions>;

const CHINESE_FOR: Readonly<Record<number, string>> = {
  1: '一',
  2: '二两',
  3: '三',
  4: '四',
  5: '五',
  6: '六',
  7: '七',
  8: '八',
  9: '九',
  10: '十',
};

function equal(x: number, y: number): boolean {
  return x === y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
}

/** Same value: `exact` compares the values as written with multipliers; otherwise any alternative rendering. */
function sameValue(a: NumberAnchor, b: NumberAnchor, exact: boolean): boolean {
  if (exact) return equal(a.value, b.value);
  return a.values.some((x) => b.values.some((y) => equal(x, y)));
}

/** Whether the text says "more than `n`" the Chinese way: the numeral or digits of `n` and 多, 几, 余 or 来 (十多, 20余). */
function moreThan(text: string, n: number): boolean {
  for (const m of toHalfWidth(text).matchAll(new RegExp(`([0-9]+|[${CHINESE_NUMERAL_CHARS}]+)(?:多|几|余|来)`, 'gu'))) {
    if (numeralValue(m[1] as string) === n) return true;
  }
  return false;
}

/** True when `digits` occur in `target` glued to letters (RobDog_747, E6000) at a place that is not an extracted number. */
function insideIdentifier(target: string, digits: string, numbers: NumberAnchor[]): boolean {
  const re = new RegExp(`(?<![0-9.])${digits.replace(/\./g, '\\.')}(?![0-9]|\\.[0-9])`, 'g');
  for (const m of target.matchAll(re)) {
    const glued = /[A-Za-z_]/.test(target[m.index - 1] ?? '') || /[A-Za-z_]/.test(target[m.index + digits.length] ?? '');
    if (glued && !numbers.some((n) => n.start <= m.index && m.index < n.end)) return true;
  }
  return false;
}

/**
 * Names whose digits changed (ResNet-101 → ResNet-103, VOT2015 → VOT2017, Word2Vec → Word7Vec): a
 * target name that is not in the source, of the same shape as a source name the target lacks. The
 * extractor leaves digits inside names out of the numbers, so they are compared here as names;
 * names whose digits are all extracted numbers (3D, 4x) were compared as numbers already.
 */
function reportChangedNames(ctx: NumbersContext, units: AnchorUnit[], tgtNumbers: NumberAnchor[]): void {
  const source = ctx.source as string;
  const tgtNames = extractNumberedNames(ctx.target);
  if (tgtNames.length === 0) return;
  const srcNames = extractNumberedNames(source);
  if (srcNames.length === 0) return;
  const inTarget = new Map<string, number>();
  for (const t of tgtNames) inTarget.set(t.key, (inTarget.get(t.key) ?? 0) + 1);
  // Source names the target lacks (as a multiset: a name written twice must appear twice).
  const lost: NumberedName[] = [];
  const srcKeys = new Set<string>();
  for (const s of srcNames) {
    srcKeys.add(s.key);
    const left = inTarget.get(s.key) ?? 0;
    if (left > 0) inTarget.set(s.key, left - 1);
    else lost.push(s);
  }
  const taken = new Array<boolean>(lost.length).fill(false);
  for (const t of tgtNames) {
    if (srcKeys.has(t.key)) continue;
    if (t.digits.every(([a, b]) => tgtNumbers.some((n) => n.start <= a && b <= n.end))) continue;
    const unit = unitAt(units, 'target', t.start);
    let k = lost.findIndex((s, i) => !taken[i] && s.shape === t.shape && unit !== -1 && unitAt(units, 'source', s.start) === unit);
    if (k === -1) k = lost.findIndex((s, i) => !taken[i] && s.shape === t.shape);
    if (k === -1) continue;
    taken[k] = true;
    const s = lost[k] as NumberedName;
    const sentence = units[unit]?.targetSentence;
    ctx.report({
      messageId: 'changedInName',
      data: { actual: t.text, expected: s.text },
      side: 'target',
      range: [t.start, t.end],
      ...(sentence !== undefined ? { sentence } : {}),
      actual: t.text,
      expected: s.text,
      note: `source offsets [${s.start}, ${s.end})`,
    });
  }
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// "May" and "March" are also a verb and a noun: they count only with a number right after them ("May 2020").
const MONTH = new RegExp(`\\b(${MONTHS.map((m) => m[0]?.toUpperCase() + m.slice(1)).join('|')}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\b\\.?`, 'g');

/** Month numbers (1-12) named in English text: "April 1948", "Dec. 3", "in May 2020". */
function monthsNamed(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(MONTH)) {
    const name = (m[1] as string).toLowerCase();
    const index = MONTHS.findIndex((full) => full.startsWith(name.slice(0, 3)));
    if (index < 0) continue;
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 6);
    if ((name === 'may' || name === 'march') && !/^\s*\d/.test(after)) continue;
    out.add(index + 1);
  }
  return out;
}

/** Whether `n` numbers a list item: first in its sentence (after an opening bracket at most), then `.` or `)` and a space. */
function listNumber(source: string, sentences: ReadonlyArray<{ start: number; end: number }>, n: NumberAnchor): boolean {
  if (n.unit !== undefined || !/^\d{1,2}$/.test(n.text) || !/^[.)）](?:\s|$)/.test(source.slice(n.end, n.end + 2))) return false;
  const sentence = sentences.find((x) => x.start <= n.start && n.start < x.end);
  const from = sentence?.start ?? 0;
  return /^\s*[(（]?$/.test(source.slice(from, n.start));
}

/** English number words by value (0-20). */
const NUMBER_WORDS: readonly string[] = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];

/** How a number is shown in messages: as written, whitespace collapsed. */
function shown(n: NumberAnchor): string {
  return n.text.replace(/\s+/g, ' ');
}

export default defineCheck<NumbersOptions>({
  meta: {
    id: 'numbers',
    description:
      'Detects numbers, percentages, ranges and multipliers of the source that are missing or changed in the translation.',
    category: 'accuracy/mistranslation',
    scope: 'document',
    needs: 'pair',
    defaultSeverity: 'major',
    severities: { missingListNumber: 'minor' },
    messages: {
      missing: 'Unexpected missing number `{{number}}` in the translation, expected it as in the source',
      missingListNumber: 'Unexpected missing list number `{{number}}` in the translation, expected the item numbered as in the source',
      changed: 'Unexpected number `{{actual}}` in the translation, expected `{{expected}}` as in the source',
      changedInName: 'Unexpected `{{actual}}` in the translation, expected `{{expected}}` as in the source (a number in the name changed)',
    },
    options,
  },
  run(ctx) {
    const { source, target } = ctx;
    if (source === null) return;
    const units = anchorUnits(ctx);
    const src = extractNumbers(source);
    const tgt = extractNumbers(target);
    const srcUnit = src.map((n) => unitAt(units, 'source', n.start));
    const tgtUnit = tgt.map((n) => unitAt(units, 'target', n.start));
    const matched = new Array<boolean>(src.length).fill(false);
    const used = new Array<boolean>(tgt.length).fill(false);

    const arabic = tgt.map((t) => /[0-9０-９]/.test(t.text));
    // A month written as a number in the Chinese (1948年4月 for "April 1948") renders a month name of
    // the source: it is no leftover digit for a changed-number finding (which paired 4月 with the 3 of
    // "3rd", whose 第三 comes later).
    const months = monthsNamed(source);
    tgt.forEach((t, j) => {
      if (target[t.end] === '月' && months.has(t.value)) used[j] = true;
    });
    const match = (i: number, sameUnitOnly: boolean, exact: boolean, arabicOnly: boolean): boolean => {
      const s = src[i] as NumberAnchor;
      for (let j = 0; j < tgt.length; j++) {
        if (used[j] || (sameUnitOnly && tgtUnit[j] !== srcUnit[i]) || (arabicOnly && !arabic[j])) continue;
        if (sameValue(s, tgt[j] as NumberAnchor, exact)) {
          used[j] = true;
          matched[i] = true;
          return true;
        }
      }
      return false;
    };
    const passes = [[true, true], [true, false], [false, true], [false, false]] as const;
    const leftover = (i: number, sameUnit: boolean): number =>
      tgt.findIndex((t, k) => !used[k] && arabic[k] && (!sameUnit || tgtUnit[k] === srcUnit[i]));
    // 1. Digits to digits: within the aligned bead first, then anywhere (a misaligned bead must not
    // produce a finding); exact values before alternative renderings, so 10K does not take the 10万
    // that 100K needs.
    for (const [sameUnit, exact] of passes) {
      for (let i = 0; i < src.length; i++) if (!matched[i]) match(i, sameUnit, exact, true);
    }
    // "24/7" (24x7, 24×7) is an idiom, "around the clock": 全天候, 昼夜, 随时 or 24小时 render it.
    if (/全天|昼夜|不间断|随时|24\s*小时|7\s*[x×*]\s*24|24\s*[x×*/]\s*7/.test(target)) {
      for (const m of source.matchAll(/\b24 ?[x×/] ?7\b/g)) {
        src.forEach((n, i) => {
          if (n.start >= (m.index ?? 0) && n.end <= (m.index ?? 0) + m[0].length) matched[i] = true;
        });
      }
    }
    // An ordinal written 第N (the 3rd regiment → 第三) or a dimension written N维 (3D, 3-D → 三维) in its
    // aligned sentence is rendered: settled before step 2, which would pair it with some leftover digit
    // of the sentence or the text (每周7天 in WMT24 refA; 4例, （1）, 侠盗猎车手5 beside 三维 on arXiv dev).
    // It takes that numeral, which no other number of the source may then claim.
    for (let i = 0; i < src.length; i++) {
      const s = src[i] as NumberAnchor;
      if (matched[i] || srcUnit[i] === -1) continue;
      const span = units[srcUnit[i] as number]?.target;
      // A unit's square or cube (712.5 $km^2$ → 712.5平方公里, m^3 → 立方米) is rendered by 平方 / 立方.
      const square = s.value === 2 ? '平方' : s.value === 3 ? '立方' : undefined;
      if (square && span && /[A-Za-z] ?\^ ?\{? ?$/.test(source.slice(Math.max(0, s.start - 6), s.start)) && target.slice(span[0], span[1]).includes(square)) {
        matched[i] = true;
        continue;
      }
      const after = source.slice(s.end, s.end + 3);
      const form = /^(?:st|nd|rd|th)\b/i.test(after) ? 'ordinal' : /^-?[Dd]\b/.test(after) ? 'dimension' : undefined;
      if (form === undefined) continue;
      // 二维（0D）: where the sentence also writes a dimension in other digits, those are compared as usual
      // (a changed digit must not hide behind the numeral).
      if (form === 'dimension' && span) {
        const digits = [...toHalfWidth(target.slice(span[0], span[1])).matchAll(/(\d+) ?-?[Dd](?![A-Za-z])/g)].map((m) => Number(m[1]));
        if (digits.some((d) => d !== s.value)) continue;
      }
      const j = tgt.findIndex(
        (t, k) =>
          !used[k] &&
          !arabic[k] &&
          tgtUnit[k] === srcUnit[i] &&
          t.value === s.value &&
          (form === 'ordinal' ? target[t.start - 1] === '第' : target[t.end] === '维'),
      );
      if (j === -1) continue;
      used[j] = true;
      matched[i] = true;
    }
    // A digit of the translation that renders a number word of its aligned source ("one Narrow Line Seyfert 1" →
    // 1个窄线Seyfert 1) is no leftover for step 2, unless the source also has that value in digits.
    tgt.forEach((t, k) => {
      if (used[k] || !arabic[k] || t.value > 20 || !Number.isInteger(t.value)) return;
      const range = units[tgtUnit[k] as number]?.source;
      if (!range || src.some((x, i) => !matched[i] && x.value === t.value)) return;
      const word = NUMBER_WORDS[t.value];
      if (word && new RegExp(`\\b${word}\\b`, 'i').test(source.slice(range[0], range[1]))) used[k] = true;
    });
    // 2. A source number left over beside a leftover target digit was changed, not dropped; this
    // comes before Chinese numerals so that (2) changed to (5) is not excused by the 两 of "two".
    const changed = new Map<number, number>();
    for (let i = 0; i < src.length; i++) {
      if (matched[i]) continue;
      const own = srcUnit[i] !== -1 ? leftover(i, true) : -1;
      // With no leftover digit in its own sentence, a number written there as its exact Chinese numeral
      // (for 10 years → 我们已经做了十年了) is rendered; it is not paired with a digit of another sentence
      // (an added 2015 two sentences later, WMT24).
      if (own === -1 && srcUnit[i] !== -1 && match(i, true, true, false)) continue;
      const j = own !== -1 ? own : leftover(i, false);
      if (j === -1) continue;
      used[j] = true;
      matched[i] = true;
      changed.set(i, j);
    }
    // 3. Digits rendered as Chinese numerals (3 → 三个).
    for (const [sameUnit, exact] of passes) {
      for (let i = 0; i < src.length; i++) if (!matched[i]) match(i, sameUnit, exact, false);
    }

    reportChangedNames(ctx, units, tgt);

    for (let i = 0; i < src.length; i++) {
      const s = src[i] as NumberAnchor;
      const note = `source offsets [${s.start}, ${s.end})`;
      const j = changed.get(i);
      if (j !== undefined) {
        const t = tgt[j] as NumberAnchor;
        const sentence = units[tgtUnit[j] as number]?.targetSentence;
        ctx.report({
          messageId: 'changed',
          data: { actual: shown(t), expected: shown(s) },
          side: 'target',
          range: [t.start, t.end],
          ...(sentence !== undefined ? { sentence } : {}),
          actual: t.text,
          expected: s.text,
          note,
        });
        continue;
      }
      if (matched[i]) continue;
      const unit = units[srcUnit[i] as number];
      const range = unit?.target ?? [0, target.length];
      // Digits kept inside a target identifier (RobDog_747, E6000) are the number, unchanged.
      const digits = s.text.replace(/[^0-9０-９]/g, '');
      // A decimal is looked for as written (IEEE 802.11 b/g → IEEE802.11b): its digits alone (80211) are not in it.
      const written = /[0-9]+(?:\.[0-9]+)+/.exec(toHalfWidth(s.text))?.[0];
      if (digits.length >= 3 && s.unit === undefined && insideIdentifier(toHalfWidth(target), written ?? digits, tgt)) continue;
      // A rank's ordinal (2nd Lt., 1st Sergeant, 3rd Class) is in the Chinese rank's name (少尉, 中士, 三等).
      if (
        /^(?:st|nd|rd|th)\.? (?:Lt\b|Lieutenant|Sgt\b|Sergeant|Class|Pvt\b|Private|Cpl\b|Corporal|Mate|Officer)/i.test(source.slice(s.end, s.end + 16)) &&
        /[尉士兵等]/.test(target.slice(range[0], range[1]))
      ) {
        continue;
      }
      // A model number after its name (Boeing 737 MAX 9, Windows 11, SemEval- 2018) written glued in the target
      // (MAX9, SemEval-2018).
      const name = /([A-Za-z]{2,})(?:[ @-]|- )$/.exec(source.slice(Math.max(0, s.start - 24), s.start))?.[1];
      if (name && s.unit === undefined && new RegExp(`${name}[ @-]?${digits}(?![0-9])`, 'i').test(toHalfWidth(target))) continue;
      // A small integer whose Chinese numeral occurs in the aligned sentence (一关, 第二) is rendered.
      const chars = CHINESE_FOR[s.value];
      if (
        chars !== undefined &&
        s.value <= ctx.options.spelledOutUpTo &&
        s.unit === undefined &&
        [...chars].some((c) => target.slice(range[0], range[1]).includes(c))
      ) {
        continue;
      }
      // The upper end of a small range rendered as "more than" its lower end (10-12 years → 十多年, 20–25 → 二十几):
      // the range, approximately (WMT24 `refA`, literary).
      const low = /(\d+) ?(?:-|–|to) ?$/.exec(source.slice(Math.max(0, s.start - 8), s.start))?.[1];
      if (low !== undefined && s.unit === undefined && Number(low) < s.value && s.value <= Number(low) * 1.5 && moreThan(target.slice(range[0], range[1]), Number(low))) continue;
      // A list item's number at the start of a sentence ("2. HTML for section 7" → 第7节的HTML) numbers the
      // item, it says nothing of the content: its loss is minor (WMT24, rated 100 with no error marked).
      const messageId = listNumber(source, ctx.sourceSentences, s) ? 'missingListNumber' : 'missing';
      if (unit?.target && unit.targetSentence !== undefined) {
        ctx.report({
          messageId,
          data: { number: shown(s) },
          side: 'target',
          range: unit.target,
          sentence: unit.targetSentence,
          expected: s.text,
          note,
        });
      } else {
        ctx.report({
          messageId,
          data: { number: shown(s) },
          side: 'source',
          range: [s.start, s.end],
          expected: s.text,
          note: 'no aligned target sentence; the range marks the number in the source',
        });
      }
    }
  },
});
