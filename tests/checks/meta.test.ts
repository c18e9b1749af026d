// Keeps the house in order: every registered check has its file, test, docs page and sane metadata.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checks } from '../../src/checks/index.js';

const root = join(import.meta.dirname, '..', '..');

describe('check registry', () => {
  it('is sorted by id and has no duplicates', () => {
    const ids = checks.map((c) => c.meta.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('registers every file in src/checks', () => {
    const files = readdirSync(join(root, 'src', 'checks'))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.slice(0, -3));
    expect(files.sort()).toEqual(checks.map((c) => c.meta.id).sort());
  });

  for (const check of checks) {
    const { id, messages, description } = check.meta;
    describe(id, () => {
      it('has a kebab-case id, a source file, a test file and a docs page', () => {
        expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(existsSync(join(root, 'src', 'checks', `${id}.ts`))).toBe(true);
        expect(existsSync(join(root, 'tests', 'checks', `${id}.test.ts`))).toBe(true);
        const docs = join(root, 'docs', 'checks', `${id}.md`);
        expect(existsSync(docs)).toBe(true);
        expect(readFileSync(docs, 'utf8')).toContain(`# \`${id}\``);
      });

      it('has a description and non-empty messages without a trailing period', () => {
        expect(description.length).toBeGreaterThan(10);
        const entries = Object.entries(messages);
        expect(entries.length).toBeGreaterThan(0);
        for (const [, text] of entries) {
          expect(text.trim().length).toBeGreaterThan(5);
          expect(text).not.toMatch(/\.$/);
        }
      });

      it('only names message ids that exist in per-message severities and categories', () => {
        for (const key of Object.keys(check.meta.severities ?? {})) expect(messages).toHaveProperty(key);
        for (const key of Object.keys(check.meta.categories ?? {})) expect(messages).toHaveProperty(key);
      });

      it('parses its default options', () => {
        if (check.meta.options) expect(check.meta.options.safeParse({}).success).toBe(true);
      });
    });
  }
});
