// The registry of checks, sorted by id. Each id equals its file name, docs page and test file.
import type { AnyCheck } from '../core/check.js';
import acronyms from './acronyms.js';
import addition from './addition.js';
import brackets from './brackets.js';
import duplicate from './duplicate.js';
import encoding from './encoding.js';
import glossary from './glossary.js';
import latex from './latex.js';
import lengthRatio from './length-ratio.js';
import mismatchedPair from './mismatched-pair.js';
import numbers from './numbers.js';
import omission from './omission.js';
import punctuation from './punctuation.js';
import repetition from './repetition.js';
import script from './script.js';
import spacing from './spacing.js';
import termConsistency from './term-consistency.js';
import truncated from './truncated.js';
import untranslated from './untranslated.js';
import untranslatedSpan from './untranslated-span.js';
import urls from './urls.js';

/** Every built-in check, sorted by id. */
export const checks: readonly AnyCheck[] = [
  acronyms,
  addition,
  brackets,
  duplicate,
  encoding,
  glossary,
  latex,
  lengthRatio,
  mismatchedPair,
  numbers,
  omission,
  punctuation,
  repetition,
  script,
  spacing,
  termConsistency,
  truncated,
  untranslated,
  untranslatedSpan,
  urls,
];
