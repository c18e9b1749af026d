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

const WHITE_SPACE = /\s/;

/**
 * Parses raw CC-CEDICT text (`Traditional Simplified [pin1 yin1] /gloss/gloss/` a line, `#` comments).
 * Entries sharing a simplified headword are merged; malformed lines are skipped.
 */
export function parseCedict(text: string): Cedict {
  const map = new Map<string, string[]>();
  let maxWordLength = 0;
  let pos = 0;
  // Scanned in place (no line strings, no regex or split per line): 125,000 lines at every audit's
  // start; the result is the same as `line.slice(slash + 1).replace(/\/\s*\r?$/, '').split('/')` with
  // empty glosses dropped.
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const start = pos;
    pos = end + 1;
    if (start === end || text.charCodeAt(start) === 35 /* # */) continue;
    const sp1 = text.indexOf(' ', start);
    const sp2 = sp1 < 0 || sp1 >= end ? -1 : text.indexOf(' ', sp1 + 1);
    const slash = sp2 < 0 || sp2 >= end ? -1 : text.indexOf('/', sp2);
    if (slash < 0 || slash >= end) continue;
    const simplified = text.slice(sp1 + 1, sp2);
    // Drop a final `/` followed only by white space.
    let last = end;
    while (last > slash + 1 && WHITE_SPACE.test(text[last - 1]!)) last--;
    const glossEnd = text.charCodeAt(last - 1) === 47 /* / */ && last - 1 >= slash + 1 ? last - 1 : end;
    const glosses: string[] = [];
    for (let g = slash + 1; g <= glossEnd; ) {
      let next = text.indexOf('/', g);
      if (next < 0 || next > glossEnd) next = glossEnd;
      if (next > g) glosses.push(text.slice(g, next));
      g = next + 1;
    }
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
