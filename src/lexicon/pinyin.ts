// Pinyin readings of Chinese characters (from the bundled CC-CEDICT's single-character entries, tones
// dropped), and whether a Latin name written in pinyin (XiaoMi, DaDianNao, Gaofen) is written in the
// translation as the characters it spells (小米, 大电脑, 高分): the name of a Chinese company, product
// or satellite given back its own Chinese form is translated right, not lost.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { cedictPath } from './cedict.js';

interface Readings {
  /** Toneless readings of each character (ü written v, as in typed pinyin). */
  byChar: Map<string, Set<string>>;
  /** Every syllable that some character reads as. */
  syllables: Set<string>;
  longest: number;
}

let readings: Readings | undefined;

/**
 * The readings, parsed on first use (about 0.3 s): only a name that no other rule accounts for asks, so a
 * run without one never loads them.
 */
function load(): Readings {
  if (readings) return readings;
  const byChar = new Map<string, Set<string>>();
  const syllables = new Set<string>();
  const text = gunzipSync(readFileSync(cedictPath())).toString('utf8');
  // `Traditional Simplified [pin1 yin1] /…/`: single-character headwords, a single-syllable reading.
  const line = /^\S+ (\S) \[([A-Za-z:]+)[1-5]\] /gmu;
  for (let m = line.exec(text); m !== null; m = line.exec(text)) {
    const char = m[1] as string;
    const syllable = (m[2] as string).toLowerCase().replace('u:', 'v');
    if (!/^[a-z]+$/.test(syllable) || !/\p{Script=Han}/u.test(char)) continue;
    let set = byChar.get(char);
    if (!set) byChar.set(char, (set = new Set()));
    set.add(syllable);
    syllables.add(syllable);
  }
  let longest = 0;
  for (const s of syllables) longest = Math.max(longest, s.length);
  readings = { byChar, syllables, longest };
  return readings;
}

/**
 * The ways a word splits into pinyin syllables, at most `limit` of them, every capital starting a syllable
 * (XiaoMi → xiao mi, not xia omi), longer syllables tried first. Empty when it does not split, or is one
 * syllable.
 */
export function pinyinSplits(word: string, limit = 8): string[][] {
  if (!/^[A-Za-z]{2,24}$/.test(word)) return [];
  const { syllables, longest } = load();
  const lower = word.toLowerCase();
  const out: string[][] = [];
  const walk = (at: number, parts: string[]): void => {
    if (out.length >= limit) return;
    if (at === lower.length) {
      if (parts.length >= 2) out.push([...parts]);
      return;
    }
    for (let len = Math.min(longest, lower.length - at); len >= 1; len--) {
      // A capital inside the word starts a syllable: XiaoMi is xiao + mi.
      const end = at + len;
      if (/[A-Z]/.test(word.slice(at + 1, end))) continue;
      const s = lower.slice(at, end);
      if (!syllables.has(s)) continue;
      parts.push(s);
      walk(end, parts);
      parts.pop();
    }
  };
  walk(0, []);
  return out;
}

/**
 * Function characters, which spell no name: a Western name that happens to split into pinyin (Lena: le na)
 * must not meet them in ordinary Chinese (了那).
 */
const FUNCTION_CHARS = new Set([...'的了是在和与或及而也就都不没有这那个我你他她它们其于被把将从对向但并且又再很更最所如若则因此']);

/** True when `text` holds consecutive characters, none a function word, that read as the syllables of one split of `word`. */
export function writtenInCharacters(word: string, text: string): boolean {
  const splits = pinyinSplits(word);
  if (splits.length === 0) return false;
  const { byChar } = load();
  const chars = [...text];
  for (const parts of splits) {
    for (let i = 0; i + parts.length <= chars.length; i++) {
      if (parts.every((p, k) => !FUNCTION_CHARS.has(chars[i + k] as string) && byChar.get(chars[i + k] as string)?.has(p) === true)) return true;
    }
  }
  return false;
}
