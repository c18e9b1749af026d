// Issue 11: a file name with backticks and HTML, or with terminal escape sequences, stays inert in every
// Markdown report and on the terminal.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { mdLocation, visibleControls } from '../../src/report/escape.js';

const root = join(import.meta.dirname, '..', '..');

function sink() {
  let text = '';
  return { write: (s: string) => { text += s; return true; }, get text() { return text; } };
}

/** Markdown with every code span removed (a fence of n backticks closes only on n backticks). */
function outsideCode(markdown: string): string {
  return markdown.replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
}

const HTML_NAME = 'x`<img src=x onerror=alert(1)>`.txt';
const ESC_NAME = 'e\u001b[31mred\u001b]0;title\u0007.txt';

describe('hostile file names', () => {
  it('never become live HTML in a Markdown report, nor raw escape sequences anywhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'transcheck-names-'));
    writeFileSync(join(dir, 'transcheck.config.json'), '{}');
    mkdirSync(join(dir, 'in'));
    // seeds with findings at located ranges, so names appear in finding locations too
    cpSync(join(root, 'seeds', '003_54ac9f1fa4f32925.txt'), join(dir, 'in', HTML_NAME));
    cpSync(join(root, 'seeds', '000_5b759a7c2f4a0629.txt'), join(dir, 'in', ESC_NAME));
    writeFileSync(join(dir, 'in', 'missing-link.txt'), '');
    const stdout = sink();
    const stderr = sink();
    await main({ argv: ['audit', 'in', `in/${ESC_NAME}.nope`, '--out', 'out'], stdout, stderr, env: {}, cwd: dir });
    const reports = readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.md'));
    expect(reports.length).toBeGreaterThanOrEqual(3);
    let located = 0;
    for (const report of reports) {
      const text = readFileSync(join(dir, 'out', report), 'utf8');
      located += (text.match(/onerror/g) ?? []).length;
      expect(outsideCode(text), report).not.toMatch(/<img|onerror=alert\(1\)>/);
      expect(text, report).not.toMatch(/\u001b|\u0007/);
    }
    expect(located).toBeGreaterThan(3);
    expect(stdout.text + stderr.text).not.toMatch(/\u001b|\u0007/);
    expect(stderr.text).toContain('\\x1b[31mred');
  });

  it('mdLocation fences any backtick run and shows control characters', () => {
    expect(mdLocation('a``b.txt', 3, 4)).toBe('```a``b.txt:3:4```');
    expect(visibleControls('a\u001b[0mb')).toBe('a\\x1b[0mb');
  });
});
