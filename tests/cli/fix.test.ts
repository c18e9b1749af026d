// `transcheck fix` in process: corrected copies in each input format (unchanged blocks byte-identical,
// escapes, quoting, BOM, line ends and UTF-16 kept), --in-place refusal, and the re-audit.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/run-main.js';
import type { FixSummary } from '../../src/cli/fix.js';

const run = runMain;

function workdir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-fix-'));
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  mkdirSync(join(dir, 'in'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'in', name), content);
  return dir;
}

async function fix(files: Record<string, string | Uint8Array>, extra: string[] = []) {
  const dir = workdir(files);
  const r = await run(['fix', 'in', '--out', 'out', '--json', ...extra], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const summary = JSON.parse(r.stdout) as FixSummary;
  const read = (name: string) => readFileSync(join(dir, 'out', name));
  return { dir, summary, read };
}

const EN = 'We train deep neural networks, and it works well on three benchmarks.';
// Two renderings of one term (the fix takes the text's own accepted one, 深层神经网络).
const ZH = '我们训练深层神经网络,深神经网络在三个基准上效果很好。';
const ZH_FIXED = '我们训练深层神经网络，深层神经网络在三个基准上效果很好。';
const EN2 = 'We propose a new method for image segmentation with transformers.';
const ZH2 = '我们提出了一种使用Transformer进行图像分割的新方法。';

describe('transcheck fix: formats', () => {
  it('JSONL: rewrites only the fixed value, keeps escapes of other text and CRLF line ends', async () => {
    const escaped = JSON.stringify(ZH2).replace(/[\u4e00-\u9fff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
    const lines = [
      `{"id":"a","en":${JSON.stringify(EN)},"zh":${JSON.stringify(ZH)}}`,
      `{"id":"b", "en": ${JSON.stringify(EN2)}, "zh": ${escaped}}`,
      `{"id":"c","en":"Quotes and escapes stay.","zh":"我们提出\\"新\\"方法,\\u5b83在三个基准上很好。\\n第二行。"}`,
    ];
    const { summary, read } = await fix({ 'a.jsonl': `${lines.join('\r\n')}\r\n` });
    const out = read('a.jsonl').toString('utf8').split('\r\n');
    expect(out[0]).toBe(`{"id":"a","en":${JSON.stringify(EN)},"zh":${JSON.stringify(ZH_FIXED)}}`);
    expect(out[1]).toBe(lines[1]);
    expect(out[2]).toBe('{"id":"c","en":"Quotes and escapes stay.","zh":"我们提出\\"新\\"方法，\\u5b83在三个基准上很好。\\n第二行。"}');
    expect(out).toHaveLength(4);
    expect(summary.byCheck).toMatchObject({ glossary: 1, punctuation: 2 });
    expect(summary.after.fixable).toBe(0);
    expect(summary.after.newFindings).toEqual({});
  });

  it('JSON array: the value inside the pretty-printed document', async () => {
    const doc = `[\n  {\n    "id": "a",\n    "en": ${JSON.stringify(EN)},\n    "zh": ${JSON.stringify(ZH)}\n  },\n  {"id": "b", "en": ${JSON.stringify(EN2)}, "zh": ${JSON.stringify(ZH2)}}\n]\n`;
    const { read } = await fix({ 'r.json': doc });
    expect(read('r.json').toString('utf8')).toBe(doc.replace(JSON.stringify(ZH), JSON.stringify(ZH_FIXED)));
  });

  it('CSV with a BOM: quoted fields stay quoted (quotes doubled), plain fields stay plain', async () => {
    const rows = [
      'id,en,zh',
      `a,"${EN}","${ZH.replace('它', '“它”')}"`,
      `b,${EN2.replace(',', '')},${ZH2.replace('新方法', '新方法.它很快')}`,
      `c,"He said ""yes"", twice.","他说""是"",两次。"`,
    ];
    const { read } = await fix({ 'p.csv': `\ufeff${rows.join('\n')}\n` });
    const out = read('p.csv');
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = out.toString('utf8').slice(1).split('\n');
    expect(text[0]).toBe(rows[0]);
    expect(text[1]).toBe(`a,"${EN}","${ZH_FIXED.replace('它', '“它”')}"`);
    expect(text[2]).toBe(`b,${EN2.replace(',', '')},${ZH2.replace('新方法', '新方法。它很快')}`);
    expect(text[3]).toBe(`c,"He said ""yes"", twice.","他说""是""，两次。"`);
  });

  it('TSV: a field with a tab-free fix in place', async () => {
    const tsv = `id\ten\tzh\na\t${EN}\t${ZH}\nb\t${EN2}\t${ZH2}\n`;
    const { read } = await fix({ 'p.tsv': tsv });
    expect(read('p.tsv').toString('utf8')).toBe(tsv.replace(ZH, ZH_FIXED));
  });

  it('a marker page: the block in its own lines, other lines byte-identical', async () => {
    const page = `Some title\n\n${ZH}\n(translated by Google)\n\n${EN}\n`;
    const { read, summary } = await fix({ 'page.txt': page });
    expect(read('page.txt').toString('utf8')).toBe(page.replace(ZH, ZH_FIXED));
    expect(summary.blocksChanged).toBe(1);
  });

  it('UTF-16LE with a BOM is written back as UTF-16LE', async () => {
    const text = `{"en":${JSON.stringify(EN)},"zh":${JSON.stringify(ZH)}}\n`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const { read } = await fix({ 'w.jsonl': bytes });
    const out = read('w.jsonl');
    expect([...out.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(out.subarray(2).toString('utf16le')).toBe(text.replace(ZH, ZH_FIXED));
  });

  it('files without fixes are copied byte for byte', async () => {
    const clean = `{"en":${JSON.stringify(EN2)},"zh":${JSON.stringify(ZH2)}}\n`;
    const { read, summary } = await fix({ 'clean.jsonl': clean, 'dirty.jsonl': `{"en":${JSON.stringify(EN)},"zh":${JSON.stringify(ZH)}}\n` });
    expect(read('clean.jsonl').toString('utf8')).toBe(clean);
    expect(summary.filesChanged).toBe(1);
    expect(summary.written).toHaveLength(2);
  });
});

describe('transcheck fix: never overwrites an input unless asked', () => {
  const jsonl = `{"en":${JSON.stringify(EN)},"zh":${JSON.stringify(ZH)}}\n`;

  it('refuses without --out or --in-place (exit 2), leaving the input alone', async () => {
    const dir = workdir({ 'a.jsonl': jsonl });
    const r = await run(['fix', 'in'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs --out/);
    expect(readFileSync(join(dir, 'in', 'a.jsonl'), 'utf8')).toBe(jsonl);
  });

  it('refuses an --out that is the input folder', async () => {
    const dir = workdir({ 'a.jsonl': jsonl });
    const r = await run(['fix', 'in', '--out', 'in'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/would overwrite the input/);
    expect(readFileSync(join(dir, 'in', 'a.jsonl'), 'utf8')).toBe(jsonl);
  });

  it('--in-place overwrites the input', async () => {
    const dir = workdir({ 'a.jsonl': jsonl });
    const r = await run(['fix', 'in', '--in-place', '-q'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'in', 'a.jsonl'), 'utf8')).toBe(jsonl.replace(ZH, ZH_FIXED));
  });
});

describe('transcheck fix: summary and re-audit', () => {
  it('prints fixes by check and the re-audit of the copies', async () => {
    const dir = workdir({ 'a.jsonl': `{"en":${JSON.stringify(EN)},"zh":${JSON.stringify(ZH)}}\n` });
    const r = await run(['fix', 'in', '--out', 'out'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 changed: 1 blocks, 2 fixes \(glossary 1, punctuation 1\)/);
    expect(r.stdout).toMatch(/re-audit: .*0 with a safe fix left \(were 2\); 0 not in the first audit/);
  });

  it('a block whose text cannot be mapped is skipped and named', async () => {
    // Decomposed characters (not NFC): the normalized offsets are not the file's.
    const zh = `${ZH}e\u0301`;
    const dir = workdir({ 'a.jsonl': `{"en":${JSON.stringify(EN)},"zh":${JSON.stringify(zh)}}\n` });
    const r = await run(['fix', 'in', '--out', 'out', '--json'], dir);
    const summary = JSON.parse(r.stdout) as FixSummary;
    expect(summary.skipped).toHaveLength(1);
    expect(summary.skipped[0]?.reason).toMatch(/NFC/);
    expect(readFileSync(join(dir, 'out', 'a.jsonl'), 'utf8')).toContain(JSON.stringify(zh).slice(1, -1));
  });
});
