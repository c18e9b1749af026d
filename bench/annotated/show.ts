// Prints a batch of the selection for reading: `npx tsx bench/annotated/show.ts <from> <to>` (0-based,
// end exclusive, in selection order). English and Chinese are split at sentence ends for reading only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../common.js';
import { devRecord, readDevLines, SELECTION_FILE } from './dataset.js';

const args = process.argv.slice(2);
const from = Number(args[0] ?? 0);
const to = Number(args[1] ?? from + 10);
const path = join(sharedDir(args), 'corpora', 'arxiv-gt-zh', 'dev.jsonl');
const lines = readDevLines(path);
const selection = JSON.parse(readFileSync(SELECTION_FILE, 'utf8')) as { pairs: Array<{ line: number }> };
for (let k = from; k < to && k < selection.pairs.length; k++) {
  const { line } = selection.pairs[k]!;
  const r = devRecord(lines, line, path);
  process.stdout.write(`\n=== #${k} line ${line} ${r.id} — ${r.title ?? ''}\n`);
  process.stdout.write(`EN: ${r.en.replace(/([.?!]) (?=[A-Z])/g, '$1\n    ')}\n`);
  process.stdout.write(`ZH: ${r.zh.replace(/([。？！])/g, '$1\n    ')}\n`);
}
