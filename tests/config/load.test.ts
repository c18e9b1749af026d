import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfigFile, loadConfig } from '../../src/config/load.js';

function tempTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'transcheck-config-'));
  mkdirSync(join(root, 'a', 'b'), { recursive: true });
  return root;
}

describe('loadConfig', () => {
  it('finds the file upward and makes its paths absolute', () => {
    const root = tempTree();
    writeFileSync(join(root, 'transcheck.config.json'), JSON.stringify({ glossary: ['terms.tsv'], checks: { spacing: 'off' } }));
    const cwd = join(root, 'a', 'b');
    expect(findConfigFile(cwd)).toBe(join(root, 'transcheck.config.json'));
    const loaded = loadConfig(cwd);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) {
      expect(loaded.value.config.glossary).toEqual([join(root, 'terms.tsv')]);
      expect(loaded.value.config.checks).toEqual({ spacing: 'off' });
    }
  });

  it('returns an empty configuration when none exists', () => {
    const root = mkdtempSync(join(tmpdir(), 'transcheck-noconfig-'));
    const loaded = loadConfig(root, undefined);
    // a configuration file higher up (e.g. in /tmp) would be found too; only assert the shape
    expect(loaded.ok).toBe(true);
  });

  it('names the file and the key of an invalid value', () => {
    const root = tempTree();
    const path = join(root, 'bad.json');
    writeFileSync(path, JSON.stringify({ checks: { numbers: 'loud' } }));
    const loaded = loadConfig(root, 'bad.json');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.error.message).toContain(path);
      expect(loaded.error.message).toContain('checks.numbers');
      expect(loaded.error.hint).toMatch(/README/);
    }
  });

  it('rejects unknown keys and broken JSON', () => {
    const root = tempTree();
    writeFileSync(join(root, 'typo.json'), JSON.stringify({ chekcs: {} }));
    writeFileSync(join(root, 'broken.json'), '{ "checks": ');
    const typo = loadConfig(root, 'typo.json');
    const broken = loadConfig(root, 'broken.json');
    expect(typo.ok || broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.message).toMatch(/not valid JSON/);
    if (!typo.ok) expect(typo.error.message).toMatch(/chekcs/);
  });
});
