// The CLI in process: exit codes, errors that name the file, reports written, seeds end to end.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/run-main.js';

const root = join(import.meta.dirname, '..', '..');

const run = (argv: string[], cwd: string, env: Record<string, string | undefined> = {}) => runMain(argv, cwd, { env });

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-cli-'));
  cpSync(join(root, 'seeds'), join(dir, 'seeds'), { recursive: true });
  // an empty configuration stops the search for one above the temporary folder
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  return dir;
}

describe('main: usage', () => {
  it('prints help with no arguments and exits 0', async () => {
    const r = await run([], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/audit/);
  });
  it('exits 2 on an unknown command or option', async () => {
    expect((await run(['nonsense'], root)).code).toBe(2);
    expect((await run(['audit', '--no-such-option', 'x'], root)).code).toBe(2);
  });
  it('exits 2 on an unknown format, naming it', async () => {
    const dir = workdir();
    const r = await run(['audit', 'seeds', '--format', 'pdf'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`pdf`');
  });
  it('exits 2 on an invalid configuration file, naming the file', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'transcheck.config.json'), '{"checks": {"numbers": "loud"}}');
    const r = await run(['audit', 'seeds'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('transcheck.config.json');
  });
  it('exits 2 when --llm has neither a key nor a server', async () => {
    const dir = workdir();
    const r = await run(['audit', 'seeds/002_7342bdb2443f70ef.txt', '--llm'], dir, {});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/OPENAI_API_KEY|--base-url/);
  });
});

describe('main: audit of seeds/', () => {
  let dir: string;
  let result: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    dir = workdir();
    result = await run(['audit', 'seeds', '--out', 'out'], dir);
  }, 120_000);

  it('exits 0 and prints a summary', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/5 file\(s\)/);
  });

  it('writes a Markdown and a JSON report per seed file and an index, with no temporary files left', () => {
    const files = readdirSync(join(dir, 'out')).sort();
    for (const seed of readdirSync(join(dir, 'seeds'))) {
      const base = seed.replace(/\.txt$/, '');
      expect(files).toContain(`${base}.md`);
      expect(files).toContain(`${base}.json`);
    }
    expect(files).toContain('index.md');
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('finds the roles issue 2 expects in each seed', () => {
    const expected: Record<string, Record<string, number>> = {
      '000_5b759a7c2f4a0629': { translation: 1, untranslated: 9 },
      '001_342e6c370167fd45': { translation: 1, untranslated: 9 },
      '002_7342bdb2443f70ef': { original: 11 },
      '003_54ac9f1fa4f32925': { translation: 3, untranslated: 7 },
      '004_5f209208141bf89c': { original: 226 },
    };
    for (const [base, roles] of Object.entries(expected)) {
      const report = JSON.parse(readFileSync(join(dir, 'out', `${base}.json`), 'utf8'));
      expect(report.schemaVersion).toBe('1.0');
      for (const [role, n] of Object.entries(roles)) expect(report.summary.byRole[role], `${base} ${role}`).toBe(n);
    }
    const page004 = JSON.parse(readFileSync(join(dir, 'out', '004_5f209208141bf89c.json'), 'utf8'));
    expect(page004.dropped.filter((d: { text: string }) => d.text.startsWith('Get trending papers'))).toHaveLength(2);
    expect(page004.blocks.every((b: { title?: string }) => typeof b.title === 'string' && b.title.length > 0)).toBe(true);
    expect(page004.blocks[0].title.startsWith('Subscribe')).toBe(false);
  });

  it('reports the five Chinese abstracts unpaired (their originals are not in the seeds) and untranslated blocks critical', () => {
    let translations = 0;
    for (const base of ['000_5b759a7c2f4a0629', '001_342e6c370167fd45', '003_54ac9f1fa4f32925']) {
      const report = JSON.parse(readFileSync(join(dir, 'out', `${base}.json`), 'utf8'));
      for (const pair of report.pairs) {
        if (pair.verdict === 'untranslated') {
          expect(pair.findings.some((f: { check: string; severity: string }) => f.check === 'untranslated' && f.severity === 'critical')).toBe(true);
        } else {
          translations++;
          expect(pair.verdict).toBe('unpaired');
          expect(pair.original).toBeNull();
        }
      }
    }
    expect(translations).toBe(5);
  });

  it('writes an index with one row per file, worst first', () => {
    const index = readFileSync(join(dir, 'out', 'index.md'), 'utf8');
    for (const seed of readdirSync(join(dir, 'seeds'))) expect(index).toContain(`(<${seed.replace(/\.txt$/, '.md')}>)`);
    const rows = index.split('\n').filter((l) => l.startsWith('| [seeds/'));
    expect(rows).toHaveLength(5);
    expect(rows[rows.length - 1]).not.toMatch(/00[013]_/);
  });

  it('--fail-on critical exits 1 on the seeds (they contain untranslated blocks)', async () => {
    const r = await run(['audit', 'seeds', '--out', 'out2', '--fail-on', 'critical', '--quiet'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });
});

describe('main: bad inputs', () => {
  it('names a missing input on stderr, still audits the others, and exits 2', async () => {
    const dir = workdir();
    const r = await run(['audit', 'missing.txt', 'seeds/002_7342bdb2443f70ef.txt', '--out', 'out', '--json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.txt');
    const summary = JSON.parse(r.stdout);
    expect(summary.errors[0].message).toContain('missing.txt');
    expect(existsSync(join(dir, 'out', '002_7342bdb2443f70ef.md'))).toBe(true);
    expect(readFileSync(join(dir, 'out', 'index.md'), 'utf8')).toContain('missing.txt');
  });
  it('exits 2 when no input can be read', async () => {
    const dir = workdir();
    const r = await run(['audit', 'nothing-here.txt', '--out', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('nothing-here.txt');
  });
});

describe('main: check', () => {
  it('checks one pair given as texts and prints Markdown', async () => {
    const r = await run(['check', '--en', 'Accuracy improves by 3.5% on ImageNet.', '--zh', '在ImageNet上准确率提高了4.5%。'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('numbers');
  });
});

describe('main: configuration reaches the stages', () => {
  it('applies check severities, scoring and pairing from the configuration file', async () => {
    const dir = workdir();
    writeFileSync(
      join(dir, 'transcheck.config.json'),
      JSON.stringify({ checks: { punctuation: 'off', glossary: 'critical' }, scoring: { reviewBelow: 99, minWords: 5 }, pairing: { minScore: 0.5, mismatchBelow: 0.2 } }),
    );
    const r = await run(['audit', 'seeds/003_54ac9f1fa4f32925.txt', '--out', 'out', '--json'], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'out', '003_54ac9f1fa4f32925.json'), 'utf8'));
    const findings = report.pairs.flatMap((p: { findings: Array<{ check: string; severity: string }> }) => p.findings);
    expect(findings.some((f: { check: string }) => f.check === 'punctuation')).toBe(false);
    const glossary = findings.filter((f: { check: string }) => f.check === 'glossary');
    expect(glossary.length).toBeGreaterThan(0);
    expect(glossary.every((f: { severity: string }) => f.severity === 'critical')).toBe(true);
  });
});
