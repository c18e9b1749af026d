// Issue 11: exit codes and errors as ESLint and grep have them, --out checked first, a full disk, the
// report folder never read as input, --json valid with every option.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/run-main.js';

const root = join(import.meta.dirname, '..', '..');
const SEED = readFileSync(join(root, 'seeds', '003_54ac9f1fa4f32925.txt'));

const run = runMain;

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-robust-'));
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'a.txt'), SEED);
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  return dir;
}

describe('exit codes and errors', () => {
  it('an unmatched glob beside a good input: audits the good one, error on stderr, exit 2', async () => {
    const dir = workdir();
    const r = await run(['audit', 'in/a.txt', 'nope/*.txt', '--out', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope/*.txt');
    expect(r.stdout).not.toContain('nope/*.txt');
    expect(existsSync(join(dir, 'out', 'a.md'))).toBe(true);
  });

  it('--quiet --fail-on says why it exits 1', async () => {
    const dir = workdir();
    const r = await run(['audit', 'in/a.txt', '--out', 'out', '--quiet', '--fail-on', 'info'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/exit 1: \d+ finding\(s\) at or above `info`/);
  });
});

describe('transcheck check --en/--zh', () => {
  it('a value that looks like a path but names no file is an error, not audited as text', async () => {
    const dir = workdir();
    for (const value of ['missing/zh.txt', 'translation.txt', './zh']) {
      const r = await run(['check', '--en', 'Accuracy improves by 3.5% on ImageNet.', '--zh', value], dir);
      expect(r.code, value).toBe(2);
      expect(r.stderr).toContain(value);
      expect(r.stderr).toContain('file not found');
      expect(r.stdout).toBe('');
    }
  });
  it('a binary file is an error', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'zh.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0, 0xff, 7, 8, 0, 9, 1, 2]));
    const r = await run(['check', '--zh', 'zh.bin'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/zh\.bin.*binary/);
  });
  it('a sentence is still checked as text, and a file as its content', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'zh.txt'), '在ImageNet上准确率提高了4.5%。');
    const r = await run(['check', '--en', 'Accuracy improves by 3.5% on ImageNet.', '--zh', 'zh.txt'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('numbers');
  });
});

describe('configuration errors', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['an unknown check id', { checks: { nubmers: 'off' } }, /Unknown check `nubmers`.*did you mean `numbers`/],
    ['an unknown check option', { checks: { numbers: ['major', { spelledOutUpto: 3 }] } }, /Unknown option `spelledOutUpto` of check `checks\.numbers`.*did you mean `spelledOutUpTo`/],
    ['an invalid option value', { checks: { numbers: ['major', { spelledOutUpTo: 'ten' }] } }, /Invalid options for check `checks\.numbers`: `spelledOutUpTo`/],
    ['an unknown top-level key', { failon: 'major' }, /unknown key `failon`.*did you mean `failOn`/],
    ['an unknown nested key', { llm: { baseURL: 'http://localhost:1/v1' } }, /unknown key `llm\.baseURL`.*did you mean `baseUrl`/],
    ['an unknown check in scoring.reviewOnMinor', { scoring: { reviewOnMinor: ['glosary'] } }, /Unknown check `glosary` in `scoring\.reviewOnMinor`.*did you mean `glossary`/],
  ];
  for (const [what, config, message] of cases) {
    it(`${what}: exit 2, names the key, no stack trace`, async () => {
      const dir = workdir();
      writeFileSync(join(dir, 'transcheck.config.json'), JSON.stringify(config));
      for (const argv of [['audit', 'in/a.txt', '--out', 'out'], ['check', '--zh', '中文']]) {
        const r = await run(argv, dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
      expect(existsSync(join(dir, 'out'))).toBe(false);
    });
  }
});

describe('--out is checked before the audit', () => {
  it('an existing file', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'taken'), 'x');
    const r = await run(['audit', 'in/a.txt', '--out', 'taken'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/taken: it is an existing file/);
  });
  it('a folder below a file', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'taken'), 'x');
    const r = await run(['audit', 'in/a.txt', '--out', 'taken/reports'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a file, not a folder/);
  });
  it('/proc (recursive mkdir there never returned)', async () => {
    const dir = workdir();
    const r = await run(['audit', 'in/a.txt', '--out', '/proc/transcheck-reports'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/proc\/transcheck-reports: a system pseudo file system/);
  });
  it.skipIf(process.getuid?.() === 0)('a read-only folder', async () => {
    const dir = workdir();
    mkdirSync(join(dir, 'ro'));
    chmodSync(join(dir, 'ro'), 0o555);
    const r = await run(['audit', 'in/a.txt', '--out', 'ro'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/permission denied|read-only/);
  });
});

describe('a full disk while writing reports', () => {
  it('names the file, leaves no .tmp, writes what fits, exits 2', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'in', 'b.txt'), SEED);
    // a disk with room for small files only: every JSON report is too big
    const writeFile = async (path: string, content: string) => {
      const { writeFile: real } = await import('node:fs/promises');
      if (path.includes('.json.')) {
        await real(path, content.slice(0, 100));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      await real(path, content);
    };
    const r = await run(['audit', 'in', '--out', 'out'], dir, { writeFile });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*out\/a\.json: no space left on device \(ENOSPC\)/);
    expect(r.stderr).toMatch(/out\/b\.json/);
    const files = readdirSync(join(dir, 'out')).sort();
    expect(files).toEqual(['a.md', 'b.md', 'index.html', 'index.md']);
  });
});

describe('the report folder is never an input', () => {
  it('`audit .` three times reads the same inputs each time', async () => {
    const dir = workdir();
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await run(['audit', '.', '--json'], dir);
      counts.push(JSON.parse(r.stdout).files.length);
    }
    expect(counts).toEqual([1, 1, 1]);
  });
  it('nor when reached through a symlink', async () => {
    const dir = workdir();
    mkdirSync(join(dir, 'out'));
    symlinkSync(join(dir, 'out'), join(dir, 'in', 'link-to-out'));
    await run(['audit', 'in', '--out', 'out'], dir);
    const r = await run(['audit', 'in', '--out', 'out', '--json'], dir);
    expect(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file)).toEqual(['in/a.txt']);
  });
});

describe('--json', () => {
  it('stays valid JSON with --dry-run, documents per-file results', async () => {
    const dir = workdir();
    const r = await run(['audit', 'in/a.txt', '--out', 'out', '--json', '--dry-run'], dir);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.files[0]).toMatchObject({ file: 'in/a.txt', skippedLines: 0 });
    expect(summary.files[0].byVerdict).toBeDefined();
    expect(r.stderr).toContain('dry run');
  });
});
