// The HTML report in a real browser (headless Chromium via puppeteer-core): rendered DOM, filters,
// search, sorting, no network request, and hostile text shown as text. One browser for every test.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { renderHtml, type HtmlData } from '../../src/report/html.js';
import { browserTestsRun, launchChromium } from '../helpers/browser.js';
import { syntheticRun } from '../helpers/synthetic-run.js';

const root = resolve(import.meta.dirname, '..', '..');

/** A record built to break a page: markup, a closing script tag, a closing details tag, bidi overrides. */
const hostile = {
  id: 'evil-1',
  title: '</details><script>window.__pwned = 1</script> Hostile title',
  en:
    'We study </script><img src=x onerror="window.__pwned = 2"> sparse models on 3 datasets. ' +
    'The accuracy reaches 95.2% on the test set, and the code is at https://example.org/evil.',
  zh: '我们在3个数据集上研究</details><script>window.__pwned = 3</script>稀疏模型\u202Egnp.exe\u001b[31m。测试集上的准确率达到96.2%，代码位于https://example.org/evil。',
};

function sink() {
  let text = '';
  return { write: (s: string) => ((text += s), true), get text() { return text; } };
}

/** Reads the data the page embeds (the JSON escapes are valid JSON). */
function pageData(html: string): HtmlData {
  const m = /<script type="application\/json" id="transcheck-data">([^<]*)<\/script>/.exec(html);
  if (!m) throw new Error('no data element');
  return JSON.parse(m[1] as string) as HtmlData;
}

/** Evaluates an expression in the page (strings keep DOM types out of the Node test program). */
async function q<T>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T;
}

const run = browserTestsRun() ? describe : describe.skip;

run('HTML report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let html: string;
  let data: HtmlData;
  let fileUrl: string;
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'transcheck-html-'));
    writeFileSync(join(dir, 'transcheck.config.json'), '{}');
    writeFileSync(join(dir, 'hostile <&> "name".jsonl'), `${JSON.stringify(hostile)}\n`);
    const code = await main({
      argv: [
        'audit',
        join(root, 'seeds'),
        'hostile <&> "name".jsonl',
        '--originals',
        join(root, 'tests', 'fixtures', 'seed-originals', 'originals.jsonl'),
        '--out',
        'out',
        '--format',
        'html',
        '-q',
      ],
      stdout: sink(),
      stderr: sink(),
      env: {},
      cwd: dir,
    });
    expect(code).toBe(0);
    const path = join(dir, 'out', 'index.html');
    html = readFileSync(path, 'utf8');
    data = pageData(html);
    fileUrl = pathToFileURL(path).href;
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      requests.push(url);
      // Only the page itself (and data: URLs) may load; anything else is a failure, and is not let out.
      if (url === fileUrl || url.startsWith('data:')) void request.continue();
      else void request.abort();
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(fileUrl, { waitUntil: 'load' });
    await page.waitForSelector('html[data-ready]', { timeout: 20_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  const rowCount = () => q<number>(page, "document.querySelectorAll('#pair-table tr.row').length");
  const countText = () => q<string>(page, "document.getElementById('count').textContent");
  async function choose(name: string, value: string): Promise<void> {
    await page.select(`#filter-${name}`, value);
  }
  async function reset(): Promise<void> {
    await page.click('#reset');
  }

  it('renders the summary, the charts and the rows with no script error', async () => {
    expect(errors).toEqual([]);
    const total = data.pairs.length;
    expect(total).toBeGreaterThan(30);
    expect(await countText()).toBe(`${total} translations`);
    expect(await rowCount()).toBe(Math.min(100, total));
    const bars = await q<string[]>(page, "[...document.querySelectorAll('.chart .bar')].map((g) => g.getAttribute('data-filter'))");
    const verdicts = data.verdicts.filter((v) => data.summary.byVerdict[v] > 0);
    expect(bars.filter((b) => b.startsWith('verdict:'))).toEqual(verdicts.map((v) => `verdict:${v}`));
    expect(bars.filter((b) => b.startsWith('check:')).sort()).toEqual(Object.keys(data.summary.byCheck).map((c) => `check:${c}`).sort());
    expect(await q<number>(page, "document.querySelectorAll('#files tr.file-row').length")).toBe(data.files.length);
    // The escaped file name shows as the text it is.
    expect(await q<string>(page, "document.getElementById('files').textContent")).toContain('hostile <&> "name".jsonl');
  });

  it('makes no network request: every request is the file itself', async () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => u !== fileUrl && !u.startsWith('data:'))).toEqual([]);
  });

  it('filters by verdict, check, severity and file, and a chart bar filters too', async () => {
    const byVerdict = (v: string) => data.pairs.filter((p) => p.v === v).length;
    await choose('verdict', 'review');
    expect(await countText()).toBe(`${byVerdict('review')} of ${data.pairs.length} translations`);
    const badges = await q<string[]>(page, "[...document.querySelectorAll('#pair-table tr.row .badge')].map((b) => b.textContent)");
    expect(badges.length).toBe(byVerdict('review'));
    expect(new Set(badges)).toEqual(new Set(['review']));
    await reset();

    await choose('check', 'glossary');
    const withGlossary = data.pairs.filter((p) => p.fs.some((f) => f.k === 'glossary')).length;
    expect(withGlossary).toBeGreaterThan(0);
    expect(await rowCount()).toBe(withGlossary);
    await choose('severity', 'major');
    const majorGlossary = data.pairs.filter((p) => p.fs.some((f) => f.k === 'glossary' && (f.sv === 'major' || f.sv === 'critical'))).length;
    expect(await rowCount()).toBe(majorGlossary);
    await reset();

    await choose('severity', 'none');
    expect(await rowCount()).toBe(data.pairs.filter((p) => p.fs.length === 0).length);
    await reset();

    const hostileFile = data.files.findIndex((f) => f.file.includes('hostile'));
    await choose('file', String(hostileFile));
    expect(await rowCount()).toBe(1);
    await reset();

    await page.click('.chart .bar[data-filter="verdict:untranslated"]');
    expect(await q<string>(page, "document.getElementById('filter-verdict').value")).toBe('untranslated');
    expect(await rowCount()).toBe(Math.min(100, byVerdict('untranslated')));
    await reset();
    expect(await rowCount()).toBe(Math.min(100, data.pairs.length));
  });

  it('searches the texts and sorts by score both ways', async () => {
    await page.type('#search', 'gnp.exe');
    await page.waitForFunction("document.querySelectorAll('#pair-table tr.row').length === 1", { timeout: 5000 });
    await page.click('#search', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type('#search', 'no such text anywhere');
    await page.waitForFunction("document.getElementById('count').textContent.startsWith('0 of')", { timeout: 5000 });
    expect(await q<number>(page, "document.querySelectorAll('#pair-table-box p.empty').length")).toBe(1);
    await reset();
    await page.$eval('#search', (e) => ((e as unknown as { value: string }).value = ''));

    await choose('verdict', 'review');
    const scores = () => q<number[]>(page, "[...document.querySelectorAll('#pair-table tr.row td:nth-child(3)')].map((td) => Number(td.textContent))");
    await page.click('#pair-table th:nth-child(3)');
    const up = await scores();
    expect(up.length).toBeGreaterThan(1);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await page.click('#pair-table th:nth-child(3)');
    const down = await scores();
    expect(down).toEqual([...up].sort((a, b) => b - a));
    await reset();
  });

  it('shows a pair side by side with its error spans marked and its findings and pairing evidence', async () => {
    await choose('verdict', 'review');
    await choose('check', 'glossary');
    await page.click('#pair-table tr.row');
    const detail = await q<{ marks: number; counterparts: number; cards: number; en: number; zh: number; pairing: string; markedText: string }>(
      page,
      `(() => {
        const d = document.querySelector('td.detail');
        return {
          marks: d.querySelectorAll('td.zh mark').length,
          counterparts: d.querySelectorAll('td.en mark.cp').length,
          cards: d.querySelectorAll('.finding').length,
          en: d.querySelectorAll('table.aligned td.en').length,
          zh: d.querySelectorAll('table.aligned td.zh').length,
          pairing: d.querySelector('.pairing').textContent,
          markedText: d.querySelector('td.zh mark').textContent,
        };
      })()`,
    );
    expect(detail.marks).toBeGreaterThan(0);
    // both sides: the English term a wrong rendering stands for is marked too
    expect(detail.counterparts).toBeGreaterThan(0);
    expect(detail.cards).toBeGreaterThan(0);
    expect(detail.en).toBeGreaterThan(0);
    expect(detail.zh).toBe(detail.en);
    expect(detail.pairing).toMatch(/Original: .*originals\.jsonl:\d+/);
    expect(detail.pairing).toMatch(/among \d+ candidates/);
    // The marked text is a finding's actual text, and a click on the mark highlights that finding.
    const pair = data.pairs.find((p) => p.v === 'review' && p.fs.some((f) => f.k === 'glossary'));
    expect(pair?.fs.some((f) => f.r && pair.zh.slice(f.r[0], f.r[1]).includes(detail.markedText))).toBe(true);
    await page.click('td.detail td.zh mark');
    expect(await q<number>(page, "document.querySelectorAll('td.detail .finding.hl').length")).toBeGreaterThan(0);
    await page.click('#pair-table tr.row.open');
    expect(await q<number>(page, "document.querySelectorAll('td.detail').length")).toBe(0);
    await reset();
  });

  it('keeps the view in the URL fragment, so a link opens the same filters and pair', async () => {
    await choose('verdict', 'review');
    await page.click('#pair-table tr.row');
    const hash = await q<string>(page, 'location.hash');
    const openId = await q<string>(page, "document.querySelector('#pair-table tr.row.open').dataset.i");
    expect(hash).toBe(`#verdict=review&open=${encodeURIComponent(data.pairs[Number(openId)]?.id ?? '')}`);
    await page.click('#pair-table tr.row.open');
    await reset();
    expect(await q<string>(page, 'location.hash')).toBe('');
    const linked = await browser.newPage();
    await linked.goto(fileUrl + hash, { waitUntil: 'load' });
    await linked.waitForSelector('html[data-ready]');
    expect(await q<string>(linked, "document.getElementById('filter-verdict').value")).toBe('review');
    expect(await q<number>(linked, "document.querySelectorAll('td.detail').length")).toBe(1);
    await linked.close();
  });

  it('shows a hostile abstract as text: nothing runs, markup and bidi overrides are visible', async () => {
    await page.type('#search', 'gnp.exe');
    await page.waitForFunction("document.querySelectorAll('#pair-table tr.row').length === 1", { timeout: 5000 });
    await page.click('#pair-table tr.row');
    const shown = await q<{ text: string; controls: string[]; scripts: number; imgs: number; pwned: unknown }>(
      page,
      `(() => {
        const d = document.querySelector('td.detail');
        return {
          text: d.textContent,
          controls: [...d.querySelectorAll('.ctl')].map((c) => c.textContent),
          scripts: document.scripts.length,
          imgs: document.querySelectorAll('img').length,
          pwned: window.__pwned,
        };
      })()`,
    );
    expect(shown.pwned).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(shown.scripts).toBe(2); // the data and the page's own script
    expect(shown.imgs).toBe(0);
    expect(shown.text).toContain('</details><script>window.__pwned = 1</script> Hostile title');
    expect(shown.text).toContain('</script><img src=x onerror="window.__pwned = 2">');
    expect(shown.text).toContain('<script>window.__pwned = 3</script>');
    expect(new Set(shown.controls)).toEqual(new Set(['U+202E', 'U+001B'])); // in the text, and in evidence that quotes it
    expect(shown.text).not.toMatch(/[\u202E\u001b]/);
    await page.click('#pair-table tr.row.open');
    await reset();
    await page.$eval('#search', (e) => ((e as unknown as { value: string }).value = ''));
    expect(requests.filter((u) => u !== fileUrl && !u.startsWith('data:'))).toEqual([]);
    expect(html.split('<script').length - 1).toBe(2);
  });

  it('shows rejected candidates with their reasons, other versions, safe fixes, suggestions and every verdict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'transcheck-html-synthetic-'));
    const path = join(dir, 'index.html');
    writeFileSync(path, renderHtml(syntheticRun(), { docsBase: '../docs' }));
    const other = await browser.newPage();
    const outside: string[] = [];
    await other.setRequestInterception(true);
    other.on('request', (r) => {
      if (r.url() !== pathToFileURL(path).href) outside.push(r.url());
      void r.continue();
    });
    await other.goto(pathToFileURL(path).href, { waitUntil: 'load' });
    await other.waitForSelector('html[data-ready]');
    const bars = await q<string[]>(other, "[...document.querySelectorAll('.chart .bar')].map((g) => g.getAttribute('data-filter'))");
    expect(bars).toEqual(expect.arrayContaining(['verdict:nothing-to-translate', 'verdict:too-short', 'verdict:unpaired', 'verdict:review']));
    // worst first: mismatched, review, unpaired, too-short, nothing-to-translate
    expect(await q<string[]>(other, "[...document.querySelectorAll('#pair-table tr.row .badge')].map((b) => b.textContent)")).toEqual([
      'mismatched', 'review', 'unpaired', 'too-short', 'nothing-to-translate',
    ]);
    await other.click('#pair-table tr.row');
    expect(await q<string>(other, "document.querySelector('td.detail .pairing').textContent")).toContain(
      'Mismatched: the input attaches this translation to synthetic.jsonl:6 [attached-1], which it does not translate.',
    );
    await other.click('#pair-table tr.row.open');
    // the corpus-wide terminology table: a click on a rendering searches for it
    await other.$eval('details.terms', (d) => ((d as unknown as { open: boolean }).open = true));
    expect(await q<string>(other, "document.querySelector('details.terms tbody').textContent")).toContain('✗ 预先培训 (1)');
    await other.click('details.terms .rendering.wrong');
    expect(await q<string>(other, "document.getElementById('count').textContent")).toBe('1 of 5 translations');
    await other.click('#reset');
    await other.select('#filter-verdict', 'review');
    await other.click('#pair-table tr.row');
    const reviewed = await q<{ fix: string; del: string; ins: string; sugg: string; versions: string; gapOrMarks: number }>(
      other,
      `(() => {
        const d = document.querySelector('td.detail');
        return {
          fix: d.querySelector('.fix').textContent,
          del: d.querySelector('.fix del').textContent,
          ins: d.querySelector('.fix ins').textContent,
          sugg: d.querySelector('.sugg').textContent,
          versions: d.querySelector('.pairing').textContent,
          gapOrMarks: d.querySelectorAll('td.zh mark').length,
        };
      })()`,
    );
    expect(reviewed.del + '→' + reviewed.ins).toBe('预先培训→预训练');
    expect(reviewed.sugg).toContain('效果显著');
    expect(reviewed.sugg).toContain('not applied automatically');
    expect(reviewed.versions).toContain('Other versions of the same paper');
    expect(reviewed.versions).toContain('originals.jsonl:5 [2101.00005] “Same paper, version 1”');
    expect(reviewed.gapOrMarks).toBe(2);
    // a finding on a sentence without a range sits under that sentence's bead
    expect(await q<string>(other, "document.querySelector('td.detail tr.bead-findings').textContent")).toContain('Unexpected omission of a source sentence');
    await other.click('#pair-table tr.row.open');
    await other.select('#filter-verdict', 'unpaired');
    await other.click('#pair-table tr.row');
    const pairing = await q<string>(other, "document.querySelector('td.detail .pairing').textContent");
    expect(pairing).toContain('none found among 40 candidates');
    expect(pairing).toContain('originals.jsonl:3 [2101.00003] “A close but different paper” — score 0.31');
    expect(pairing).toContain('Rejected candidates');
    expect(pairing).toContain('originals.jsonl:4 [2101.00004] “Near miss” — score 0.29, rejected because its numbers 3.5% and 12 do not appear in the translation');
    expect(outside).toEqual([]);
    await other.close();
  });
});
