// `index build` reads a large record file record by record: the index it builds from batches is the one
// built from the whole file, and the stream reader hands whole records to its sink, never holding them all.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildIndexData } from '../../src/pipeline/index-store-build.js';
import { readRecordsStream } from '../../src/pipeline/ingest/records.js';
import type { BlockDraft } from '../../src/pipeline/ingest/draft.js';
import { pairingRecords } from '../fixtures/pairing/records.js';

const records = pairingRecords();

/** 1,100 records (2,200 drafts: more than one batch), each original distinct by a suffix. */
function bigJsonl(): string {
  const lines: string[] = [];
  for (let i = 0; i < 1100; i++) {
    const r = records[i % records.length]!;
    lines.push(JSON.stringify({ id: `r${i}`, en: `${r.en} Variant ${i} of the study.`, zh: r.zh }));
  }
  return `${lines.join('\n')}\n`;
}

describe('index build, record by record', () => {
  it('the stream reader gives whole records in batches, attachments re-based to the batch', async () => {
    const text = bigJsonl();
    const batches: BlockDraft[][] = [];
    const result = await readRecordsStream(Readable.from(text.split('\n').filter((l) => l !== '')), 'jsonl', (b) => {
      batches.push(b);
    });
    expect(result?.blocks).toEqual([]);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.reduce((n, b) => n + b.length, 0)).toBe(2200);
    for (const batch of batches) {
      for (const [i, d] of batch.entries()) {
        if (d.attachedTo === undefined) continue;
        const partner = batch[d.attachedTo] as BlockDraft;
        expect(partner.attachedTo).toBe(i);
        expect(partner.lines).toEqual(d.lines);
      }
    }
  });

  it('builds the same index from batches as from the whole file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'transcheck-index-build-'));
    writeFileSync(join(dir, 'pool.jsonl'), bigJsonl());
    const run = async (streamAbove: number) => {
      const originals: string[] = [];
      const built = await buildIndexData(['pool.jsonl'], { cwd: dir, streamAbove, onOriginal: (b, doc) => originals.push(`${doc} ${b.id} ${b.text.length}`) });
      return { built, originals };
    };
    const whole = await run(1 << 30);
    const streamed = await run(1);
    expect(whole.built.errors).toEqual([]);
    expect(streamed.built.errors).toEqual([]);
    expect(streamed.built.data.size).toBe(1100);
    expect(streamed.originals).toEqual(whole.originals);
    expect(streamed.built.hashes).toEqual(whole.built.hashes);
    // Every array and table of the index (its accessor functions are closures of each build).
    for (const key of Object.keys(whole.built.data) as Array<keyof typeof whole.built.data>) {
      if (typeof whole.built.data[key] === 'function') continue;
      expect(streamed.built.data[key], key).toEqual(whole.built.data[key]);
    }
  });
});
