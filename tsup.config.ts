// Builds the CLI as ESM. Runtime dependencies stay external (bundling commander's CJS into ESM output
// breaks with "Dynamic require of events"), except two ESM-only packages that every command loads
// through the pipeline's imports: openai (~300 .mjs files) and zod (~100). Resolving, reading and
// linking that many files cost each run (even --version) about 0.15 CPU s; bundled, their code is
// one file that V8 compiles lazily (measured: --version 0.69 -> 0.53 CPU s, check 1.17 -> 1.05).
// Both stay declared dependencies (their LICENSE files are installed); NOTICE names them.
import { defineConfig } from 'tsup';

export default defineConfig({
  // check-worker: the module each worker thread of the check pool loads (src/pipeline/check-pool.ts).
  entry: { bin: 'src/cli/bin.ts', 'check-worker': 'src/pipeline/check-worker.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  clean: true,
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
  noExternal: ['openai', 'zod'],
  // esbuild's table does not credit node20 with `\p{…}` escapes, so it rewrote every such literal as
  // `new RegExp(…)`, evaluated again on each call of the function that holds it (a regular expression
  // object per call in hot checks). Node 20 supports them all: keep the literals.
  esbuildOptions(options) {
    options.supported = { ...options.supported, 'regexp-unicode-property-escapes': true };
  },
});
