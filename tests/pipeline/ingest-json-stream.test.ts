// Large JSON arrays are parsed as a stream (stream-json): the blocks, their lines and the notes are those
// of the whole-file reader, and invalid JSON keeps the records read before it with a note.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/pipeline/ingest.js';
import { readJsonArrayStream } from '../../src/pipeline/ingest/records.js';

const dir = mkdtempSync(join(tmpdir(), 'transcheck-json-stream-'));

const strip = (f: Awaited<ReturnType<typeof ingestFile>>) => ({ layout: f.layout, blocks: f.blocks, notes: f.notes.filter((n) => !n.startsWith('read as a stream')) });

async function* pieces(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

describe('streamed JSON arrays', () => {
  it('reads an array as the whole-file reader does: same blocks, lines and notes', async () => {
    const content = `\uFEFF[\n  {"id": "1", "en": "Brackets ] and [ braces } in \\"quotes\\".", "zh": "括号］和引号。"},\n  42,\n\n  {"id": "2",\n   "abstract": "Line\\nbreak inside.", "title": "T"},\n  {"id": "3", "zh": "只有中文。"}\n]\n`;
    const path = join(dir, 'a.json');
    writeFileSync(path, content);
    const [whole, streamed] = await Promise.all([ingestFile(path, 0), ingestFile(path, 0, { streamAbove: 0 })]);
    expect(streamed.notes.some((n) => n.startsWith('read as a stream'))).toBe(true);
    expect(strip(streamed)).toEqual(strip(whole));
    expect(streamed.blocks.map((b) => b.lines[0])).toEqual([2, 2, 5, 7]);
    expect(streamed.notes.some((n) => n.includes('line 3: element 2 skipped, not a JSON object'))).toBe(true);
  });

  it('locates elements whatever the chunk boundaries', async () => {
    const text = `[${Array.from({ length: 50 }, (_, i) => `\n{"id": "${i}", "en": "Text ${i} with \\\\ and \\" and [${i}]."}`).join(',')}\n]`;
    for (const size of [1, 7, 64, 1 << 16]) {
      const r = await readJsonArrayStream(pieces(text, size));
      expect(r.blocks).toHaveLength(50);
      expect(r.blocks.map((b) => b.lines[0])).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
      expect(r.blocks[49]?.raw).toBe('Text 49 with \\ and " and [49].');
    }
  });

  it('keeps the records before invalid JSON and says where it stopped', async () => {
    const r = await readJsonArrayStream(pieces('[\n{"en": "One."},\n{"en": "Two."},\n{"en": oops}\n]', 5));
    expect(r.blocks.map((b) => b.raw)).toEqual(['One.', 'Two.']);
    expect(r.notes.join('\n')).toMatch(/line 4: the JSON array could not be read past element 2/);
  });
});
