// Tests of input expansion (files, folders, globs, stdin) and of ingestFile's errors.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/core/errors.js';
import { expandInputs, ingestFile } from '../../src/pipeline/ingest.js';
import { globToRegExp } from '../../src/pipeline/ingest/inputs.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'transcheck-inputs-'));
  mkdirSync(join(root, 'pages', 'deep'), { recursive: true });
  mkdirSync(join(root, 'pages', '.hidden'));
  mkdirSync(join(root, 'empty'));
  for (const name of ['pages/b.txt', 'pages/a.md', 'pages/deep/c.jsonl', 'pages/deep/d.tsv', 'pages/.hidden/e.txt', 'pages/logo.png', 'pages/x.csv', 'top.json']) {
    writeFileSync(join(root, name), 'Some text.\n');
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('expandInputs', () => {
  it('walks folders recursively for text-like files, sorted, skipping hidden folders', async () => {
    const { files, errors } = await expandInputs([join(root, 'pages')]);
    expect(files).toEqual(['a.md', 'b.txt', 'deep/c.jsonl', 'deep/d.tsv', 'x.csv'].map((f) => join(root, 'pages', f)));
    expect(errors).toEqual([]);
  });

  it('keeps files and stdin as given, reads a file listed twice once', async () => {
    const top = join(root, 'top.json');
    const { files } = await expandInputs([top, '-', top, join(root, 'pages', 'logo.png')]);
    expect(files).toEqual([top, '-', join(root, 'pages', 'logo.png')]);
  });

  it('expands globs: *, **, ? and {a,b}', async () => {
    const at = (p: string) => join(root, p);
    expect((await expandInputs([at('pages/*.txt')])).files).toEqual([at('pages/b.txt')]);
    expect((await expandInputs([at('pages/**/*.{jsonl,tsv}')])).files).toEqual([at('pages/deep/c.jsonl'), at('pages/deep/d.tsv')]);
    expect((await expandInputs([at('pages/?.md')])).files).toEqual([at('pages/a.md')]);
  });

  it('reports missing paths, empty folders and globs matching nothing, and goes on', async () => {
    const missing = join(root, 'nope.txt');
    const { files, errors } = await expandInputs([missing, join(root, 'empty'), join(root, 'pages', '*.xml'), join(root, 'top.json')]);
    expect(files).toEqual([join(root, 'top.json')]);
    expect(errors).toEqual([
      { file: missing, message: 'file or folder not found' },
      { file: join(root, 'empty'), message: expect.stringMatching(/^no text files/) as unknown as string },
      { file: join(root, 'pages', '*.xml'), message: 'no file matches this pattern' },
    ]);
  });

  it('turns glob patterns into anchored regular expressions', () => {
    expect(globToRegExp('a/**/b.txt').test('a/b.txt')).toBe(true);
    expect(globToRegExp('a/**/b.txt').test('a/x/y/b.txt')).toBe(true);
    expect(globToRegExp('a/*.txt').test('a/x/b.txt')).toBe(false);
    expect(globToRegExp('[ab].txt').test('c.txt')).toBe(false);
    expect(globToRegExp('[!ab].txt').test('c.txt')).toBe(true);
    expect(globToRegExp('file.txt').test('fileXtxt')).toBe(false);
  });
});

describe('ingestFile', () => {
  it('reads a file with its path as the block file', async () => {
    const path = join(root, 'pages', 'b.txt');
    const file = await ingestFile(path, 7);
    expect(file.file).toBe(path);
    expect(file.blocks.map((b) => [b.id, b.file, b.text])).toEqual([['7:0', path, 'Some text.']]);
  });

  it('throws InputFileError naming a missing file or a folder', async () => {
    const missing = join(root, 'missing.txt');
    await expect(ingestFile(missing, 0)).rejects.toThrow(InputFileError);
    await expect(ingestFile(missing, 0)).rejects.toThrow(`${missing}: file not found`);
    await expect(ingestFile(join(root, 'pages'), 0)).rejects.toThrow(/: is a folder/);
  });

  it.skipIf(process.getuid?.() === 0)('throws InputFileError for an unreadable file', async () => {
    const locked = join(root, 'locked.txt');
    writeFileSync(locked, 'secret');
    chmodSync(locked, 0o000);
    await expect(ingestFile(locked, 0)).rejects.toThrow(`${locked}: permission denied`);
  });

  it('throws InputFileError for a binary file', async () => {
    const bin = join(root, 'blob.txt');
    writeFileSync(bin, Buffer.from([0x00, 0x13, 0x00, 0x00, 0x37, 0x00, 0x00, 0x00, 0xff, 0x00, 0x12, 0x00, 0x00, 0x00]));
    await expect(ingestFile(bin, 0)).rejects.toThrow(/blob\.txt: binary file/);
  });
});
