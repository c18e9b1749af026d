// Compiles the hand-written annotations (annotations.txt: span texts, severities, categories) into
// dev-annotations.jsonl with offsets, hashes and the pair-level label, so no offset is ever counted
// by hand. `npx tsx bench/annotated/build.ts [--shared <dir>]`. Fails, naming the line, when a span
// text does not occur in the record, or occurs more than once without an `@k` occurrence index.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countEnglishWords } from '../../src/core/text.js';
import type { MqmCategory } from '../../src/core/types.js';
import { sharedDir } from '../common.js';
import {
  ANNOTATED_DIR,
  ANNOTATIONS_FILE,
  type AnnotatedError,
  type AnnotatedPair,
  devRecord,
  readDevLines,
  SELECTION_FILE,
  textHash,
} from './dataset.js';
import { needsRevision } from './rule.js';

export const SOURCE_FILE = join(ANNOTATED_DIR, 'annotations.txt');

/** Short category names used in annotations.txt. */
export const CATEGORY: Record<string, MqmCategory> = {
  mis: 'accuracy/mistranslation',
  om: 'accuracy/omission',
  add: 'accuracy/addition',
  untr: 'accuracy/untranslated',
  term: 'terminology/inappropriate',
  incons: 'terminology/inconsistent',
  punct: 'fluency/punctuation',
  spell: 'fluency/spelling',
  gram: 'fluency/grammar',
  enc: 'fluency/character-encoding',
  reg: 'fluency/register',
  awk: 'style/awkward',
  script: 'locale/script',
  other: 'other',
};
const SEVERITY = { C: 'critical', M: 'major', m: 'minor' } as const;

/**
 * [start, end) of `spec` in `text`: `spec` is the span text, optionally `text@k` for its k-th
 * occurrence (1-based). Throws when absent, or ambiguous without `@k`.
 */
export function locate(text: string, spec: string): [number, number] {
  const m = /^(.*)@(\d+)$/s.exec(spec);
  const needle = m ? m[1]! : spec;
  const wanted = m ? Number(m[2]) : 0;
  if (needle === '') throw new Error('empty span text');
  const starts: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) starts.push(i);
  if (starts.length === 0) throw new Error(`span text not found: ${JSON.stringify(needle)}`);
  if (wanted === 0 && starts.length > 1) {
    throw new Error(`span text occurs ${starts.length} times, add @k: ${JSON.stringify(needle)}`);
  }
  const start = starts[(wanted || 1) - 1];
  if (start === undefined) throw new Error(`span text occurs ${starts.length} times, not ${wanted}: ${JSON.stringify(needle)}`);
  return [start, start + needle.length];
}

/** One parsed pair of annotations.txt before offsets are computed. */
interface DraftPair {
  line: number;
  override?: { value: boolean; reason: string };
  errors: Array<{ sev: keyof typeof SEVERITY; cat: string; zh: string; en: string; note: string; at: number }>;
}

/**
 * Parses annotations.txt. Format, one item a line (`#` starts a comment line):
 *   `= <dev.jsonl line>`                         a pair (every pair read is listed, with or without errors)
 *   `<C|M|m> <cat> <zh span> | <en span> | <note>`  an error; `-` for a span that does not exist
 *   `? yes|no <reason>`                          needsRevision departing from the rule, with why
 */
export function parseDrafts(source: string): DraftPair[] {
  const pairs: DraftPair[] = [];
  source.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const at = i + 1;
    if (line.startsWith('=')) {
      pairs.push({ line: Number(line.slice(1).trim()), errors: [] });
      return;
    }
    const current = pairs.at(-1);
    if (!current) throw new Error(`annotations.txt:${at}: an error before any \`= <line>\``);
    if (line.startsWith('?')) {
      const m = /^\?\s+(yes|no)\s+(.+)$/.exec(line);
      if (!m) throw new Error(`annotations.txt:${at}: expected \`? yes|no <reason>\``);
      current.override = { value: m[1] === 'yes', reason: m[2]! };
      return;
    }
    const m = /^([CMm])\s+(\w+)\s+(.*)$/.exec(line);
    if (!m) throw new Error(`annotations.txt:${at}: cannot read ${JSON.stringify(line)}`);
    const parts = m[3]!.split(' | ');
    if (parts.length < 2) throw new Error(`annotations.txt:${at}: expected \`zh | en | note\``);
    if (!(m[2]! in CATEGORY)) throw new Error(`annotations.txt:${at}: unknown category ${m[2]}`);
    current.errors.push({
      sev: m[1] as keyof typeof SEVERITY,
      cat: m[2]!,
      zh: parts[0]!.trim(),
      en: parts[1]!.trim(),
      note: parts.slice(2).join(' | ').trim(),
      at,
    });
  });
  return pairs;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const path = join(sharedDir(args), 'corpora', 'arxiv-gt-zh', 'dev.jsonl');
  const lines = readDevLines(path);
  const selection = JSON.parse(readFileSync(SELECTION_FILE, 'utf8')) as { pairs: Array<{ line: number }> };
  const order = new Map(selection.pairs.map((p, i) => [p.line, i]));
  const drafts = parseDrafts(readFileSync(SOURCE_FILE, 'utf8'));
  const seen = new Set<number>();
  const out: AnnotatedPair[] = [];
  const problems: string[] = [];
  for (const d of drafts) {
    if (!order.has(d.line)) problems.push(`pair ${d.line}: not in selection.json`);
    if (seen.has(d.line)) problems.push(`pair ${d.line}: annotated twice`);
    seen.add(d.line);
    const r = devRecord(lines, d.line, path);
    const errors: AnnotatedError[] = [];
    for (const e of d.errors) {
      try {
        const zh = e.zh === '-' ? null : locate(r.zh, e.zh);
        const en = e.en === '-' ? null : locate(r.en, e.en);
        if (!zh && !en) throw new Error('an error needs a Chinese or an English span');
        errors.push({
          zh,
          zhText: zh ? r.zh.slice(zh[0], zh[1]) : '',
          en,
          enText: en ? r.en.slice(en[0], en[1]) : '',
          category: CATEGORY[e.cat]!,
          severity: SEVERITY[e.sev],
          note: e.note,
        });
      } catch (err) {
        problems.push(`annotations.txt:${e.at} (pair ${d.line}): ${(err as Error).message}`);
      }
    }
    const rule = needsRevision(errors, countEnglishWords(r.en));
    out.push({
      line: d.line,
      id: r.id,
      enHash: textHash(r.en),
      zhHash: textHash(r.zh),
      needsRevision: d.override ? d.override.value : rule,
      ...(d.override && d.override.value !== rule ? { override: d.override.reason } : {}),
      errors,
    });
  }
  // Annotation follows the selection order, so the set is always a prefix of the random sample.
  const positions = out.map((p) => order.get(p.line) ?? -1).sort((a, b) => a - b);
  positions.forEach((p, i) => {
    if (p !== i) problems.push(`selection position ${i} is not annotated (pairs must be annotated in selection order)`);
  });
  if (problems.length > 0) {
    process.stderr.write(`${[...new Set(problems)].join('\n')}\n`);
    process.exit(1);
  }
  out.sort((a, b) => order.get(a.line)! - order.get(b.line)!);
  writeFileSync(ANNOTATIONS_FILE, `${out.map((p) => JSON.stringify(p)).join('\n')}\n`);
  const flagged = out.filter((p) => p.needsRevision).length;
  const count = (s: string) => out.reduce((n, p) => n + p.errors.filter((e) => e.severity === s).length, 0);
  process.stdout.write(
    `${out.length} pairs, ${flagged} need revision; errors: ${count('critical')} critical, ${count('major')} major, ${count('minor')} minor → ${ANNOTATIONS_FILE}\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
