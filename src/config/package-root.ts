// Finds the package's own folder (the one holding package.json) from src/ or dist/ alike, so bundled
// data (src/lexicon/data, prompts/) is found whether the code runs from source or from the build.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** Absolute path of the transcheck package root. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'transcheck') return (cached = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('transcheck: cannot find the package root (package.json)');
    dir = parent;
  }
}

/** The tool's version from package.json. */
export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
