// Whether a "translation" is not a translation at all: shared by the `untranslated` check and by
// `untranslated-span`, which stays silent on what `untranslated` reports whole.
import type { CheckInput } from '../core/check.js';
import { codePointCounter, countHan } from '../core/text.js';
import { isAscii } from './english.js';
import { englishWordShare } from './english-vocabulary.js';

/** Thresholds of {@link untranslatedReason} (the `untranslated` check's options). */
export interface UntranslatedSettings {
  /** A target whose Han characters are under this share (0-1) of its letters is not Chinese. */
  minHanShare: number;
  /** …provided it has at least this many letters (shorter texts are names or codes, not sentences). */
  minLetters: number;
}

/** The `untranslated` check's defaults. */
export const UNTRANSLATED_DEFAULTS: UntranslatedSettings = { minHanShare: 0.2, minLetters: 20 };

// Handles, hashtags, URLs, e-mails and bare domain names (visit example.org) are not language: a post
// that is only these is not untranslated, and a translation that keeps a gallery's site name is not English.
const NOT_LANGUAGE =
  /https?:\/\/\S+|www\.\S+|\S+@\S+\.\w+|[@#][\p{L}\p{N}_]+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|ai|cn|uk|de|fr|jp|info|co|me|app|dev|tv|us|eu|ly)\b/gu;
// The pattern only runs when the text could hold what it removes (it is a hot path at corpus scale).
const MAYBE_NOT_LANGUAGE = /[:@#]|www\.|\.[a-z]{2,4}\b/;
// Counted, not matched: a match array of every letter of every target was a hot allocation at corpus scale.
const countLetters = codePointCounter(/\p{L}/u);
const letters = (text: string) => countLetters(MAYBE_NOT_LANGUAGE.test(text) ? text.replace(NOT_LANGUAGE, ' ') : text);

// What carries no language: links, e-mails, handles, hashtags, cashtags, markup tags, code in backticks.
const NO_LANGUAGE = /https?:\/\/\S+|www\.\S+|\S+@\S+\.\w+|[@#$][\p{L}\p{N}_]+|<\/?[A-Za-z][^<>]*>|`[^`]*`/gu;

/**
 * True when a text holds nothing to translate: only handles, hashtags, cashtags, URLs, e-mails, markup,
 * code, numbers, punctuation, symbols and emoji, plus at most names and words that are not common
 * English words (Cohren, lfg, noooooo). Han characters or a common English word mean there is
 * something to translate.
 */
export function nothingToTranslate(text: string): boolean {
  if (countHan(text) > 0) return false;
  const rest = text.replace(NO_LANGUAGE, ' ');
  if (!/\p{L}/u.test(rest)) return true;
  // Names alone (Cohren, Nyssi) are often kept in Latin letters: copying them leaves nothing untranslated.
  return englishWordShare(rest).known === 0;
}

const squash = (text: string) => text.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();

/**
 * True when an ASCII source cannot equal a target with Han characters once both are squashed: NFKC maps
 * no ASCII to Han and keeps Han as Han. Spares the normalization of both texts of nearly every pair.
 */
function differsFromAscii(source: string, targetHan: number): boolean {
  return targetHan > 0 && isAscii(source);
}

/**
 * Why a target is not a translation at all, or null when it is one: `claimedEnglish` (pairing gave
 * the block the role `untranslated`), `sameAsSource`, or `noChinese` (Han share, 0-1, under
 * `minHanShare`). Exported so that `untranslated-span` stays silent on what this check reports whole.
 */
export function untranslatedReason(
  input: Pick<CheckInput, 'source' | 'target' | 'pair'>,
  settings: UntranslatedSettings = UNTRANSLATED_DEFAULTS,
): { messageId: 'claimedEnglish' | 'sameAsSource' | 'noChinese'; share?: number } | null {
  // Nothing to translate, copied as it is: not a missing translation (the verdict says `nothing-to-translate`).
  if (nothingToTranslate(input.target) && (input.source === null || nothingToTranslate(input.source))) return null;
  if (input.pair?.translation.role === 'untranslated') return { messageId: 'claimedEnglish' };
  const letterCount = letters(input.target);
  if (letterCount < settings.minLetters) return null;
  const han = countHan(input.target);
  if (input.source !== null && !differsFromAscii(input.source, han) && squash(input.source) === squash(input.target)) return { messageId: 'sameAsSource' };
  const share = han / letterCount;
  return share < settings.minHanShare ? { messageId: 'noChinese', share } : null;
}

