// `npm run bench -- <name> [options]`: runs bench/<name>.ts, whose `run(args)` prints its figures
// and writes bench/results/<name>.md. With no name, lists the benchmarks.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const names = readdirSync(here)
  // A benchmark is a module exporting `run(args)`; the others (common.ts, corrupt.ts) are helpers.
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && /export async function run\(/.test(readFileSync(join(here, f), 'utf8')))
  .map((f) => f.slice(0, -3))
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || !names.includes(name)) {
  process.stderr.write(
    `${name ? `Unknown benchmark \`${name}\`. ` : ''}Usage: npm run bench -- <${names.join('|')}> [options]\n`,
  );
  process.exit(name ? 2 : 0);
}
const mod = (await import(pathToFileURL(join(here, `${name}.ts`)).href)) as {
  run(args: string[]): Promise<void>;
};
await mod.run(args);
