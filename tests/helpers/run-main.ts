// Runs the CLI's injectable `main()` in process with string sinks, as the CLI tests need it: one copy
// instead of the same sink/run pair in every test file.
import { main, type MainIo } from '../../src/cli/main.js';

/** A writable that keeps what was written; `isTTY` as a terminal or a log would report it. */
export function sink(isTTY = false) {
  let text = '';
  return { write: (s: string) => { text += s; return true; }, isTTY, get text() { return text; } };
}

/** `main({ argv, cwd })` with an empty environment unless `more` gives one; its exit code and output. */
export async function runMain(argv: string[], cwd: string, more: Partial<MainIo> = {}) {
  const stdout = sink();
  const stderr = sink();
  const code = await main({ argv, stdout, stderr, env: {}, cwd, ...more });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
