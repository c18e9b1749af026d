// Reporters by name: pure functions (file result, run result) → string. Only the CLI writes them.
import type { FileResult, RunResult } from '../core/types.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';

/** A `--format` name. */
export type ReporterName = 'json' | 'md';

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
}

/** Every reporter, by `--format` name. */
export const reporters: Record<ReporterName, Reporter> = {
  json: { extension: 'json', render: (file, run) => renderJson(file, run) },
  md: { extension: 'md', render: (file, run, context) => renderMarkdown(file, run, { baseName: context.baseName, docsBase: context.docsBase }) },
};
