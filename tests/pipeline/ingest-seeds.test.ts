// The seed pages through ingest and identify: layouts, roles, titles, dropped boilerplate and shared blocks.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IdentifiedBlock, Role } from '../../src/core/types.js';
import { findDuplicates, identifyBlocks } from '../../src/pipeline/identify.js';
import { ingestFile } from '../../src/pipeline/ingest.js';

const seeds = join(import.meta.dirname, '..', '..', 'seeds');
const seedFiles = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();

async function load() {
  return Promise.all(
    seedFiles.map(async (name, index) => {
      const ingested = await ingestFile(join(seeds, name), index);
      return { name, ingested, blocks: identifyBlocks(ingested.blocks) };
    }),
  );
}

function roles(blocks: readonly IdentifiedBlock[]): Partial<Record<Role, number>> {
  const out: Partial<Record<Role, number>> = {};
  for (const b of blocks) out[b.role] = (out[b.role] ?? 0) + 1;
  return out;
}

describe('seeds', async () => {
  const files = await load();
  const byPrefix = (prefix: string) => {
    const found = files.find((f) => f.name.startsWith(prefix));
    if (!found) throw new Error(`seed ${prefix} missing`);
    return found;
  };

  it('has the five seed pages', () => {
    expect(files.map((f) => f.name.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
  });

  it.each([
    ['000', 'marker-page', { translation: 1, untranslated: 9 }],
    ['001', 'marker-page', { translation: 1, untranslated: 9 }],
    ['002', 'english-list', { original: 11 }],
    ['003', 'marker-page', { translation: 3, untranslated: 7 }],
    ['004', 'title-abstract-page', { original: 226 }],
  ] as const)('%s is a %s with roles %o', (prefix, layout, expected) => {
    const { ingested, blocks } = byPrefix(prefix);
    expect(ingested.layout).toBe(layout);
    expect(ingested.encoding).toBe('utf-8');
    expect(roles(blocks)).toEqual(expected);
  });

  it('marks Chinese translations simplified and English blocks without script', () => {
    for (const { blocks } of files) {
      for (const b of blocks) expect([b.language, b.script]).toEqual(b.role === 'translation' ? ['zh', 'simplified'] : ['en', 'none']);
    }
  });

  it('004: every abstract has its title, the two boilerplate lines and the glued label are dropped', () => {
    const { ingested, blocks } = byPrefix('004');
    expect(blocks.every((b) => b.title !== undefined && b.lines[1] === b.lines[0] + 1)).toBe(true);
    expect(blocks[0]?.title?.startsWith('Graph-Based Multilingual Label Propagation')).toBe(true);
    expect(blocks[0]?.lines).toEqual([3, 4]);
    expect(blocks.at(-1)?.lines).toEqual([453, 454]);
    const wholeLines = ingested.dropped.filter((d) => d.reason.includes('short line'));
    expect(wholeLines.map((d) => d.lines)).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(wholeLines.every((d) => d.text.startsWith('Get trending papers in your email inbox'))).toBe(true);
    expect(ingested.dropped.find((d) => d.lines[0] === 3)?.text).toBe('Subscribe');
  });

  it('000 and 001 share nine English blocks, found as duplicates', () => {
    const duplicates = findDuplicates(files.map((f) => ({ file: f.ingested.file, blocks: f.blocks })));
    const shared = byPrefix('000').blocks.filter((b) => duplicates.has(b.id));
    expect(shared).toHaveLength(9);
    expect(shared.every((b) => b.role === 'untranslated')).toBe(true);
    for (const b of shared) {
      const others = duplicates.get(b.id) ?? [];
      expect(others.some((o) => o.file.endsWith(seedFiles[1] as string) && o.lines[0] === b.lines[0])).toBe(true);
    }
  });
});
