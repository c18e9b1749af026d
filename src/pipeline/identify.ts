// Pipeline stage 2: language (Han share first, franc for the rest), script (opencc-js) and role of every block.
import { createHash } from 'node:crypto';
import { franc } from 'franc-min';
import { Converter, type ConverterFunction } from 'opencc-js/t2cn';
import { codePointCounter, countHan } from '../core/text.js';
import type { Block, DocumentLocation, IdentifiedBlock, Language, Role, Script } from '../core/types.js';
import { englishWordShare } from '../lexicon/english-vocabulary.js';

/** Han share (among letters and Han) at or above which a text is Chinese, measured on arXiv dev (min zh 0.35, max en 0). */
export const HAN_RATIO_ZH = 0.15;
/** Texts with fewer letters plus Han characters than this are `und`. */
export const MIN_LANGUAGE_CHARS = 10;
/** Han characters that make a text Chinese however short it is (when Han dominates and there is no kana). */
export const MIN_HAN_CHARS = 4;
/** Under this many letters, franc cannot tell English from other languages: a page's or record's claim decides. */
export const SHORT_LATIN_LETTERS = 40;
/**
 * Latin letters under which a text franc does not call English is checked word by word against common
 * English words (headlines, titles, short posts: franc needs more letters than they have).
 */
export const SHORT_TEXT_LETTERS = 400;
/** Share of common English words (names aside) at or above which a short text is English; at least 3 such words. */
export const ENGLISH_WORD_SHARE = 0.8;
/** Share of Han characters the traditional→simplified conversion changes, at or above which a text is traditional. */
export const TRADITIONAL_SHARE = 0.2;
/** Share of changed Han characters at or above which a text is mixed (below: simplified). */
export const MIXED_SHARE = 0.02;

const HAN_G = /\p{Script=Han}/gu;
// Counted code point by code point (core/text.ts): the same counts as matching these globally, without
// an array of one string per character of every block.
const countLetters = codePointCounter(/\p{L}/u);
const countKana = codePointCounter(/[\p{Script=Hiragana}\p{Script=Katakana}]/u);
// English function words: franc-min sometimes names a short or acronym-heavy English text as another
// language; a high share of these words settles it.
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to in is are we a an for that this with on by as from be our which it can these their not or at has have been show propose'.split(
    ' ',
  ),
);

/** Share of English function words among the Latin words of `text`, 0-1. */
function englishFunctionShare(text: string): number {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.length === 0) return 0;
  return words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length / words.length;
}

/**
 * Language of `text`: `zh` when Han characters make at least HAN_RATIO_ZH of letters plus Han, otherwise
 * franc-min (with an English function-word fallback) tells `en` from `other`; `und` under MIN_LANGUAGE_CHARS.
 * `hanRatio` is the share of Han characters among letters and Han characters, 0-1.
 */
export function detectLanguage(text: string): { language: Language; hanRatio: number } {
  // Links carry no language: a short Chinese post ending in a long URL is still Chinese.
  const prose = /https?:\/\/|www\./.test(text) ? text.replace(/https?:\/\/\S+|www\.\S+/g, ' ') : text;
  const han = countHan(prose);
  const letters = countLetters(prose); // \p{L} includes Han
  const hanRatio = letters === 0 ? 0 : han / letters;
  // A Han character carries about a word: a short Chinese sentence (我们训练一个模型。) is Chinese.
  if (han >= MIN_HAN_CHARS && hanRatio >= HAN_RATIO_ZH && countKana(text) === 0) return { language: 'zh', hanRatio };
  if (letters < MIN_LANGUAGE_CHARS) return { language: 'und', hanRatio };
  const kana = countKana(text);
  if (kana >= 0.05 * letters) return { language: 'other', hanRatio };
  if (hanRatio >= HAN_RATIO_ZH) return { language: 'zh', hanRatio };
  // URLs, LaTeX commands and digits carry no language; long texts are decided by their start.
  const rest = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\\[a-zA-Z]+/g, ' ')
    .replace(HAN_G, ' ')
    .slice(0, 1000);
  // Plainly English prose skips franc (about 1.4 ms a text); Romance and Germanic texts stay far below 0.25.
  const functionShare = englishFunctionShare(rest);
  if (functionShare >= 0.25) return { language: 'en', hanRatio };
  const guess = franc(rest, { minLength: MIN_LANGUAGE_CHARS });
  if (guess === 'eng' || functionShare >= 0.15) return { language: 'en', hanRatio };
  // A headline ("Government Shutdown Debate Fuels House Republican Civil War") has no function words
  // and too few letters for franc: its words decide.
  if (letters < SHORT_TEXT_LETTERS && looksEnglish(rest)) return { language: 'en', hanRatio };
  return { language: guess === 'und' ? 'und' : 'other', hanRatio };
}

/** Mostly common English words (names aside): at least 3 of them and ENGLISH_WORD_SHARE of the words counted. */
function looksEnglish(text: string): boolean {
  const { share, known, counted, names } = englishWordShare(text);
  return known >= 3 && share >= ENGLISH_WORD_SHARE && names <= counted;
}

let toSimplified: ConverterFunction | undefined;

/** The traditional→simplified converter, built once on first use (only this one: all of them cost 143 MB). */
function simplify(text: string): string {
  toSimplified ??= Converter({ from: 't', to: 'cn' });
  return toSimplified(text);
}

/** Han characters of `text` and how many of them the traditional→simplified conversion changes. */
function changedHan(text: string): { han: number; changed: number } {
  const simplified = simplify(text);
  // Simplified text (nearly every translation) comes back unchanged: only its Han characters to count,
  // without arrays of one string per character of both texts.
  if (simplified === text) return { han: countHan(text), changed: 0 };
  const before = [...text];
  const after = [...simplified];
  let han = 0;
  let changed = 0;
  if (before.length === after.length) {
    for (let i = 0; i < before.length; i++) {
      const ch = before[i] as string;
      if (!/\p{Script=Han}/u.test(ch)) continue;
      han++;
      if (after[i] !== ch) changed++;
    }
    return { han, changed };
  }
  // A phrase changed length: compare character by character instead.
  for (const ch of before) {
    if (!/\p{Script=Han}/u.test(ch)) continue;
    han++;
    if (simplify(ch) !== ch) changed++;
  }
  return { han, changed };
}

/**
 * Script of Chinese text: the share of Han characters the traditional→simplified conversion changes is
 * about 0 for simplified and 37–43 % for traditional text; a traditional sentence in simplified text
 * gives `mixed` (overall share at least MIXED_SHARE, or one sentence of 10+ Han characters mostly
 * traditional). `none` when the text has no Han characters.
 */
export function detectScript(text: string): Script {
  const { han, changed } = changedHan(text);
  if (han === 0) return 'none';
  const share = changed / han;
  if (share >= TRADITIONAL_SHARE) return 'traditional';
  if (share >= MIXED_SHARE && changed >= 2) return 'mixed';
  if (changed >= 3) {
    for (const sentence of text.split(/(?<=[。！？；!?;])/u)) {
      const s = changedHan(sentence);
      if (s.han >= 10 && s.changed >= 3 && s.changed / s.han >= TRADITIONAL_SHARE) return 'mixed';
    }
  }
  return 'simplified';
}

/**
 * Role from what the page claimed, the language found and the Han characters. A block the input calls a
 * translation is always judged: with no Han character at all it is `untranslated` (the verdict then
 * tells whether there was anything to translate), whatever language its few letters look like.
 */
function roleOf(claimed: Block['claimed'], language: Language, han: number): Role {
  if (language === 'zh') return 'translation';
  if (claimed === 'translation' && han === 0) return 'untranslated';
  // A labelled source with no letters to identify (1/3, 🙌, a URL) is still the source of its translation.
  if (claimed === 'original' && language === 'und') return 'original';
  if (language === 'en') return claimed === 'translation' ? 'untranslated' : 'original';
  return 'other';
}

/** Adds language, script, role and Han share to every block (dropped boilerplate never reaches here). */
export function identifyBlocks(blocks: readonly Block[]): IdentifiedBlock[] {
  return blocks.map((block) => {
    const detected = detectLanguage(block.text);
    const { hanRatio } = detected;
    let { language } = detected;
    // Han inside a link counts here: https://都柏林评论.com/ is a (broken) translation, not a copy.
    const han = countHan(block.text);
    // A translation the input labels as such is Chinese with any Han character, however short (雇我吧, 60秒……).
    if (language === 'und' && block.claimed === 'translation' && han > 0 && countKana(block.text) === 0) language = 'zh';
    // A short Latin text the input labels (a record's `en` field, a block before a translation
    // marker) is taken at its word: language identification has too little to go on.
    if ((language === 'und' || language === 'other') && han === 0 && block.claimed !== 'unknown' && countLetters(block.text) < SHORT_LATIN_LETTERS && /[A-Za-z]/.test(block.text)) {
      language = 'en';
    }
    const script = han > 0 ? detectScript(block.text) : 'none';
    return identified(block, language, script, roleOf(block.claimed, language, han), hanRatio);
  });
}

/**
 * The identified block, its fields written one by one in the block's order. Not `{ ...block, … }`: V8
 * gives every object so spread a hidden class of its own (measured: 1,986 for 2,000 blocks), about 500
 * bytes a block kept for the whole run; written in a fixed order they share a handful.
 */
function identified(block: Block, language: Language, script: Script, role: Role, hanRatio: number): IdentifiedBlock {
  const out = { id: block.id, file: block.file, lines: block.lines, raw: block.raw, text: block.text, claimed: block.claimed } as IdentifiedBlock;
  if (block.title !== undefined) out.title = block.title;
  if (block.recordId !== undefined) out.recordId = block.recordId;
  if (block.attachedTo !== undefined) out.attachedTo = block.attachedTo;
  out.language = language;
  out.script = script;
  out.role = role;
  out.hanRatio = hanRatio;
  return out;
}

/** Hash of a text for identity: NFC, whitespace runs collapsed. */
function textKey(text: string): string {
  return createHash('sha1').update(text.normalize('NFC').replace(/\s+/gu, ' ').trim()).digest('hex');
}

/**
 * Identical texts across all files (and within one): for every block whose text occurs elsewhere, the
 * other locations, keyed by block id. Blocks found only once are absent.
 */
export function findDuplicates(
  files: readonly { file: string; blocks: readonly IdentifiedBlock[] }[],
): Map<string, DocumentLocation[]> {
  const byKey = new Map<string, DocumentLocation[]>();
  for (const { file, blocks } of files) {
    for (const block of blocks) {
      if (block.text === '') continue;
      const key = textKey(block.text);
      const locations = byKey.get(key) ?? [];
      locations.push({ file, block: block.id, lines: block.lines });
      byKey.set(key, locations);
    }
  }
  const out = new Map<string, DocumentLocation[]>();
  for (const locations of byKey.values()) {
    if (locations.length < 2) continue;
    for (const here of locations) {
      out.set(
        here.block,
        locations.filter((l) => l !== here),
      );
    }
  }
  return out;
}
