// CC-CEDICT (bundled, CC BY-SA 4.0, see NOTICE): parses the gzipped raw dictionary into a Map from
// simplified headword to English glosses, once, on first use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { packageRoot } from '../config/package-root.js';

/** The Chinese→English dictionary, keyed by simplified headword. */
export interface Cedict {
  /** Glosses of a simplified headword (all entries merged, in file order), or undefined. */
  lookup(simplified: string): readonly string[] | undefined;
  /** Number of distinct simplified headwords. */
  readonly size: number;
  /** Length of the longest headword, in UTF-16 code units. */
  readonly maxWordLength: number;
  /** Every headword's glosses (one list per simplified headword). */
  allGlosses(): IterableIterator<readonly string[]>;
}

/** Path of the bundled dictionary file. */
export function cedictPath(): string {
  return join(packageRoot(), 'src', 'lexicon', 'data', 'cedict_ts.u8.gz');
}

/**
 * Parses raw CC-CEDICT text (`Traditional Simplified [pin1 yin1] /gloss/gloss/` a line, `#` comments).
 * Entries sharing a simplified headword are merged; malformed lines are skipped.
 */
export function parseCedict(text: string): Cedict {
  const map = new Map<string, string[]>();
  let maxWordLength = 0;
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.charCodeAt(pos) === 35 /* # */ ? '' : text.slice(pos, end);
    pos = end + 1;
    if (line === '') continue;
    const sp1 = line.indexOf(' ');
    const sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    const slash = line.indexOf('/', sp2);
    if (sp2 < 0 || slash < 0) continue;
    const simplified = line.slice(sp1 + 1, sp2);
    const glosses = line
      .slice(slash + 1)
      .replace(/\/\s*\r?$/, '')
      .split('/')
      .filter((g) => g !== '');
    if (glosses.length === 0) continue;
    const existing = map.get(simplified);
    if (existing) existing.push(...glosses);
    else {
      map.set(simplified, glosses);
      if (simplified.length > maxWordLength) maxWordLength = simplified.length;
    }
  }
  return {
    lookup: (simplified) => map.get(simplified),
    get size() {
      return map.size;
    },
    maxWordLength,
    allGlosses: () => map.values(),
  };
}

let instance: Cedict | undefined;

/** The bundled CC-CEDICT, loaded and parsed on first call (about 0.3 s), then shared. */
export function getCedict(): Cedict {
  instance ??= parseCedict(gunzipSync(readFileSync(cedictPath())).toString('utf8'));
  return instance;
}
