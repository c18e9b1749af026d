// Synthetic corruptions of real en/zh pairs (seeded), each with the check expected to catch it.
import { Converter } from 'opencc-js/cn2t';
import { bundledGlossary } from '../src/lexicon/glossary.js';
import { splitChinese, splitEnglish } from '../src/pipeline/align.js';
import type { Severity } from '../src/core/types.js';

/** A development pair as the arXiv corpus gives it. */
export interface Row {
  id: string;
  title?: string;
  en: string;
  zh: string;
}

/** The ten corruption types of issue 4. */
export const CORRUPTION_TYPES = [
  'drop-sentence',
  'truncate',
  'change-number',
  'break-url',
  'english-sentence',
  'swap',
  'wrong-term',
  'traditional',
  'repeat-phrase',
  'break-latex',
] as const;

/** One corruption type. */
export type CorruptionType = (typeof CORRUPTION_TYPES)[number];

/** Which checks count as catching a type, and at what least severity. */
export const INTENDED: Record<CorruptionType, { checks: string[]; severity: Severity }> = {
  'drop-sentence': { checks: ['omission'], severity: 'major' },
  truncate: { checks: ['truncated', 'omission'], severity: 'major' },
  'change-number': { checks: ['numbers'], severity: 'major' },
  'break-url': { checks: ['urls'], severity: 'major' },
  'english-sentence': { checks: ['untranslated-span'], severity: 'major' },
  swap: { checks: ['mismatched-pair'], severity: 'critical' },
  'wrong-term': { checks: ['glossary'], severity: 'major' },
  traditional: { checks: ['script'], severity: 'major' },
  'repeat-phrase': { checks: ['repetition'], severity: 'major' },
  'break-latex': { checks: ['latex'], severity: 'major' },
};

/** A corrupted pair: the original English, the corrupted Chinese, and what was done. */
export interface Corruption {
  type: CorruptionType;
  id: string;
  en: string;
  zh: string;
  /** Human-readable description of the change, e.g. "dropped sentence 3 of 7". */
  note: string;
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;

let toTraditional: ((text: string) => string) | undefined;

const NUMBER = /\d+(?:\.\d+)?/gu;
const URL = /https?:\/\/[^\s\p{Script=Han}，。；）)]+/gu;
const LATEX = /\\[A-Za-z]+\{|\$[^$\s][^$]*\$/gu;

/** Content words of a title, for choosing a similar-topic paper. */
function topicWords(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z]+/u).filter((w) => w.length > 4));
}

/**
 * Corrupts one pair, or returns null when the pair has nothing to corrupt of that type (no URL,
 * no number, too few sentences…). `pool` supplies other papers for `swap`: the one whose title and
 * abstract share most topic words with this pair's title is used.
 */
export function corrupt(row: Row, type: CorruptionType, random: () => number, pool: readonly Row[] = []): Corruption | null {
  const base = { type, id: row.id, en: row.en };
  const zh = row.zh;
  const sentences = splitChinese(zh);
  switch (type) {
    case 'drop-sentence': {
      if (sentences.length < 3) return null;
      // Not the last sentence: that is truncation, a separate type.
      const k = Math.floor(random() * (sentences.length - 1));
      const s = sentences[k]!;
      return { ...base, zh: zh.slice(0, s.start) + zh.slice(s.end), note: `dropped sentence ${k + 1} of ${sentences.length}` };
    }
    case 'truncate': {
      const cut = Math.round((zh.length * 2) / 3);
      return { ...base, zh: zh.slice(0, cut), note: `cut at ${cut} of ${zh.length} characters` };
    }
    case 'change-number': {
      const enNumbers = new Set(row.en.match(NUMBER) ?? []);
      const found = [...zh.matchAll(NUMBER)].filter((m) => enNumbers.has(m[0]));
      if (found.length === 0) return null;
      const m = pick(found, random);
      const digits = m[0].replace(/\d(?!.*\d)/u, (d) => String((Number(d) + 1 + Math.floor(random() * 8)) % 10));
      return { ...base, zh: zh.slice(0, m.index) + digits + zh.slice(m.index + m[0].length), note: `${m[0]} → ${digits}` };
    }
    case 'break-url': {
      const found = [...zh.matchAll(URL)];
      if (found.length === 0) return null;
      const m = pick(found, random);
      const end = m.index + m[0].length;
      if (random() < 0.5) return { ...base, zh: zh.slice(0, m.index) + zh.slice(end), note: `dropped ${m[0]}` };
      const at = m.index + Math.max(8, Math.floor(m[0].length / 2));
      return { ...base, zh: `${zh.slice(0, at)} ${zh.slice(at)}`, note: `space inserted in ${m[0]}` };
    }
    case 'english-sentence': {
      const en = splitEnglish(row.en);
      if (en.length !== sentences.length || en.length < 2) return null;
      const k = Math.floor(random() * en.length);
      const s = sentences[k]!;
      return { ...base, zh: zh.slice(0, s.start) + en[k]!.text + zh.slice(s.end), note: `sentence ${k + 1} left in English` };
    }
    case 'swap': {
      const words = topicWords(`${row.title ?? ''} ${row.en}`);
      let best: Row | undefined;
      let bestScore = -1;
      for (const other of pool) {
        if (other.id === row.id || other.en === row.en) continue;
        let score = 0;
        for (const w of topicWords(other.title ?? other.en.slice(0, 200))) if (words.has(w)) score++;
        if (score > bestScore) {
          bestScore = score;
          best = other;
        }
      }
      if (!best) return null;
      return { ...base, zh: best.zh, note: `translation of ${best.id} (${bestScore} shared topic words)` };
    }
    case 'wrong-term': {
      const glossary = bundledGlossary();
      const options = glossary
        .matchSource(row.en)
        .map((m) => m.entry)
        .filter((e) => e.wrong.some((w) => !(e.ambiguous ?? []).includes(w)))
        .flatMap((e) => e.zh.filter((z) => /\p{Script=Han}/u.test(z) && zh.includes(z)).map((z) => ({ e, z })));
      if (options.length === 0) return null;
      const { e, z } = pick(options, random);
      const wrong = e.wrong.find((w) => !(e.ambiguous ?? []).includes(w)) as string;
      const at = zh.indexOf(z);
      return { ...base, zh: zh.slice(0, at) + wrong + zh.slice(at + z.length), note: `${e.en}: ${z} → ${wrong}` };
    }
    case 'traditional': {
      const convert = (toTraditional ??= Converter({ from: 'cn', to: 'tw' }));
      const candidates = sentences.filter((s) => convert(s.text) !== s.text && s.text.length >= 15);
      if (candidates.length === 0) return null;
      const s = pick(candidates, random);
      return { ...base, zh: zh.slice(0, s.start) + convert(s.text) + zh.slice(s.end), note: `sentence at ${s.start} in traditional` };
    }
    case 'repeat-phrase': {
      const s = pick(sentences, random);
      const runs = [...s.text.matchAll(/\p{Script=Han}{4,8}/gu)];
      if (runs.length === 0) return null;
      const m = pick(runs, random);
      const at = s.start + m.index + m[0].length;
      return { ...base, zh: zh.slice(0, at) + m[0].repeat(3) + zh.slice(at), note: `${m[0]} repeated 3 more times` };
    }
    case 'break-latex': {
      const found = [...zh.matchAll(LATEX)];
      if (found.length === 0) return null;
      const m = pick(found, random);
      if (m[0].startsWith('$')) {
        // An unclosed math span.
        return { ...base, zh: zh.slice(0, m.index + m[0].length - 1) + zh.slice(m.index + m[0].length), note: `closing $ dropped in ${m[0]}` };
      }
      // The seeds' damage: `\textit{` → `\ textit {`.
      const broken = `\\ ${m[0].slice(1, -1)} {`;
      return { ...base, zh: zh.slice(0, m.index) + broken + zh.slice(m.index + m[0].length), note: `${m[0]} → ${broken}` };
    }
  }
}
