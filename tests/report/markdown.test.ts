// The Markdown report stays valid whatever the scraped text contains, and shows what a reader needs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { audit } from '../../src/pipeline/run.js';
import { mdLink } from '../../src/report/escape.js';
import { renderIndex } from '../../src/report/index-page.js';
import { highlight, locate, renderMarkdown } from '../../src/report/markdown.js';
import { syntheticRun } from '../helpers/synthetic-run.js';

const nasty = {
  id: 'x|1`<b>',
  title: 'A | B `code` <script>alert(1)</script>',
  en: 'We evaluate the model | on 3 datasets with `code` and <b>bold</b> text. The accuracy is 95.2% on the test set.',
  zh: '我们在3个数据集上评估模型|使用`代码`和<b>粗体</b>文本。\n测试集上的准确率为96.2%。',
};

function sink() {
  let text = '';
  return { write: (s: string) => { text += s; return true; }, get text() { return text; } };
}

async function auditOne(records: object[]): Promise<{ md: string; index: string; json: { pairs: Array<{ findings: Array<{ check: string }> }> } }> {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-md-'));
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  writeFileSync(join(dir, 'in.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
  const code = await main({ argv: ['audit', 'in.jsonl', '--out', 'out', '-q'], stdout: sink(), stderr: sink(), env: {}, cwd: dir });
  expect(code).toBe(0);
  return {
    md: readFileSync(join(dir, 'out', 'in.md'), 'utf8'),
    index: readFileSync(join(dir, 'out', 'index.md'), 'utf8'),
    json: JSON.parse(readFileSync(join(dir, 'out', 'in.json'), 'utf8')),
  };
}

/** Every table row has as many unescaped cell separators as its header. */
function expectValidTables(markdown: string): void {
  const lines = markdown.split('\n');
  let columns = -1;
  for (const line of lines) {
    if (!line.startsWith('|')) {
      columns = -1;
      continue;
    }
    const cells = line.split(/(?<!\\)\|/).length;
    if (columns === -1) columns = cells;
    else expect(cells, line).toBe(columns);
  }
}

describe('Markdown report', () => {
  itGfm('keeps tables intact and shows no raw HTML from the texts whatever they contain', async () => {
    const { md, index } = await auditOne([nasty]);
    expectValidTables(md);
    expectValidTables(index);
    // as GitHub renders it: the texts' HTML shows as text; the only tags are the report's own
    const html = gfm(md);
    expect(html).not.toMatch(/<script|<b>粗体|<b>bold/);
    expect(html.replace(/<b>⟦/g, '')).not.toMatch(/<b>/);
    expect(md).toContain('&lt;script&gt;');
  });

  it('shows the aligned sentences side by side and marks the offending text under its sentence', async () => {
    const { md, json } = await auditOne([nasty]);
    expect(json.pairs[0]?.findings.some((f) => f.check === 'numbers')).toBe(true);
    expect(md).toMatch(/\| # \| English \| Chinese \|/);
    expect(md).toMatch(/↳ \*\*major\*\* `numbers`/);
    expect(md).toMatch(/<b>⟦96\.2%?⟧<\/b>/);
    expect(md).toMatch(/in\.jsonl:1 \(character \d+\)/);
  });
});

/**
 * Tests that render with cmark-gfm run where it is installed, and always in CI (CI=true), where a missing
 * renderer fails them (gfm below) instead of passing silently; on a developer's machine without it they
 * are skipped with a note, as the browser tests are (tests/helpers/browser.ts).
 */
const HAVE_GFM = spawnSync('cmark-gfm', ['--version']).status === 0;
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';
if (!HAVE_GFM && !IN_CI) process.stderr.write('cmark-gfm tests skipped: cmark-gfm not found (apt-get install -y cmark-gfm); in CI they fail\n');
const itGfm = HAVE_GFM || IN_CI ? it : it.skip;

/**
 * GitHub renders Markdown with cmark-gfm, then keeps a list of safe tags (`<b>` among them). The
 * Debian package `cmark-gfm` is that renderer; CI installs it (.ci/run). Without it this test fails.
 */
function gfm(markdown: string): string {
  try {
    return execFileSync('cmark-gfm', ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'tagfilter', '-e', 'strikethrough'], { input: markdown, encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (error) {
    throw new Error(`cmark-gfm (GitHub's Markdown renderer) is needed: apt-get install -y cmark-gfm (${(error as Error).message})`);
  }
}

/** Every highlight of the Markdown shows as bold in the rendered HTML, and no `**` is left as text. */
function expectHighlightsRender(md: string): number {
  const html = gfm(md);
  const marked = md.match(/<b>⟦/g)?.length ?? 0;
  expect(html.match(/<b>⟦/g)?.length ?? 0).toBe(marked);
  expect(html.match(/⟧<\/b>/g)?.length ?? 0).toBe(marked);
  // emphasis that cmark-gfm did not take shows as literal asterisks outside code
  expect(html.replace(/<code>[\s\S]*?<\/code>/g, '')).not.toContain('**');
  return marked;
}

describe('Markdown report on GitHub (cmark-gfm)', () => {
  itGfm('shows a span next to Chinese characters in bold, where `**…**` would stay literal', () => {
    // the old form, to show the test can fail: a delimiter run between punctuation and a Han character
    expect(gfm('准确率为**⟦96.2%⟧**。')).toContain('**');
    const html = gfm(`准确率为${highlight('96.2%')}。`);
    expect(html).toContain('<b>⟦96.2%⟧</b>');
  });

  itGfm('renders every highlight of a report as bold and every hostile text as text', async () => {
    const records = [
      nasty,
      { id: 'h2', en: 'Accuracy is 95.2% with 3 models.', zh: '准确率为__96.2%__，使用3个模型。<script>alert(1)</script>' },
      { id: 'h3', en: 'We use pre-trained models on 4 datasets.', zh: '我们在5个数据集上使用预先培训的模型。' },
    ];
    const { md, index } = await auditOne(records);
    expect(expectHighlightsRender(md)).toBeGreaterThan(2);
    const html = gfm(md);
    expect(html).not.toMatch(/<script|<b>粗体/);
    expect(html).toContain('&lt;script&gt;');
    // tables survive: one <table> per Markdown table
    expect(html.match(/<table>/g)?.length).toBe(md.match(/^\| --- /gm)?.length);
    expect(gfm(index)).toContain('<table>');
  });

  itGfm('escapes file names everywhere they appear', () => {
    expect(gfm(mdLink('a_b*c`[x].jsonl', 'a.md'))).toContain('>a_b*c`[x].jsonl</a>');
    expect(gfm(locate({ ...blockFixture, file: 'we`ird|name.txt' }, 0, 'paragraphs').replace(/^/, '- ')).replace(/\s+/g, ' ')).toContain('we`ird|name.txt:3:3');
  });
});

const blockFixture = {
  id: '0:0', file: 'x.txt', lines: [3, 3] as [number, number], raw: '  abc', text: 'abc', claimed: 'translation' as const,
  language: 'zh' as const, script: 'simplified' as const, role: 'translation' as const, hanRatio: 1,
};

describe('Markdown report at corpus scale', () => {
  /** 150 records: every third with a wrong number (review or bad), the rest faithful. */
  function corpus(): object[] {
    return Array.from({ length: 150 }, (_, i) => ({
      id: `2401.${String(i).padStart(5, '0')}`,
      title: `Paper ${i}`,
      en: `We train ${i + 2} models on ${i + 3} datasets. The accuracy reaches ${i % 50}.5% on the test set.`,
      zh: `我们在${i + 3}个数据集上训练了${i + 2}个模型。测试集上的准确率达到${i % 3 === 0 ? (i % 50) + 1 : i % 50}.5%。`,
    }));
  }

  itGfm('shows every flagged translation, summarizes the good ones, and keeps the block table out', async () => {
    const { md, json } = await auditOne(corpus());
    const verdicts = (json.pairs as unknown as Array<{ verdict: string }>).map((p) => p.verdict);
    const flagged = verdicts.filter((v) => ['review', 'bad', 'mismatched', 'untranslated', 'unpaired'].includes(v)).length;
    expect(flagged).toBeGreaterThanOrEqual(40);
    expect(md).toContain(`## Flagged translations (${flagged})`);
    expect(md.match(/^### \d+\. /gm)).toHaveLength(flagged);
    expect(md).toMatch(/## Other translations \(\d+\)\n\n\d+ good: not listed here/);
    expect(md).not.toContain('## Blocks');
    expect(md).not.toContain('| # | English | Chinese |');
    expectHighlightsRender(md);
    expectValidTables(md);
  });

  it('stays under its size bound, counting what it leaves to the JSON report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'transcheck-md-'));
    writeFileSync(join(dir, 'in.jsonl'), corpus().map((r) => JSON.stringify(r)).join('\n'));
    const run = await audit({ inputs: ['in.jsonl'], cwd: dir, tool: { name: 'transcheck', version: '0' }, configHash: 'x' });
    const file = run.files[0]!;
    const full = renderMarkdown(file, run, { baseName: 'in' });
    const small = renderMarkdown(file, run, { baseName: 'in', maxBytes: 8_000 });
    expect(Buffer.byteLength(small)).toBeLessThanOrEqual(8_000);
    expect(Buffer.byteLength(full)).toBeGreaterThan(8_000);
    expect(small).toMatch(/\d+ more flagged translations \(.*\), the mildest, did not fit/);
    // the worst comes first, so it is the one kept
    const firstFull = full.match(/^### 1\. .*$/m)?.[0];
    expect(small).toContain(firstFull);
  });
});

describe('links to the check docs', () => {
  it('resolve to pages that exist, and docs/ ships in the npm package', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'transcheck-md-'));
    writeFileSync(join(dir, 'transcheck.config.json'), '{}');
    writeFileSync(join(dir, 'in.jsonl'), JSON.stringify(nasty));
    expect(await main({ argv: ['audit', 'in.jsonl', '--out', 'out', '-q', '--format', 'md'], stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: dir })).toBe(0);
    const links = ['in.md', 'index.md'].flatMap((f) => [...readFileSync(join(dir, 'out', f), 'utf8').matchAll(/\]\(<([^>]*docs\/[^>]*)>\)/g)].map((m) => m[1] as string));
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) expect(existsSync(join(dir, 'out', link)), link).toBe(true);
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(import.meta.dirname, '..', '..'), encoding: 'utf8' })) as Array<{ files: Array<{ path: string }> }>;
    const files = new Set(packed[0]!.files.map((f) => f.path));
    for (const link of links) expect(files.has(`docs/${link.split('docs/').pop()}`), link).toBe(true);
  }, 60_000);
});

describe('Markdown report of pairing evidence and verdicts the fixtures do not produce', () => {
  itGfm('shows rejected candidates with their reason, other versions, fixes, suggestions and the new verdicts', () => {
    const run = syntheticRun();
    const md = renderMarkdown(run.files[0]!, run, { baseName: 'synthetic' });
    expect(md).toContain('Closest, rejected: `originals.jsonl:4` “Near miss” (score 0.29) because its numbers 3.5% and 12 do not appear in the translation.');
    expect(md).toContain('Other versions of this paper: `originals.jsonl:5` “Same paper, version 1”.');
    expect(md).toContain('fix: `预训练`');
    expect(md).toContain('suggestion: `效果显著`');
    expect(md).toMatch(/### \d+\. Line 3: nothing-to-translate\n\n.*\n\nNothing to translate: /);
    expect(md).toMatch(/### \d+\. Line 4: too-short\n/);
    expect(md).toContain('Too short to judge either way');
    expectHighlightsRender(md);
  });
});

describe('index page', () => {
  itGfm('puts the columns that matter first and, with thousands of inputs, counts the files beyond its size', () => {
    const run = syntheticRun();
    const one = run.files[0]!;
    const files = Array.from({ length: 60 }, (_, i) => ({ ...one, file: `in/part-${i}.jsonl` }));
    const names = new Map(files.map((f) => [f.file, f.file.replace(/\W/g, '_')]));
    const md = renderIndex({ ...run, files }, names, '../docs', 3_000);
    expect(md).toContain('| report | verdicts | critical | major | minor | translations | originals | layout |');
    const rows = md.split('\n').filter((l) => l.startsWith('| [in/part'));
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(md).toContain(`${60 - rows.length} more files, the mildest, are not listed`);
    expect(gfm(md)).toContain('<table>');
  });
});
