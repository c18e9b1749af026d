// Section pages (blog posts mirroring arXiv): `##### Abstract` then `##### Abstract (translated by Google)`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestBytes } from '../../src/pipeline/ingest.js';
import { identifyBlocks } from '../../src/pipeline/identify.js';
import { pairTranslations } from '../../src/pipeline/pair.js';

const bytes = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'ingest', 'section-post.md'));

describe('section pages', () => {
  const file = ingestBytes('post.md', bytes, 0);

  it('reads the abstract and its translation, attached, with the title and the arXiv id', () => {
    expect(file.layout).toBe('section-page');
    const [en, zh, second] = file.blocks;
    expect(en).toMatchObject({ claimed: 'original', title: 'Learning to Align Sentences with Dictionaries', recordId: '1803.01234', lines: [12, 12] });
    expect(zh).toMatchObject({ claimed: 'translation', attachedTo: en?.id, recordId: '1803.01234', lines: [15, 15] });
    expect(second).toMatchObject({ claimed: 'original', title: 'A Second Paper on the Same Page' });
    expect(second?.recordId).toBeUndefined();
    expect(file.blocks).toHaveLength(3);
  });

  it('lists what it does not audit and notes a translation heading with nothing under it', () => {
    expect(file.dropped.map((d) => d.reason)).toEqual([
      'page text before the first heading',
      'section `URL` is not a text to audit',
      'section `PDF` is not a text to audit',
    ]);
    expect(file.notes.join(' ')).toMatch(/line 28: heading `Abstract \(translated by Google\)` with no text under it \(the page announces a translation it does not show\)/);
  });

  it('pairs the translation with its attached original', () => {
    const blocks = identifyBlocks(file.blocks);
    const pairs = pairTranslations(blocks.filter((b) => b.role === 'translation'), blocks.filter((b) => b.role === 'original'));
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ status: 'paired', original: { recordId: '1803.01234' } });
  });
});
