// `transcheck merge`: shard report folders (their JSON reports, `audit --shard k/n`) back into one run
// result, which the ordinary pure reporters then render (per-file reports, index, HTML, SARIF, CSV,
// flagged). Pure: the CLI reads the folders and writes the reports.
import { KnownError } from '../core/errors.js';
import type {
  BlockRef,
  DocumentLocation,
  FileResult,
  Finding,
  IdentifiedBlock,
  InputError,
  LlmUsage,
  Pair,
  PairResult,
  RunResult,
} from '../core/types.js';
import { loadGlossary } from '../lexicon/glossary.js';
import type { JsonOriginalRef } from '../report/json.js';
import { addUsage } from './confirm.js';
import { emptySummary, summarize } from './summarize.js';
import { terminologyAcrossCorpus } from './terminology.js';

/** A bad shard folder or a set of shards that do not make one run; the message names the folder. */
export class MergeError extends KnownError {}

/** The JSON report of one input file, as `renderJson` writes it (the parts merge reads). */
interface JsonReport {
  schemaVersion: string;
  tool: { name: string; version: string };
  configHash: string;
  promptVersions: string[];
  shard?: { index: number; count: number };
  llm?: LlmUsage;
  file: string;
  layout: FileResult['layout'];
  encoding: string;
  limitations: string[];
  notes: string[];
  errors: InputError[];
  dropped: FileResult['dropped'];
  blocks: Array<{ id: string; lines: [number, number]; role: IdentifiedBlock['role']; language: IdentifiedBlock['language']; script: IdentifiedBlock['script']; title?: string; recordId?: string; alsoAt?: DocumentLocation[]; text: string }>;
  pairs: Array<{
    translation: string;
    status: Pair['status'];
    original: JsonOriginalRef | null;
    attached?: JsonOriginalRef | null;
    confidence: number;
    evidence: {
      score: number;
      margin: number;
      candidates: number;
      anchors: string[];
      confirmedBy?: Pair['evidence']['confirmedBy'];
      terms: string[];
      best: Array<JsonOriginalRef & { score: number }>;
      rejected?: Array<JsonOriginalRef & { score: number; reason: string }>;
      versions?: JsonOriginalRef[];
    };
    verdict: PairResult['verdict'];
    verdictReason?: string;
    score: number;
    penalty: number;
    targetOnly: boolean;
    sentences: { source: Array<[number, number]>; target: Array<[number, number]> };
    beads: PairResult['beads'];
    findings: Array<Omit<Finding, 'data' | 'range' | 'actual' | 'expected'> & { range: Finding['range'] | null; actual: string | null; expected: string | null }>;
  }>;
}

/** One shard folder as read by the CLI: its path and its JSON reports (parsed). */
export interface ShardFolder {
  dir: string;
  reports: Array<{ name: string; json: unknown }>;
}

function isReport(json: unknown): json is JsonReport {
  const r = json as Partial<JsonReport> | null;
  return typeof r === 'object' && r !== null && typeof r.schemaVersion === 'string' && typeof r.file === 'string' && Array.isArray(r.blocks) && Array.isArray(r.pairs);
}

/**
 * Checks that the folders are the shards of one run (same tool version, same configuration hash, same
 * shard count, each shard once, none missing) and merges them. Throws MergeError naming the folder.
 */
/** The shards' judge usage added up (one usage per shard: every report of a shard repeats the run's). */
function mergeUsage(usages: readonly LlmUsage[]): LlmUsage | undefined {
  if (usages.length === 0) return undefined;
  // `addUsage` adds calls, tokens and cost; a shard also judged its own pairs, so those counts add too.
  const sum = usages.slice(1).reduce(
    (total, u) => ({
      ...addUsage(total, u),
      cachedPairs: total.cachedPairs + u.cachedPairs,
      unjudged: total.unjudged + u.unjudged,
      failures: total.failures + u.failures,
    }),
    usages[0] as LlmUsage,
  );
  return { ...sum, costUsd: Math.round(sum.costUsd * 1e6) / 1e6 };
}

/** Options of a merge: the user glossaries the shards were run with (`--glossary`), for term consistency. */
export interface MergeOptions {
  glossary?: readonly string[];
}

export function mergeShards(folders: readonly ShardFolder[], options: MergeOptions = {}): RunResult {
  if (folders.length === 0) throw new MergeError('No report folders given', 'Usage: transcheck merge <report dirs…> --out <dir>');
  const heads: Array<{ dir: string; head: JsonReport; reports: JsonReport[] }> = [];
  for (const folder of folders) {
    const reports = folder.reports.map((r) => r.json).filter(isReport);
    if (reports.length === 0) {
      throw new MergeError(`${folder.dir}: not a transcheck report folder (no JSON report in it)`, 'give the --out folders of `audit --shard k/n --format json,…` runs');
    }
    const head = reports[0] as JsonReport;
    for (const r of reports) {
      if (r.configHash !== head.configHash || r.shard?.index !== head.shard?.index) {
        throw new MergeError(`${folder.dir}: its JSON reports come from different runs (${r.file} and ${head.file})`, 'give each shard its own report folder');
      }
    }
    if (!head.shard) throw new MergeError(`${folder.dir}: not a shard's reports (the run had no --shard)`, 'merge the folders of `audit --shard k/n` runs');
    heads.push({ dir: folder.dir, head, reports });
  }
  const first = heads[0] as (typeof heads)[number];
  const count = first.head.shard?.count as number;
  const seen = new Map<number, string>();
  for (const { dir, head } of heads) {
    if (head.tool.version !== first.head.tool.version) {
      throw new MergeError(`${dir}: written by transcheck ${head.tool.version}, ${first.dir} by ${first.head.tool.version}: not shards of one run`, 'run every shard with the same transcheck');
    }
    if (head.configHash !== first.head.configHash) {
      throw new MergeError(
        `${dir}: a shard of another run (configuration hash ${head.configHash}, ${first.dir} has ${first.head.configHash}: different options, configuration or inputs' originals)`,
        'run every shard with the same options and configuration',
      );
    }
    if (head.shard?.count !== count) throw new MergeError(`${dir}: shard ${head.shard?.index}/${head.shard?.count}, ${first.dir} is one of ${count}: not shards of one run`);
    const index = head.shard.index;
    const other = seen.get(index);
    if (other !== undefined) throw new MergeError(`${dir}: shard ${index}/${count} given twice (also ${other})`);
    seen.set(index, dir);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length > 0) throw new MergeError(`shard(s) ${missing.map((k) => `${k}/${count}`).join(', ')} missing: the folders given hold ${[...seen.keys()].sort((a, b) => a - b).map((k) => `${k}/${count}`).join(', ')}`, 'give every shard\'s report folder');

  // Files in the order of the first shard; each file's pairs from every shard, in block order.
  const byFile = new Map<string, { reports: Array<{ dir: string; json: JsonReport }> }>();
  for (const { dir, reports } of heads) {
    for (const json of reports) {
      const entry = byFile.get(json.file) ?? { reports: [] };
      entry.reports.push({ dir, json });
      byFile.set(json.file, entry);
    }
  }
  const files: FileResult[] = [];
  for (const [file, { reports }] of byFile) {
    const base = (reports[0] as { dir: string; json: JsonReport }).json;
    for (const { dir, json } of reports) {
      if (json.blocks.length !== base.blocks.length) {
        throw new MergeError(`${dir}: the report of ${file} has ${json.blocks.length} blocks, another shard's has ${base.blocks.length}: the input changed between shards`, 'run every shard on the same inputs');
      }
    }
    files.push(fileFromJson(base, reports.flatMap((r) => r.json.pairs)));
  }
  const results = files.flatMap((f) => f.pairs);
  const allBlocks = files.flatMap((f) => f.blocks);
  const errors = dedupe(files.flatMap((f) => f.errors));
  const limitations = first.head.limitations.filter((l) => !l.startsWith('Shard '));
  const glossaries = options.glossary ?? [];
  limitations.push(
    `Merged from ${count} shards (\`audit --shard k/n\`, \`transcheck merge\`): each shard paired its own translations one-to-one; term consistency is recomputed with ${glossaries.length > 0 ? 'the bundled glossary and the --glossary files given to merge' : 'the bundled glossary only (give merge the shards\' --glossary files to include them)'}.`,
  );
  const llm = mergeUsage(heads.flatMap((h) => (h.head.llm ? [h.head.llm] : [])));
  return {
    schemaVersion: first.head.schemaVersion,
    tool: first.head.tool,
    configHash: first.head.configHash,
    promptVersions: [...new Set(heads.flatMap((h) => h.head.promptVersions))],
    files,
    errors,
    summary: files.length === 0 ? emptySummary() : summarize(allBlocks, results),
    timings: {},
    limitations,
    terminology: terminologyAcrossCorpus(results, loadGlossary(glossaries)),
    ...(llm ? { llm } : {}),
  };
}

function dedupe(errors: InputError[]): InputError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.file}\u0000${e.line ?? ''}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One file's result from its JSON report and the pairs of every shard. */
function fileFromJson(json: JsonReport, pairs: JsonReport['pairs']): FileResult {
  const blocks: IdentifiedBlock[] = json.blocks.map((b) => ({
    id: b.id,
    file: json.file,
    lines: b.lines,
    raw: b.text,
    text: b.text,
    claimed: 'unknown',
    language: b.language,
    script: b.script,
    role: b.role,
    hanRatio: b.language === 'zh' ? 1 : 0,
    ...(b.title !== undefined ? { title: b.title } : {}),
    ...(b.recordId !== undefined ? { recordId: b.recordId } : {}),
  }));
  const byId = new Map(blocks.map((b) => [b.id, b]));
  const order = new Map(blocks.map((b, i) => [b.id, i]));
  const duplicates: Record<string, DocumentLocation[]> = {};
  for (const b of json.blocks) if (b.alsoAt) duplicates[b.id] = b.alsoAt;
  const block = (ref: JsonOriginalRef): IdentifiedBlock =>
    byId.get(ref.block) ?? {
      id: ref.block,
      file: ref.file,
      lines: ref.lines,
      raw: ref.text ?? '',
      text: ref.text ?? '',
      claimed: 'unknown',
      language: 'en',
      script: 'none',
      role: 'original',
      hanRatio: 0,
      ...(ref.id !== undefined ? { recordId: ref.id } : {}),
      ...(ref.title !== undefined ? { title: ref.title } : {}),
    };
  const results: PairResult[] = [...pairs]
    .sort((a, b) => (order.get(a.translation) ?? 0) - (order.get(b.translation) ?? 0))
    .map((p) => {
      const translation = byId.get(p.translation);
      if (!translation) throw new MergeError(`${json.file}: a shard's report has a pair of block ${p.translation}, which another shard's report of this file does not have`, 'run every shard on the same inputs');
      const original = p.original ? block(p.original) : null;
      const pair: Pair = {
        id: p.translation,
        translation,
        original,
        status: p.status,
        confidence: p.confidence,
        evidence: {
          score: p.evidence.score,
          margin: p.evidence.margin,
          candidates: p.evidence.candidates,
          anchors: p.evidence.anchors,
          ...(p.evidence.confirmedBy ? { confirmedBy: p.evidence.confirmedBy } : {}),
          terms: p.evidence.terms,
          best: p.evidence.best.map((b) => ({ original: ref(b), score: b.score })),
          ...(p.evidence.rejected ? { rejected: p.evidence.rejected.map((b) => ({ original: ref(b), score: b.score, reason: b.reason })) } : {}),
          ...(p.evidence.versions ? { versions: p.evidence.versions.map(ref) } : {}),
        },
        ...(p.attached ? { attached: block(p.attached) } : {}),
      };
      const sentences = (text: string, spans: Array<[number, number]>) => spans.map(([start, end]) => ({ text: text.slice(start, end), start, end }));
      return {
        pair,
        sourceSentences: sentences(original?.text ?? '', p.sentences.source),
        targetSentences: sentences(translation.text, p.sentences.target),
        beads: p.beads,
        findings: p.findings.map(({ range, actual, expected, ...f }) => ({
          ...f,
          data: {},
          ...(range ? { range } : {}),
          ...(actual !== null ? { actual } : {}),
          ...(expected !== null ? { expected } : {}),
        })),
        penalty: p.penalty,
        score: p.score,
        verdict: p.verdict,
        ...(p.verdictReason !== undefined ? { verdictReason: p.verdictReason } : {}),
        targetOnly: p.targetOnly,
      };
    });
  return {
    file: json.file,
    layout: json.layout,
    encoding: json.encoding,
    blocks,
    dropped: json.dropped,
    notes: json.notes,
    errors: json.errors,
    pairs: results,
    duplicates,
    summary: summarize(blocks, results),
  };
}

function ref(r: JsonOriginalRef): BlockRef {
  return { file: r.file, block: r.block, lines: r.lines, ...(r.id !== undefined ? { id: r.id } : {}), ...(r.title !== undefined ? { title: r.title } : {}) };
}
