// Shared by benchmarks: where the corpora are, reading JSONL, a seeded RNG, timing, Markdown tables.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The shared data folder: `--shared <dir>`, `TRANSCHECK_SHARED`, or `../shared` beside the project. */
export function sharedDir(args: string[]): string {
  const i = args.indexOf('--shared');
  const dir = i >= 0 ? args[i + 1] : process.env.TRANSCHECK_SHARED;
  const chosen = resolve(dir ?? join(here, '..', '..', 'shared'));
  if (!existsSync(chosen)) {
    throw new Error(`Corpora folder not found: ${chosen} (pass --shared <dir> or set TRANSCHECK_SHARED)`);
  }
  return chosen;
}

/** Value of `--name <value>` in args, or the fallback. */
export function option(args: string[], name: string, fallback?: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
}

/** Reads a JSONL file into objects. */
export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** Mulberry32: a small seeded RNG so benchmarks are repeatable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates shuffle in place with the given RNG. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** The middle value (the upper of the two middle ones for an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** A Markdown table from a header and rows. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Writes bench/results/<name>.md atomically. */
export function writeResult(name: string, markdown: string): string {
  const dir = join(here, 'results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.md`);
  writeFileSync(`${path}.tmp`, markdown);
  renameSync(`${path}.tmp`, path);
  return path;
}

/** Peak resident memory so far, in MB. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
