// Reporters by name: pure functions (file result, run result) → string. Only the CLI writes them.
import type { FileResult, RunResult } from '../core/types.js';
import { renderCsv, renderCsvChunks } from './csv.js';
import { renderFlagged, renderFlaggedChunks } from './flagged.js';
import { renderHtml, renderHtmlChunks } from './html.js';
import { renderJson, renderJsonChunks } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif, renderSarifChunks } from './sarif.js';

/** A `--format` name: a reporter per input file, or a reporter of the whole run. */
export type ReporterName = FileReporterName | RunReporterName;
/** Formats written once per input file. */
export type FileReporterName = 'json' | 'md';
/** Formats written once per run (one file in the report folder). */
export type RunReporterName = 'html' | 'sarif' | 'csv' | 'flagged';

/** Context every reporter gets. */
export interface ReportContext {
  /** Base name of this file's reports, for links between them. */
  baseName: string;
  /** Path from the report folder to the project's docs folder (for links to check pages). */
  docsBase: string;
}

/** A reporter: its file extension and its pure render function. */
export interface Reporter {
  extension: string;
  render(file: FileResult, run: RunResult, context: ReportContext): string;
  /** The same report in chunks, for reports too large for one string (the CLI writes them as they come). */
  chunks?(file: FileResult, run: RunResult, context: ReportContext): Iterable<string>;
}

/** Context of a run reporter. */
export interface RunReportContext {
  /** Report base name of each input file, by path as given. */
  names: ReadonlyMap<string, string>;
  /** Path from the report folder to the project's docs folder (for links to check pages). */
  docsBase: string;
  /** Absolute URI of the docs folder (`file://…/docs` of the installed package), for formats that need absolute links. */
  docsUri?: string;
  /** Known checks (for reports that list rules: SARIF). */
  rules?: readonly RuleInfo[];
}

/** What reports know about a check beyond its findings (for SARIF's rule list). */
export interface RuleInfo {
  id: string;
  /** One sentence: what the check detects. */
  description: string;
  /** Path of its docs page relative to the package root, e.g. `docs/checks/numbers.md`. */
  docs: string;
  /** The docs page's Markdown, embedded where a report travels without the docs (SARIF `help`). */
  help?: string;
}

/** A reporter of the whole run: the file it writes in the report folder and its pure render function. */
export interface RunReporter {
  fileName: string;
  render(run: RunResult, context: RunReportContext): string;
  /** The same report in chunks, written as they come (the HTML page of a large run). */
  chunks?(run: RunResult, context: RunReportContext): Iterable<string>;
}

/** Reporters of the whole run, by `--format` name. */
export const runReporters: Record<RunReporterName, RunReporter> = {
  // One page for the run (not one per input): measured at 7k pairs in bench/html.ts.
  html: {
    fileName: 'index.html',
    render: (run, context) => renderHtml(run, { docsBase: context.docsBase }),
    chunks: (run, context) => renderHtmlChunks(run, { docsBase: context.docsBase }),
  },
  // Code scanning takes one run per tool and upload: one SARIF log for the whole run.
  // Every finding of the run (SARIF, CSV) or every queued text (flagged): written as they come.
  sarif: { fileName: 'findings.sarif', render: (run, context) => renderSarif(run, context), chunks: (run, context) => renderSarifChunks(run, context) },
  csv: { fileName: 'findings.csv', render: (run) => renderCsv(run), chunks: (run) => renderCsvChunks(run) },
  flagged: { fileName: 'flagged.jsonl', render: (run) => renderFlagged(run), chunks: (run) => renderFlaggedChunks(run) },
};

/** Every `--format` name, file reporters first. */
export function formatNames(): ReporterName[] {
  return [...(Object.keys(reporters) as FileReporterName[]), ...(Object.keys(runReporters) as RunReporterName[])];
}

/** Every reporter of one input file, by `--format` name. */
export const reporters: Record<FileReporterName, Reporter> = {
  json: { extension: 'json', render: (file, run) => renderJson(file, run), chunks: (file, run) => renderJsonChunks(file, run) },
  md: { extension: 'md', render: (file, run, context) => renderMarkdown(file, run, { baseName: context.baseName, docsBase: context.docsBase }) },
};
