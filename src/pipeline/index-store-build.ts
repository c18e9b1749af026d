// Builds the index of originals for `transcheck index build`: every input read as the audit reads
// originals (`--originals`), one file at a time, a large JSONL/CSV/TSV file record by record (its blocks
// are indexed in batches as they are read and never all held), each new original's block handed to the
// caller to write as it is indexed. Only the index's typed arrays grow with the pool.
import { stopRequested } from '../core/cancel.js';
import { InputFileError } from '../core/errors.js';
import type { Block, IdentifiedBlock, InputError } from '../core/types.js';
import { expandInputs, ingestFile } from './ingest.js';
import { identifyBlocks } from './identify.js';
import { PairIndex, type IndexData } from './pair-index.js';
import { STORE_FILE_BASE, textHash } from './index-store.js';

export interface IndexBuildOptions {
  cwd?: string;
  exclude?: readonly string[];
  markers?: readonly string[];
  signal?: AbortSignal;
  /** Called once per new original (distinct by text), in doc-id order. */
  onOriginal: (block: IdentifiedBlock, doc: number) => void;
  onProgress?: (file: string, originals: number) => void;
  /** Files over this many bytes that hold records are read record by record (default: the audit's 64 MB). */
  streamAbove?: number;
  /** Fixed posting cut-offs instead of the pool's (tests of the band on a small pool). */
  cutoffs?: { maxDf: number; postDf: number };
}

/** Thrown from the batch callback to stop reading a file when the run is interrupted. */
class Stopped extends Error {}

export interface IndexBuildResult {
  data: IndexData;
  /** First 8 bytes of each original's text hash, by doc id. */
  hashes: Buffer[];
  sources: Array<{ file: string; originals: number }>;
  errors: InputError[];
}

/** Reads the originals and returns the sealed index's data; unreadable inputs are listed in `errors`. */
export async function buildIndexData(inputs: readonly string[], options: IndexBuildOptions): Promise<IndexBuildResult> {
  const errors: InputError[] = [];
  const expanded = await expandInputs(inputs, options.cwd, options.exclude);
  errors.push(...expanded.errors);
  const index = new PairIndex({ retain: false, ...(options.cutoffs ? { cutoffs: options.cutoffs } : {}) });
  const hashes: Buffer[] = [];
  const sources: IndexBuildResult['sources'] = [];
  for (const [i, path] of expanded.files.entries()) {
    if (stopRequested(options.signal)) break;
    let originals = 0;
    try {
      const ingestOptions = { ...(options.markers ? { markers: options.markers } : {}), ...(options.cwd ? { cwd: options.cwd } : {}), ...(options.streamAbove !== undefined ? { streamAbove: options.streamAbove } : {}) };
      const indexBlocks = (blocks: Block[]): void => {
        // Identified in slices so that a large batch's identified copies are not all held at once.
        for (let s = 0; s < blocks.length; s += 1000) {
          if (stopRequested(options.signal)) throw new Stopped();
          for (const block of identifyBlocks(blocks.slice(s, s + 1000))) {
            if (block.role !== 'original') continue;
            const { doc, added } = index.addNew(block);
            if (!added) continue;
            originals++;
            hashes.push(textHash(block.text));
            options.onOriginal(block, doc);
          }
        }
      };
      try {
        // A large record file's blocks come through `indexBlocks` as they are read; any other file's are returned.
        indexBlocks((await ingestFile(path, STORE_FILE_BASE + i, ingestOptions, indexBlocks)).blocks);
      } catch (error) {
        if (!(error instanceof Stopped)) throw error;
      }
      sources.push({ file: path, originals });
      if (originals === 0) errors.push({ file: path, message: `${path}: no English originals found (an index holds originals only)` });
    } catch (error) {
      if (error instanceof InputFileError) errors.push({ file: error.file, message: error.message, ...(error.line ? { line: error.line } : {}) });
      else errors.push({ file: path, message: `${path}: ${(error as Error).message ?? String(error)}` });
    }
    options.onProgress?.(path, index.size);
  }
  return { data: index.seal().exportData(), hashes, sources, errors };
}
