// `transcheck fix`: from an audit's findings to corrected copies of its input files (pure: the CLI reads
// and writes). Per block, non-overlapping fixes are applied from the end backwards; the block's edits are
// mapped into the file's own text (a JSON string, a CSV/TSV field, page lines) and encoded as the file was.
import { applyEdits, type Edit } from '../core/fix.js';
import type { Block, FileResult, Finding, RunResult } from '../core/types.js';
import { decodeBytes } from './ingest/decode.js';
import { decodeOriginal, encodeText, restoreLineEnds } from './fix/encode.js';
import { locateBlocks, mapEdits, type Slot } from './fix/locate.js';

/** A fix of one finding, ready to apply to a block's normalized text. */
interface BlockFix extends Edit {
  check: string;
}

/** What fixing one file did. */
export interface FileFix {
  file: string;
  /** The corrected file's bytes (the input's own bytes when nothing changed). */
  bytes: Uint8Array;
  changed: boolean;
  /** Blocks whose text changed. */
  blocks: number;
  /** Fixes applied, by check id. */
  byCheck: Record<string, number>;
  /** Fixes left for a later pass because they overlap another one applied in this pass. */
  deferred: number;
  /** Blocks with fixes that could not be written back, with the reason. */
  skipped: Array<{ block: string; lines: [number, number]; reason: string; fixes: number }>;
  notes: string[];
}

/** Fixes of one run by block id (the block a fix's side names). */
export function fixesByBlock(run: RunResult): Map<string, BlockFix[]> {
  const out = new Map<string, BlockFix[]>();
  for (const file of run.files) {
    for (const p of file.pairs) {
      for (const f of p.findings) {
        if (!f.fix) continue;
        const block = f.fix.side === 'target' ? p.pair.translation : p.pair.original;
        if (!block) continue;
        const list = out.get(block.id) ?? [];
        // The same fix reported twice (a judge finding merged into its heuristic twin) is applied once.
        if (!list.some((x) => x.range[0] === f.fix?.range[0] && x.range[1] === f.fix.range[1] && x.text === f.fix.text)) {
          list.push({ range: [f.fix.range[0], f.fix.range[1]], text: f.fix.text, check: f.check });
        }
        out.set(block.id, list);
      }
    }
  }
  return out;
}

/** Counts every finding that carries a fix in a run. */
export function countFixable(run: RunResult): number {
  let n = 0;
  for (const file of run.files) for (const p of file.pairs) for (const f of p.findings) if (f.fix) n++;
  return n;
}

/**
 * Corrects one file: `bytes` are the input's bytes as the audit read them, `result` its audit. Blocks
 * that cannot be mapped safely are left as they are and listed with the reason.
 */
export function fixFile(result: FileResult, bytes: Uint8Array, fixes: ReadonlyMap<string, BlockFix[]>): FileFix {
  const out: FileFix = { file: result.file, bytes, changed: false, blocks: 0, byCheck: {}, deferred: 0, skipped: [], notes: [] };
  const withFixes = result.blocks.filter((b) => (fixes.get(b.id)?.length ?? 0) > 0);
  if (withFixes.length === 0) return out;
  const skipAll = (reason: string): FileFix => {
    for (const b of withFixes) out.skipped.push({ block: b.id, lines: b.lines, reason, fixes: fixes.get(b.id)?.length ?? 0 });
    return out;
  };

  const decoded = decodeBytes(result.file, bytes);
  const original = decodeOriginal(bytes, decoded.encoding);
  if (original.text.replace(/\r\n?/g, '\n') !== decoded.text) return skipAll('the file does not decode the same way twice');
  if (decoded.notes.some((n) => n.includes('U+FFFD'))) return skipAll('the file holds invalid byte sequences: rewriting it would change them');
  if (['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'].includes(decoded.encoding)) {
    const again = encodeText(original.text, original).bytes;
    if (Buffer.compare(Buffer.from(again), Buffer.from(bytes)) !== 0) return skipAll('the file cannot be written back byte for byte in its encoding');
  }

  const slots = locateBlocks(decoded.text, result.layout, result.file, withFixes);
  const fileEdits: Edit[] = [];
  const counted = new Map<Block, BlockFix[]>();
  for (const b of withFixes) {
    const list = fixes.get(b.id) as BlockFix[];
    const slot = slots.get(b.id);
    if (!slot || 'reason' in slot) {
      out.skipped.push({ block: b.id, lines: b.lines, reason: slot?.reason ?? 'not located', fixes: list.length });
      continue;
    }
    const { applied, skipped } = applyEdits(b.text, list);
    const mapped = mapEdits(decoded.text, b, slot as Slot, applied);
    if (!mapped.ok) {
      out.skipped.push({ block: b.id, lines: b.lines, reason: mapped.reason, fixes: list.length });
      continue;
    }
    fileEdits.push(...mapped.edits);
    counted.set(b, applied);
    out.deferred += skipped.length;
  }
  const result2 = applyEdits(decoded.text, fileEdits);
  if (result2.skipped.length > 0) {
    // Two blocks written at the same place (should not happen): nothing of this file is trusted.
    return skipAll('blocks overlap in the file');
  }
  for (const [, applied] of counted) {
    out.blocks++;
    for (const f of applied) out.byCheck[f.check] = (out.byCheck[f.check] ?? 0) + 1;
  }
  const encoded = encodeText(restoreLineEnds(original.text, result2.text), original);
  if (encoded.note) out.notes.push(encoded.note);
  out.bytes = encoded.bytes;
  out.changed = Buffer.compare(Buffer.from(encoded.bytes), Buffer.from(bytes)) !== 0;
  return out;
}

/** A finding of the re-audit that the first audit did not have at its block. */
export interface NewFinding {
  file: string;
  lines: [number, number];
  check: string;
  messageId: string;
  message: string;
}

/** Findings keyed by place and kind (`<file index>:<block n>\u0000<check>/<messageId>`), to compare two audits. */
function findingsByKey(run: RunResult): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  run.files.forEach((file, i) => {
    for (const p of file.pairs) {
      // Block ids start with the file's index in the run; files keep their order across passes.
      const block = `${i}:${p.pair.translation.id.split(':')[1]}`;
      for (const f of p.findings) {
        const key = `${block}\u0000${f.check}/${f.messageId}`;
        out.set(key, [...(out.get(key) ?? []), f]);
      }
    }
  });
  return out;
}

/**
 * Findings of `after` that `before` did not have (by translation block, check and message): counts by
 * `check/messageId`, and each one with its place (the first `limit`).
 */
export function newFindings(before: RunResult, after: RunResult, limit = 20): { counts: Record<string, number>; list: NewFinding[] } {
  const was = findingsByKey(before);
  const counts: Record<string, number> = {};
  const list: NewFinding[] = [];
  const lines = new Map<string, { file: string; lines: [number, number] }>();
  after.files.forEach((file, i) => {
    for (const p of file.pairs) lines.set(`${i}:${p.pair.translation.id.split(':')[1]}`, { file: file.file, lines: p.pair.translation.lines });
  });
  for (const [key, found] of findingsByKey(after)) {
    const extra = found.length - (was.get(key)?.length ?? 0);
    if (extra <= 0) continue;
    const [block, kind] = key.split('\u0000') as [string, string];
    counts[kind] = (counts[kind] ?? 0) + extra;
    const where = lines.get(block) as { file: string; lines: [number, number] };
    for (const f of found.slice(found.length - extra)) {
      if (list.length < limit) list.push({ file: where.file, lines: where.lines, check: f.check, messageId: f.messageId, message: f.message });
    }
  }
  return { counts, list };
}
