// Integrity of the annotated set (bench/annotated/dev-annotations.jsonl): the labels follow the
// guide's rule and every span is consistent; against the corpus itself when it is present.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countEnglishWords } from '../../src/core/text.js';
import { ANNOTATIONS_FILE, type AnnotatedPair, readDevLines, SELECTION_FILE, textHash } from '../../bench/annotated/dataset.js';
import { needsRevision } from '../../bench/annotated/rule.js';

const pairs = readFileSync(ANNOTATIONS_FILE, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AnnotatedPair);
const selection = JSON.parse(readFileSync(SELECTION_FILE, 'utf8')) as { seed: number; pairs: Array<{ line: number; id: string }> };
const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora', 'arxiv-gt-zh', 'dev.jsonl');

describe('annotated set', () => {
  it('is a prefix of the seeded selection, at least 150 pairs, each once', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(150);
    expect(pairs.map((p) => p.line)).toEqual(selection.pairs.slice(0, pairs.length).map((p) => p.line));
  });

  it('gives every error a span whose length matches its text, and a known severity', () => {
    for (const p of pairs) {
      for (const e of p.errors) {
        expect(e.zh !== null || e.en !== null).toBe(true);
        if (e.zh) expect(e.zh[1] - e.zh[0]).toBe(e.zhText.length);
        if (e.en) expect(e.en[1] - e.en[0]).toBe(e.enText.length);
        expect(['minor', 'major', 'critical']).toContain(e.severity);
      }
    }
  });

  it.skipIf(!existsSync(corpus))('matches the corpus: hashes, span texts, and the needs-revision rule', () => {
    const lines = readDevLines(corpus);
    for (const p of pairs) {
      const r = JSON.parse(lines[p.line - 1]!) as { id: string; en: string; zh: string };
      expect(r.id).toBe(p.id);
      expect(textHash(r.en)).toBe(p.enHash);
      expect(textHash(r.zh)).toBe(p.zhHash);
      for (const e of p.errors) {
        if (e.zh) expect(r.zh.slice(e.zh[0], e.zh[1])).toBe(e.zhText);
        if (e.en) expect(r.en.slice(e.en[0], e.en[1])).toBe(e.enText);
      }
      if (p.override === undefined) expect(p.needsRevision).toBe(needsRevision(p.errors, countEnglishWords(r.en)));
    }
  });
});
