// Tests of ingest layouts: marker pages, lists, title pages, records (JSONL, JSON, CSV, TSV) and the paragraph fallback.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKERS, ingestBytes } from '../../src/pipeline/ingest.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'ingest');
const utf8 = (text: string) => new TextEncoder().encode(text);
const ingestText = (text: string, name = 'page.txt', markers?: readonly string[]) =>
  ingestBytes(name, utf8(text), 3, markers ? { markers } : {});
const ingestFixture = (name: string) => ingestBytes(name, readFileSync(join(fixtures, name)), 0);

// Abstract-length English and Chinese lines (the layouts tell abstracts from titles by length).
const EN = (topic: string) =>
  `We study ${topic} in detail. Our method learns compact representations from unlabeled data and transfers them to new tasks. ` +
  'Experiments on five benchmarks show consistent gains over strong baselines, and an ablation study explains where the gains come from. ' +
  'The code and the trained models are released to support further research on this problem.';
const ZH = '我们详细研究了这一问题。我们的方法从无标签数据中学习紧凑的表示，并将其迁移到新任务中。在五个基准上的实验表明，该方法相对于强基线取得了一致的提升。';

describe('marker pages', () => {
  it('claims the block before each marker as a translation, with its lines', () => {
    const file = ingestText([ZH, 'translated by 谷歌翻译', EN('graphs'), 'translated by 谷歌翻译'].join('\n'));
    expect(file.layout).toBe('marker-page');
    expect(file.blocks.map((b) => [b.id, b.lines, b.claimed])).toEqual([
      ['3:0', [1, 1], 'translation'],
      ['3:1', [3, 3], 'translation'],
    ]);
    expect(file.blocks[0]?.text).toBe(ZH);
    expect(file.notes).toEqual([]);
  });

  it('keeps a block spanning several lines (blank lines inside) until its marker', () => {
    const file = ingestText(['', 'First line of the block.', '', 'Second line.', 'Translated by Google', ''].join('\n'));
    expect(file.blocks).toHaveLength(1);
    expect(file.blocks[0]?.lines).toEqual([2, 4]);
    expect(file.blocks[0]?.text).toBe('First line of the block.\n\nSecond line.');
  });

  it('notes a marker with no block, and text after the last marker', () => {
    const file = ingestText(['机器翻译', ZH, '(translated by Google)', EN('tails')].join('\n'));
    expect(file.blocks.map((b) => b.claimed)).toEqual(['translation', 'unknown']);
    expect(file.notes.join('\n')).toMatch(/line 1: translation marker `机器翻译` with no text before it/);
    expect(file.notes.join('\n')).toMatch(/lines 4–4: text after the last marker/);
  });

  it('accepts a configurable marker list', () => {
    const text = [ZH, '[MT output]', EN('custom markers'), '[MT output]'].join('\n');
    expect(ingestText(text, 'p.txt', ['MT output']).blocks.map((b) => b.claimed)).toEqual(['translation', 'translation']);
    // Without that marker the same page is a one-text-a-line list.
    expect(ingestText(text).layout).not.toBe('marker-page');
    expect(DEFAULT_MARKERS).toContain('translated by 谷歌翻译');
    expect(DEFAULT_MARKERS).toContain('由谷歌翻译');
  });
});

describe('one-text-a-line lists', () => {
  it('reads each long English line as a claimed original', () => {
    const file = ingestText([EN('graphs'), EN('speech'), EN('vision')].join('\n'));
    expect(file.layout).toBe('english-list');
    expect(file.blocks.map((b) => [b.lines, b.claimed])).toEqual([
      [[1, 1], 'original'],
      [[2, 2], 'original'],
      [[3, 3], 'original'],
    ]);
  });

  it('keeps a short one-sentence abstract in a list', () => {
    const short = 'This paper has been removed from arXiv as the submitter did not have ownership of the data.';
    const file = ingestText([EN('graphs'), short, EN('vision')].join('\n'));
    expect(file.blocks.map((b) => b.text)).toEqual([EN('graphs'), short, EN('vision')]);
    expect(file.dropped).toEqual([]);
  });

  it('does not claim Chinese lines as originals', () => {
    const file = ingestText([ZH, ZH.replace('五', '六')].join('\n'));
    expect(file.layout).toBe('english-list');
    expect(file.blocks.map((b) => b.claimed)).toEqual(['unknown', 'unknown']);
  });
});

describe('title-then-abstract pages', () => {
  const page = [
    'Sign up for our weekly digest!',
    'Never miss a paper!',
    'SubscribeRobust Graph Learning under Noise',
    EN('robust graphs'),
    'uDistil-Whisper: Label-Free Data Filtering',
    EN('distillation'),
    'What Was Missing? Revisiting Label Smoothing',
    EN('label smoothing'),
    'Load more',
  ].join('\n');

  it('sets titles, covers title and abstract lines, and drops boilerplate with reasons', () => {
    const file = ingestText(page);
    expect(file.layout).toBe('title-abstract-page');
    expect(file.blocks.map((b) => [b.lines, b.title, b.claimed])).toEqual([
      [[3, 4], 'Robust Graph Learning under Noise', 'original'],
      [[5, 6], 'uDistil-Whisper: Label-Free Data Filtering', 'original'],
      [[7, 8], 'What Was Missing? Revisiting Label Smoothing', 'original'],
    ]);
    expect(file.dropped.map((d) => [d.lines, d.text])).toEqual([
      [[1, 1], 'Sign up for our weekly digest!'],
      [[2, 2], 'Never miss a paper!'],
      [[3, 3], 'Subscribe'],
      [[9, 9], 'Load more'],
    ]);
    expect(file.dropped.every((d) => d.reason.startsWith('page boilerplate'))).toBe(true);
  });

  it('accepts titles starting with LaTeX or quotes, and a one-sentence abstract', () => {
    const file = ingestText(
      [
        '$\\ell_p$-Box ADMM: A Versatile Framework',
        EN('integer programs'),
        'The Yahoo Query Treebank, V. 1.0',
        'A description and annotation guidelines for the Yahoo Webscope release of Query Treebank, Version 1.0, May 2016.',
        "`Who would have thought of that!': Sarcasm Detection",
        EN('sarcasm'),
      ].join('\n'),
    );
    expect(file.layout).toBe('title-abstract-page');
    expect(file.blocks.map((b) => [b.lines, b.title?.slice(0, 12)])).toEqual([
      [[1, 2], '$\\ell_p$-Box'],
      [[3, 4], 'The Yahoo Qu'],
      [[5, 6], "`Who would h"],
    ]);
    expect(file.dropped).toEqual([]);
  });

  it('leaves a camel-case title alone when no boilerplate precedes it', () => {
    const file = ingestText(['SearchFormer: Ranking with Transformers', EN('ranking'), 'CoverBench: Claim Verification', EN('claims')].join('\n'));
    expect(file.blocks.map((b) => b.title)).toEqual(['SearchFormer: Ranking with Transformers', 'CoverBench: Claim Verification']);
    expect(file.dropped).toEqual([]);
  });
});

describe('record formats', () => {
  it('JSONL: pairs en and zh of a record, reads either alone, notes bad lines', () => {
    const file = ingestFixture('corpus.jsonl');
    expect(file.layout).toBe('jsonl');
    expect(file.blocks.map((b) => [b.id, b.lines, b.claimed, b.recordId, b.attachedTo ?? null])).toEqual([
      ['0:0', [1, 1], 'original', 'a1', '0:1'],
      ['0:1', [1, 1], 'translation', 'a1', '0:0'],
      ['0:2', [2, 2], 'original', 'a2', null],
      ['0:3', [4, 4], 'translation', 'a4', null],
    ]);
    expect(file.blocks[0]?.title).toBe('Graph Networks');
    expect(file.notes).toHaveLength(3);
    expect(file.notes[0]).toMatch(/^line 3: record skipped, invalid JSON/);
    expect(file.notes[1]).toMatch(/^line 5: record skipped, no text field/);
    expect(file.notes[2]).toMatch(/^line 6: record skipped, not a JSON object/);
  });

  it('JSONL: an arXiv metadata dump gives originals from `abstract`, trimmed, with id and title', () => {
    const file = ingestFixture('arxiv-metadata.jsonl');
    expect(file.blocks.map((b) => [b.recordId, b.claimed, b.title])).toEqual([
      ['0704.0001', 'original', 'Calculation of prompt diphoton production cross sections'],
      ['0704.0002', 'original', 'Sparsity-certifying Graph Decompositions'],
    ]);
    expect(file.blocks[0]?.text.startsWith('A fully differential')).toBe(true);
    expect(file.blocks[0]?.raw.startsWith('  A fully')).toBe(true);
  });

  it('JSONL is recognized by content whatever the file name', () => {
    const file = ingestText('{"source":"An English text.","target":"一段中文。"}\n', 'data.txt');
    expect(file.layout).toBe('jsonl');
    expect(file.blocks.map((b) => b.claimed)).toEqual(['original', 'translation']);
  });

  it('JSON array: records located at the line where each starts', () => {
    const file = ingestFixture('records.json');
    expect(file.layout).toBe('jsonl');
    expect(file.blocks.map((b) => [b.lines, b.claimed, b.recordId])).toEqual([
      [[2, 2], 'original', 'x1'],
      [[2, 2], 'translation', 'x1'],
      [[7, 7], 'original', 'x2'],
    ]);
  });

  it('CSV: RFC 4180 quoting, multi-line quoted fields, wrong column count skipped', () => {
    const file = ingestFixture('pairs.csv');
    expect(file.layout).toBe('csv');
    expect(file.blocks.map((b) => [b.lines, b.claimed, b.recordId, b.title])).toEqual([
      [[2, 2], 'original', '1801.00001', 'First paper'],
      [[2, 2], 'translation', '1801.00001', 'First paper'],
      [[3, 5], 'original', '1801.00002', 'Second'],
      [[3, 5], 'translation', '1801.00002', 'Second'],
      [[7, 7], 'original', '1801.00004', 'Fourth'],
      [[7, 7], 'translation', '1801.00004', 'Fourth'],
    ]);
    expect(file.blocks[0]?.text).toBe('We propose a method, which works.');
    expect(file.blocks[2]?.text).toBe('A model with "quotes"\nacross two lines.');
    expect(file.blocks[3]?.attachedTo).toBe(file.blocks[2]?.id);
    expect(file.blocks[3]?.text).toBe('一个带有"引号"的模型\n跨两行。');
    expect(file.notes).toEqual(['line 6: record skipped, 3 columns where the header has 4']);
  });

  it('TSV: source/target columns; an empty field leaves the other alone', () => {
    const file = ingestFixture('pairs.tsv');
    expect(file.layout).toBe('tsv');
    expect(file.blocks.map((b) => [b.lines, b.claimed, b.attachedTo ?? null])).toEqual([
      [[2, 2], 'original', '0:1'],
      [[2, 2], 'translation', '0:0'],
      [[3, 3], 'original', null],
      [[4, 4], 'translation', null],
    ]);
  });

  it('CSV: an unterminated quote skips only that line', () => {
    const file = ingestText('en,zh\n"broken,中文\nGood English.,好的中文。\n', 'x.csv');
    expect(file.blocks.map((b) => b.text)).toEqual(['Good English.', '好的中文。']);
    expect(file.notes).toEqual(['line 2: record skipped, unterminated quoted field']);
  });

  it('a .csv without a known header is reported as not understood (read as prose it gave bogus findings)', () => {
    expect(() => ingestText('a,b\n1,2\n', 'x.csv')).toThrow(/x\.csv: not understood as CSV: no header row/);
  });

  it('a semicolon-separated CSV is read as records, not as English abstracts', () => {
    const file = ingestText('id;en;zh\n1;Accuracy improves, by far.;准确率大幅提高。\n2;"A; quoted";引用的\n', 'eu.csv');
    expect(file.layout).toBe('csv');
    expect(file.blocks.map((b) => [b.text, b.claimed])).toEqual([
      ['Accuracy improves, by far.', 'original'],
      ['准确率大幅提高。', 'translation'],
      ['A; quoted', 'original'],
      ['引用的', 'translation'],
    ]);
    expect(file.notes).toContain('fields separated by semicolons');
  });

  it('caps per-record notes and counts the rest', () => {
    const text = Array.from({ length: 30 }, () => '{bad').join('\n');
    const file = ingestText(text, 'bad.jsonl');
    expect(file.blocks).toEqual([]);
    expect(file.notes).toHaveLength(22);
    expect(file.notes[19]).toMatch(/^line 20: /);
    expect(file.notes.slice(20)).toEqual(['… and 10 more records skipped', 'no text blocks found']);
  });
});

describe('fallback and empty files', () => {
  it('reads unrecognized text as blank-line separated paragraphs, with a note', () => {
    const file = ingestText('Some wrapped text\nover two lines.\n\n\nAnother paragraph.\n', 'notes.md');
    expect(file.layout).toBe('paragraphs');
    expect(file.blocks.map((b) => [b.lines, b.text, b.claimed])).toEqual([
      [[1, 2], 'Some wrapped text\nover two lines.', 'unknown'],
      [[5, 5], 'Another paragraph.', 'unknown'],
    ]);
    expect(file.notes[0]).toMatch(/layout not recognized/);
  });

  it('gives zero blocks and a note for an empty file', () => {
    for (const text of ['', '\n\n  \n']) {
      const file = ingestText(text);
      expect(file.blocks).toEqual([]);
      expect(file.notes).toEqual(['empty file: no text to audit']);
    }
  });

  it('normalizes text to NFC and trims it, keeping raw as read', () => {
    const decomposed = 'Cafe\u0301 culture is studied here. '.repeat(12);
    const file = ingestText(`  ${decomposed}\n`);
    expect(file.blocks[0]?.text).toBe(decomposed.normalize('NFC').trim());
    expect(file.blocks[0]?.raw).toBe(`  ${decomposed}`);
  });
});
