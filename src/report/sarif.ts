// SARIF 2.1.0 of a whole run (`--format sarif` → findings.sarif): one result per finding, for GitHub
// code scanning and other SARIF viewers. One run with every result, since code scanning rejects
// several runs of one tool in one upload.
import { createHash } from 'node:crypto';
import type { Finding, IdentifiedBlock, Layout, PairResult, RunResult, Severity, TextRange } from '../core/types.js';
import { filePosition } from './position.js';
import type { RunReportContext, RuleInfo } from './reporters.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', major: 'error', minor: 'warning', info: 'note' };

/** An input path as a SARIF artifact location: relative paths against the checkout root, absolute ones as file URIs. */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (file === '-') return { uri: 'stdin' };
  const path = file.split('\\').join('/');
  const encoded = path
    .split('/')
    .map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
  if (path.startsWith('/')) return { uri: `file://${encoded}` };
  if (/^[A-Za-z]:\//.test(path)) return { uri: `file:///${encoded}` };
  return { uri: encoded.replace(/^(?:\.\/)+/, ''), uriBaseId: '%SRCROOT%' };
}

interface Region {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  snippet?: { text: string };
}

/**
 * The region of a range of a block's normalized text in its file. Columns only where they are exact
 * (page layouts); a record's span is located at its line (the text was decoded from a field).
 */
function region(block: IdentifiedBlock, layout: Layout, range: TextRange | undefined): Region {
  if (!range) return { startLine: block.lines[0], endLine: block.lines[1] };
  const start = filePosition(block, layout, range[0]);
  const end = filePosition(block, layout, range[1]);
  const snippet = block.text.slice(range[0], range[1]);
  if (start.column === undefined || end.column === undefined) {
    return { startLine: start.line, ...(snippet ? { snippet: { text: snippet } } : {}) };
  }
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column, ...(snippet ? { snippet: { text: snippet } } : {}) };
}

function blockOf(f: Finding, r: PairResult, side: Finding['side']): IdentifiedBlock {
  return side === 'source' && r.pair.original ? r.pair.original : r.pair.translation;
}

/** A stable id of a finding across runs: check, message, and the text it is about (not its line). */
function fingerprint(f: Finding, block: IdentifiedBlock): string {
  const span = f.range ? block.text.slice(f.range[0], f.range[1]) : '';
  return createHash('sha256').update([f.check, f.messageId, block.file, block.text, span, String(f.range?.[0] ?? '')].join('\u0000')).digest('hex').slice(0, 32);
}

function docsUriOf(docs: string, context: RunReportContext): string | undefined {
  if (!context.docsUri) return undefined;
  return `${context.docsUri.replace(/\/$/, '')}/${docs.replace(/^docs\//, '').split('/').map(encodeURIComponent).join('/')}`;
}

function rule(id: string, docs: string, info: RuleInfo | undefined, context: RunReportContext): Record<string, unknown> {
  const helpUri = docsUriOf(info?.docs ?? docs, context);
  const description = info?.description ?? id;
  return {
    id,
    name: id,
    shortDescription: { text: description },
    ...(helpUri ? { helpUri } : {}),
    help: { text: `${description}${helpUri ? ` See ${helpUri}` : ''}`, ...(info?.help ? { markdown: info.help } : {}) },
    properties: { tags: ['translation'] },
  };
}

/** Renders the run as a SARIF 2.1.0 log (pretty-printed, newline-terminated). */
export function renderSarif(run: RunResult, context: RunReportContext): string {
  return [...renderSarifChunks(run, context)].join('');
}

/** Marks where the results go while the rest of the log is serialized. */
const RESULTS_SLOT = '\u0000results\u0000';

/**
 * The same log in chunks, byte for byte what `renderSarif` returns: the log up to its results, one
 * result at a time (pretty-printed and indented as `JSON.stringify(log, null, 2)` would), the rest. A
 * run with millions of findings is written without one string of the whole log, which V8 caps at
 * about 512M characters. Rules are listed before the results, so a first pass collects them in the
 * order their first finding appears.
 */
export function* renderSarifChunks(run: RunResult, context: RunReportContext): Generator<string> {
  const known = new Map((context.rules ?? []).map((r) => [r.id, r]));
  const ruleIndex = new Map<string, number>();
  const rules: Array<Record<string, unknown>> = [];
  for (const file of run.files) {
    for (const r of file.pairs) {
      for (const f of r.findings) {
        if (ruleIndex.has(f.check)) continue;
        ruleIndex.set(f.check, rules.length);
        rules.push(rule(f.check, f.docs, known.get(f.check), context));
      }
    }
  }
  const notifications = [...run.errors, ...run.files.flatMap((f) => f.errors)].map((e) => ({
    level: 'error',
    message: { text: e.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(e.file), ...(e.line !== undefined ? { region: { startLine: e.line } } : {}) } }],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: run.tool.name,
            version: run.tool.version,
            semanticVersion: run.tool.version,
            ...(context.docsUri ? { informationUri: context.docsUri } : {}),
            rules,
          },
        },
        invocations: [{ executionSuccessful: run.errors.length === 0, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        columnKind: 'utf16CodeUnits',
        results: RESULTS_SLOT,
        properties: { schemaVersion: run.schemaVersion, configHash: run.configHash, limitations: run.limitations },
      },
    ],
  };
  const skeleton = `${JSON.stringify(log, null, 2)}\n`;
  const slot = JSON.stringify(RESULTS_SLOT);
  const at = skeleton.indexOf(slot);
  const before = skeleton.slice(0, at);
  // The indentation of the "results" key; its elements sit one level (two spaces) deeper.
  const keyIndent = /^ */.exec(before.slice(before.lastIndexOf('\n') + 1))?.[0] ?? '';
  const itemIndent = `${keyIndent}  `;
  yield before;
  const layouts = new Map(run.files.map((f) => [f.file, f.layout]));
  let n = 0;
  for (const file of run.files) {
    for (const r of file.pairs) {
      for (const f of r.findings) {
        // JSON strings hold no raw line breaks, so every line break of the element is its own layout.
        const element = JSON.stringify(result(f, r, file.layout, layouts, ruleIndex), null, 2).replace(/\n/g, `\n${itemIndent}`);
        yield `${n++ === 0 ? '[\n' : ',\n'}${itemIndent}${element}`;
      }
    }
  }
  yield n === 0 ? '[]' : `\n${keyIndent}]`;
  yield skeleton.slice(at + slot.length);
}

/** One finding as a SARIF result. */
function result(f: Finding, r: PairResult, fileLayout: Layout, layouts: ReadonlyMap<string, Layout>, ruleIndex: ReadonlyMap<string, number>): Record<string, unknown> {
  const block = blockOf(f, r, f.side);
  // A source-side block may sit in another input file (originals given with --originals).
  const layout = layouts.get(block.file) ?? fileLayout;
  const fix = f.fix ? sarifFix(f, r, layout) : undefined;
  return {
    ruleId: f.check,
    ruleIndex: ruleIndex.get(f.check),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(block.file), region: region(block, layout, f.range) } }],
    partialFingerprints: { 'transcheckFinding/v1': fingerprint(f, block) },
    ...(fix ? { fixes: [fix] } : {}),
    properties: {
      severity: f.severity,
      category: f.category,
      side: f.side,
      pair: r.pair.id,
      ...(r.pair.translation.recordId !== undefined ? { record: r.pair.translation.recordId } : {}),
      verdict: r.verdict,
      ...(f.range ? { range: f.range } : {}),
      ...(f.actual !== undefined ? { actual: f.actual } : {}),
      ...(f.expected !== undefined ? { expected: f.expected } : {}),
      ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
      confidence: f.confidence,
      origin: f.origin,
    },
  };
}

/** A finding's safe fix as a SARIF replacement, where the file position of its range is exact. */
function sarifFix(f: Finding, r: PairResult, layout: Layout): Record<string, unknown> | undefined {
  const fix = f.fix;
  if (!fix) return undefined;
  const block = blockOf(f, r, fix.side);
  const deleted = region(block, layout, fix.range);
  if (deleted.startColumn === undefined) return undefined;
  const { snippet: _snippet, ...deletedRegion } = deleted;
  return {
    description: { text: `Replace with \`${fix.text}\`` },
    artifactChanges: [{ artifactLocation: artifactLocation(block.file), replacements: [{ deletedRegion, insertedContent: { text: fix.text } }] }],
  };
}
