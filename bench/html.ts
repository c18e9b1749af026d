// `npm run bench -- html`: the HTML report of the dev corpus through the user's path (the CLI's main,
// --format html), then its size and how fast headless Chromium loads it and answers a filter.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { main } from '../src/cli/main.js';
import { launchChromium } from '../tests/helpers/browser.js';
import { median, option, peakRssMb, sharedDir, table, writeResult } from './common.js';

function sink() {
  return { write: () => true };
}

export async function run(args: string[]): Promise<void> {
  const input = option(args, 'input') ?? join(sharedDir(args), 'corpora', 'arxiv-gt-zh', 'dev.jsonl');
  const loads = Number(option(args, 'loads', '5'));
  const out = mkdtempSync(join(tmpdir(), 'transcheck-bench-html-'));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const code = await main({ argv: ['audit', input, '--out', out, '--format', 'html', '-q'], stdout: sink(), stderr: sink(), env: {}, cwd: process.cwd() });
  const auditSeconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (code !== 0) throw new Error(`audit exited ${code}`);
  const path = join(out, 'index.html');
  const html = readFileSync(path);
  const bytes = statSync(path).size;
  const gzip = gzipSync(html).length;
  const data = /<script type="application\/json" id="transcheck-data">([^<]*)<\/script>/.exec(html.toString('utf8'))?.[1] ?? '';
  const pairs = (JSON.parse(data) as { pairs: unknown[] }).pairs.length;
  const dataBytes = Buffer.byteLength(data);

  const browser = await launchChromium();
  const ready: number[] = [];
  const loaded: number[] = [];
  const filter: number[] = [];
  const expand: number[] = [];
  let heapMb = 0;
  let requestsOut = 0;
  try {
    for (let i = 0; i < loads; i++) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1400, height: 1000 });
      await page.setRequestInterception(true);
      page.on('request', (r) => {
        if (r.url() !== pathToFileURL(path).href && !r.url().startsWith('data:')) requestsOut++;
        void r.continue();
      });
      // Navigation start → the page's script has rendered the table (the page's own mark), and → load event.
      await page.goto(pathToFileURL(path).href, { waitUntil: 'load', timeout: 60_000 });
      await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
      ready.push(Number(await page.evaluate("document.documentElement.getAttribute('data-ready')")));
      loaded.push(Number(await page.evaluate("Math.round(performance.getEntriesByType('navigation')[0].loadEventEnd)")));
      let t = performance.now();
      await page.select('#filter-verdict', 'review');
      await page.waitForFunction("document.getElementById('count').textContent.includes(' of ')");
      filter.push(performance.now() - t);
      t = performance.now();
      await page.click('#pair-table tr.row');
      await page.waitForSelector('td.detail');
      expand.push(performance.now() - t);
      const metrics = await page.metrics();
      heapMb = Math.round((metrics.JSHeapUsedSize ?? 0) / 1e6);
      await page.close();
    }
  } finally {
    await browser.close();
    rmSync(out, { recursive: true, force: true });
  }
  const rows: Array<Array<string | number>> = [
    ['translations in the page', pairs],
    ['file size', `${(bytes / 1e6).toFixed(1)} MB (${Math.round(bytes / pairs)} bytes a translation; embedded data ${(dataBytes / 1e6).toFixed(1)} MB)`],
    ['gzip size', `${(gzip / 1e6).toFixed(1)} MB`],
    [`page ready (table rendered), median of ${loads} loads`, `${median(ready)} ms (min ${Math.min(...ready)}, max ${Math.max(...ready)})`],
    ['load event', `${median(loaded)} ms`],
    ['verdict filter (7k pairs → review)', `${Math.round(median(filter))} ms`],
    ['expand a pair', `${Math.round(median(expand))} ms`],
    ['page JS heap after one expand', `${heapMb} MB`],
    ['requests other than the file', requestsOut],
    ['machine load (1-minute load average, 2 cores) at the end', loadavg()[0]?.toFixed(1) ?? '?'],
    ['audit + report (main, --format html)', `${auditSeconds.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU s, ${peakRssMb()} MB peak RSS`],
  ];
  const md = [
    '# HTML report benchmark',
    '',
    `\`npm run bench -- html\` on \`${input.replace(/.*\/shared\//, 'shared/')}\`: the report written by the CLI (\`--format html\`) and loaded from \`file://\` in headless Chromium (puppeteer-core) on this machine. Times are from navigation start.`,
    '',
    table(['measure', 'value'], rows),
    '',
  ].join('\n');
  process.stdout.write(`${md}\n`);
  writeResult('html', md);
}
