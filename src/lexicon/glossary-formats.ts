// User terminology in the industry's formats: TBX (ISO 30042, TBX-Basic; TBX 2008 names too) and CSV
// with a header row. Both become GlossaryEntry objects; bad files throw ConfigError naming file and line.
// XML is read with saxes (a small, strict, well-kept SAX parser, the one jsdom uses): it reports
// well-formedness errors with line and column, and gives the line of every element for our own errors.
import { SaxesParser } from 'saxes';
import { ConfigError } from '../core/errors.js';
import { parseDelimited } from '../core/delimited.js';
import type { GlossaryEntry } from './glossary.js';

const TBX_HINT =
  'A TBX glossary holds <conceptEntry> elements with a <langSec xml:lang="en"> and a <langSec xml:lang="zh"> of <termSec><term>…</term></termSec>; ' +
  'a <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote> marks a wrong rendering.';

/** Element names of TBX-Basic (ISO 30042:2019) and their TBX 2008 equivalents. */
const ENTRY = new Set(['conceptEntry', 'termEntry']);
const LANG = new Set(['langSec', 'langSet']);
const TERM_GROUP = new Set(['termSec', 'tig', 'ntig']);

/** Administrative statuses that mark a term as not to be used (a known wrong rendering). */
const DEPRECATED = /^(deprecatedTerm|supersededTerm)(-admn-sts)?$/i;

interface TermRecord {
  text: string;
  status: string | undefined;
}

/** Local name of an element (`tbx:termSec` → `termSec`). */
const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * Parses a TBX file: each concept entry gives one glossary entry. English terms: the first is the term,
 * the others aliases. Chinese terms (`zh`, `zh-CN`, `zh-Hans`, …): preferred, admitted or unmarked ones are
 * accepted renderings; deprecated or superseded ones are wrong renderings (class `sense`). A `note` or
 * `definition` of the entry becomes its note. Entries without an English or without an accepted Chinese
 * term are errors.
 */
export function parseGlossaryTbx(text: string, file: string): GlossaryEntry[] {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const entries: GlossaryEntry[] = [];
  const fail = (line: number, problem: string): never => {
    throw new ConfigError(`${file}:${line}: ${problem}`, TBX_HINT);
  };
  let entryLine = 0;
  let inEntry = false;
  let lang: string | undefined;
  let en: TermRecord[] = [];
  let zh: TermRecord[] = [];
  let note: string | undefined;
  let term: TermRecord | undefined;
  let textTarget: 'term' | 'status' | 'note' | undefined;
  let buffer = '';
  let sawRoot = false;

  parser.on('error', (error) => {
    // saxes messages start with "file:line:column: " when given a file name; it is not, so they start with line:column.
    throw new ConfigError(`${file}:${error.message.replace(/^(\d+):(\d+): /, '$1:$2: ')}`, TBX_HINT);
  });
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    sawRoot = true;
    if (ENTRY.has(name)) {
      inEntry = true;
      entryLine = parser.line;
      en = [];
      zh = [];
      note = undefined;
      return;
    }
    if (!inEntry) return;
    if (LANG.has(name)) {
      const attr = tag.attributes['xml:lang'] ?? tag.attributes.lang;
      lang = typeof attr === 'string' ? attr.toLowerCase() : undefined;
      if (lang === undefined) fail(parser.line, `<${name}> without xml:lang`);
    } else if (TERM_GROUP.has(name)) {
      term = { text: '', status: undefined };
    } else if (name === 'term' && term) {
      textTarget = 'term';
      buffer = '';
    } else if (name === 'termNote' && term && tag.attributes.type === 'administrativeStatus') {
      textTarget = 'status';
      buffer = '';
    } else if ((name === 'note' || (name === 'descrip' && tag.attributes.type === 'definition')) && !term) {
      textTarget = 'note';
      buffer = '';
    }
  });
  parser.on('text', (t) => {
    if (textTarget) buffer += t;
  });
  parser.on('cdata', (t) => {
    if (textTarget) buffer += t;
  });
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (textTarget === 'term' && name === 'term' && term) term.text = buffer.trim();
    else if (textTarget === 'status' && name === 'termNote' && term) term.status = buffer.trim();
    else if (textTarget === 'note' && (name === 'note' || name === 'descrip')) note ??= buffer.trim() || undefined;
    if (textTarget && (name === 'term' || name === 'termNote' || name === 'note' || name === 'descrip')) textTarget = undefined;
    if (TERM_GROUP.has(name) && term) {
      if (term.text === '') fail(parser.line, `<${name}> without a <term>`);
      if (lang?.startsWith('en')) en.push(term);
      else if (lang?.startsWith('zh')) zh.push(term);
      term = undefined;
    } else if (LANG.has(name)) {
      lang = undefined;
    } else if (ENTRY.has(name)) {
      inEntry = false;
      const english = en.filter((t) => !DEPRECATED.test(t.status ?? ''));
      const accepted = zh.filter((t) => !DEPRECATED.test(t.status ?? '')).map((t) => t.text);
      const wrong = zh.filter((t) => DEPRECATED.test(t.status ?? '')).map((t) => t.text);
      if (english.length === 0) fail(entryLine, `<${name}> has no English term (a <langSec xml:lang="en">)`);
      if (accepted.length === 0) fail(entryLine, `<${name}> for \`${english[0]?.text}\` has no accepted Chinese term (preferred, admitted or without a status)`);
      const [first, ...rest] = english.map((t) => t.text);
      const entry: GlossaryEntry = { en: first as string, aliases: rest, zh: accepted, wrong };
      if (note) entry.note = note;
      entries.push(entry);
    }
  });
  parser.write(text.replace(/^\uFEFF/, '')).close();
  if (!sawRoot) fail(1, 'no XML element found');
  return entries;
}

const CSV_HINT =
  'A CSV glossary has a header row with columns `en` and `zh` (optional: `wrong`, `aliases`, `note`); several values in a cell are separated by `|`.';

/** Header names accepted for each column (lower case). */
const COLUMNS: Record<'en' | 'zh' | 'wrong' | 'aliases' | 'note', readonly string[]> = {
  en: ['en', 'english', 'term', 'source'],
  zh: ['zh', 'chinese', 'accepted', 'target', 'zh-cn', 'zh-hans'],
  wrong: ['wrong', 'forbidden', 'deprecated', 'wrong renderings'],
  aliases: ['aliases', 'alias', 'variants'],
  note: ['note', 'notes', 'comment'],
};

/** Parses a CSV glossary with a header row; wrong renderings take the TSV marks (`?` ambiguous, `~` nonstandard). */
export function parseGlossaryCsv(text: string, file: string): GlossaryEntry[] {
  // The RFC 4180 splitter of the record ingest (pure; quoted fields may hold commas, quotes and newlines).
  const parsed = parseDelimited(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), ',');
  const bad = parsed.find((r) => r.error !== undefined);
  if (bad) throw new ConfigError(`${file}:${bad.lines[0]}: ${bad.error}`, CSV_HINT);
  const rows = parsed
    .filter((r) => r.fields.some((f) => f.trim() !== ''))
    .map((r) => ({ fields: r.fields, line: r.lines[0] }));
  const header = rows.shift();
  if (!header) throw new ConfigError(`${file}:1: empty CSV glossary`, CSV_HINT);
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const col = (key: keyof typeof COLUMNS): number => names.findIndex((n) => COLUMNS[key].includes(n));
  const at = { en: col('en'), zh: col('zh'), wrong: col('wrong'), aliases: col('aliases'), note: col('note') };
  if (at.en < 0 || at.zh < 0) {
    throw new ConfigError(`${file}:${header.line}: the header row needs an \`en\` and a \`zh\` column (found ${names.map((n) => `\`${n}\``).join(', ')})`, CSV_HINT);
  }
  const cells = (fields: string[], i: number): string[] =>
    i < 0 ? [] : (fields[i] ?? '').split('|').map((s) => s.trim()).filter((s) => s !== '');
  return rows.map(({ fields, line }) => {
    const fail = (problem: string): never => {
      throw new ConfigError(`${file}:${line}: ${problem}`, CSV_HINT);
    };
    if (fields.length > names.length) fail(`expected ${names.length} fields as in the header, found ${fields.length}`);
    const [en] = cells(fields, at.en);
    if (!en) fail('empty English term');
    const zh = cells(fields, at.zh);
    if (zh.length === 0) fail(`no accepted Chinese rendering for \`${en}\``);
    const marked = cells(fields, at.wrong).map((raw) => {
      const marks = /^[?~]*/.exec(raw)?.[0] ?? '';
      return { wrong: raw.slice(marks.length).trim(), ambiguous: marks.includes('?'), nonstandard: marks.includes('~') };
    });
    if (marked.some((m) => m.wrong === '')) fail('a wrong rendering is only a `?`/`~` mark');
    const clash = marked.find((m) => zh.includes(m.wrong));
    if (clash) fail(`\`${clash.wrong}\` is both accepted and wrong for \`${en}\``);
    const entry: GlossaryEntry = { en: en as string, aliases: cells(fields, at.aliases), zh, wrong: marked.map((m) => m.wrong) };
    const ambiguous = marked.filter((m) => m.ambiguous).map((m) => m.wrong);
    const nonstandard = marked.filter((m) => m.nonstandard).map((m) => m.wrong);
    if (ambiguous.length > 0) entry.ambiguous = ambiguous;
    if (nonstandard.length > 0) entry.nonstandard = nonstandard;
    const note = at.note < 0 ? '' : (fields[at.note] ?? '').trim();
    if (note) entry.note = note;
    return entry;
  });
}
