// The Markdown report stays valid whatever the scraped text contains, and shows what a reader needs.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

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
  it('keeps tables intact and shows no raw HTML whatever the text contains', async () => {
    const { md, index } = await auditOne([nasty]);
    expectValidTables(md);
    expectValidTables(index);
    // HTML may appear only inside code spans, where Markdown shows it literally
    expect(md.replace(/(`+)[^`]*?\1/g, '')).not.toMatch(/<script>|<b>/);
    expect(md).toContain('&lt;script&gt;');
  });

  it('shows the aligned sentences side by side and marks the offending text under its sentence', async () => {
    const { md, json } = await auditOne([nasty]);
    expect(json.pairs[0]?.findings.some((f) => f.check === 'numbers')).toBe(true);
    expect(md).toMatch(/\| # \| English \| Chinese \|/);
    expect(md).toMatch(/↳ \*\*major\*\* `numbers`/);
    expect(md).toMatch(/\*\*⟦96\.2%?⟧\*\*/);
    expect(md).toMatch(/in\.jsonl:1 \(character \d+\)/);
  });
});
