// Chinese numerals: parsing 三, 十二, 两百, 三点五, 二〇一九 and digit-plus-multiplier forms (5万, 3.5亿).

/** Values of the Chinese digit characters (两 is 2 before measure words). */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Small units inside a section (below 万). */
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Large units that close a section. */
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** Multipliers written after Arabic digits: 5万 = 50000, 3.5亿, 2千万, 1百万. */
export const CHINESE_MULTIPLIERS: Readonly<Record<string, number>> = {
  百: 1e2,
  千: 1e3,
  万: 1e4,
  十万: 1e5,
  百万: 1e6,
  千万: 1e7,
  亿: 1e8,
  十亿: 1e9,
  百亿: 1e10,
  千亿: 1e11,
  万亿: 1e12,
};

/** Every character that can appear in a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '〇零一二两三四五六七八九十百千万亿';

/** Parses the integer part of a Chinese numeral; null when the string is not a well-formed numeral. */
function parseInteger(s: string): number | null {
  if (s.length === 0) return null;
  const hasUnit = [...s].some((c) => c in SMALL_UNITS || c in LARGE_UNITS);
  if (!hasUnit) {
    // Positional digits (二〇一九 = 2019); a lone 两 is still 2.
    let v = 0;
    for (const c of s) {
      const d = CHINESE_DIGITS[c];
      if (d === undefined) return null;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastSmall = Infinity;
  let lastLarge = Infinity;
  let prev: 'digit' | 'unit' | 'start' = 'start';
  for (const c of s) {
    const d = CHINESE_DIGITS[c];
    if (d !== undefined) {
      if (prev === 'digit' && d !== 0 && digit !== 0) return null;
      digit = d;
      prev = 'digit';
      continue;
    }
    const small = SMALL_UNITS[c];
    if (small !== undefined) {
      if (small >= lastSmall) return null;
      // Only 十 may stand without a digit before it (十二 = 12).
      if (digit === null && !(small === 10 && prev !== 'unit' && section === 0)) return null;
      section += (digit ?? 1) * small;
      lastSmall = small;
      digit = null;
      prev = 'unit';
      continue;
    }
    const large = LARGE_UNITS[c];
    if (large !== undefined) {
      if (large >= lastLarge) return null;
      section += digit ?? 0;
      if (section === 0) return null;
      total += section * large;
      section = 0;
      digit = null;
      lastSmall = Infinity;
      lastLarge = large;
      prev = 'unit';
      continue;
    }
    return null;
  }
  return total + section + (digit ?? 0);
}

/** The value of Arabic digits or of a Chinese numeral (3, 三, 十二); null when neither. */
export function numeralValue(text: string): number | null {
  return /^[0-9]+$/.test(text) ? Number(text) : parseChineseNumeral(text);
}

/**
 * Parses a Chinese numeral: 三 → 3, 十二 → 12, 两百 → 200, 一千零五 → 1005, 三点五 → 3.5,
 * 二〇一九 → 2019. Returns null for strings that are not a well-formed numeral (万一, 千千万万).
 */
export function parseChineseNumeral(text: string): number | null {
  const dot = text.indexOf('点');
  if (dot === -1) return parseInteger(text);
  const int = parseInteger(text.slice(0, dot));
  const frac = text.slice(dot + 1);
  if (int === null || frac.length === 0) return null;
  let digits = '';
  for (const c of frac) {
    const d = CHINESE_DIGITS[c];
    if (d === undefined) return null;
    digits += String(d);
  }
  return Number(`${int}.${digits}`);
}
