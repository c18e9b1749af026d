// Shared by the typography checks: spans to leave alone (URLs, LaTeX), width maps, and the lazily built
// opencc-js traditional→simplified converter.
import { Converter, Locale } from 'opencc-js/t2cn';

/** A [start, end) range of 0-based UTF-16 offsets. */
export type Span = [start: number, end: number];

/** Matches one Han character (CJK unified ideograph, any extension). */
export const HAN_CHAR = /\p{Script=Han}/u;

/** True when `c` (one character or empty) is a Han character. */
export function isHan(c: string | undefined): boolean {
  return c !== undefined && c !== '' && HAN_CHAR.test(c);
}

// URLs, e-mails, DOIs, LaTeX math and commands: their punctuation, brackets and spacing belong to
// another syntax, so typography checks skip them. Each pattern runs only when its trigger occurs
// in the text (most Chinese sentences have none), which keeps the scan cheap.
const STOP = String.raw`[^\s\p{Script=Han}，。；：！？（）“”‘’【】《》]+`;
const PROTECTED: ReadonlyArray<{ trigger: string; pattern: RegExp; url?: boolean }> = [
  { trigger: '://', pattern: new RegExp(String.raw`(?:https?|ftp):\/\/${STOP}`, 'gu'), url: true },
  { trigger: 'www.', pattern: new RegExp(String.raw`\bwww\.${STOP}`, 'gu'), url: true },
  { trigger: '@', pattern: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu },
  { trigger: '10.', pattern: /\b10\.\d{4,9}\/[^\s\p{Script=Han}，。；]+/gu },
  // Math holds no Han text: a `$` left unpaired by a broken translation must not swallow prose.
  { trigger: '$', pattern: /\$\$[^$\p{Script=Han}]+\$\$|\$[^$\n\p{Script=Han}]{1,400}\$/gu },
  {
    trigger: '\\',
    pattern: /\\\([\s\S]{1,400}?\\\)|\\\[[\s\S]{1,400}?\\\]|\\[A-Za-z]+\*?(?:\s*\{[^{}\n]*\}|\s*\[[^\[\]\n]*\])*/gu,
  },
];

/** Spans of `text` that typography checks leave alone (URLs, e-mails, DOIs, LaTeX), sorted by start. */
export function protectedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const { trigger, pattern, url } of PROTECTED) {
    if (!text.includes(trigger)) continue;
    for (const m of text.matchAll(pattern)) {
      let end = m.index + m[0].length;
      // A URL does not end with sentence punctuation written right after it.
      if (url) while (end > m.index && /[.,;:!?)\]'"]/.test(text[end - 1] as string)) end--;
      spans.push([m.index, end]);
    }
  }
  return spans.sort((x, y) => x[0] - y[0]);
}

/** A membership test for offsets in sorted, non-overlapping spans (a boolean mask, built once). */
export function spanMask(length: number, spans: readonly Span[]): (offset: number) => boolean {
  const mask = new Uint8Array(length);
  for (const [s, e] of spans) mask.fill(1, s, Math.min(e, length));
  return (offset) => mask[offset] === 1;
}

/** Half-width punctuation and the full-width form Chinese text uses instead. */
export const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  '.': '。',
  ':': '：',
  ';': '；',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

let toSimplified: ((text: string) => string) | undefined;

/**
 * Converts traditional characters to simplified (opencc-js, OpenCC standard traditional → mainland
 * simplified, phrase-aware). Only this converter is built, on first use: building every opencc-js
 * converter costs about 143 MB, this one a few MB.
 */
export function traditionalToSimplified(text: string): string {
  const convert = (toSimplified ??= Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

let changing: ReadonlySet<number> | null | undefined;

/**
 * Code points that some entry of the dictionaries `traditionalToSimplified` uses (OpenCC's t2s chain)
 * replaces: where source and replacement differ (every source character when their lengths differ).
 * Null when the dictionaries cannot be read (then every text is worth converting).
 */
function changingCharacters(): ReadonlySet<number> | null {
  if (changing !== undefined) return changing;
  const out = new Set<number>();
  const addEntry = (source: string, replacement: string): void => {
    const from = [...source];
    const to = [...replacement];
    from.forEach((c, i) => {
      if (from.length !== to.length || c !== to[i]) out.add(c.codePointAt(0) as number);
    });
  };
  // A dictionary is `source replacement` entries separated by `|` (opencc-js takes the first
  // replacement) or a list of [source, replacement] pairs.
  const addDict = (dict: unknown): boolean => {
    if (typeof dict === 'string') {
      for (const entry of dict.split('|')) {
        const [source, replacement] = entry.split(' ');
        if (source !== undefined && replacement !== undefined) addEntry(source, replacement);
      }
      return true;
    }
    if (!Array.isArray(dict)) return false;
    for (const pair of dict) {
      if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') return false;
      addEntry(pair[0], pair[1]);
    }
    return true;
  };
  // A chain is a list of groups, each group a list of dictionaries; any other shape is not understood.
  const config = (Locale.configs as Record<string, Record<string, unknown> | undefined>).t2s;
  const chains = [config?.normalizationChain ?? [], config?.conversionChain];
  const understood = chains.every(
    (chain) => Array.isArray(chain) && chain.every((group) => Array.isArray(group) && group.every(addDict)),
  );
  if (!understood) out.clear();
  changing = out.size > 0 ? out : null;
  return changing;
}

/**
 * False when `traditionalToSimplified(text)` is certainly `text`: the text holds no character that any
 * dictionary entry replaces, so every entry it matches maps to itself.
 */
export function mayHaveTraditional(text: string): boolean {
  const chars = changingCharacters();
  if (chars === null) return true;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) as number;
    if (chars.has(code)) return true;
    if (code > 0xffff) i++;
  }
  return false;
}

let simplifiedOnly: Promise<ReadonlySet<string>> | undefined;

// Loaded by a computed specifier: the dictionary module ships without type declarations.
const ST_CHARACTERS = 'opencc-js/dict/STCharacters';

/**
 * Characters that exist only in simplified Chinese: entries of OpenCC's simplified→traditional
 * character table whose traditional forms do not include the character itself (们, 这, 说; not 后
 * or 干, which are also traditional characters). Loaded on first use (32 kB table).
 */
export function simplifiedOnlyCharacters(): Promise<ReadonlySet<string>> {
  simplifiedOnly ??= (async () => {
    const mod = (await import(ST_CHARACTERS)) as { default: string };
    const chars = new Set<string>();
    for (const entry of mod.default.split('|')) {
      const [from, ...to] = entry.split(' ');
      if (from !== undefined && to.length > 0 && !to.includes(from)) chars.add(from);
    }
    return chars;
  })();
  return simplifiedOnly;
}
