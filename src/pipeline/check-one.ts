// `transcheck check`: one English/Chinese pair given directly, through the same stages as an audit.
import { checks as builtinChecks } from '../checks/index.js';
import { resolveChecks, type CheckSetting } from '../core/runner.js';
import type { Block, FileResult, Pair, RunResult } from '../core/types.js';
import { checkPair } from './check.js';
import { identifyBlocks } from './identify.js';
import { noEvidence } from './pair.js';
import { hashOf, SCHEMA_VERSION, withGlossary } from './run.js';
import type { ScoringConfig } from './score.js';
import { summarize } from './summarize.js';

/** Options of a one-pair check. */
export interface CheckOneOptions {
  checks: Record<string, CheckSetting | undefined>;
  glossary: readonly string[];
  scoring: ScoringConfig;
  tool: { name: string; version: string };
}

function block(id: string, file: string, text: string, claimed: Block['claimed']): Block {
  const normalized = text.normalize('NFC').trim();
  return { id, file, lines: [1, Math.max(1, normalized.split('\n').length)], raw: text, text: normalized, claimed };
}

/** Checks one pair (the English may be absent: target-only) and wraps it as a one-file run. */
export async function checkOnePair(
  en: string | null,
  zh: string,
  options: CheckOneOptions,
): Promise<{ file: FileResult; run: RunResult }> {
  const blocks = identifyBlocks([
    block('0:0', '--zh', zh, 'translation'),
    ...(en === null ? [] : [block('1:0', '--en', en, 'original')]),
  ]);
  const [target, source] = blocks as [(typeof blocks)[number], (typeof blocks)[number] | undefined];
  const pair: Pair = {
    id: target.id,
    translation: target,
    original: source ?? null,
    // Given by the user, the pair is taken as is; `mismatched-pair` still says if it looks wrong.
    status: source ? 'paired' : 'unpaired',
    confidence: source ? 1 : 0,
    evidence: noEvidence(source ? 1 : 0),
  };
  const resolved = withGlossary(resolveChecks(builtinChecks, options.checks), options.glossary);
  const result = await checkPair(pair, { checks: resolved, scoring: options.scoring });
  const file: FileResult = {
    file: '--zh',
    layout: 'paragraphs',
    encoding: 'utf-8',
    blocks,
    dropped: [],
    notes: [],
    errors: [],
    pairs: [result],
    duplicates: {},
    summary: summarize(blocks, [result]),
  };
  const run: RunResult = {
    schemaVersion: SCHEMA_VERSION,
    tool: options.tool,
    configHash: hashOf({ checks: options.checks, glossary: options.glossary, scoring: options.scoring }),
    promptVersions: [],
    files: [file],
    errors: [],
    summary: file.summary,
    timings: {},
    limitations: ['LLM judge not run: `transcheck check` runs the heuristic checks only.'],
  };
  return { file, run };
}
