// `npm run bench -- fix`: `transcheck fix` through main() on the seeds and on dev.jsonl (copied to a temporary
// folder, never into the repo): fixes applied by check, what the re-audit of the corrected copies still finds
// (findings with a safe fix left, findings not in the first audit), and a line-by-line check that only the
// fixed records changed and only in their translation field.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.js';
import type { FixSummary } from '../src/cli/fix.js';
import { option, peakRssMb, sharedDir, table, writeResult } from './common.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Measured {
  name: string;
  summary: FixSummary;
  cpuSeconds: number;
  wallSeconds: number;
  /** Lines of the output that differ from the input, and those that differ outside the translation field. */
  changedLines: number;
  changedElsewhere: number;
}

/** Lines that differ between input and output files, and of those (JSONL) the ones with a field other than zh changed. */
function compare(inDir: string, outDir: string): { changed: number; elsewhere: number } {
  let changed = 0;
  let elsewhere = 0;
  for (const name of readdirSync(inDir)) {
    const a = readFileSync(join(inDir, name), 'utf8').split('\n');
    const b = readFileSync(join(outDir, name), 'utf8').split('\n');
    if (a.length !== b.length) throw new Error(`${name}: the corrected copy has ${b.length} lines where the input has ${a.length}`);
    a.forEach((line, i) => {
      if (line === b[i]) return;
      changed++;
      if (!name.endsWith('.jsonl')) return;
      const x = JSON.parse(line) as Record<string, unknown>;
      const y = JSON.parse(b[i] as string) as Record<string, unknown>;
      if (Object.keys(x).some((k) => k !== 'zh' && JSON.stringify(x[k]) !== JSON.stringify(y[k]))) elsewhere++;
    });
  }
  return { changed, elsewhere };
}

async function measure(name: string, inDir: string, inputs: string[]): Promise<Measured> {
  const outDir = mkdtempSync(join(tmpdir(), 'transcheck-bench-fix-out-'));
  let stdout = '';
  let stderr = '';
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const code = await main({
    argv: ['fix', ...inputs, '--out', outDir, '--json'],
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    cwd: root,
  });
  const wallSeconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (code !== 0) throw new Error(`transcheck fix exited ${code}: ${stderr}`);
  const summary = JSON.parse(stdout) as FixSummary;
  const { changed, elsewhere } = compare(inDir, outDir);
  rmSync(outDir, { recursive: true, force: true });
  return { name, summary, cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds, changedLines: changed, changedElsewhere: elsewhere };
}

function byCheck(counts: Record<string, number>): string {
  return Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
}

export async function run(args: string[]): Promise<void> {
  const shared = sharedDir(args);
  const work = mkdtempSync(join(tmpdir(), 'transcheck-bench-fix-'));
  const seeds = join(work, 'seeds');
  cpSync(join(root, 'seeds'), seeds, { recursive: true });
  const devDir = join(work, 'dev');
  cpSync(option(args, 'dev', join(shared, 'corpora', 'arxiv-gt-zh', 'dev.jsonl')) as string, join(devDir, 'dev.jsonl'));

  const results: Measured[] = [];
  for (const [name, dir] of [
    ['seeds', seeds],
    ['dev.jsonl', devDir],
  ] as const) {
    const m = await measure(name, dir, [dir]);
    results.push(m);
    const s = m.summary;
    process.stdout.write(
      `${name}: ${s.fixes} fixes in ${s.blocksChanged} blocks of ${s.filesChanged}/${s.files} files, ${s.passes} passes (${byCheck(s.byCheck)}); ` +
        `${s.skipped.length} blocks skipped; re-audit: findings ${s.before.findings} → ${s.after.findings}, with a safe fix ${s.before.fixable} → ${s.after.fixable}, ` +
        `not in the first audit ${Object.values(s.after.newFindings).reduce((a, b) => a + b, 0)}; lines changed ${m.changedLines} (outside the translation field ${m.changedElsewhere}); ` +
        `${m.cpuSeconds.toFixed(1)} CPU s, ${m.wallSeconds.toFixed(1)} s\n`,
    );
  }
  rmSync(work, { recursive: true, force: true });
  const peak = peakRssMb();
  process.stdout.write(`peak memory ${peak} MB\n`);

  const rows = results.map((m) => {
    const s = m.summary;
    const added = Object.values(s.after.newFindings).reduce((a, b) => a + b, 0);
    return [m.name, s.files, s.blocksChanged, s.fixes, s.passes, s.skipped.length, `${s.before.findings} → ${s.after.findings}`, `${s.before.fixable} → ${s.after.fixable}`, `${added}${added > 0 ? ` (${byCheck(s.after.newFindings)})` : ''}`, m.changedLines, m.changedElsewhere, m.cpuSeconds.toFixed(1)];
  });
  const markdown = [
    '# `transcheck fix`: corrected copies and their re-audit',
    '',
    'Measured with `npm run bench -- fix`: `transcheck fix <input> --out <tmp> --json` through `main()` on a copy of',
    '`seeds/` and of `arxiv-gt-zh/dev.jsonl` (both in a temporary folder), offline (no judge). The target (issue 10',
    'part 4): the re-audit of the corrected copies shows no finding that has a safe fix and none that the first',
    'audit did not have (compared by translation block, check and message).',
    '',
    table(
      ['input', 'files', 'blocks changed', 'fixes', 'passes', 'blocks skipped', 'findings before → after', 'with a safe fix before → after', 'new findings', 'lines changed', 'changed outside `zh`', 'CPU s'],
      rows,
    ),
    '',
    'Fixes applied by check:',
    '',
    ...results.map((m) => `- ${m.name}: ${byCheck(m.summary.byCheck)}`),
    '',
    'Blocks skipped (their fixes could not be mapped into the file safely):',
    '',
    ...results.map((m) => `- ${m.name}: ${m.summary.skipped.length === 0 ? 'none' : m.summary.skipped.slice(0, 10).map((k) => `${k.file} lines ${k.lines[0]}–${k.lines[1]}: ${k.reason}`).join('; ')}`),
    '',
    'Findings of the re-audit that the first audit did not have at their block (first 20 of each input):',
    '',
    ...results.flatMap((m) => (m.summary.after.newFindingList.length === 0 ? [`- ${m.name}: none`] : m.summary.after.newFindingList.map((f) => `- ${m.name} line ${f.lines[0]}: ${f.message.replace(/\|/g, '\\|')}`))),
    '',
    `Peak memory of the whole benchmark: ${peak} MB. "lines changed" counts the output lines that differ from the`,
    'input; "changed outside `zh`" counts JSONL lines where any other field differs after parsing (must be 0).',
    '',
  ].join('\n');
  const path = writeResult('fix', markdown);
  process.stdout.write(`wrote ${path}\n`);
}
