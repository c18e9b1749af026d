// Chinese word segmentation: @node-rs/jieba with its default dictionary plus the bundled ML words
// (src/lexicon/data/ml-words.txt), the bundled glossary's Chinese terms, and words added at run time
// (a user glossary's terms).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { packageRoot } from '../config/package-root.js';
import { bundledGlossary } from './glossary.js';

/** A word of a text with its position. */
export interface Token {
  word: string;
  /** 0-based UTF-16 offset of the first code unit. */
  start: number;
  /** 0-based UTF-16 offset just past the last code unit. */
  end: number;
}

// High enough that a user word beats the default dictionary's split of it.
const USER_WORD_FREQUENCY = 20000;

let jieba: Jieba | undefined;
const added = new Set<string>();

/** Path of the bundled ML word list. */
export function mlWordsPath(): string {
  return join(packageRoot(), 'src', 'lexicon', 'data', 'ml-words.txt');
}

function instance(): Jieba {
  if (jieba) return jieba;
  jieba = Jieba.withDict(dict);
  const words = readFileSync(mlWordsPath(), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  // The glossary's terms too, so that segmentation is the same whichever stage runs first.
  load(jieba, [...words, ...bundledGlossary().zhTerms()]);
  return jieba;
}

function load(j: Jieba, words: readonly string[]): void {
  const fresh = words.filter((w) => /^\S+$/.test(w) && !added.has(w));
  if (fresh.length === 0) return;
  for (const w of fresh) added.add(w);
  j.loadDict(Buffer.from(fresh.map((w) => `${w} ${USER_WORD_FREQUENCY} n`).join('\n') + '\n'));
}

/** Adds words (e.g. the glossary's Chinese terms) to the segmentation dictionary; words with spaces are skipped. */
export function addUserWords(words: readonly string[]): void {
  load(instance(), words);
}

/**
 * Segments `text` into words (jieba, precise mode without HMM so unknown strings stay as dictionary
 * pieces). Every character belongs to exactly one token, spaces and punctuation included.
 */
export function segment(text: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  for (const word of instance().cut(text, false)) {
    tokens.push({ word, start: offset, end: offset + word.length });
    offset += word.length;
  }
  return tokens;
}
