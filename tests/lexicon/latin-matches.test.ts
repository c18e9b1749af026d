// The hand-written Latin-token scanner (forEachLatinMatch) against the regular expression it replaced:
// the same matches, in the same order, on random strings over the characters that matter and on real text.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachLatinMatch, latinAnchors } from '../../src/lexicon/similarity.js';

const PATTERN = /https?:\/\/[^\s\p{Script=Han}，。；）)]+|[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*|\d+(?:[.,]\d+)*/gu;

const byPattern = (text: string) => [...text.normalize('NFKC').matchAll(PATTERN)].map((m) => m[0]);
const byScanner = (text: string) => {
  const out: string[] = [];
  forEachLatinMatch(text, (raw) => out.push(raw));
  return out;
};

// A tiny deterministic generator (the test must not depend on Math.random).
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  'a', 'Z', 'x9', '0', '7', '.', ',', '-', '_', ':', '/', '//', 'http', 'https', 'http://', 'https://', 'h', 's',
  ' ', '\t', '\n', '\u00a0', '\u3000', '\u2009', '模', '型', '𠀀', '，', '。', '；', '）', ')', '(', '（', 'ｈｔｔｐ', '１２', 'ﬁ',
  'é', '\ud800', '%', 'CNNs', 'ResNet-50', 'v1.2.3', '1,024', 'e.g.', 'URL', '\u200b',
];

describe('forEachLatinMatch', () => {
  it('finds what the pattern finds on 20,000 random strings', () => {
    const random = rng(12);
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      const n = 1 + Math.floor(random() * 12);
      for (let i = 0; i < n; i++) text += PIECES[Math.floor(random() * PIECES.length)];
      expect(byScanner(text), JSON.stringify(text)).toEqual(byPattern(text));
    }
  });

  it('finds what the pattern finds on real abstracts, English and Chinese', () => {
    const root = join(import.meta.dirname, '..', '..');
    const files = [
      ...readdirSync(join(root, 'seeds')).map((f) => join(root, 'seeds', f)),
      join(root, 'tests', 'fixtures', 'pairing', 'arxiv-pairs.jsonl'),
    ];
    let lines = 0;
    for (const file of files) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        expect(byScanner(line)).toEqual(byPattern(line));
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(100);
  });

  it('keeps URLs whole up to a Han character, a full stop or a closing bracket', () => {
    expect(byScanner('代码见https://github.com/a/b。以及http://x.org）和https:// 空')).toEqual(['https://github.com/a/b', 'http://x.org', 'https']);
    expect(latinAnchors('ResNet-50 在 ImageNet 上达到 95.5%')).toEqual(['resnet-50', 'resnet', '50', 'imagenet', '95.5']);
  });
});
