// Check `brackets`: unbalanced or mismatched brackets and quotes in the translation, full-width and
// half-width forms treated alike, discounting imbalances the source already has.
import { defineCheck } from '../core/check.js';
import { HAN } from '../core/text.js';
import { protectedSpans, spanMask } from '../lexicon/typography.js';

/** Bracket families: every opener closes with any closer of its family (（ with ) included). */
const FAMILIES: ReadonlyArray<{ name: string; open: string; close: string }> = [
  { name: 'paren', open: '(（', close: ')）' },
  { name: 'square', open: '[【〔［', close: ']】〕］' },
  { name: 'curly', open: '{｛', close: '}｝' },
  { name: 'title', open: '《〈', close: '》〉' },
  { name: 'double', open: '“「', close: '”」' },
  { name: 'single', open: '‘『', close: '’』' },
];

const FAMILY_OF = new Map<string, { name: string; role: 'open' | 'close'; pair: string }>();
for (const f of FAMILIES) {
  [...f.open].forEach((c, i) => FAMILY_OF.set(c, { name: f.name, role: 'open', pair: f.close[i] as string }));
  [...f.close].forEach((c, i) => FAMILY_OF.set(c, { name: f.name, role: 'close', pair: f.open[i] as string }));
}

const BRACKET_OR_QUOTE = new RegExp(`[${['"', ...FAMILY_OF.keys()].map((c) => `\\u{${(c.codePointAt(0) as number).toString(16)}}`).join('')}]`, 'gu');

/** One bracket problem found in a text. */
export interface BracketProblem {
  kind: 'unclosed' | 'unopened' | 'mismatched' | 'oddQuotes';
  family: string;
  /** 0-based UTF-16 offset of the offending character. */
  offset: number;
  char: string;
  /** The character that would fix it (the matching opener or closer). */
  want: string;
  /** For `mismatched`: offset of the opener the closer met. */
  openOffset?: number;
}

// `1)`, `a)`, `ii)` enumerate items in a list: a closer with no opener by convention.
function isEnumerator(text: string, i: number): boolean {
  const head = text.slice(Math.max(0, i - 5), i);
  return /(?:^|[\s(（:：,，;；。.\p{Script=Han}])(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4}|[一二三四五六七八九十])$/u.test(head);
}

// Half-open intervals such as [0, 1) or (a, b] pair a square bracket with a parenthesis.
function isInterval(text: string, open: number, close: number): boolean {
  const inner = text.slice(open + 1, close);
  return inner.length <= 40 && /[,，;]/.test(inner) && !HAN.test(inner);
}

/** Finds unbalanced and mismatched brackets and quotes, outside URLs and LaTeX. */
export function bracketProblems(text: string): BracketProblem[] {
  const isProtected = spanMask(text.length, protectedSpans(text));
  const problems: BracketProblem[] = [];
  const stack: Array<{ offset: number; char: string; family: string }> = [];
  const straight: number[] = [];
  // Only brackets and quotes are visited (a text is mostly letters).
  for (const m of text.matchAll(BRACKET_OR_QUOTE)) {
    const i = m.index;
    if (isProtected(i)) continue;
    const c = m[0];
    if (c === '"') {
      straight.push(i);
      continue;
    }
    const info = FAMILY_OF.get(c);
    if (!info) continue;
    if (info.role === 'open') {
      stack.push({ offset: i, char: c, family: info.name });
      continue;
    }
    // An apostrophe (model’s) is a closing single quote with no opener by design.
    if (c === '’' && !stack.some((s) => s.family === 'single')) continue;
    let depth = stack.length - 1;
    while (depth >= 0 && (stack[depth] as { family: string }).family !== info.name) depth--;
    const top = stack[stack.length - 1];
    if (depth === stack.length - 1 && top) {
      stack.pop();
      continue;
    }
    if (top && ((top.family === 'paren' && info.name === 'square') || (top.family === 'square' && info.name === 'paren'))) {
      if (isInterval(text, top.offset, i)) {
        stack.pop();
        continue;
      }
    }
    if (depth >= 0) {
      // The closer matches an opener further down: the openers above it were never closed.
      while (stack.length - 1 > depth) {
        const o = stack.pop() as { offset: number; char: string; family: string };
        problems.push({ kind: 'unclosed', family: o.family, offset: o.offset, char: o.char, want: FAMILY_OF.get(o.char)?.pair ?? '' });
      }
      stack.pop();
      continue;
    }
    if (top && !isEnumerator(text, i) && (info.name === 'paren' || info.name === 'square') && (top.family === 'paren' || top.family === 'square')) {
      stack.pop();
      problems.push({ kind: 'mismatched', family: top.family, offset: i, char: c, want: FAMILY_OF.get(top.char)?.pair ?? '', openOffset: top.offset });
      continue;
    }
    if (info.name === 'paren' && isEnumerator(text, i)) continue;
    problems.push({ kind: 'unopened', family: info.name, offset: i, char: c, want: info.pair });
  }
  for (const o of stack) {
    problems.push({ kind: 'unclosed', family: o.family, offset: o.offset, char: o.char, want: FAMILY_OF.get(o.char)?.pair ?? '' });
  }
  if (straight.length % 2 === 1) {
    const last = straight[straight.length - 1] as number;
    problems.push({ kind: 'oddQuotes', family: 'straight', offset: last, char: '"', want: '"' });
  }
  return problems.sort((a, b) => a.offset - b.offset);
}

// English quotes: straight and curly double quotes are one family when comparing with the source.
function comparable(family: string): string {
  return family === 'straight' ? 'double' : family;
}

export default defineCheck({
  meta: {
    id: 'brackets',
    description: 'Detects unbalanced or mismatched brackets and quotes in the translation (（） treated as ()), unless the source has the same imbalance.',
    category: 'fluency/punctuation',
    scope: 'document',
    needs: 'target',
    defaultSeverity: 'minor',
    messages: {
      unclosed: 'Unexpected unclosed `{{char}}` in the translation, expected a matching `{{want}}`',
      unopened: 'Unexpected `{{char}}` without an opening bracket, expected a matching `{{want}}` before it',
      mismatched: 'Unexpected `{{char}}` closing `{{open}}`, expected `{{want}}`',
      oddQuotes: 'Unexpected odd number of `"` quotes (`{{count}}`), expected them in pairs',
    },
  },
  run(ctx) {
    const problems = bracketProblems(ctx.target);
    if (problems.length === 0) return;
    // Imbalances the source already has are reproduced faithfully, not introduced.
    const budget = new Map<string, number>();
    if (ctx.source !== null) {
      for (const p of bracketProblems(ctx.source)) {
        const key = `${p.kind === 'mismatched' ? 'unclosed' : p.kind}:${comparable(p.family)}`;
        budget.set(key, (budget.get(key) ?? 0) + 1);
      }
    }
    const straightCount = (ctx.target.match(/"/g) ?? []).length;
    for (const p of problems) {
      const key = `${p.kind === 'mismatched' ? 'unclosed' : p.kind}:${comparable(p.family)}`;
      const left = budget.get(key) ?? 0;
      if (left > 0) {
        budget.set(key, left - 1);
        continue;
      }
      const data: Record<string, string | number> = { char: p.char, want: p.want };
      if (p.kind === 'mismatched') data.open = ctx.target[p.openOffset as number] as string;
      if (p.kind === 'oddQuotes') data.count = straightCount;
      ctx.report({
        messageId: p.kind,
        data,
        side: 'target',
        range: [p.offset, p.offset + 1],
        actual: p.char,
        expected: p.want,
      });
    }
  },
});
