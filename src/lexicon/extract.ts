// Anchors that survive translation: numbers, URLs/e-mails/DOIs/arXiv ids, LaTeX and math, acronyms and Latin names.
import { countHan, isAsciiAlnumCode, isAsciiLetterCode } from '../core/text.js';
import { CHINESE_MULTIPLIERS, CHINESE_NUMERAL_CHARS, parseChineseNumeral } from './chinese-numerals.js';

/** What an anchor is. */
export type AnchorKind = 'number' | 'url' | 'email' | 'doi' | 'arxiv' | 'latex' | 'math' | 'acronym' | 'name';

/** A span of text that should appear, unchanged or with a known rendering, on both sides of a translation. */
export interface Anchor {
  kind: AnchorKind;
  /** The text as found. */
  text: string;
  /** 0-based UTF-16 offset of the first character. */
  start: number;
  /** 0-based UTF-16 offset after the last character. */
  end: number;
  /** Normalized comparison key (same on both sides for the same anchor; lowercase for acronyms and names). */
  key: string;
}

/** A number, with its value and the ways it may be written on the other side. */
export interface NumberAnchor extends Anchor {
  kind: 'number';
  /** Absolute value, multipliers applied (0.8k → 800, 5万 → 50000, 1e-3 → 0.001); signs are ignored. */
  value: number;
  /** True for 5%, 5 \%, 5％, 百分之五, 5个百分点. */
  percent: boolean;
  /** The multiplier or unit written after the number: `k`, `M`, `B`, `x`, `%`, `万`, `亿`, `million`, `e`, `^`, `‰`. */
  unit?: string;
  /**
   * Every value this number may be rendered as on the other side: `value` plus, for numbers with a
   * multiplier, the bare mantissa (0.8k → [800, 0.8]); for a decade its last two digits and century
   * (1970s → [1970, 70, 20]); for two digits after a dash or apostrophe the years (1981-87 → 87, 1987, 2087).
   */
  values: number[];
}

/** Options of the acronym extractor. */
export interface AcronymOptions {
  /**
   * Language of the text: in Chinese every Latin word is a name kept from the source; in English only
   * ALL-CAPS, CamelCase and letter-digit names count. Default: detected from the Han share.
   */
  lang?: 'en' | 'zh';
}

/** Full-width digits, letters, ％ and ． mapped to ASCII, keeping the length (so offsets stay valid). */
export function toHalfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ％．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Keeps the longest of overlapping spans, then sorts by start. */
function longestNonOverlapping<T extends Anchor>(anchors: T[]): T[] {
  const byLength = [...anchors].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: T[] = [];
  for (const a of byLength) {
    if (kept.every((k) => a.end <= k.start || a.start >= k.end)) kept.push(a);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function anchor<K extends AnchorKind>(kind: K, text: string, start: number, key: string): Anchor & { kind: K } {
  return { kind, text, start, end: start + text.length, key };
}

// ---------------------------------------------------------------- URLs, e-mails, DOIs, arXiv ids

// A URL ends at whitespace, quotes, braces, Han text and CJK punctuation: Chinese glued onto a URL is not part of it.
const URL_BODY = String.raw`[^\s<>"'{}|\\^\u0060\u3000-\u303f\uff00-\uffef\p{Script=Han}]+`;
const URL_RE = new RegExp(String.raw`\b(?:(?:https?|ftp):\/\/|www\.)${URL_BODY}`, 'giu');
const BARE_DOMAIN_RE = new RegExp(
  String.raw`\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|edu|ai|gov|cn|dev|co|info|me)\/${URL_BODY}`,
  'giu',
);
/** What every bare-domain link contains: a cheap test that spares the full pattern on most texts. */
const BARE_DOMAIN_TLD_RE = /\.(?:com|org|net|io|edu|ai|gov|cn|dev|co|info|me)\//i;
const EMAIL_RE = /[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const DOI_RE = new RegExp(String.raw`\b10\.\d{4,9}\/${URL_BODY}`, 'gu');
const WWW_RE = /www\./i;
const ARXIV_WORD_RE = /arxiv/i;
const ARXIV_RE = /\barXiv\s*[:：]?\s*(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)/gi;

/** Drops trailing punctuation that ends the sentence rather than the link, and unbalanced closing brackets. */
function trimLinkEnd(text: string): string {
  let t = text;
  for (;;) {
    const last = t.at(-1);
    if (last === undefined) return t;
    if ('.,;:!?\'"*'.includes(last)) {
      t = t.slice(0, -1);
      continue;
    }
    const open = { ')': '(', ']': '[' }[last];
    if (open !== undefined && t.split(open).length <= t.split(last).length - 1) {
      t = t.slice(0, -1);
      continue;
    }
    return t;
  }
}

/** Comparison key of a URL: no scheme, no `www.`, no trailing slash; host lowercased, path kept as is. */
export function urlKey(url: string): string {
  const bare = url.replace(/^(?:https?|ftp):\/\//i, '').replace(/^www\./i, '').replace(/\/+$/, '');
  const slash = bare.indexOf('/');
  return slash === -1 ? bare.toLowerCase() : bare.slice(0, slash).toLowerCase() + bare.slice(slash);
}

/** URLs (with a scheme, `www.`, or a known domain with a path), e-mails, DOIs and arXiv ids, sorted by start. */
export function extractUrls(text: string): Anchor[] {
  const found: Anchor[] = [];
  // Each pattern needs a literal that most texts lack; testing for it first spares the regex scans.
  const slash = text.includes('/');
  const res: RegExp[] = [];
  if (text.includes('://') || WWW_RE.test(text)) res.push(URL_RE);
  if (slash && BARE_DOMAIN_TLD_RE.test(text)) res.push(BARE_DOMAIN_RE);
  for (const re of res) {
    for (const m of text.matchAll(re)) {
      const t = trimLinkEnd(m[0]);
      if (t.length > 4) found.push(anchor('url', t, m.index, urlKey(t)));
    }
  }
  if (text.includes('@')) for (const m of text.matchAll(EMAIL_RE)) {
    const t = trimLinkEnd(m[0]);
    found.push(anchor('email', t, m.index, t.toLowerCase()));
  }
  if (slash && text.includes('10.')) for (const m of text.matchAll(DOI_RE)) {
    const t = trimLinkEnd(m[0]);
    found.push(anchor('doi', t, m.index, t.toLowerCase()));
  }
  if (ARXIV_WORD_RE.test(text)) for (const m of text.matchAll(ARXIV_RE)) {
    found.push(anchor('arxiv', m[0], m.index, (m[1] as string).toLowerCase()));
  }
  return longestNonOverlapping(found);
}

// ---------------------------------------------------------------- LaTeX

/** Commands whose arguments are labels or links, not prose: numbers inside them are not numbers. */
const LABEL_COMMANDS = new Set([
  'cite', 'citep', 'citet', 'citealp', 'ref', 'eqref', 'autoref', 'cref', 'Cref', 'label', 'url', 'href',
  'includegraphics', 'footnote',
]);

/** Index after the balanced group opening at `i` (text[i] is `open`), or -1. */
function skipGroup(text: string, i: number, open: string, close: string): number {
  let depth = 0;
  for (let j = i; j < text.length && j < i + 2000; j++) {
    const c = text[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === open) depth++;
    else if (c === close && --depth === 0) return j + 1;
  }
  return -1;
}

const MATH_RE = /\$\$[\s\S]+?\$\$|(?<!\\)\$(?:\\.|[^$\\\n]){1,400}?\$|\\\([\s\S]{1,400}?\\\)|\\\[[\s\S]{1,800}?\\\]/g;
const COMMAND_RE = /\\([A-Za-z]+)\*?/g;
/** A Han character: Chinese prose, which a formula does not hold outside a text group. */
const HAN_PROSE = /\p{Script=Han}/u;

/** Han written as a LaTeX command (\底流). */
const HAN_COMMAND = /\\\s*\p{Script=Han}+/gu;
/** One or two Han characters (a unit) after a number at the end of a text. */
const HAN_UNIT_AT_END = /\d ?(\p{Script=Han}{1,2})$/u;

/**
 * A formula without its brace groups and without Han written as a command: machine translation puts
 * Chinese inside a formula's arguments (\textit{稀疏图像}) and translates command names (\底流{I = 1}), and
 * what is left is the formula's own text.
 */
function formulaOutsideGroups(formula: string): string {
  let out = formula.replace(HAN_COMMAND, '');
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(/\{[^{}]*\}/g, '');
  }
  return out;
}

/** Comparison key of LaTeX text: whitespace removed (LaTeX ignores most of it). */
function latexKey(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Well-formed LaTeX: `\command[…]{…}` with its arguments, `$…$`, `$$…$$`, `\(…\)`, `\[…\]`; sorted, non-overlapping. */
export function extractLatex(text: string): Anchor[] {
  // Every form starts with `$` or a backslash.
  if (!text.includes('\\') && !text.includes('$')) return [];
  const found: Anchor[] = [];
  MATH_RE.lastIndex = 0;
  for (let m = MATH_RE.exec(text); m !== null; m = MATH_RE.exec(text)) {
    // "$25,000 … more than $30" is money, not math: a closing `$` before a digit, or prose inside.
    if (m[0][1] !== '$' && (isDigit(text[m.index + m[0].length]) || /(?:[A-Za-z]{2,} ){3}/.test(m[0]))) continue;
    // Chinese prose between two `$` (outside \text{…}) is the text between two formulas after a `$` was
    // lost (（$ 10 ^（18）$  -  $）的氮化镓纳米线（NW）的电子… $ 10 ^ {20} $): that `$` stands alone, and the next
    // one opens the formula after it, instead of every later pair being read one `$` off.
    if (m[0][0] === '$' && m[0][1] !== '$' && HAN_PROSE.test(formulaOutsideGroups(m[0]))) {
      MATH_RE.lastIndex = m.index + 1;
      continue;
    }
    found.push(anchor('math', m[0], m.index, latexKey(m[0])));
  }
  for (const m of text.matchAll(COMMAND_RE)) {
    let end = m.index + m[0].length;
    for (;;) {
      const c = text[end];
      const next = c === '{' ? skipGroup(text, end, '{', '}') : c === '[' ? skipGroup(text, end, '[', ']') : -1;
      if (next === -1) break;
      end = next;
    }
    const t = text.slice(m.index, end);
    found.push(anchor('latex', t, m.index, latexKey(t)));
  }
  return longestNonOverlapping(found);
}

/** Spans of LaTeX whose content is labels or links (\cite{…}, \ref{…}, \url{…}). */
function labelSpans(text: string): Array<[number, number]> {
  if (!text.includes('\\')) return [];
  return extractLatex(text)
    .filter((a) => a.kind === 'latex' && LABEL_COMMANDS.has(a.text.slice(1).replace(/[*[{].*$/s, '')))
    .map((a) => [a.start, a.end]);
}

// ---------------------------------------------------------------- Numbers

/** Han measure words and units after which a Chinese numeral counts as a number (三个, 两种, 三维, 五年). */
const MEASURE_WORDS = [
  '个', '种', '类', '项', '次', '倍', '层', '维', '位', '名', '篇', '组', '步', '阶', '年', '月', '天', '日', '周',
  '小时', '分钟', '秒', '部', '章', '节', '份', '条', '台', '家', '所', '颗', '张', '幅', '轮', '代', '级', '片',
  '只', '句', '段', '对', '套', '批', '人', '例', '国', '大', '方面', '款', '根', '件', '块', '列', '行', '场',
  '届', '期', '季', '帧', '跳', '词', '字', '岁', '米', '公里', '千米', '厘米', '毫米', '元', '美元', '英里',
  '度', '路', '方', '通道', '模态', '折', '座', '辆', '架', '支', '遍', '点', '分之',
];

/** Characters before a Chinese numeral that make it vague (数百, 几十, 若干): not a value. */
const VAGUE_BEFORE = new Set(['数', '几', '若', '上', '成', '千', '万', '百']);

const ENGLISH_MULTIPLIERS: Readonly<Record<string, number>> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

const SUFFIX_MULTIPLIERS: Readonly<Record<string, number>> = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, B: 1e9, bn: 1e9 };

/** Canonical string of a value: up to 12 significant digits, no exponent for ordinary magnitudes. */
export function numberKey(value: number, percent = false): string {
  const v = Number(value.toPrecision(12));
  return (Math.abs(v) >= 1e21 || (v !== 0 && Math.abs(v) < 1e-6) ? v.toExponential() : String(v)) + (percent ? '%' : '');
}

const isLatinLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
/** Zero-width characters machine translation leaves inside numbers (1\u200b0K): one list for the reader and the value. */
const ZERO_WIDTH_CHARS = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']);
const ZERO_WIDTHS = new RegExp(`[${[...ZERO_WIDTH_CHARS].join('')}]`, 'g');
/** True at a run of zero-width characters that a digit follows. */
function zeroWidthBeforeDigit(w: string, j: number): boolean {
  let k = j;
  while (ZERO_WIDTH_CHARS.has(w[k] as string)) k++;
  return k > j && isDigit(w[k]);
}

function numberAnchor(
  original: string,
  start: number,
  end: number,
  value: number,
  percent: boolean,
  unit: string | undefined,
  mantissa?: number,
): NumberAnchor {
  const values = [value];
  if (mantissa !== undefined && mantissa !== value) values.push(mantissa);
  const a: NumberAnchor = {
    kind: 'number',
    text: original.slice(start, end),
    start,
    end,
    key: numberKey(value, percent),
    value,
    percent,
    values,
  };
  if (unit !== undefined) a.unit = unit;
  return a;
}

/** Every character a suffix read by `readSuffix` can start with: most numbers have none, and skip the regexes. */
const SUFFIX_START = new Set([...' -%\\‰个bkKmMBx×倍+多余百千万十亿']);

/** Reads the percent or multiplier written after a number at `i`; returns what it found and where it ends. */
function readSuffix(w: string, i: number): { end: number; percent: boolean; unit?: string; factor: number } {
  if (!SUFFIX_START.has(w[i] as string)) return { end: i, percent: false, factor: 1 };
  let m = /^ ?(?:%|\\%|‰)/.exec(w.slice(i, i + 3));
  if (m) return { end: i + m[0].length, percent: !m[0].includes('‰'), unit: m[0].includes('‰') ? '‰' : '%', factor: 1 };
  m = /^ ?个百分点/.exec(w.slice(i, i + 6));
  if (m) return { end: i + m[0].length, percent: true, unit: '%', factor: 1 };
  const suffix = /^(?:bn|[kKmMB])(?![A-Za-z0-9])/.exec(w.slice(i, i + 3));
  if (suffix) {
    return { end: i + suffix[0].length, percent: false, unit: suffix[0], factor: SUFFIX_MULTIPLIERS[suffix[0]] as number };
  }
  m = /^ ?[x×](?![A-Za-z0-9])/.exec(w.slice(i, i + 3));
  if (m && (m[0].length === 1 || m[0].includes('×'))) return { end: i + m[0].length, percent: false, unit: 'x', factor: 1 };
  if (w[i] === '倍') return { end: i + 1, percent: false, unit: 'x', factor: 1 };
  // "3.5 million", also as written in the wild: "3 millions", "1-million", and "1.3 megapixel" (1.3 million
  // pixels, 130万像素 in Chinese).
  m = /^\+?[ -](thousand|million|billion|trillion)s?\b|^ ?(mega)(?=pixels?\b)/i.exec(w.slice(i, i + 13));
  if (m) {
    const word = m[2] !== undefined ? 'million' : (m[1] as string).toLowerCase();
    return { end: i + m[0].length, percent: false, unit: word, factor: ENGLISH_MULTIPLIERS[word] as number };
  }
  // 1 亿欧元, 135 万吨: machine translation (LLMs especially) puts a space between the digits and a large
  // multiplier; only 万 and above are read across it (3 千克 is 3 kilograms, not 3,000 grams).
  const space = w[i] === ' ' ? 1 : 0;
  // 800多万, 120余万: "more than" between the digits and the multiplier.
  const more = w[i + space] === '多' || w[i + space] === '余' ? 1 : 0;
  for (const len of [2, 1]) {
    const s = w.slice(i + space + more, i + space + more + len);
    const f = CHINESE_MULTIPLIERS[s];
    if (s.length === len && f !== undefined && (space === 0 || f >= 1e4)) return { end: i + space + more + len, percent: false, unit: s, factor: f };
  }
  return { end: i, percent: false, factor: 1 };
}

const NEXT_DIGIT = /[0-9]/g;

/** True when the x before `start` joins two dimensions: 6"x6", 6" x 6", 6英寸x6英寸 (the same unit on both sides). */
function betweenDimensions(w: string, start: number): boolean {
  const left = w.slice(Math.max(0, start - 10), start - 1).replace(/ $/, '');
  if (/\d ?["'″”]$/.test(left)) return true;
  const unit = HAN_UNIT_AT_END.exec(left)?.[1];
  if (unit === undefined) return false;
  const right = /^\d+(?:\.\d+)? ?/.exec(w.slice(start, start + 12))?.[0];
  return right !== undefined && w.startsWith(unit, start + right.length);
}

/** Arabic-digit numbers (ASCII or full-width), skipping identifiers (GPT-4, ResNet-50, v2, x86) and versions (1.2.3). */
/** Digits in thousands groups (1,000; 220, 000 with a space only before a group that starts with 0). */
const GROUPED = /^\d{1,3}(?:,\d{3}|, 0\d{2})+(?!\d)/;

function arabicNumbers(text: string, w: string, masked: (i: number) => boolean): NumberAnchor[] {
  const out: NumberAnchor[] = [];
  let i = 0;
  while (i < w.length) {
    // Jump to the next digit (most of a text has none).
    NEXT_DIGIT.lastIndex = i;
    if (!NEXT_DIGIT.test(w)) break;
    i = NEXT_DIGIT.lastIndex - 1;
    const start = i;
    const before = w[start - 1];
    // 6"x6", 6英寸x6英寸: an x between two dimensions is a times sign, not a name's letter (x86, 个x86,
    // 的x2.7 are names or a factor).
    const timesSign = (before === 'x' || before === 'X') && betweenDimensions(w, start);
    // F-71.04% (F-measure of 71.04%, its word lost): a percentage after a letter and a hyphen is a value,
    // which no name's digits are (Llama-2, CIFAR-10).
    const percentage = /^\d+(?:\.\d+)?\s?(?:\\?%|％)/.test(w.slice(start, start + 24));
    const identifier =
      (isLatinLetter(before) && !timesSign) ||
      (before !== undefined && '-_'.includes(before) && isLatinLetter(w[start - 2]) && !percentage) ||
      (before === '.' && /[A-Za-z0-9]\.$/.test(w.slice(Math.max(0, start - 2), start)));
    // A hyphenated chain that starts with letters (Llama-2-7B) is one identifier.
    const chainEnd = (from: number): number => {
      const m = /^[A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*/.exec(w.slice(from));
      return from + (m?.[0].length ?? 0);
    };
    if (identifier) {
      i = chainEnd(start);
      continue;
    }
    let j = start;
    // .8s: a decimal written without its leading zero; not the last dot of an ellipsis (2000米...2500米).
    const leadingDot = before === '.' && !/[A-Za-z0-9.]/.test(w[start - 2] ?? '');
    while (isDigit(w[j])) j++;
    // Thousands groups; also a group after a comma and one space when it starts with 0 (`1, 000`,
    // `220, 000`: LaTeX's 1{,}000 flattened), which no list item or second number would.
    const grouped = w[j] === ',' && j - start <= 3 && GROUPED.test(w.slice(start, start + 40));
    j = start;
    if (grouped) {
      j = start + (GROUPED.exec(w.slice(start, start + 40)) as RegExpExecArray)[0].length;
    } else {
      // Machine translation sometimes leaves zero-width spaces inside a number (1\u200b\u200b0K for 10K).
      while (isDigit(w[j]) || zeroWidthBeforeDigit(w, j)) j++;
    }
    // A decimal comma, as European authors write: 0,94 (also at a sentence's end: "by 0,12.") or a
    // percentage (99,9%, 64,6\%); one or two digits after it, and no bracket around (a pair or an interval: [0,1], (8,2), l_(2,1)). Other integers before
    // a comma are a list (layers 1,2 and 3) or two numbers (in 2017,18 teams).
    const decimalComma =
      !grouped &&
      w[j] === ',' &&
      !'([{_,（［｛【'.includes(before ?? '') &&
      (w.slice(start, j) === '0'
        ? /^,\d{1,2}(?![\d)\]}）］｝】]|[.,]\d)/.test(w.slice(j, j + 5))
        : /^,\d{1,2} ?\\?[%％]/.test(w.slice(j, j + 6)));
    if (decimalComma) {
      j++;
      while (isDigit(w[j])) j++;
    } else if (w[j] === '.' && isDigit(w[j + 1])) {
      j++;
      while (isDigit(w[j])) j++;
      if (w[j] === '.' && isDigit(w[j + 1])) {
        // A version number (1.2.3): an identifier, not a quantity.
        while (isDigit(w[j]) || (w[j] === '.' && isDigit(w[j + 1]))) j++;
        i = j;
        continue;
      }
    }
    const digits = w.slice(start, j).replace(ZERO_WIDTHS, '');
    let mantissa = Number((leadingDot ? '0.' : '') + (decimalComma ? digits.replace(',', '.') : digits.replace(/, ?/g, '')));
    let value = mantissa;
    let unit: string | undefined;
    // The sign first in the class: [+-−] would be the range from + to − (every ASCII letter), and the
    // name 1ES2344 read as 1 × 10^S2344 (NaN).
    const exp = w[j] === 'e' || w[j] === 'E' ? /^[eE]([-+−]?\d+)(?![A-Za-z])/.exec(w.slice(j, j + 6)) : null;
    // Machine translation often spaces out LaTeX: 10 ^ { -  3} is 10^{-3}.
    const pow =
      w[j] === '^' || (w[j] === ' ' && w[j + 1] === '^')
        ? /^ ?\^ ?[{（(]? ?([-−]) *(\d+) ?[}）)]?|^ ?\^ ?[{（(]? ?()(\d+) ?[}）)]?/.exec(w.slice(j, j + 16))
        : null;
    if (exp && isDigit(w[j - 1])) {
      value = mantissa * 10 ** Number((exp[1] as string).replace('−', '-'));
      mantissa = value;
      unit = 'e';
      j += exp[0].length;
    } else if (pow) {
      value = mantissa ** Number(`${pow[1] || pow[3] ? '-' : ''}${pow[2] ?? pow[4]}`);
      mantissa = value;
      unit = '^';
      j += pow[0].length;
    }
    let percent = (w[start - 1] === '之' || /\s/.test(w[start - 1] ?? '')) && /百分之\s?$/.test(w.slice(Math.max(0, start - 4), start));
    if (unit === undefined) {
      const suffix = readSuffix(w, j);
      if (suffix.end > j) {
        j = suffix.end;
        percent ||= suffix.percent;
        unit = suffix.unit;
        value = mantissa * suffix.factor;
        // 4亿5千万 = 450 million: a smaller Chinese multiplier group continues the number.
        let factor = suffix.factor;
        for (;;) {
          const more = /^(\d+(?:\.\d+)?)(十万|百万|千万|万|千|百)/.exec(w.slice(j, j + 12));
          const f = more ? CHINESE_MULTIPLIERS[more[2] as string] : undefined;
          if (!more || f === undefined || f >= factor || suffix.factor < 1e4) break;
          value += Number(more[1]) * f;
          factor = f;
          j += more[0].length;
        }
      }
    }
    const alternatives: number[] = [];
    if (unit === undefined && percent === false) {
      // 1970s → 20世纪70年代: a decade may be rendered as its century and its last two digits.
      const decade = /^['’]?s(?![A-Za-z])/.test(w.slice(j, j + 3));
      if (decade && /^(?:1\d|20)\d0$/.test(w.slice(start, j))) alternatives.push(value % 100, Math.floor(value / 100) + 1);
      if (decade && j - start === 2) alternatives.push(1900 + value, 2000 + value);
      // 0430 (hours): a clock time may be rendered as hours and minutes (四点半).
      const hour = Math.floor(value / 100);
      if (j - start === 4 && w[start] === '0' && hour >= 1 && value % 100 < 60) alternatives.push(hour, value % 100);
      // 6点03分: a clock time in hours and minutes may stand for the source's 603 or 0603 (a newscast's "603
      // right now"); both its numbers do.
      // Written 6:03 as well (four WMT24 systems).
      const minutes = /^(?:点(\d{1,2})分|[:：](\d{2})(?!\d))/.exec(w.slice(j, j + 5));
      const minute = minutes ? Number(minutes[1] ?? minutes[2]) : NaN;
      if (minutes && value < 24 && minute < 60) alternatives.push(value * 100 + minute);
      const hours = /(?:^|\D)(\d{1,2})(?:(点)|[:：])$/.exec(w.slice(Math.max(0, start - 4), start));
      if (hours && (hours[2] ? w[j] === '分' : j - start === 2 && !isAnyDigit(w.charCodeAt(j))) && value < 60 && Number(hours[1]) < 24) {
        alternatives.push(Number(hours[1]) * 100 + value);
      }
      // 1981-87, '90s: two digits may stand for a year.
      if (j - start === 2 && (w[start - 1] === '-' || w[start - 1] === '–' || w[start - 1] === "'" || w[start - 1] === '’')) {
        alternatives.push(1900 + value, 2000 + value);
      }
      // 3.000 judgments: a European thousands point (three digits after it) may be rendered 3,000.
      if (/^\d{1,3}\.\d{3}$/.test(w.slice(start, j))) alternatives.push(Number(w.slice(start, j).replace('.', '')));
    }
    if (!masked(start)) {
      const n = numberAnchor(text, start, j, Math.abs(value), percent, unit, Math.abs(mantissa));
      for (const a of alternatives) if (!n.values.includes(a)) n.values.push(a);
      out.push(n);
    }
    i = j;
  }
  return out;
}

/** True when `after` starts with a measure word. */
function measured(after: string): boolean {
  return MEASURE_WORDS.some((w) => after.startsWith(w));
}

/** ASCII or full-width digit (a UTF-16 code unit; NaN is none). */
function isAnyDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
}

const CN_RUN_RE = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+(?:点[〇零一二三四五六七八九]+)?`, 'g');
const CN_DIGIT_CHARS = /[〇零一二两三四五六七八九]/;
const CN_UNIT_CHARS = /[十百千万亿]/;

/**
 * Chinese numerals that carry a value. The rule: a run of numeral characters counts when it follows
 * 第 (ordinal), is part of 百分之X / X分之Y, combines a digit with a unit (十二, 三百, 一千零五), or is
 * any other run (三, 两, 十, 二〇一九) directly followed by a measure word or unit (三个, 两种, 三维,
 * 二〇一九年). A lone
 * 一 counts only after 第 or in a fraction (一种, 统一, 一些 are not the number 1); vague quantities
 * (数百, 几十) and runs glued to Arabic digits (handled as multipliers: 5万) do not count.
 */
function chineseNumbers(text: string, masked: (i: number) => boolean): NumberAnchor[] {
  const out: NumberAnchor[] = [];
  const runs = [...text.matchAll(CN_RUN_RE)];
  for (let r = 0; r < runs.length; r++) {
    const m = runs[r] as RegExpExecArray;
    let run = m[0];
    let start = m.index;
    const end = start + run.length;
    let before = text[start - 1];
    if (masked(start) || before === '.') continue;
    if (isAnyDigit(text.charCodeAt(start - 1))) {
      // The Arabic number took its multiplier (19亿). What follows is a number of its own when it cannot
      // continue the multiplier (19亿十八岁: 1.9 billion, 18 years); 3万5千 is one number, 35,000.
      // 零 continues it (19亿零十八 is 1,900,000,018).
      const lead = /^[万亿]+(?![零〇])/.exec(run)?.[0];
      const rest = lead ? parseChineseNumeral(run.slice(lead.length)) : null;
      if (!lead || rest === null || rest >= (lead.includes('亿') ? 1e7 : 1e3)) continue;
      start += lead.length;
      run = run.slice(lead.length);
      before = text[start - 1];
    }
    const after = text.slice(end, end + 4);
    // X分之Y: 百分之五 (percent), 千分之三 (per mille), 三分之一 (fraction: both numbers count).
    const next = runs[r + 1];
    if (after.startsWith('分之') && next && next.index === end + 2) {
      // 百分之百: a hundred percent (百 alone is not a numeral elsewhere).
      const y = run === '百' && next[0] === '百' ? 100 : parseChineseNumeral(next[0]);
      const x = parseChineseNumeral(run);
      const yEnd = next.index + next[0].length;
      if (y !== null && (run === '百' || run === '千')) {
        out.push(numberAnchor(text, start, yEnd, y, run === '百', run === '百' ? '%' : '‰'));
        r++;
        continue;
      }
      if (x !== null && y !== null) {
        out.push(numberAnchor(text, start, end, x, false, undefined));
        out.push(numberAnchor(text, next.index, yEnd, y, false, undefined));
        r++;
        continue;
      }
    }
    const value = parseChineseNumeral(run);
    // 三四个, 十四五年: two neighbouring digits give an approximate range; both ends count.
    const approx = /^(十?)([一二三四五六七八])([二三四五六七八九])$/.exec(run);
    if (value === null && approx && measured(after)) {
      const tens = approx[1] === '十' ? 10 : 0;
      const a = tens + (parseChineseNumeral(approx[2] as string) as number);
      const b = tens + (parseChineseNumeral(approx[3] as string) as number);
      if (b === a + 1) {
        out.push(numberAnchor(text, start, end - 1, a, false, undefined));
        out.push(numberAnchor(text, end - 1, end, b, false, undefined));
      }
      continue;
    }
    // 每百万次 = per million, 每千人 = per thousand: after 每 a lone multiplier is a number.
    if (before === '每' && CHINESE_MULTIPLIERS[run] !== undefined) {
      out.push(numberAnchor(text, start, end, CHINESE_MULTIPLIERS[run] as number, false, undefined));
      continue;
    }
    if (value === null) continue;
    if (before !== undefined && VAGUE_BEFORE.has(before)) continue;
    const ordinal = before === '第';
    const compound = CN_DIGIT_CHARS.test(run) && CN_UNIT_CHARS.test(run);
    // A lone 一 is mostly the article "a" (一种, 一个); lone 百/千/万/亿 are vague (千万 = "by all means").
    const plain = run !== '一' && !/^[百千万亿]+$/.test(run);
    // Measure word and suffix only matter for plain runs; skipping them for the rest (the lone 一 of
    // 一种, 统一) changes nothing.
    const counted = ordinal || compound || run.includes('点');
    if (!counted && !plain) continue;
    const suffix = readSuffix(text, end);
    const percent = suffix.percent;
    if (counted || measured(after) || percent) {
      out.push(numberAnchor(text, start, percent ? suffix.end : end, value, percent, percent ? '%' : undefined));
    }
  }
  return out;
}

/**
 * Numbers in English or Chinese text, sorted by start: Arabic digits (full-width too) with thousands
 * separators, decimals, exponents (1e-3, 10^5), percent (`%`, `\%`, `％`, 百分之五) and multipliers
 * (0.8k, 3.3K, 2M, 4x, 4×, 4倍, 3.5 million, 5万, 3.5亿), and Chinese numerals that carry a value
 * (see the rule on `chineseNumbers`). Ranges (3-5, 3–5, 3~5, 3至5) yield both ends; signs are ignored.
 * Digits inside identifiers (GPT-4, ResNet-50, COVID-19, F1, x86, v2), version numbers, URLs,
 * e-mails, DOIs, arXiv ids and LaTeX labels (\cite, \ref, \url) are not numbers, on either side.
 * English number words (two, ten) are not extracted.
 */
export function extractNumbers(text: string): NumberAnchor[] {
  // The numbers check and mismatched-pair's correspondence read the numbers of the same two texts of a
  // pair: the last few results are kept (the anchors are never modified; each caller gets its own array).
  for (const r of recentNumbers) if (r.text === text) return [...r.numbers];
  const numbers = findNumbers(text);
  recentNumbers.unshift({ text, numbers });
  if (recentNumbers.length > 4) recentNumbers.pop();
  return [...numbers];
}

const recentNumbers: Array<{ text: string; numbers: NumberAnchor[] }> = [];

function findNumbers(text: string): NumberAnchor[] {
  const w = toHalfWidth(text);
  const spans: Array<[number, number]> = [
    ...extractUrls(text).map((a): [number, number] => [a.start, a.end]),
    ...labelSpans(text),
  ];
  const masked = (i: number): boolean => spans.some(([s, e]) => i >= s && i < e);
  return [...arabicNumbers(text, w, masked), ...chineseNumbers(text, masked)].sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------- Names with digits

/** A Latin name that carries digits (ResNet-101, CIFAR-10, VOT2015, Word2Vec, T2, x_1), with its digits' shape. */
export interface NumberedName extends Anchor {
  kind: 'name';
  /** `key` with every digit run replaced by `#`: names of the same shape differ only in their digits. */
  shape: string;
  /** [start, end) 0-based UTF-16 offsets of each digit run of the name. */
  digits: Array<[number, number]>;
}

const NAME_PART_RE = /[A-Za-z0-9]+/g;
const ANY_DIGIT = /[0-9０-９]/;

/**
 * Latin names that contain both letters and digits, sorted by start: ResNet-101, CIFAR-10, VOT2015,
 * Word2Vec, T2, x_1, 2D-3D, N-1, GPT-3.5, Flickr15K. A hyphen or underscore joins parts that carry
 * a digit or a capital (Llama-2-7B) but not lowercase suffixes (T2-weighted → T2); a dot joins
 * digits (GPT-3.5). Names inside links are skipped. The key is lowercase without `-` and `_`
 * (CIFAR-10 and cifar10 are the same name).
 */
export function extractNumberedNames(text: string): NumberedName[] {
  if (!ANY_DIGIT.test(text)) return [];
  const w = toHalfWidth(text);
  const out: NumberedName[] = [];
  let links: Anchor[] | undefined;
  NAME_PART_RE.lastIndex = 0;
  for (let m = NAME_PART_RE.exec(w); m !== null; m = NAME_PART_RE.exec(w)) {
    const start = m.index;
    let end = start + m[0].length;
    for (;;) {
      const c = w[end];
      if (c === '-' || c === '_') {
        const part = /^[A-Za-z0-9]+/.exec(w.slice(end + 1, end + 41));
        if (part && /[A-Z0-9]/.test(part[0])) {
          end += 1 + part[0].length;
          continue;
        }
      } else if (c === '.' && isDigit(w[end - 1]) && isDigit(w[end + 1])) {
        end += 1;
        while (isDigit(w[end])) end++;
        continue;
      }
      break;
    }
    NAME_PART_RE.lastIndex = end;
    const token = w.slice(start, end);
    if (!/[0-9]/.test(token) || !/[A-Za-z]/.test(token)) continue;
    // Only texts with a digit-bearing name pay for link extraction.
    links ??= extractUrls(text);
    if (links.some((l) => start >= l.start && start < l.end)) continue;
    const key = token.replace(/[-_]/g, '').toLowerCase();
    const digits: Array<[number, number]> = [];
    for (const d of token.matchAll(/[0-9]+/g)) digits.push([start + d.index, start + d.index + d[0].length]);
    out.push({ kind: 'name', text: text.slice(start, end), start, end, key, shape: key.replace(/[0-9]+/g, '#'), digits });
  }
  return out;
}

// ---------------------------------------------------------------- Acronyms and names

const ROMAN = /^(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV)$/;

/** No digit and no capital after the first letter in `text[start, end)`: classifyLatinToken's ordinary word. */
function plainWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (i > start && c >= 65 && c <= 90)) return false;
  }
  return true;
}

/** Classifies a Latin token: `acronym` (≥2 capitals, no lowercase but a plural s), `name` (CamelCase or letters with digits), or null. */
export function classifyLatinToken(token: string): 'acronym' | 'name' | null {
  // Fast path for ordinary words (model, The): no digit and no capital after the first letter.
  if (plainWord(token, 0, token.length)) return null;
  const letters = token.replace(/[^A-Za-z]/g, '');
  const base = letters.replace(/(?<=[A-Z]{2,})s$/, '');
  const upper = base.replace(/[^A-Z]/g, '').length;
  if (upper >= 2 && upper === base.length && !ROMAN.test(token)) return 'acronym';
  if (/[a-z][A-Z]/.test(token) || (/[A-Za-z]/.test(token) && /\d/.test(token))) return 'name';
  return null;
}

/** Comparison key of an acronym or name: lowercase, plural s after capitals dropped (CNNs → cnn). */
export function acronymKey(token: string): string {
  return token.replace(/(?<=[A-Z]{2,})s$/, '').toLowerCase();
}

/**
 * Acronyms (SFDA, BERT, GPT-4, COVID-19, CNNs), CamelCase and letter-digit names (CrossWOZ, ResNet-50,
 * word2vec, F1) and, in Chinese text, every Latin word of two letters or more (kept from the source),
 * sorted by start. A hyphen joins parts that carry a digit or a capital (GPT-4, Llama-2-7B) but not
 * lowercase suffixes (BERT-based → BERT); a dot joins digits (GPT-3.5). Roman numerals are skipped.
 */
export function extractAcronyms(text: string, options: AcronymOptions = {}): Anchor[] {
  const w = toHalfWidth(text);
  const zh = (options.lang ?? (countHan(text) * 4 >= (w.match(/[A-Za-z]/g)?.length ?? 0) ? 'zh' : 'en')) === 'zh';
  const out: Anchor[] = [];
  // Words inside a link (github.com/ispc-lab/bmd) are part of the link, not names.
  const links = extractUrls(text);
  // The tokens (/[A-Za-z][A-Za-z0-9]*/g) scanned in place: no match array for every word of every text,
  // and an ordinary English word (no digit, no capital after its first letter) is not even sliced.
  const n = w.length;
  for (let i = 0; i < n; ) {
    if (!isAsciiLetterCode(w.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let end = start + 1;
    while (end < n && isAsciiAlnumCode(w.charCodeAt(end))) end++;
    i = end;
    if (isDigit(w[start - 1]) || w[start - 1] === '\\') {
      // 3D, 4x, 10ms: a unit after a number; \textit: a LaTeX command.
      continue;
    }
    for (;;) {
      const c = w[end];
      const hyphen = c === '-' || c === '_' ? /^[-_]([A-Za-z0-9]+)/.exec(w.slice(end, end + 40)) : null;
      if (hyphen && /[A-Z0-9]/.test(hyphen[1] as string)) {
        end += hyphen[0].length;
        continue;
      }
      const dot = c === '.' && isDigit(w[end - 1]) ? /^\.(\d+)/.exec(w.slice(end, end + 20)) : null;
      if (dot) {
        end += dot[0].length;
        continue;
      }
      break;
    }
    i = end;
    if (links.length > 0 && links.some((l) => start >= l.start && start < l.end)) continue;
    // classifyLatinToken's fast path, in place: a plain word is neither acronym nor name.
    if (!zh && plainWord(w, start, end)) continue;
    const token = w.slice(start, end);
    const kind = classifyLatinToken(token);
    if (kind !== null) out.push(anchor(kind, text.slice(start, end), start, acronymKey(token)));
    else if (zh && token.replace(/[^A-Za-z]/g, '').length >= 2) {
      out.push(anchor('name', text.slice(start, end), start, token.toLowerCase()));
    }
  }
  return out;
}

/** Every anchor of a text (numbers, links, LaTeX, acronyms, names), sorted by start; of overlapping ones the longest wins. */
export function extractAnchors(text: string): Anchor[] {
  return longestNonOverlapping<Anchor>([
    ...extractUrls(text),
    ...extractLatex(text),
    ...extractNumbers(text),
    ...extractAcronyms(text),
  ]);
}
