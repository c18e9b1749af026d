// Mapping a block's normalized-text edits into the file's text: JSON strings, CSV fields, page lines.
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/fix.js';
import type { Block } from '../../src/core/types.js';
import { restoreLineEnds } from '../../src/pipeline/fix/encode.js';
import { csvField, locateBlocks, mapEdits, type Slot } from '../../src/pipeline/fix/locate.js';

function block(raw: string, lines: [number, number], claimed: Block['claimed'] = 'translation'): Block {
  return { id: '0:0', file: 'f', lines, raw, text: raw.normalize('NFC').trim(), claimed };
}

/** Applies `edits` (on the block's normalized text) to the file through locate + map. */
function edit(file: string, layout: Parameters<typeof locateBlocks>[1], name: string, b: Block, edits: Array<{ range: [number, number]; text: string }>): string {
  const slot = locateBlocks(file, layout, name, [b]).get(b.id) as Slot;
  expect(slot).toHaveProperty('start');
  const mapped = mapEdits(file, b, slot, edits);
  if (!mapped.ok) throw new Error(mapped.reason);
  return applyEdits(file, mapped.edits).text;
}

describe('mapEdits', () => {
  it('JSON: escapes (\\uXXXX, surrogate pairs, \\") map to whole code units; inserted text is escaped', () => {
    const file = '{"zh":"  \\ud83d\\ude00\\"引\\u53f7\\",好"}\n';
    const b = block(JSON.parse(file.trim()).zh as string, [1, 1]);
    // text: 😀"引号",好 — replace the ASCII comma (offset 6) with a quote and a full-width comma.
    expect(b.text.indexOf(',')).toBe(6);
    expect(edit(file, 'jsonl', 'f.jsonl', b, [{ range: [6, 7], text: '"，' }])).toBe('{"zh":"  \\ud83d\\ude00\\"引\\u53f7\\"\\"，好"}\n');
  });

  it('CSV: a plain field becomes quoted when a fix puts a delimiter or quote into it', () => {
    const file = 'en,zh\nHello,你好吗\n';
    const b = block('你好吗', [2, 2]);
    expect(edit(file, 'csv', 'f.csv', b, [{ range: [2, 2], text: ',"' }])).toBe('en,zh\nHello,"你好,""吗"\n');
    expect(csvField('a\tb', '\t')).toBe('"a\tb"');
    expect(csvField('ab', ',')).toBe('ab');
  });

  it('CSV: a quoted field spanning lines keeps its doubled quotes', () => {
    const file = 'id,zh\n1,"第一行""引""\n第二行,好"\n';
    const b = block('第一行"引"\n第二行,好', [2, 3]);
    expect(edit(file, 'csv', 'f.csv', b, [{ range: [10, 11], text: '，' }])).toBe('id,zh\n1,"第一行""引""\n第二行，好"\n');
  });

  it('pages: the block in its own lines, leading spaces of the raw text counted', () => {
    const file = '标题\n\n  我们的模型,很好。\n其他行,不变。\n';
    const b = block('  我们的模型,很好。', [3, 3]);
    expect(edit(file, 'paragraphs', 'f.txt', b, [{ range: [5, 6], text: '，' }])).toBe('标题\n\n  我们的模型，很好。\n其他行,不变。\n');
  });

  it('refuses text that is not in NFC', () => {
    const b = block('cafe\u0301,好', [1, 1]);
    const slot: Slot = { start: 0, end: b.raw.length, kind: 'plain' };
    expect(mapEdits(b.raw, b, slot, [{ range: [4, 5], text: '，' }])).toMatchObject({ ok: false });
  });

  it('a record not found as read is located with a reason', () => {
    const found = locateBlocks('{"zh":"别的"}\n', 'jsonl', 'f.jsonl', [block('你好', [1, 1])]).get('0:0');
    expect(found).toHaveProperty('reason');
  });
});

describe('restoreLineEnds', () => {
  it('puts each line end back, CRLF and LF mixed', () => {
    expect(restoreLineEnds('a\r\nb\nc\r\n', 'A\nb\nC\n')).toBe('A\r\nb\nC\r\n');
    expect(restoreLineEnds('a\rb', 'A\nb')).toBe('A\rb');
  });
});
