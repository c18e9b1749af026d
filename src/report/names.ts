// Report file names: one per input, unique even when inputs share a base name.
import { basename, extname } from 'node:path';
import type { Layout } from '../core/types.js';

function sanitize(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^_+|_+$/g, '') || 'input';
}

/**
 * Maps each input path to a report base name (no extension): the file name without its extension,
 * or, where two inputs would collide, more of the path. `-` (stdin) becomes `stdin`.
 */
export function reportNames(files: readonly string[]): Map<string, string> {
  const base = (f: string) => (f === '-' ? 'stdin' : sanitize(basename(f, extname(f))));
  const counts = new Map<string, number>();
  for (const f of files) counts.set(base(f), (counts.get(base(f)) ?? 0) + 1);
  const names = new Map<string, string>();
  const used = new Set<string>(['index']);
  for (const f of files) {
    let name = base(f);
    if ((counts.get(name) ?? 0) > 1 || used.has(name)) name = sanitize(f.replace(/^\.?\/+/, '').replace(/[\\/]+/g, '__'));
    let unique = name;
    for (let i = 2; used.has(unique); i++) unique = `${name}-${i}`;
    used.add(unique);
    names.set(f, unique);
  }
  return names;
}

/** A human description of a layout for report headers. */
export function describeLayout(layout: Layout): string {
  switch (layout) {
    case 'marker-page':
      return 'Page with translation markers';
    case 'english-list':
      return 'English abstracts, one a line';
    case 'title-abstract-page':
      return 'Page of titles and abstracts';
    case 'section-page':
      return 'Page of headed sections (abstract, then its translation)';
    case 'jsonl':
      return 'JSONL records';
    case 'csv':
      return 'CSV records';
    case 'tsv':
      return 'TSV records';
    case 'paragraphs':
      return 'Unrecognized layout, read as paragraphs';
  }
}
