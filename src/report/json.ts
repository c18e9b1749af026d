// The JSON report of one input file: the machine-readable contract (README "JSON report"), versioned.
import type { BlockRef, FileResult, Finding, IdentifiedBlock, PairResult, RunResult } from '../core/types.js';

/** A reference to an original as the JSON contract names it. */
export interface JsonOriginalRef {
  file: string;
  block: string;
  lines: [number, number];
  id?: string;
  title?: string;
  /** Normalized text, when the block is not among this report's blocks (an original from another file). */
  text?: string;
}

/**
 * A reference to a block. `local` says whether the block is in this report's `blocks` (with its text);
 * one from another file (`--originals`) carries its normalized text here, so source ranges stand alone.
 */
function blockRef(block: IdentifiedBlock | null | undefined, local: ReadonlySet<string>): JsonOriginalRef | null {
  if (!block) return null;
  return {
    file: block.file,
    block: block.id,
    lines: [block.lines[0], block.lines[1]],
    ...(block.recordId !== undefined ? { id: block.recordId } : {}),
    ...(block.title !== undefined ? { title: block.title } : {}),
    ...(local.has(block.id) ? {} : { text: block.text }),
  };
}

function candidateRef(r: BlockRef): JsonOriginalRef {
  return {
    file: r.file,
    block: r.block,
    lines: [r.lines[0], r.lines[1]],
    ...(r.id !== undefined ? { id: r.id } : {}),
    ...(r.title !== undefined ? { title: r.title } : {}),
  };
}

function finding(f: Finding): Record<string, unknown> {
  return {
    check: f.check,
    severity: f.severity,
    category: f.category,
    side: f.side,
    ...(f.sentence !== undefined ? { sentence: f.sentence } : {}),
    range: f.range ?? null,
    messageId: f.messageId,
    message: f.message,
    actual: f.actual ?? null,
    expected: f.expected ?? null,
    ...(f.note !== undefined ? { note: f.note } : {}),
    ...(f.fix !== undefined ? { fix: f.fix } : {}),
    ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
    confidence: f.confidence,
    origin: f.origin,
    docs: f.docs,
  };
}

function pair(r: PairResult, local: ReadonlySet<string>): Record<string, unknown> {
  const { pair: p } = r;
  return {
    translation: p.translation.id,
    lines: p.translation.lines,
    status: p.status,
    original: blockRef(p.original, local),
    ...(p.attached ? { attached: blockRef(p.attached, local) } : {}),
    confidence: round(p.confidence),
    evidence: {
      score: round(p.evidence.score),
      margin: round(p.evidence.margin),
      candidates: p.evidence.candidates,
      anchors: p.evidence.anchors,
      ...(p.evidence.confirmedBy ? { confirmedBy: p.evidence.confirmedBy } : {}),
      terms: p.evidence.terms,
      best: p.evidence.best.map((b) => ({ ...candidateRef(b.original), score: round(b.score) })),
      ...(p.evidence.rejected
        ? { rejected: p.evidence.rejected.map((b) => ({ ...candidateRef(b.original), score: round(b.score), reason: b.reason })) }
        : {}),
      ...(p.evidence.versions ? { versions: p.evidence.versions.map(candidateRef) } : {}),
    },
    verdict: r.verdict,
    ...(r.verdictReason !== undefined ? { verdictReason: r.verdictReason } : {}),
    score: round(r.score),
    penalty: round(r.penalty),
    targetOnly: r.targetOnly,
    sentences: {
      source: r.sourceSentences.map((s) => [s.start, s.end]),
      target: r.targetSentences.map((s) => [s.start, s.end]),
    },
    beads: r.beads.map((b) => ({ en: b.en, zh: b.zh, cost: round(b.cost) })),
    findings: r.findings.map(finding),
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * Renders one file's JSON report, newline-terminated: the header pretty-printed, then each block and
 * each pair on one line of its own (readable, diffable, and about half the size of indenting all).
 */
export function renderJson(file: FileResult, run: RunResult): string {
  return [...renderJsonChunks(file, run)].join('');
}

/**
 * The same report as a sequence of chunks (the header, then one per block and per pair), byte for
 * byte what `renderJson` returns: a report of any number of pairs is written without one huge string.
 */
export function* renderJsonChunks(file: FileResult, run: RunResult): Generator<string> {
  const local = new Set(file.blocks.map((b) => b.id));
  const head = {
    schemaVersion: run.schemaVersion,
    tool: run.tool,
    configHash: run.configHash,
    promptVersions: run.promptVersions,
    ...(run.shard ? { shard: run.shard } : {}),
    // The run's judge usage, so that `transcheck merge` can add up the shards' tokens and cost.
    ...(run.llm ? { llm: run.llm } : {}),
    file: file.file,
    layout: file.layout,
    encoding: file.encoding,
    summary: file.summary,
    limitations: run.limitations,
    notes: file.notes,
    errors: file.errors,
    dropped: file.dropped,
  };
  yield JSON.stringify(head, null, 2).replace(/\n}$/, '');
  yield* jsonList('blocks', file.blocks, (b) => ({
    id: b.id,
    lines: b.lines,
    role: b.role,
    language: b.language,
    script: b.script,
    ...(b.title !== undefined ? { title: b.title } : {}),
    ...(b.recordId !== undefined ? { recordId: b.recordId } : {}),
    ...(file.duplicates[b.id] ? { alsoAt: file.duplicates[b.id] } : {}),
    // Every range of the report is an offset into this normalized text (NFC, trimmed).
    text: b.text,
  }));
  yield* jsonList('pairs', file.pairs, (r) => pair(r, local));
  yield '\n}\n';
}

/** A top-level list of the report, one element a line. */
function* jsonList<T>(name: string, items: readonly T[], map: (item: T) => unknown): Generator<string> {
  yield `,\n  ${JSON.stringify(name)}: `;
  if (items.length === 0) {
    yield '[]';
    return;
  }
  let n = 0;
  for (const item of items) yield `${n++ === 0 ? '[\n    ' : ',\n    '}${JSON.stringify(map(item))}`;
  yield '\n  ]';
}
