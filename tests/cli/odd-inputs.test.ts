// Issue 11: odd inputs through the CLI: one bad line loses one record, Chinese-only UTF-16LE without a
// BOM, symlinks and their loops, skipped lines counted everywhere, semicolon-separated CSV.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/run-main.js';
import { pairingRecords } from '../fixtures/pairing/records.js';

const run = runMain;

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-odd-'));
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  return dir;
}

function jsonl(): string[] {
  return pairingRecords().map((r) => JSON.stringify({ id: r.id, en: r.en, zh: r.zh }));
}

describe('odd inputs', () => {
  it('a stray NUL byte in one JSONL line loses that record only; the skipped line is counted in the summary, the index and --json', async () => {
    const dir = workdir();
    const lines = jsonl();
    lines[3] = (lines[3] as string).replace('"en":"', '"en":"\u0000');
    writeFileSync(join(dir, 'nul.jsonl'), `${lines.join('\n')}\n`);
    const json = await run(['audit', 'nul.jsonl', '--out', 'out', '--json'], dir);
    const summary = JSON.parse(json.stdout);
    expect(json.code).toBe(0);
    expect(summary.files[0].byRole.translation).toBe(9);
    expect(summary.skippedLines).toBe(1);
    expect(summary.files[0].skippedLines).toBe(1);
    expect(readFileSync(join(dir, 'out', 'index.md'), 'utf8')).toMatch(/Skipped lines:\*\* 1 \(nul\.jsonl: 1\)/);
    const text = await run(['audit', 'nul.jsonl', '--out', 'out'], dir);
    expect(text.stdout).toMatch(/skipped lines: 1 \(nul\.jsonl 1\)/);
  });

  it('Chinese-only UTF-16LE without a BOM is decoded, not rejected as binary', async () => {
    const dir = workdir();
    const zh = `${(pairingRecords()[0] as { zh: string }).zh.replace(/[A-Za-z0-9()\-.,%]/g, '')}\n\n翻译者：谷歌。\n`;
    writeFileSync(join(dir, 'zh16.txt'), Buffer.from(zh, 'utf16le'));
    const r = await run(['audit', 'zh16.txt', '--out', 'out', '--json'], dir);
    expect(r.code).toBe(0);
    const file = JSON.parse(r.stdout).files[0];
    expect(file.encoding).toBe('utf-16le');
    expect(file.byRole.translation + file.byRole.untranslated).toBeGreaterThan(0);
  });

  it('follows symlinked files and folders and reports a loop as a loop', async () => {
    const dir = workdir();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'a.jsonl'), `${jsonl().slice(0, 2).join('\n')}\n`);
    mkdirSync(join(dir, 'in'));
    symlinkSync(join(dir, 'real'), join(dir, 'in', 'linked-folder'));
    symlinkSync(join(dir, 'real', 'a.jsonl'), join(dir, 'in', 'linked-file.jsonl'));
    symlinkSync(join(dir, 'in'), join(dir, 'in', 'loop'));
    const r = await run(['audit', 'in', '--out', 'out', '--json'], dir);
    const summary = JSON.parse(r.stdout);
    expect(summary.files.map((f: { file: string }) => f.file).sort()).toEqual(['in/linked-file.jsonl', 'in/linked-folder/a.jsonl']);
    expect(r.stderr).toMatch(/in\/loop: symbolic link loop/);
    expect(r.code).toBe(2);
  });

  it('a semicolon-separated CSV is read as records; a CSV with no known header is an error, not prose', async () => {
    const dir = workdir();
    const rows = pairingRecords().slice(0, 3).map((r) => `${r.id};"${r.en.replace(/"/g, '""')}";"${r.zh}"`);
    writeFileSync(join(dir, 'eu.csv'), `id;en;zh\n${rows.join('\n')}\n`);
    writeFileSync(join(dir, 'odd.csv'), 'a|b\n1|2\n');
    const r = await run(['audit', 'eu.csv', 'odd.csv', '--out', 'out', '--json'], dir);
    const summary = JSON.parse(r.stdout);
    expect(summary.files).toHaveLength(1);
    expect(summary.files[0]).toMatchObject({ file: 'eu.csv', layout: 'csv' });
    expect(summary.files[0].byRole).toMatchObject({ translation: 3, original: 3, untranslated: 0 });
    expect(summary.summary.byVerdict.untranslated).toBe(0);
    expect(r.stderr).toMatch(/odd\.csv: not understood as CSV/);
    expect(r.code).toBe(2);
  });
});
