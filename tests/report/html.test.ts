// The HTML report as a string: written by default, self-contained, data embedded safely.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { htmlText } from '../../src/report/escape.js';
import { htmlData, renderHtmlChunks, scriptJson, type HtmlData } from '../../src/report/html.js';
import { syntheticRun } from '../helpers/synthetic-run.js';

function sink() {
  let text = '';
  return { write: (s: string) => ((text += s), true), get text() { return text; } };
}

const record = {
  id: 'r<1>',
  title: 'Title </script><!-- & \u2028 \u2029 end',
  en: 'We evaluate the model on 3 datasets. The accuracy is 95.2% on the test set.',
  zh: '我们在3个数据集上评估模型。测试集上的准确率为96.2%。',
};

async function audit(extra: string[] = []): Promise<{ dir: string; code: number; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-html-unit-'));
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  writeFileSync(join(dir, 'in.jsonl'), `${JSON.stringify(record)}\n`);
  const stderr = sink();
  const code = await main({ argv: ['audit', 'in.jsonl', '--out', 'out', '-q', ...extra], stdout: sink(), stderr, env: {}, cwd: dir });
  return { dir, code, stderr: stderr.text };
}

describe('scriptJson', () => {
  it('escapes what could end or bend a script element and round-trips', () => {
    const value = { s: '</script><!-- <script> & \u2028\u2029 "q" \\ end' };
    const out = scriptJson(value);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual(value);
  });
});

describe('htmlText', () => {
  it('escapes markup and both quotes, so text is safe in content and attributes', () => {
    expect(htmlText(`a <b> & "c" 'd'`)).toBe('a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;');
  });
});

describe('HTML report', () => {
  it('is written by default as index.html beside the Markdown and JSON reports', async () => {
    const { dir, code } = await audit();
    expect(code).toBe(0);
    for (const f of ['index.html', 'index.md', 'in.md', 'in.json']) expect(existsSync(join(dir, 'out', f)), f).toBe(true);
  });

  it('is named first on the terminal, where the summary says where the reports are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'transcheck-html-unit-'));
    writeFileSync(join(dir, 'transcheck.config.json'), '{}');
    writeFileSync(join(dir, 'in.jsonl'), `${JSON.stringify(record)}\n`);
    const out = sink();
    expect(await main({ argv: ['audit', 'in.jsonl', '--out', 'out'], stdout: out, stderr: sink(), env: {}, cwd: dir })).toBe(0);
    expect(out.text).toMatch(/reports: .*out\/index\.html \(open in a browser\), .*out\/index\.md/);
    const mdOnly = sink();
    await main({ argv: ['audit', 'in.jsonl', '--out', 'out2', '--format', 'md'], stdout: mdOnly, stderr: sink(), env: {}, cwd: dir });
    expect(mdOnly.text).not.toContain('index.html');
  });

  it('is left out when --format does not ask for it, and an unknown format names html among the choices', async () => {
    const md = await audit(['--format', 'md']);
    expect(existsSync(join(md.dir, 'out', 'index.html'))).toBe(false);
    const bad = await audit(['--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format with .*\bhtml\b/);
  });

  it('is self-contained: no external reference, a CSP that lets only its own script run, the data intact', async () => {
    const { dir } = await audit(['--format', 'html']);
    const html = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\b(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(/);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    const script = /<script>([\s\S]*)<\/script>\n<\/body>/.exec(html)?.[1] ?? '';
    expect(script.length).toBeGreaterThan(1000);
    expect(csp).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    const json = /<script type="application\/json" id="transcheck-data">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
    const data = JSON.parse(json) as HtmlData;
    expect(data.pairs).toHaveLength(1);
    expect(data.pairs[0]?.t).toBe(record.title);
    expect(data.pairs[0]?.en).toBe(record.en);
    expect(data.pairs[0]?.zh).toBe(record.zh);
    expect(data.pairs[0]?.fs.some((f) => f.k === 'numbers' && f.r !== undefined)).toBe(true);
    // The title in <title> and headers is escaped text.
    expect(html).toContain('<title>transcheck report: in.jsonl</title>');
  });
});

describe('HTML report past its size limit', () => {
  it('keeps the worst translations in run order and counts the others', () => {
    const run = syntheticRun();
    const total = run.files[0]?.pairs.length ?? 0;
    const data = htmlData(run, { docsBase: '../docs', maxPairs: 2 });
    expect(data.pairs).toHaveLength(2);
    expect(data.omitted).toBe(total - 2);
    expect(data.pairs.map((p) => p.v).sort()).toEqual(['mismatched', 'review']);
    expect(data.summary).toEqual(run.summary); // the charts still count every translation
    expect(htmlData(run, { docsBase: '../docs' }).omitted).toBe(0);
  });
});

describe('HTML report written in chunks', () => {
  it('holds the same data as the page rendered whole, one chunk per pair, none the whole data', () => {
    const run = syntheticRun();
    const chunks = [...renderHtmlChunks(run, { docsBase: '../docs' })];
    const page = chunks.join('');
    const data = /<script type="application\/json" id="transcheck-data">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
    expect(data).toBe(scriptJson(htmlData(run, { docsBase: '../docs' })));
    const pairs = run.files.reduce((n, f) => n + f.pairs.length, 0);
    expect(chunks.length).toBe(pairs + 6);
    // The data is cut into pieces: none of them is the whole of it.
    expect(Math.max(...chunks.slice(1, -1).map((c) => c.length))).toBeLessThan(data.length / 2);
  });
});
