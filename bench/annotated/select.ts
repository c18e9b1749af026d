// Chooses the pairs of the annotated set: a seeded shuffle of dev.jsonl's line numbers, first N.
// `npx tsx bench/annotated/select.ts [--shared <dir>] [--count 200]` writes selection.json.
// The seed is fixed so the same corpus always gives the same selection; annotation follows the
// selection's order, so any prefix is itself a random sample.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { option, rng, sharedDir, shuffle } from '../common.js';
import { devRecord, readDevLines, SELECTION_FILE, textHash } from './dataset.js';

export const SEED = 20261130;

const args = process.argv.slice(2);
const count = Number(option(args, 'count', '200'));
const path = join(sharedDir(args), 'corpora', 'arxiv-gt-zh', 'dev.jsonl');
const lines = readDevLines(path);
const numbers = lines.map((_, i) => i + 1).filter((n) => (lines[n - 1] ?? '').trim() !== '');
const chosen = shuffle(numbers, rng(SEED)).slice(0, count);
const selection = chosen.map((line) => {
  const r = devRecord(lines, line, path);
  return { line, id: r.id, enHash: textHash(r.en), zhHash: textHash(r.zh) };
});
writeFileSync(SELECTION_FILE, `${JSON.stringify({ seed: SEED, corpus: 'arxiv-gt-zh/dev.jsonl', pairs: selection }, null, 1)}\n`);
process.stdout.write(`${selection.length} pairs → ${SELECTION_FILE}\n`);
