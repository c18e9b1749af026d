// `npm run bench -- mine-glossary`: mines arxiv-gt-zh for ML terms and how Google Translate rendered them; prints candidates for hand curation, writes nothing.
import { join } from 'node:path';
import { createGlossary, loadGlossary, parseGlossaryTsv, stemWord } from '../src/lexicon/glossary.js';
import { ANNOTATIONS_FILE } from './annotated/dataset.js';
import type { Glossary, GlossaryEntry } from '../src/lexicon/glossary.js';
import { readFileSync } from 'node:fs';
import { alignSentences, splitChinese, splitEnglish } from '../src/pipeline/align.js';
import { getCedict } from '../src/lexicon/cedict.js';
import { segment } from '../src/lexicon/segment.js';
import { option, readJsonl, sharedDir } from './common.js';

interface Record_ {
  en: string;
  zh: string;
}
interface WmtRecord {
  system: string;
  target: string;
}

const STOP = new Set(
  'a an the of in on for to and or with by from as at is are be been this that these those we our it its which can show results method methods approach paper propose proposed based using use used new two one also than more such both can not via into over under between each other their has have'.split(
    ' ',
  ),
);

/** Distinct Han n-grams (lengths min..max) of a text. */
function hanNgrams(text: string, min: number, max: number): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    for (let n = min; n <= max; n++) for (let i = 0; i + n <= run.length; i++) out.add(run.slice(i, i + n));
  }
  return out;
}

/** Document frequency of every Han n-gram over the corpus. */
function documentFrequency(grams: Array<Set<string>>): Map<string, number> {
  const df = new Map<string, number>();
  for (const set of grams) for (const g of set) df.set(g, (df.get(g) ?? 0) + 1);
  return df;
}

/** Han n-grams over-represented in the given documents, as `gram count/of`, best first. */
function associated(docs: number[], grams: Array<Set<string>>, df: Map<string, number>, total: number, top: number): string[] {
  const counts = new Map<string, number>();
  for (const d of docs) for (const g of grams[d] as Set<string>) counts.set(g, (counts.get(g) ?? 0) + 1);
  const minCount = Math.max(2, Math.ceil(docs.length * 0.15));
  const scored = [...counts]
    .filter(([, c]) => c >= minCount)
    .map(([g, c]) => ({ g, c, score: c / docs.length - (df.get(g) ?? 0) / total }))
    .sort((a, b) => b.score - a.score || b.g.length - a.g.length);
  const kept: typeof scored = [];
  for (const s of scored) {
    // Drop a gram that is a piece of a kept one with the same support.
    if (kept.some((k) => k.g.includes(s.g) && k.c >= s.c * 0.9)) continue;
    kept.push(s);
    if (kept.length >= top) break;
  }
  return kept.map((k) => `${k.g} ${k.c}/${docs.length}`);
}

/** Per entry: coverage by accepted renderings, and what the uncovered translations say instead. */
function auditEntries(glossary: Glossary, records: Record_[], grams: Array<Set<string>>, df: Map<string, number>, refA: string[]): void {
  const docsByEntry = new Map<GlossaryEntry, number[]>();
  records.forEach((r, d) => {
    for (const m of glossary.matchSource(r.en)) {
      const list = docsByEntry.get(m.entry) ?? [];
      if (list[list.length - 1] !== d) list.push(d);
      docsByEntry.set(m.entry, list);
    }
  });
  // One pass over each corpus: which documents hold which wrong rendering (ambiguous ones included).
  const wrongDocs = new Map<string, number[]>();
  records.forEach((r, d) => {
    for (const m of new Set(glossary.matchWrongTarget(r.zh, { includeAmbiguous: true }).map((m) => `${m.entry.en}\u0000${m.wrong}`))) {
      wrongDocs.set(m, [...(wrongDocs.get(m) ?? []), d]);
    }
  });
  const wrongRef = new Map<string, number>();
  for (const t of refA) {
    for (const m of new Set(glossary.matchWrongTarget(t, { includeAmbiguous: true }).map((m) => `${m.entry.en}\u0000${m.wrong}`))) {
      wrongRef.set(m, (wrongRef.get(m) ?? 0) + 1);
    }
  }
  console.log('en\tdocs\tcovered%\twrong: dev-with-term/dev-without/refA\tuncovered docs say');
  for (const entry of glossary.entries) {
    const docs = docsByEntry.get(entry) ?? [];
    const withTerm = new Set(docs);
    const uncovered = docs.filter((d) => {
      const zh = (records[d] as Record_).zh;
      return !entry.zh.some((z) => zh.toLowerCase().includes(z.toLowerCase()));
    });
    const wrongStats = entry.wrong.map((w) => {
      const key = `${entry.en}\u0000${w}`;
      const docsHit = wrongDocs.get(key) ?? [];
      const inTerm = docsHit.filter((d) => withTerm.has(d)).length;
      return `${w} ${inTerm}/${docsHit.length - inTerm}/${wrongRef.get(key) ?? 0}`;
    });
    const covered = docs.length === 0 ? '-' : ((100 * (docs.length - uncovered.length)) / docs.length).toFixed(0);
    const says = uncovered.length >= 3 ? associated(uncovered, grams, df, records.length, 4).join(', ') : '';
    console.log(`${entry.en}\t${docs.length}\t${covered}\t${wrongStats.join(', ')}\t${says}`);
  }
}

/** Frequent English 1-3 word terms the glossary lacks, with their most associated Chinese n-grams. */
function discover(glossary: Glossary, records: Record_[], grams: Array<Set<string>>, df: Map<string, number>, minDocs: number, top: number): void {
  const docsByTerm = new Map<string, number[]>();
  records.forEach((r, d) => {
    const words = (r.en.toLowerCase().match(/[a-z][a-z-]*[a-z]/g) ?? []) as string[];
    const seen = new Set<string>();
    for (let n = 1; n <= 3; n++) {
      for (let i = 0; i + n <= words.length; i++) {
        const w = words.slice(i, i + n);
        if (STOP.has(w[0] as string) || STOP.has(w[n - 1] as string)) continue;
        const term = w.join(' ');
        if (seen.has(term)) continue;
        seen.add(term);
        const list = docsByTerm.get(term) ?? [];
        list.push(d);
        docsByTerm.set(term, list);
      }
    }
  });
  const candidates = [...docsByTerm]
    .filter(([term, docs]) => docs.length >= minDocs && glossary.matchSource(term).length === 0)
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, top);
  for (const [term, docs] of candidates) {
    console.log(`${term}\t${docs.length}\t${associated(docs, grams, df, records.length, 4).join(', ')}`);
  }
}

/**
 * `--words`: single English content words (and their plural/hyphen forms, by the glossary's stemmer), the
 * unit where Google Translate picks an everyday sense (figure → 数字, basis → 基础). Glossary coverage is not
 * a filter here: a covered word is listed with `covered` so its accepted list can be audited too.
 */
function wordCandidates(sentence: string): Array<{ term: string; kind: string }> {
  const out: Array<{ term: string; kind: string }> = [];
  for (const m of sentence.matchAll(/\b[A-Za-z][a-z]{3,}\b/g)) {
    const word = m[0].toLowerCase();
    if (STOP.has(word)) continue;
    out.push({ term: stemWord(word), kind: 'word' });
  }
  return out;
}

/** Word endings that mark an English word as not a noun head (a phrase ending in one is no term). */
const NOT_HEAD = /(?:ly|ed|ing|ive|ous|al|ful|able|ible)$/;

/**
 * Term candidates from the English side: multi-word noun phrases (2-4 words, no stopword inside or at the
 * edges, last word noun-like), hyphenated compounds, and phrases ending in the head word of a glossary
 * term (its family: "... learning", "... network", "... loss").
 */
function candidatesOf(sentence: string, heads: ReadonlySet<string>): Array<{ term: string; kind: string }> {
  const out: Array<{ term: string; kind: string }> = [];
  for (const m of sentence.matchAll(/\b[A-Za-z]+(?:-[A-Za-z]+)+\b/g)) out.push({ term: m[0].toLowerCase(), kind: 'hyphenated' });
  const words = (sentence.toLowerCase().match(/[a-z][a-z-]*[a-z]/g) ?? []) as string[];
  for (let n = 2; n <= 4; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      const w = words.slice(i, i + n);
      if (w.some((x) => STOP.has(x))) continue;
      const last = w[n - 1] as string;
      if (NOT_HEAD.test(last) && !heads.has(last)) continue;
      out.push({ term: w.join(' '), kind: heads.has(last) ? 'family' : 'phrase' });
    }
  }
  return out;
}

/** CC-CEDICT senses of a Chinese rendering: the word's own entry, else those of its jieba words. */
function cedictSenses(zh: string): string {
  const dict = getCedict();
  const own = dict.lookup(zh);
  if (own) return own.slice(0, 4).join('; ');
  return segment(zh)
    .map((t) => `${t.word}=${(dict.lookup(t.word) ?? ['?']).slice(0, 2).join('/')}`)
    .join(' ');
}

/**
 * `--candidates`: for each term candidate (see candidatesOf) the glossary does not cover, the Chinese n-grams
 * over-represented in the Chinese sentences the aligner puts against the English sentences that hold it,
 * with CC-CEDICT's senses of the top one and a flag when none of those senses shares a word with the term
 * (an everyday sense: a candidate wrong rendering of class `sense`).
 */
function mineCandidates(
  glossary: Glossary,
  records: Record_[],
  minDocs: number,
  top: number,
  extract?: (sentence: string) => Array<{ term: string; kind: string }>,
): void {
  const heads = new Set(glossary.entries.map((e) => (e.en.toLowerCase().split(/[\s-]+/).at(-1) ?? '')).filter((h) => h.length > 3));
  const words = extract === wordCandidates;
  extract ??= (sentence) => candidatesOf(sentence, heads);
  const sentenceGrams: Array<Set<string>> = [];
  const byTerm = new Map<string, { kind: string; docs: Set<number>; sentences: number[] }>();
  records.forEach((r, d) => {
    const en = splitEnglish(r.en);
    const zh = splitChinese(r.zh);
    const beads = alignSentences(r.en, r.zh, en, zh);
    for (const bead of beads) {
      const zhText = bead.zh.map((j) => zh[j]?.text ?? '').join('');
      const enText = bead.en.map((j) => en[j]?.text ?? '').join(' ');
      if (zhText === '' || enText === '') continue;
      const index = sentenceGrams.length;
      sentenceGrams.push(hanNgrams(zhText, 2, 6));
      const seen = new Set<string>();
      for (const c of extract(enText)) {
        if (seen.has(c.term)) continue;
        seen.add(c.term);
        let entry = byTerm.get(c.term);
        if (!entry) byTerm.set(c.term, (entry = { kind: c.kind, docs: new Set(), sentences: [] }));
        entry.docs.add(d);
        entry.sentences.push(index);
      }
    }
  });
  const df = documentFrequency(sentenceGrams);
  const candidates = [...byTerm]
    .filter(([term, c]) => c.docs.size >= minDocs && (words || glossary.matchSource(term).every((m) => m.text.toLowerCase() !== term)))
    .sort((a, b) => b[1].docs.size - a[1].docs.size)
    .slice(0, top);
  console.log('candidate\tkind\tabstracts\taligned Chinese (count/sentences)\tCC-CEDICT senses of the top rendering\teveryday sense?');
  for (const [term, c] of candidates) {
    const renderings = associated(c.sentences, sentenceGrams, df, sentenceGrams.length, 4);
    const best = renderings[0]?.split(' ')[0] ?? '';
    const senses = best ? cedictSenses(best) : '';
    const words = term.split(/[\s-]+/).filter((w) => w.length > 2);
    const everyday = best !== '' && !words.some((w) => senses.toLowerCase().includes(w.replace(/s$/, '')));
    const kind = words && glossary.matchSource(term).some((m) => m.text.toLowerCase() === term) ? 'covered' : c.kind;
    console.log(`${term}\t${kind}\t${c.docs.size}\t${renderings.join(', ')}\t${senses}\t${everyday ? 'yes' : ''}`);
  }
}

/**
 * Prints candidates; `--discover` lists uncovered frequent terms, `--candidates` mines term candidates
 * with their aligned Chinese and CC-CEDICT senses, `--extra <tsv>` audits draft entries too.
 */
export async function run(args: string[]): Promise<void> {
  const shared = sharedDir(args);
  // The annotated pairs (bench/annotated/) are left out of mining, so that the accuracy benchmark
  // measures terms found in other abstracts, as held-out data would.
  const annotatedLines = new Set(readJsonl<{ line: number }>(ANNOTATIONS_FILE).map((a) => a.line));
  const records = readJsonl<Record_>(join(shared, 'corpora', 'arxiv-gt-zh', 'dev.jsonl')).filter((_, i) => !annotatedLines.has(i + 1));
  const refA = readJsonl<WmtRecord>(join(shared, 'corpora', 'wmt24-esa-enzh', 'wmt24_esa_enzh.jsonl'))
    .filter((r) => r.system === 'refA')
    .map((r) => r.target);
  const grams = records.map((r) => hanNgrams(r.zh, 2, 5));
  const df = documentFrequency(grams);
  const extra = option(args, 'extra');
  const glossary = extra
    ? createGlossary([...loadGlossary().entries, ...parseGlossaryTsv(readFileSync(extra, 'utf8'), extra)])
    : loadGlossary();
  if (args.includes('--words')) {
    mineCandidates(glossary, records, Number(option(args, 'min-docs', '20')), Number(option(args, 'top', '600')), wordCandidates);
  } else if (args.includes('--candidates')) {
    const limit = Number(option(args, 'limit', String(records.length)));
    mineCandidates(glossary, records.slice(0, limit), Number(option(args, 'min-docs', '15')), Number(option(args, 'top', '300')));
  } else if (args.includes('--discover')) {
    discover(glossary, records, grams, df, Number(option(args, 'min-docs', '40')), Number(option(args, 'top', '300')));
  } else {
    auditEntries(glossary, records, grams, df, refA);
  }
}
