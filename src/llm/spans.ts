// Locates a span the model quoted in the text it quoted from: exact match first, then a match that
// ignores whitespace and the full-/half-width form of punctuation, then prefix…suffix for elided spans.
import type { TextRange } from '../core/types.js';

/** How a span was found. */
export type SpanMatch = 'exact' | 'normalized' | 'elided';

/** A located span. */
export interface LocatedSpan {
  range: TextRange;
  match: SpanMatch;
}

const PUNCT: Record<string, string> = {
  '。': '.', '，': ',', '、': ',', '；': ';', '：': ':', '！': '!', '？': '?', '（': '(', '）': ')',
  '【': '[', '】': ']', '「': '"', '」': '"', '『': '"', '』': '"', '“': '"', '”': '"', '‘': "'",
  '’': "'", '《': '<', '》': '>', '〈': '<', '〉': '>', '～': '~', '—': '-', '–': '-', '－': '-',
};

/** Normalized characters of `text`, each with the 0-based UTF-16 offset it came from. */
function normalizeWithMap(text: string): { chars: string; at: number[] } {
  let chars = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (/\s/.test(c)) continue;
    const mapped = (PUNCT[c] ?? c.normalize('NFKC')).toLowerCase();
    for (const m of mapped) {
      chars += m;
      at.push(i);
    }
  }
  return { chars, at };
}

function normalized(text: string): string {
  return normalizeWithMap(text).chars;
}

/** Offset of `needle` in `haystack` at or after `from`, preferring one not overlapping `taken`. */
function pick(haystack: string, needle: string, taken: readonly TextRange[], map?: number[]): number {
  let first = -1;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
    if (first < 0) first = i;
    const start = map ? (map[i] as number) : i;
    if (!taken.some(([s, e]) => start < e && start >= s)) return i;
  }
  return first;
}

/**
 * Finds `span` in `text`. `taken` holds ranges already given to earlier errors, so that a repeated
 * span goes to its next occurrence. Returns undefined when the span cannot be found.
 */
export function locateSpan(text: string, span: string, taken: readonly TextRange[] = []): LocatedSpan | undefined {
  const needle = span.trim().replace(/^["'“”‘’「」]+|["'“”‘’「」]+$/g, '');
  if (needle === '') return undefined;
  const exact = pick(text, needle, taken);
  if (exact >= 0) return { range: [exact, exact + needle.length], match: 'exact' };

  const hay = normalizeWithMap(text);
  const toRange = (start: number, endExclusive: number): TextRange => [
    hay.at[start] as number,
    (hay.at[endExclusive - 1] as number) + 1,
  ];
  const n = normalized(needle);
  if (n !== '') {
    const at = pick(hay.chars, n, taken, hay.at);
    if (at >= 0) return { range: toRange(at, at + n.length), match: 'normalized' };
  }
  // Elided quotations: "开头……结尾" or "start...end".
  const parts = needle.split(/(?:\.\.\.|…+)/).map(normalized).filter((p) => p !== '');
  if (parts.length >= 2) {
    const head = parts[0] as string;
    const tail = parts[parts.length - 1] as string;
    const start = pick(hay.chars, head, taken, hay.at);
    if (start >= 0) {
      const end = hay.chars.indexOf(tail, start + head.length);
      if (end >= 0) return { range: toRange(start, end + tail.length), match: 'elided' };
    }
  }
  return undefined;
}
