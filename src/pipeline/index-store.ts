// The persistent index of originals (`transcheck index build`, `audit --index`): flat binary files read
// on demand with positioned reads, so a run holds only what it touches (the terms of its translations,
// the posting lists they read, the candidates scored) plus 16 bytes per original for the pre-rank.
// Scores are computed by the same `scoreDoc` as the in-memory index, from the same numbers.
// Why flat files and not SQLite: see docs/scale.md ("The persistent index").
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../config/package-root.js';
import { KnownError } from '../core/errors.js';
import type { IdentifiedBlock } from '../core/types.js';
import { enFeatures, genericWeights, type ScoredSimilarity, type SimilarityWeights, type ZhFeatures } from '../lexicon/similarity.js';
import {
  anchorFactor,
  buildQuery,
  commonOf,
  idfOf,
  BAND_CAP,
  MAX_DF_CAP,
  MAX_DF_SHARE,
  MIN_MAX_DF,
  scoreDoc,
  sortedJaccard,
  type CommonStems,
  type DocTerms,
  type IndexData,
  type IndexedQuery,
  type OriginalsIndex,
} from './pair-index.js';

/** Bumped whenever the files' layout changes. */
// 2: each original's common stems (`common.*`), read by the pre-rank's second stage.
// 3: stem posting lists up to `postDf` (the band over maxDf, read after the rare lists).
export const INDEX_FORMAT_VERSION = 3;
export const MANIFEST = 'manifest.json';
/** Vocabulary lines per block of the key files (one positioned read finds a key). */
const KEYS_PER_BLOCK = 64;
/** Block ids of stored originals are `<100000 + file number>:<n>`, apart from any run's own ids. */
export const STORE_FILE_BASE = 100_000;

/** What `manifest.json` holds. */
export interface IndexManifest {
  format: 'transcheck-index';
  version: number;
  /** Hash of the tool's text normalization (stems, anchors, dictionaries, posting cut-offs). */
  normalization: string;
  tool: string;
  built: string;
  originals: number;
  maxDf: number;
  /** Stems up to this document frequency have posting lists (format 3: the band over maxDf). */
  postDf: number;
  stems: number;
  anchors: number;
  sources: Array<{ file: string; originals: number }>;
  /** Bytes of each file of the index. */
  files: Record<string, number>;
}

/** An index folder that cannot be used; the message names the folder and says what to do. */
export class IndexStoreError extends KnownError {}

let normalizationCache: string | undefined;

/**
 * A hash of everything that decides what the index stores: the English features of a probe text (stems,
 * anchors, strong anchors, word count: any change to stemming or extraction changes them), the posting
 * cut-offs, the idf formula and the bundled dictionary, glossary and word list. A tool whose hash differs
 * from the index's must not use it.
 */
export function normalizationHash(): string {
  if (normalizationCache) return normalizationCache;
  const probe =
    'We propose GPT-4-based Transformers for 3D point clouds (see https://arxiv.org/abs/2101.00001v2): accuracy improves by 3.5% on ImageNet-1K, ' +
    'with 12 layers, O(n log n) attention and Adam; the models were pre-trained, fine-tuned and evaluated by LeCun et al. in 2019, ' +
    'who found that training took less time than they thought.';
  const f = enFeatures(probe, { surface: false });
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ v: INDEX_FORMAT_VERSION, stems: [...f.stems].sort(), anchors: [...f.anchors].sort(), strong: f.strongAnchors, words: f.words }));
  hash.update(JSON.stringify({ MIN_MAX_DF, MAX_DF_SHARE, MAX_DF_CAP, BAND_CAP, idf: [idfOf(1000, 3), anchorFactor('7'), anchorFactor('gpt')] }));
  for (const file of ['cedict_ts.u8.gz', 'glossary-ml.tsv', 'ml-words.txt']) {
    const path = join(packageRoot(), 'src', 'lexicon', 'data', file);
    hash.update(existsSync(path) ? readFileSync(path) : file);
  }
  return (normalizationCache = hash.digest('hex').slice(0, 16));
}

// ---- Encoding (the CLI writes the buffers; only cli/ writes files) ----

/** One line of a key file: the key as JSON, its id, document frequency and first posting. */
function keyLine(key: string, id: number, df: number, postStart: number): string {
  return `${JSON.stringify(key)}\t${id}\t${df}\t${postStart}\n`;
}

/** A vocabulary as sorted key lines in blocks, with the first key and byte offset of each block. */
export function encodeKeys(keys: ReadonlyMap<string, number>, df: Int32Array, postStart: Int32Array): { bytes: Buffer; blocks: Array<[string, number]> } {
  const sorted = [...keys.keys()].sort();
  const chunks: Buffer[] = [];
  const blocks: Array<[string, number]> = [];
  let offset = 0;
  for (let i = 0; i < sorted.length; i += KEYS_PER_BLOCK) {
    blocks.push([sorted[i] as string, offset]);
    let text = '';
    for (const key of sorted.slice(i, i + KEYS_PER_BLOCK)) {
      const id = keys.get(key) as number;
      text += keyLine(key, id, df[id] as number, postStart[id] as number);
    }
    const buf = Buffer.from(text, 'utf8');
    chunks.push(buf);
    offset += buf.length;
  }
  blocks.push(['', offset]);
  return { bytes: Buffer.concat(chunks), blocks };
}

/** A doc record: [words, stems, anchors, strong] Int32, enTotal and strong weights Float64, then the ids. */
export function encodeDoc(d: DocTerms): Buffer {
  const size = 16 + 8 + 8 * d.strong.length + 4 * (d.stems.length + d.anchors.length + d.strong.length);
  const buf = Buffer.alloc(size);
  buf.writeInt32LE(d.words, 0);
  buf.writeInt32LE(d.stems.length, 4);
  buf.writeInt32LE(d.anchors.length, 8);
  buf.writeInt32LE(d.strong.length, 12);
  buf.writeDoubleLE(d.enTotal, 16);
  let o = 24;
  for (const w of d.strongWeights) {
    buf.writeDoubleLE(w, o);
    o += 8;
  }
  for (const arr of [d.stems, d.anchors, d.strong]) {
    for (const v of arr) {
      buf.writeInt32LE(v, o);
      o += 4;
    }
  }
  return buf;
}

function decodeDoc(buf: Buffer): DocTerms {
  const words = buf.readInt32LE(0);
  const ns = buf.readInt32LE(4);
  const na = buf.readInt32LE(8);
  const ng = buf.readInt32LE(12);
  const enTotal = buf.readDoubleLE(16);
  const strongWeights = new Float64Array(ng);
  let o = 24;
  for (let i = 0; i < ng; i++, o += 8) strongWeights[i] = buf.readDoubleLE(o);
  const read = (n: number) => {
    // One copy into an aligned array (the record's offset in its buffer may not be a multiple of 4).
    const out = new Int32Array(n);
    buf.copy(Buffer.from(out.buffer), 0, o, o + 4 * n);
    o += 4 * n;
    return out;
  };
  const stems = read(ns);
  const anchors = read(na);
  const strong = read(ng);
  return { stems, anchors, strong, strongWeights, words, enTotal };
}

/** A stored original: the block without what only its own run needs (raw text equal to text, attachments). */
export function encodeBlock(block: IdentifiedBlock): Buffer {
  const { raw, attachedTo: _attached, ...rest } = block;
  return Buffer.from(`${JSON.stringify(raw === block.text ? rest : { ...rest, raw })}\n`, 'utf8');
}

/** The first 8 bytes of a text's sha-1, as the key of the text table. */
function textHash(text: string): Buffer {
  return createHash('sha1').update(text).digest().subarray(0, 8);
}

/** The text table: 12-byte entries (8 bytes of hash, doc id), sorted by hash. */
export function encodeTextTable(hashes: Buffer[]): Buffer {
  const order = hashes.map((_, i) => i).sort((a, b) => Buffer.compare(hashes[a] as Buffer, hashes[b] as Buffer));
  const out = Buffer.alloc(12 * hashes.length);
  order.forEach((doc, i) => {
    (hashes[doc] as Buffer).copy(out, 12 * i);
    out.writeInt32LE(doc, 12 * i + 8);
  });
  return out;
}

export { textHash };

/** Offsets (n + 1 of them) as Float64 (files may pass 4 GB). */
export function encodeOffsets(offsets: readonly number[]): Buffer {
  return Buffer.from(Float64Array.from(offsets).buffer);
}

export function int32Bytes(a: Int32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

export function float64Bytes(a: Float64Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** The files of an index other than the texts (written as they are read) and the manifest. */
export function encodeIndexFiles(data: IndexData): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const stems = encodeKeys(data.stems, data.stemDf, data.stemPostStart);
  const anchors = encodeKeys(data.anchors, data.anchorDf, data.anchorPostStart);
  files.set('stems.keys', stems.bytes);
  files.set('stems.blocks.json', Buffer.from(JSON.stringify(stems.blocks)));
  files.set('anchors.keys', anchors.bytes);
  files.set('anchors.blocks.json', Buffer.from(JSON.stringify(anchors.blocks)));
  files.set('stems.post', int32Bytes(data.stemPost));
  files.set('anchors.post', int32Bytes(data.anchorPost));
  const totals = new Float64Array(2 * data.size);
  totals.set(data.enTotal, 0);
  totals.set(data.anchorTotal, data.size);
  files.set('totals.f64', float64Bytes(totals));
  // The common stems of each original (16-bit ids), loaded whole by a run: the pre-rank reads them for
  // every original it touches. Int32 offsets: up to 2^31 entries (about 28 million originals).
  files.set('common.stems', int32Bytes(data.common.stems));
  files.set('common.off', int32Bytes(data.common.offsets));
  files.set('common.ids', Buffer.from(data.common.ids.buffer, data.common.ids.byteOffset, data.common.ids.byteLength));
  const docs: Buffer[] = [];
  const offsets = [0];
  for (let d = 0; d < data.size; d++) {
    const rec = encodeDoc(data.terms(d));
    docs.push(rec);
    offsets.push((offsets[d] as number) + rec.length);
  }
  files.set('docs.bin', Buffer.concat(docs));
  files.set('docs.off', encodeOffsets(offsets));
  return files;
}

// ---- Reading ----

/** A term of the store: id, document frequency in the pool, first posting. */
interface TermInfo {
  id: number;
  df: number;
  postStart: number;
}

/** Positioned reads of one file, opened once. */
class RandomFile {
  readonly fd: number;
  readonly size: number;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
    this.size = fstatSync(this.fd).size;
  }
  read(position: number, length: number, into?: Buffer): Buffer {
    const buf = into ?? Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, buf, done, length - done, position + done);
      if (n === 0) throw new Error(`${this.path}: unexpected end of file at byte ${position + done}`);
      done += n;
    }
    return buf;
  }
  float64(index: number): number {
    return this.read(8 * index, 8).readDoubleLE(0);
  }
  close(): void {
    closeSync(this.fd);
  }
}

/** A sorted key file and its in-memory block table (every 64th key). */
class KeyFile {
  private readonly file: RandomFile;
  private readonly blocks: Array<[string, number]>;
  private readonly cache = new Map<string, TermInfo | null>();
  readonly byId = new Map<number, TermInfo>();
  constructor(dir: string, name: string) {
    this.file = new RandomFile(join(dir, `${name}.keys`));
    this.blocks = JSON.parse(readFileSync(join(dir, `${name}.blocks.json`), 'utf8')) as Array<[string, number]>;
  }
  /** Forgets cached terms (between translations, when the cache has grown large). */
  trim(max: number): void {
    if (this.cache.size <= max) return;
    this.cache.clear();
    this.byId.clear();
  }
  get(key: string): TermInfo | null {
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const found = this.lookup(key);
    this.cache.set(key, found);
    if (found) this.byId.set(found.id, found);
    return found;
  }
  private lookup(key: string): TermInfo | null {
    // The last block whose first key is ≤ key (the final entry is the end offset).
    let lo = 0;
    let hi = this.blocks.length - 2;
    if (hi < 0) return null;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.blocks[mid] as [string, number])[0] <= key) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (at < 0) return null;
    const start = (this.blocks[at] as [string, number])[1];
    const end = (this.blocks[at + 1] as [string, number])[1];
    const text = this.file.read(start, end - start).toString('utf8');
    const quoted = JSON.stringify(key);
    for (const line of text.split('\n')) {
      if (!line.startsWith(quoted) || line.charCodeAt(quoted.length) !== 9) continue;
      const [, id, df, postStart] = line.slice(quoted.length).split('\t');
      return { id: Number(id), df: Number(df), postStart: Number(postStart) };
    }
    return null;
  }
  close(): void {
    this.file.close();
  }
}

/** Checks an index folder's manifest against this tool; throws IndexStoreError naming the folder. */
export function readManifest(dir: string): IndexManifest {
  const path = join(dir, MANIFEST);
  if (!existsSync(dir)) throw new IndexStoreError(`${dir}: index folder not found`, 'build it with `transcheck index build <originals…> --out <dir>`');
  if (!existsSync(path)) {
    throw new IndexStoreError(`${dir}: not a transcheck index (no ${MANIFEST}; an interrupted build leaves none)`, 'build it with `transcheck index build <originals…> --out <dir>`');
  }
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as IndexManifest;
  } catch (error) {
    throw new IndexStoreError(`${dir}: ${MANIFEST} is not valid JSON (${(error as Error).message})`, 'rebuild it with `transcheck index build`');
  }
  if (manifest.format !== 'transcheck-index') throw new IndexStoreError(`${dir}: not a transcheck index (${MANIFEST} has no format \`transcheck-index\`)`);
  if (manifest.version !== INDEX_FORMAT_VERSION) {
    throw new IndexStoreError(
      `${dir}: index format ${manifest.version}, this transcheck reads format ${INDEX_FORMAT_VERSION}`,
      'rebuild it with `transcheck index build` (same originals, this version of transcheck)',
    );
  }
  if (manifest.normalization !== normalizationHash()) {
    throw new IndexStoreError(
      `${dir}: stale index: built by transcheck ${manifest.tool} with text normalization ${manifest.normalization}, this transcheck normalizes as ${normalizationHash()} (stemming, anchors or dictionaries changed)`,
      'rebuild it with `transcheck index build` (same originals, this version of transcheck)',
    );
  }
  for (const [file, bytes] of Object.entries(manifest.files ?? {})) {
    const p = join(dir, file);
    if (!existsSync(p)) throw new IndexStoreError(`${dir}: index file ${file} is missing`, 'rebuild it with `transcheck index build`');
    const size = fstatSize(p);
    if (size !== bytes) throw new IndexStoreError(`${dir}: index file ${file} has ${size} bytes, the manifest says ${bytes}`, 'rebuild it with `transcheck index build`');
  }
  return manifest;
}

function fstatSize(path: string): number {
  const fd = openSync(path, 'r');
  try {
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}

/** Caches of what a run touched, bounded (the working set, not the pool). */
const MAX_TERMS_CACHED = 400_000;
const MAX_DOCS_CACHED = 20_000;
const MAX_BLOCKS_CACHED = 4_000;
/** Bytes of posting lists kept between translations: the lists of common glosses are read by most of them. */
const POSTINGS_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * An index on disk. Originals of the run itself (not in the store) can be added on top with
 * `withOriginals`: they are scored with the pool's word statistics and found through in-memory postings.
 */
export class StoredIndex implements OriginalsIndex {
  readonly manifest: IndexManifest;
  readonly maxDf: number;
  readonly postDf: number;
  readonly weights: SimilarityWeights;
  enTotal: Float64Array;
  anchorTotal: Float64Array;
  common: CommonStems;
  private readonly pool: number;
  private readonly stems: KeyFile;
  private readonly anchors: KeyFile;
  private readonly stemPost: RandomFile;
  private readonly anchorPost: RandomFile;
  private readonly docs: RandomFile;
  private readonly docOffsets: RandomFile;
  private readonly texts: RandomFile;
  private readonly textOffsets: RandomFile;
  private readonly textTable: RandomFile;
  private readonly docCache = new Map<number, DocTerms>();
  private readonly blockCache = new Map<number, IdentifiedBlock>();
  // Posting lists by term (stems ≥ 0, anchors as −1 − id), oldest first, within POSTINGS_CACHE_BYTES.
  private readonly postCache = new Map<number, Int32Array>();
  private postCacheBytes = 0;
  // Originals of the run added on top (doc ids pool … pool + k − 1).
  private readonly extraBlocks: IdentifiedBlock[] = [];
  private readonly extraTerms: DocTerms[] = [];
  private readonly extraByText = new Map<string, number>();
  private readonly extraStems = new Map<string, number>();
  private readonly extraAnchors = new Map<string, number>();
  private readonly extraStemPost = new Map<number, number[]>();
  private readonly extraAnchorPost = new Map<number, number[]>();

  constructor(readonly dir: string) {
    this.manifest = readManifest(dir);
    this.pool = this.manifest.originals;
    this.maxDf = this.manifest.maxDf;
    this.postDf = this.manifest.postDf;
    try {
      this.stems = new KeyFile(dir, 'stems');
      this.anchors = new KeyFile(dir, 'anchors');
      this.stemPost = new RandomFile(join(dir, 'stems.post'));
      this.anchorPost = new RandomFile(join(dir, 'anchors.post'));
      this.docs = new RandomFile(join(dir, 'docs.bin'));
      this.docOffsets = new RandomFile(join(dir, 'docs.off'));
      this.texts = new RandomFile(join(dir, 'texts.bin'));
      this.textOffsets = new RandomFile(join(dir, 'texts.off'));
      this.textTable = new RandomFile(join(dir, 'texts.hash'));
      const totals = readFileSync(join(dir, 'totals.f64'));
      const all = new Float64Array(totals.buffer.slice(totals.byteOffset, totals.byteOffset + totals.byteLength));
      this.enTotal = all.slice(0, this.pool);
      this.anchorTotal = all.slice(this.pool, 2 * this.pool);
      const stems = int32View(readFileSync(join(dir, 'common.stems')));
      const ids = readFileSync(join(dir, 'common.ids'));
      this.common = {
        stems,
        of: commonOf(stems, this.manifest.stems),
        offsets: int32View(readFileSync(join(dir, 'common.off'))),
        ids: ids.byteOffset % 2 === 0 ? new Uint16Array(ids.buffer, ids.byteOffset, ids.byteLength / 2) : new Uint16Array(aligned(ids)),
      };
      if (this.common.offsets.length !== this.pool + 1) throw new Error(`common.off holds ${this.common.offsets.length - 1} originals, the manifest says ${this.pool}`);
    } catch (error) {
      if (error instanceof IndexStoreError) throw error;
      throw new IndexStoreError(`${dir}: index cannot be read (${(error as Error).message})`, 'rebuild it with `transcheck index build`');
    }
    const generic = genericWeights();
    this.weights = {
      en: (s) => idfOf(this.pool, this.stems.get(s)?.df ?? 0),
      zh: (w) => generic.zh(w),
      anchor: (a) => anchorFactor(a) * idfOf(this.pool, this.anchors.get(a)?.df ?? 0),
    };
  }

  get size(): number {
    return this.pool + this.extraBlocks.length;
  }

  get vocabularySize(): number {
    return this.manifest.stems + this.extraStems.size;
  }

  /**
   * Adds the run's own originals that the store does not hold (by text), each scored with the pool's word
   * statistics. Call once, before pairing.
   */
  withOriginals(blocks: readonly IdentifiedBlock[]): this {
    const added: number[] = [];
    for (const block of blocks) {
      if (this.docOf(block.text) >= 0) continue;
      const doc = this.size;
      this.extraBlocks.push(block);
      this.extraByText.set(block.text, doc);
      const f = enFeatures(block.text, { surface: false });
      const stemIds = [...f.stems].map((s) => this.stemId(s, doc)).sort((a, b) => a - b);
      const anchorIds = [...f.anchors].map((a) => this.anchorId(a, doc)).sort((a, b) => a - b);
      const strong = f.strongAnchors.map((a) => this.anchorId(a, -1)).sort((a, b) => a - b);
      let enTotal = 0;
      for (const s of f.stems) enTotal += this.weights.en(s);
      const strongWeights = Float64Array.from(
        [...f.strongAnchors].sort((a, b) => this.anchorId(a, -1) - this.anchorId(b, -1)),
        (a) => this.weights.anchor(a),
      );
      this.extraTerms.push({
        stems: Int32Array.from(stemIds),
        anchors: Int32Array.from(anchorIds),
        strong: Int32Array.from(strong),
        strongWeights,
        words: f.words,
        enTotal: Math.max(enTotal, 1e-9),
      });
      added.push(doc);
    }
    if (added.length > 0) {
      const en = new Float64Array(this.size);
      const an = new Float64Array(this.size);
      en.set(this.enTotal);
      an.set(this.anchorTotal);
      for (const doc of added) {
        const t = this.extraTerms[doc - this.pool] as DocTerms;
        en[doc] = t.enTotal;
        an[doc] = t.strongWeights.reduce((s, w) => s + w, 0);
      }
      this.enTotal = en;
      this.anchorTotal = an;
      // Their common stems (those of the pool; a stem the pool does not know has no common id).
      const { of } = this.common;
      const lists = added.map((doc) => Array.from((this.extraTerms[doc - this.pool] as DocTerms).stems).filter((id) => id < of.length && (of[id] as number) >= 0).map((id) => of[id] as number));
      const base = this.common.ids.length;
      const ids = new Uint16Array(base + lists.reduce((s, l) => s + l.length, 0));
      ids.set(this.common.ids);
      const offsets = new Int32Array(this.size + 1);
      offsets.set(this.common.offsets);
      let k = base;
      lists.forEach((list, i) => {
        ids.set(list, k);
        k += list.length;
        offsets[(added[i] as number) + 1] = k;
      });
      this.common = { ...this.common, offsets, ids };
    }
    return this;
  }

  /** Id of a stem (a new id past the store's for a stem it does not know); records a posting of `doc` (≥ 0). */
  private stemId(stem: string, doc: number): number {
    const info = this.stems.get(stem);
    let id = info?.id;
    if (id === undefined) {
      id = this.extraStems.get(stem);
      if (id === undefined) {
        id = this.manifest.stems + this.extraStems.size;
        this.extraStems.set(stem, id);
      }
    }
    if (doc >= 0) pushTo(this.extraStemPost, id, doc);
    return id;
  }

  private anchorId(anchor: string, doc: number): number {
    const info = this.anchors.get(anchor);
    let id = info?.id;
    if (id === undefined) {
      id = this.extraAnchors.get(anchor);
      if (id === undefined) {
        id = this.manifest.anchors + this.extraAnchors.size;
        this.extraAnchors.set(anchor, id);
      }
    }
    if (doc >= 0) pushTo(this.extraAnchorPost, id, doc);
    return id;
  }

  block(doc: number): IdentifiedBlock {
    if (doc >= this.pool) return this.extraBlocks[doc - this.pool] as IdentifiedBlock;
    const cached = this.blockCache.get(doc);
    if (cached) return cached;
    const start = this.textOffsets.float64(doc);
    const end = this.textOffsets.float64(doc + 1);
    const stored = JSON.parse(this.texts.read(start, end - start).toString('utf8')) as Omit<IdentifiedBlock, 'raw'> & { raw?: string };
    const block: IdentifiedBlock = { ...stored, raw: stored.raw ?? stored.text };
    if (this.blockCache.size >= MAX_BLOCKS_CACHED) this.blockCache.delete(this.blockCache.keys().next().value as number);
    this.blockCache.set(doc, block);
    return block;
  }

  docOf(text: string): number {
    const extra = this.extraByText.get(text);
    if (extra !== undefined) return extra;
    const key = textHash(text);
    const n = this.textTable.size / 12;
    let lo = 0;
    let hi = n - 1;
    const entry = Buffer.allocUnsafe(12);
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      this.textTable.read(12 * mid, 12, entry);
      const c = Buffer.compare(entry.subarray(0, 8), key);
      if (c === 0) {
        const doc = entry.readInt32LE(8);
        return this.block(doc).text === text ? doc : -1;
      }
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  terms(doc: number): DocTerms {
    if (doc >= this.pool) return this.extraTerms[doc - this.pool] as DocTerms;
    const cached = this.docCache.get(doc);
    if (cached) return cached;
    const start = this.docOffsets.float64(doc);
    const end = this.docOffsets.float64(doc + 1);
    const terms = decodeDoc(this.docs.read(start, end - start));
    if (this.docCache.size >= MAX_DOCS_CACHED) this.docCache.delete(this.docCache.keys().next().value as number);
    this.docCache.set(doc, terms);
    return terms;
  }

  stemFrequency(id: number): number {
    return (this.stems.byId.get(id)?.df ?? 0) + (this.extraStemPost.get(id)?.length ?? 0);
  }

  anchorFrequency(id: number): number {
    return (this.anchors.byId.get(id)?.df ?? 0) + (this.extraAnchorPost.get(id)?.length ?? 0);
  }

  stemWeightOf(id: number): number {
    return idfOf(this.pool, this.stems.byId.get(id)?.df ?? 0);
  }

  stemPostings(id: number): Int32Array {
    return this.cachedPostings(id, () => this.postings(this.stems.byId.get(id), this.postDf, this.stemPost, this.extraStemPost.get(id)));
  }

  anchorPostings(id: number): Int32Array {
    return this.cachedPostings(-1 - id, () => this.postings(this.anchors.byId.get(id), this.maxDf, this.anchorPost, this.extraAnchorPost.get(id)));
  }

  private cachedPostings(key: number, read: () => Int32Array): Int32Array {
    const hit = this.postCache.get(key);
    if (hit) return hit;
    const list = read();
    this.postCache.set(key, list);
    this.postCacheBytes += list.byteLength;
    while (this.postCacheBytes > POSTINGS_CACHE_BYTES && this.postCache.size > 1) {
      const [oldest, old] = this.postCache.entries().next().value as [number, Int32Array];
      this.postCache.delete(oldest);
      this.postCacheBytes -= old.byteLength;
    }
    return list;
  }

  private postings(info: TermInfo | undefined, cutoff: number, file: RandomFile, extra: number[] | undefined): Int32Array {
    const stored = info && info.df <= cutoff ? info.df : 0;
    const out = new Int32Array(stored + (extra?.length ?? 0));
    if (info && stored > 0) this.read32(file, info.postStart, stored, out);
    if (extra) out.set(extra, stored);
    return out;
  }

  private read32(file: RandomFile, start: number, count: number, into: Int32Array): void {
    file.read(4 * start, 4 * count, Buffer.from(into.buffer, into.byteOffset, 4 * count));
  }

  query(features: ZhFeatures, union?: ReadonlySet<string>): IndexedQuery {
    this.stems.trim(MAX_TERMS_CACHED);
    this.anchors.trim(MAX_TERMS_CACHED);
    return buildQuery(
      features,
      union,
      this.weights,
      (s) => this.knownStem(s),
      (id) => this.stemWeightOf(id),
      (a) => this.anchors.get(a)?.id ?? this.extraAnchors.get(a) ?? -1,
    );
  }

  private knownStem(stem: string): number {
    return this.stems.get(stem)?.id ?? this.extraStems.get(stem) ?? -1;
  }

  score(q: IndexedQuery, doc: number, scratch: Uint32Array, stamp: number): ScoredSimilarity {
    return scoreDoc(q, this.terms(doc), scratch, stamp);
  }

  stemJaccard(a: number, b: number): number {
    return sortedJaccard(this.terms(a).stems, this.terms(b).stems);
  }

  close(): void {
    for (const f of [this.stemPost, this.anchorPost, this.docs, this.docOffsets, this.texts, this.textOffsets, this.textTable]) f.close();
    this.stems.close();
    this.anchors.close();
  }
}

/** A file's bytes in a buffer of their own (typed-array views need an aligned offset). */
function aligned(buf: Buffer): ArrayBuffer {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

/** Int32 values of a file, without a copy when the buffer is aligned (large files are). */
function int32View(buf: Buffer): Int32Array {
  return buf.byteOffset % 4 === 0 ? new Int32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4) : new Int32Array(aligned(buf));
}

function pushTo(map: Map<number, number[]>, id: number, doc: number): void {
  const list = map.get(id);
  if (!list) map.set(id, [doc]);
  else if (list[list.length - 1] !== doc) list.push(doc);
}

/** Opens an index folder (checked: format, normalization, files); throws IndexStoreError naming it. */
export function openIndexStore(dir: string): StoredIndex {
  return new StoredIndex(dir);
}
