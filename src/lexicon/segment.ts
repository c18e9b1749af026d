// Chinese word segmentation: @node-rs/jieba with its default dictionary plus the bundled ML words
// (src/lexicon/data/ml-words.txt), the bundled glossary's Chinese terms, and words added at run time
// (a user glossary's terms).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { packageRoot } from '../config/package-root.js';
import { bundledGlossary } from './glossary.js';
import { jiebaDict } from './jieba-data.js';

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
let dictionaryVersion = 0;

/** Counter that changes whenever words are added to the segmentation dictionary (results cached before are stale). */
export function segmentationVersion(): number {
  return dictionaryVersion;
}

/** Path of the bundled ML word list. */
export function mlWordsPath(): string {
  return join(packageRoot(), 'src', 'lexicon', 'data', 'ml-words.txt');
}

function instance(): Jieba {
  if (jieba) return jieba;
  jieba = Jieba.withDict(jiebaDict());
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
  // New words can change how any text is cut.
  pieceCache.clear();
  kept.clear();
  dictionaryVersion++;
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
/** The words of `segment(text)` alone (no offsets): the same array may be shared, do not modify it. */
export function segmentWords(text: string): readonly string[] {
  return cutWords(text);
}

export function segment(text: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  for (const word of cutWords(text)) {
    tokens.push({ word, start: offset, end: offset + word.length });
    offset += word.length;
  }
  return tokens;
}

// Jieba cuts runs of Han/Latin/digits independently and emits every other character on its own, so a
// text cut after sentence-final punctuation (never part of a run) gives the same words as the whole text.
// Words are cached by such pieces, so the check stage reuses the sentences the aligner already cut.
const PIECE_END = /[。！？；．][。！？；．”’」』）)】》]*/g;

/**
 * Words of `text`: from the cache when every piece of it is there; one jieba call when none is (a text
 * seen for the first time, as when pairing a corpus); else only the missing pieces are cut (the check
 * stage asks for a whole translation after its sentences, some of which hold several pieces).
 */
function cutWords(text: string): readonly string[] {
  const pieces: string[] = [];
  let last = 0;
  for (const m of text.matchAll(PIECE_END)) {
    const end = m.index + m[0].length;
    pieces.push(text.slice(last, end));
    last = end;
  }
  if (last < text.length) pieces.push(text.slice(last));
  const cached: Array<readonly string[] | undefined> = [];
  let hits = 0;
  for (const piece of pieces) {
    const words = pieceCache.get(piece);
    if (words) hits++;
    cached.push(words);
  }
  if (hits === pieces.length) return pieces.length === 1 ? (cached[0] ?? []) : (cached as Array<readonly string[]>).flat();
  if (hits === 0) {
    const words = instance().cut(text, false);
    // Only single pieces (sentences) are cached: caching the pieces of every long text costs more than
    // it saves when texts come once each (pairing a corpus). Their word ends are kept instead (see `keep`).
    if (pieces.length === 1) remember(text, words);
    else keep(text, words);
    return words;
  }
  const out: string[] = [];
  pieces.forEach((piece, i) => {
    let words = cached[i];
    if (!words) remember(piece, (words = instance().cut(piece, false)));
    for (const w of words) out.push(w);
  });
  return out;
}

/**
 * Word ends of whole texts cut once (a translation featurized for pairing), until `primeSegmentation` is
 * asked for the same text (its check): the check stage then cuts none of its sentences again. Offsets,
 * not words: about 2 bytes a word, where the words themselves would cost tens. Bounded, oldest dropped.
 */
const kept = new Map<string, Uint16Array | Uint32Array>();
const MAX_KEPT = 50_000;

/** The kept word ends of `text`, removed: the audit thread sends them with the pair to a check worker. */
export function takeWordEnds(text: string): Uint16Array | Uint32Array | undefined {
  const ends = kept.get(text);
  if (ends) kept.delete(text);
  return ends;
}

/** Keeps word ends of `text` for `primeSegmentation`: cut here, or by pairing on the audit thread (a check worker). */
export function keepWordEnds(text: string, ends: Uint16Array | Uint32Array): void {
  // Ends that do not cover the text exactly (not this text's) are ignored: the check cuts it itself.
  if (ends.length === 0 || ends[ends.length - 1] !== text.length) return;
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value as string);
  kept.set(text, ends);
}

function keep(text: string, words: readonly string[]): void {
  keepWordEnds(text, endsOf(text, words));
}

function endsOf(text: string, words: readonly string[]): Uint16Array | Uint32Array {
  const ends = text.length < 65_536 ? new Uint16Array(words.length) : new Uint32Array(words.length);
  let offset = 0;
  for (let i = 0; i < words.length; i++) {
    offset += (words[i] as string).length;
    ends[i] = offset;
  }
  return ends;
}

/**
 * The word ends of `text` (the offset after each word of `segmentWords(text)`): a check worker that cut a
 * translation's sentences while the audit thread pairs sends them back, so that pairing does not run
 * jieba on the same text again (from the piece cache when the sentences were cut).
 */
export function wordEndsOf(text: string): Uint16Array | Uint32Array {
  return endsOf(text, cutWords(text));
}

/**
 * Puts the pieces (sentences) of a text cut earlier into the piece cache, from its kept word ends, so that
 * segmenting its sentences and the text again costs no jieba call; the kept ends are dropped. Nothing
 * happens for a text not kept, or when a word would straddle two pieces.
 */
export function primeSegmentation(text: string): void {
  const ends = kept.get(text);
  if (!ends) return;
  kept.delete(text);
  primeWordEnds(text, ends);
}

/** `primeSegmentation` from word ends given (a check worker's, for pairing), not from the kept ones. */
export function primeWordEnds(text: string, ends: Uint16Array | Uint32Array): void {
  if (ends.length === 0 || ends[ends.length - 1] !== text.length) return;
  const pieces: Array<[string, string[]]> = [];
  let start = 0;
  let w = 0;
  const cutAt = (end: number): boolean => {
    const words: string[] = [];
    let at = start;
    while (w < ends.length && (ends[w] as number) <= end) {
      words.push(text.slice(at, ends[w] as number));
      at = ends[w] as number;
      w++;
    }
    if (at !== end) return false;
    pieces.push([text.slice(start, end), words]);
    start = end;
    return true;
  };
  for (const m of text.matchAll(PIECE_END)) if (!cutAt(m.index + m[0].length)) return;
  if (start < text.length && !cutAt(text.length)) return;
  for (const [piece, words] of pieces) if (!pieceCache.has(piece)) remember(piece, words);
}

function remember(piece: string, words: readonly string[]): void {
  if (pieceCache.size >= 4096) pieceCache.clear();
  pieceCache.set(piece, words);
}

// Words of recently cut pieces; cleared when the dictionary changes, bounded for long corpus runs.
const pieceCache = new Map<string, readonly string[]>();
