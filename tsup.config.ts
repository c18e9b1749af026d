// Builds the CLI as one ESM file; every runtime dependency stays external (see DEPENDENCIES notes
// in README: bundling commander's CJS into ESM output breaks with "Dynamic require of events").
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
});
