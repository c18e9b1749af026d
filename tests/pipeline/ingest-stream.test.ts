// Large record files are streamed line by line: the blocks, notes and attachments are those of the
// whole-file readers, and CSV records may span lines inside quoted fields.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/pipeline/ingest.js';

const dir = mkdtempSync(join(tmpdir(), 'transcheck-stream-'));

function both(name: string, content: string) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return Promise.all([ingestFile(path, 0), ingestFile(path, 0, { streamAbove: 0 })]);
}

const strip = (f: Awaited<ReturnType<typeof ingestFile>>) => ({ layout: f.layout, blocks: f.blocks, notes: f.notes.filter((n) => !n.startsWith('read as a stream')) });

describe('streamed record files', () => {
  it('reads JSONL as the whole-file reader does, bad lines skipped with a note', async () => {
    const content = [
      '\uFEFF{"id": "1", "en": "An English abstract.", "zh": "一个中文摘要。"}',
      '{"id": "2", "zh": "只有中文。"}',
      'not json',
      '',
      '{"id": "3", "abstract": "Only English here."}',
    ].join('\n');
    const [whole, streamed] = await both('a.jsonl', content);
    expect(streamed.notes.some((n) => n.startsWith('read as a stream'))).toBe(true);
    expect(strip(streamed)).toEqual(strip(whole));
    expect(streamed.blocks).toHaveLength(4);
    expect(streamed.blocks[1]?.attachedTo).toBe(streamed.blocks[0]?.id);
    expect(streamed.notes.some((n) => n.includes('line 3: record skipped, invalid JSON'))).toBe(true);
  });

  it('reads CSV with quoted fields spanning lines as the whole-file reader does', async () => {
    const content = 'id,en,zh\n1,"First line.\nSecond, quoted ""line"".",第一行。\n2,Plain text.,"中文，带逗号。"\n3,too,many,columns\n';
    const [whole, streamed] = await both('b.csv', content);
    expect(strip(streamed)).toEqual(strip(whole));
    expect(streamed.blocks[0]?.text).toBe('First line.\nSecond, quoted "line".');
    expect(streamed.blocks[0]?.lines).toEqual([2, 3]);
  });

  it('reads TSV and names a header without known columns as an error', async () => {
    const [whole, streamed] = await both('c.tsv', 'en\tzh\nHello world.\t你好世界。\n');
    expect(strip(streamed)).toEqual(strip(whole));
    const path = join(dir, 'd.csv');
    writeFileSync(path, 'foo,bar\n1,2\n');
    await expect(ingestFile(path, 0, { streamAbove: 0 })).rejects.toThrow(/d\.csv/);
  });
});
