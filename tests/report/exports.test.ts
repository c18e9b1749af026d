// The exports through the CLI: SARIF valid against the official 2.1.0 schema and located in the input
// files, CSV safe for spreadsheets, the re-translation queue.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { csvCell, csvDocument, CSV_COLUMNS } from '../../src/report/csv.js';
import { artifactLocation, renderSarif, renderSarifChunks } from '../../src/report/sarif.js';
import { renderCsv, renderCsvChunks } from '../../src/report/csv.js';
import { renderFlagged, renderFlaggedChunks } from '../../src/report/flagged.js';
import { syntheticRun } from '../helpers/synthetic-run.js';

const root = join(import.meta.dirname, '..', '..');
// CommonJS packages whose class is their `default` export (as their own docs import them)
const require = createRequire(import.meta.url);
const Ajv: typeof import('ajv-draft-04').default = require('ajv-draft-04').default;
const addFormats: typeof import('ajv-formats').default = require('ajv-formats').default;

function sink() {
  let text = '';
  return { write: (s: string) => { text += s; return true; }, get text() { return text; } };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn?: number; endLine?: number; endColumn?: number; snippet?: { text: string } } } }>;
  fixes?: Array<{ artifactChanges: Array<{ replacements: Array<{ deletedRegion: { startLine: number; startColumn: number; endLine: number; endColumn: number }; insertedContent: { text: string } }> }> }>;
  properties: { pair: string; severity: string };
}
interface SarifLog {
  version: string;
  runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri?: string; help: { text: string; markdown?: string } }> } }; results: SarifResult[] }>;
}

/** A seed page with an indented, NFD-accented translation line: columns must count the file's own characters. */
const twisted = (text: string) =>
  text.replace(/^(无源域的适应)/m, '    Cafe\u0301 $1');

let dir: string;
let sarif: SarifLog;
let json: Array<{ file: string; pairs: Array<{ findings: unknown[]; verdict: string }> }>;

let csv: string;
let flagged: string;
let sarifText: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'transcheck-exports-'));
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  cpSync(join(root, 'seeds'), join(dir, 'in'), { recursive: true });
  const seed = join(dir, 'in', '000_5b759a7c2f4a0629.txt');
  writeFileSync(seed, twisted(readFileSync(seed, 'utf8')));
  writeFileSync(
    join(dir, 'in', 'records.jsonl'),
    `${JSON.stringify({ id: 'r1', en: 'We use pre-trained models on 3 datasets and reach 95.2% accuracy.', zh: '我们在3个数据集上使用预先培训的模型,准确率达到96.2%。' })}\n`,
  );
  const code = await main({ argv: ['audit', 'in', '--out', 'out', '-q', '--format', 'json,sarif,csv,flagged'], stdout: sink(), stderr: sink(), env: {}, cwd: dir });
  expect(code).toBe(0);
  sarifText = readFileSync(join(dir, 'out', 'findings.sarif'), 'utf8');
  sarif = JSON.parse(sarifText);
  const names = ['000_5b759a7c2f4a0629', '001_342e6c370167fd45', '002_7342bdb2443f70ef', '003_54ac9f1fa4f32925', '004_5f209208141bf89c', 'records'];
  json = names.map((n) => JSON.parse(readFileSync(join(dir, 'out', `${n}.json`), 'utf8')));
  csv = readFileSync(join(dir, 'out', 'findings.csv'), 'utf8');
  flagged = readFileSync(join(dir, 'out', 'flagged.jsonl'), 'utf8');
}, 60_000);

describe('SARIF', () => {
  it('is valid against the official SARIF 2.1.0 JSON schema', () => {
    const schema = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const ok = validate(sarif);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5))).toEqual([]);
    expect(ok).toBe(true);
    // and the schema does reject a broken log, so the test can fail
    expect(validate({ ...sarif, version: '2.0.0' })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [] }] })).toBe(false);
  });

  it('has one result per finding, with ruleId = check id and a rule (help, docs page that exists) for each', () => {
    const findings = json.reduce((n, f) => n + f.pairs.reduce((m, p) => m + p.findings.length, 0), 0);
    expect(findings).toBeGreaterThan(10);
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0]!;
    expect(run.results).toHaveLength(findings);
    const rules = run.tool.driver.rules;
    for (const r of run.results) expect(rules[r.ruleIndex]?.id).toBe(r.ruleId);
    for (const rule of rules) {
      expect(rule.helpUri).toMatch(/^file:\/\//);
      expect(existsSync(fileURLToPath(rule.helpUri as string)), rule.helpUri).toBe(true);
      expect(rule.help.markdown).toMatch(/^# /);
    }
  });

  it('locates each span at the line and column of the input file where its text is', () => {
    let columns = 0;
    for (const r of sarif.runs[0]!.results) {
      const loc = r.locations[0]!.physicalLocation;
      const file = loc.artifactLocation.uri;
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      const lines = readFileSync(join(dir, decodeURIComponent(file)), 'utf8').split(/\r?\n/);
      const { region } = loc;
      expect(region.startLine).toBeGreaterThan(0);
      if (region.startColumn === undefined || !region.snippet) continue;
      columns++;
      expect(region.endLine).toBe(region.startLine); // spans in these inputs stay on one line
      const text = (lines[region.startLine - 1] as string).slice(region.startColumn - 1, (region.endColumn as number) - 1);
      expect(text).toBe(region.snippet.text);
    }
    expect(columns).toBeGreaterThan(10);
  });

  it('names a record span by its line only (the text was decoded from a JSON field)', () => {
    const inRecords = sarif.runs[0]!.results.filter((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'in/records.jsonl');
    expect(inRecords.length).toBeGreaterThan(0);
    for (const r of inRecords) {
      expect(r.locations[0]!.physicalLocation.region.startLine).toBe(1);
      expect(r.locations[0]!.physicalLocation.region.startColumn).toBeUndefined();
    }
  });

  it('carries safe fixes as replacements of the exact characters in the file', () => {
    const withFix = sarif.runs[0]!.results.filter((r) => r.fixes);
    expect(withFix.length).toBeGreaterThan(0);
    for (const r of withFix) {
      const file = join(dir, decodeURIComponent(r.locations[0]!.physicalLocation.artifactLocation.uri));
      const lines = readFileSync(file, 'utf8').split(/\r?\n/);
      const rep = r.fixes![0]!.artifactChanges[0]!.replacements[0]!;
      const d = rep.deletedRegion;
      expect(d.endLine).toBe(d.startLine);
      const deleted = (lines[d.startLine - 1] as string).slice(d.startColumn - 1, d.endColumn - 1);
      expect(deleted.length + rep.insertedContent.text.length).toBeGreaterThan(0); // an insertion deletes nothing
      expect(deleted).not.toBe(rep.insertedContent.text);
      // a wrong rendering's fix replaces exactly the span the finding is about
      if (r.ruleId === 'glossary') expect(deleted).toBe(r.locations[0]!.physicalLocation.region.snippet?.text);
    }
  });

  it('writes paths as URIs: relative against the checkout, absolute as file URIs, odd characters encoded', () => {
    expect(artifactLocation('data/a b#1.txt')).toEqual({ uri: 'data/a%20b%231.txt', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('./x.txt').uri).toBe('x.txt');
    expect(artifactLocation('/abs/数据.txt').uri).toBe(`file:///abs/${encodeURIComponent('数据')}.txt`);
    expect(artifactLocation('C:\\in\\x.txt').uri).toBe('file:///C:/in/x.txt');
  });
});

describe('JSON report', () => {
  it('carries the normalized text of each block, so that every range stands alone', () => {
    let checked = 0;
    for (const report of json as unknown as Array<{ blocks: Array<{ id: string; text: string }>; pairs: Array<{ translation: string; original: { block: string; text?: string } | null; findings: Array<{ side: string; range: [number, number] | null; actual: string | null; check: string; fix?: { range: [number, number] } }> }> }>) {
      const text = new Map(report.blocks.map((b) => [b.id, b.text]));
      for (const b of report.blocks) expect(typeof b.text).toBe('string');
      for (const p of report.pairs) {
        for (const f of p.findings) {
          if (!f.range || f.side === 'pair') continue;
          const own = f.side === 'target' ? text.get(p.translation) : p.original ? (text.get(p.original.block) ?? p.original.text) : undefined;
          expect(own, `${f.check} on ${p.translation}`).toBeDefined();
          expect(f.range[1]).toBeLessThanOrEqual((own as string).length);
          if (f.check === 'glossary' || f.check === 'numbers') {
            expect((own as string).slice(f.range[0], f.range[1])).toBe(f.actual);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe('CSV', () => {
  it('has a BOM, the header, and one row per finding with CRLF line ends', () => {
    expect(csv.startsWith('\uFEFFfile,line,column,pair,record,verdict,check,severity,category,side,message,actual,expected,suggestion\r\n')).toBe(true);
    const findings = json.reduce((n, f) => n + f.pairs.reduce((m, p) => m + p.findings.length, 0), 0);
    // rows: CRLF outside quotes (messages hold no line breaks here)
    expect(csv.trimEnd().split('\r\n')).toHaveLength(findings + 1);
    expect(csv).toContain('records.jsonl,1,,5:1,r1,');
  });

  it('quotes as RFC 4180 says and keeps formulas from running', () => {
    expect(csvCell('plain 中文')).toBe('plain 中文');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(undefined)).toBe('');
    for (const f of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '＝1']) expect(csvCell(f)).toBe(`"'${f}"`);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvDocument(['a', 'b'], [['1', '=2']])).toBe('\uFEFFa,b\r\n1,"\'=2"\r\n');
    expect(CSV_COLUMNS).toContain('suggestion');
  });
});

describe('exports of what the fixtures do not produce', () => {
  it('give the judge its rule, keep suggestions apart from safe fixes, and leave record fixes out of SARIF', () => {
    const run = syntheticRun();
    const log = JSON.parse(renderSarif(run, { names: new Map(), docsBase: '../docs', docsUri: 'file:///pkg/docs' })) as SarifLog;
    const results = log.runs[0]!.results;
    const ids = log.runs[0]!.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['glossary', 'llm-judge']));
    expect(new Set(results.map((r) => r.ruleId))).toEqual(new Set(ids));
    expect(log.runs[0]!.tool.driver.rules.find((r) => r.id === 'glossary')?.helpUri).toBe('file:///pkg/docs/checks/glossary.md');
    const judge = results.find((r) => r.ruleId === 'llm-judge') as SarifResult & { properties: { suggestion?: string } };
    expect(judge.properties.suggestion).toBe('效果显著');
    expect(judge.fixes).toBeUndefined();
    // JSONL: the file's characters are JSON escapes, so the fix's region in the file is unknown
    expect(results.find((r) => r.ruleId === 'glossary')?.fixes).toBeUndefined();
    const rows = renderCsv(run).split('\r\n');
    expect(rows.find((r) => r.includes(',glossary,'))).toMatch(/,预训练$/);
    expect(rows.find((r) => r.includes(',llm-judge,'))).toMatch(/,效果显著$/);
    const queue = renderFlagged(run).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(queue.map((q) => q.verdict)).toEqual(['mismatched', 'review']);
    // a mismatched translation's English to translate is the one the input attaches it to
    expect(queue[0].source.text).toBe('We study protein folding with diffusion models.');
    expect(queue[1].findings.find((f: { check: string }) => f.check === 'glossary').fix).toEqual({ side: 'target', range: [9, 13], text: '预训练' });
  });
});

describe('flagged.jsonl', () => {
  it('queues exactly the review, bad, mismatched and untranslated translations, with texts and what to fix', () => {
    const queued = json.flatMap((f) => f.pairs).filter((p) => ['review', 'bad', 'mismatched', 'untranslated'].includes(p.verdict));
    const lines = flagged.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(queued.length).toBeGreaterThan(0);
    expect(lines).toHaveLength(queued.length);
    for (const l of lines) {
      expect(['review', 'bad', 'mismatched', 'untranslated']).toContain(l.verdict);
      expect(l.pair).toMatch(/^\d+:\d+$/);
      expect(typeof (l.translation ?? l.untranslatedText)).toBe('string');
      expect(Array.isArray(l.findings)).toBe(true);
    }
    const record = lines.find((l) => l.id === 'r1');
    expect(record.source.text).toMatch(/^We use pre-trained/);
    expect(record.translation).toMatch(/^我们/);
    expect(record.findings.some((f: { check: string }) => f.check === 'numbers')).toBe(true);
  });
});

describe('run exports written in chunks (no string of the whole report)', () => {
  it('the CLI writes SARIF laid out exactly as JSON.stringify(log, null, 2) would', () => {
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(10);
    expect(sarifText).toBe(`${JSON.stringify(JSON.parse(sarifText), null, 2)}\n`);
  });

  it('give the same bytes as the one-string reporters, with and without findings', () => {
    const context = { names: new Map<string, string>(), docsBase: '../docs', docsUri: 'file:///pkg/docs' };
    const run = syntheticRun();
    const empty = { ...run, errors: [], files: run.files.map((f) => ({ ...f, errors: [], pairs: f.pairs.map((r) => ({ ...r, findings: [], verdict: 'good' as const })) })) };
    for (const r of [run, empty]) {
      const chunks = [...renderSarifChunks(r, context)];
      expect(chunks.length).toBeGreaterThan(2);
      const text = chunks.join('');
      expect(text).toBe(renderSarif(r, context));
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      expect([...renderCsvChunks(r)].join('')).toBe(renderCsv(r));
      expect([...renderFlaggedChunks(r)].join('')).toBe(renderFlagged(r));
    }
    expect(JSON.parse(renderSarif(empty, context)).runs[0].results).toEqual([]);
    expect(renderCsv(empty)).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
    expect(renderFlagged(empty)).toBe('');
  });
});
