// Test runner configuration: tests mirror src/ under tests/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One temporary folder per run, removed at the end (tests/helpers/global-tmp.ts).
    globalSetup: ['tests/helpers/global-tmp.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
