// Vitest global setup: every test run gets a temporary folder of its own, removed when the run ends.
//
// Why: about 80 tests make folders with mkdtemp under os.tmpdir() (reports, spill files, chromium
// profiles, fixtures written on the fly) and most never removed them; a few weeks of test runs left
// 4,000 folders and 6 GB in /tmp on the development machine. os.tmpdir() reads TMPDIR on each call, and
// the test workers and the CLIs the tests spawn inherit this process's environment, so pointing TMPDIR
// at one folder here contains them all, and teardown removes that folder whatever the tests did.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'transcheck-tests-'));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
