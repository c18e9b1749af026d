// Pair results with their bulky parts in a SpillStore (core/spill.ts): the sentences, beads and findings
// of each result and the evidence of its pair are written to the store when the result is final, and read
// back when a reporter (or the judge) reads them. Reporters read a result's fields by name, so what the
// reports render is byte for byte what they render from results in memory (tests/cli/spill.test.ts).
//
// A spilled result is an instance of a class whose moved fields are getters on the prototype. Measured
// first and dropped: redefining the fields as accessors on the old objects (V8 turns such an object into
// a hash table of about 700 bytes, more than the spill saved) and object literals with getters (each
// literal's own closures give it its own hidden class and descriptors, about 500 bytes). Getters on the
// prototype are not own properties: code that copies a result with `{ ...result }` or
// `Object.keys` would miss them; nothing past the check stage does (copy fields by name).
import type { SpillStore } from '../core/spill.js';
import type { Bead, BlockRef, ClaimedRole, Finding, IdentifiedBlock, Language, LineRange, Pair, PairEvidence, PairResult, Role, Script, Sentence, Verdict } from '../core/types.js';

/** A result's record in the store: sentences as offsets (their texts are slices of the pair's texts). */
interface ResultRecord {
  s: Array<[number, number]>;
  t: Array<[number, number]>;
  b: Bead[];
  f: Finding[];
}

/** The bulky part of a pair's evidence. */
type EvidenceRecord = Pick<PairEvidence, 'anchors' | 'terms' | 'best' | 'rejected' | 'versions'>;

/** Read-back cache entry: the record and the values built from it, so that repeated reads return the same arrays. */
interface Loaded {
  record: unknown;
  built: Map<string, unknown>;
}

/** Records read back and kept: reporters read one pair's fields several times in a row, then move on. */
const CACHE = 512;

/**
 * Moves finished results' bulky parts to a store and reads them back. One per run. Arrays read back are
 * frozen: code that pushed to a spilled result's findings would otherwise lose the change silently.
 * Setting `findings` (the judge's merged findings) writes a new record.
 */
export class Spiller {
  private readonly cache = new Map<number, Loaded>();
  /** Results moved, for tests and the run's figures. */
  moved = 0;

  /**
   * `active`, when given, says whether results are spilled yet (the CLI's `--spill auto`: once the live heap
   * has passed a share of the memory budget); results that arrive before are kept whole, and spilled when
   * they are settled if it has turned true by then.
   */
  constructor(
    readonly store: SpillStore,
    private readonly active?: () => boolean,
  ) {}

  /** Whether results are spilled now (always, unless the CLI's `--spill auto` has not turned it on yet). */
  get spilling(): boolean {
    return this.active ? this.active() : true;
  }

  /** A checked result with its sentences, beads and findings in the store (its pair may still change: see `settle`). */
  result(result: PairResult): PairResult {
    if (result instanceof SpilledResult) return result;
    if (this.active && !this.active()) return result;
    this.moved++;
    return new SpilledResult(this, result);
  }

  /** Once the result's pair is final (after pairing): the pair's evidence moves too. */
  settle(result: PairResult): PairResult {
    if (!(result instanceof SpilledResult) && this.active && !this.active()) return result;
    const moved = this.result(result);
    const { pair } = moved;
    // In place: the pair is final, and the audit's lists of pairs hold the same object to its end.
    if (!(pair.evidence instanceof SpilledEvidence)) pair.evidence = new SpilledEvidence(this, pair.evidence);
    return moved;
  }

  /**
   * The blocks of a finished run with their texts (`raw` and `text`) in the store: every block of `blocks`
   * and every block the results' pairs hold (an original of `--originals`), each replaced by a copy whose
   * texts are read back on demand, in the lists and pairs that hold it (same object for the same block, so
   * identity between them is kept). Called once checking, the judge and the terminology table are done
   * with the texts: the texts are about half of what a spilled run still held a pair.
   */
  blocks(lists: ReadonlyArray<IdentifiedBlock[]>, results: readonly PairResult[]): void {
    const swapped = new Map<IdentifiedBlock, IdentifiedBlock>();
    const swap = (block: IdentifiedBlock): IdentifiedBlock => {
      if (block instanceof SpilledBlock) return block;
      let out = swapped.get(block);
      if (!out) swapped.set(block, (out = new SpilledBlock(this, block)));
      return out;
    };
    // In file order: the texts are then read back nearly in the order written (the JSON report, the pairs).
    for (const list of lists) for (let i = 0; i < list.length; i++) list[i] = swap(list[i] as IdentifiedBlock);
    for (const { pair } of results) {
      pair.translation = swap(pair.translation);
      if (pair.original) pair.original = swap(pair.original);
      if (pair.attached) pair.attached = swap(pair.attached);
    }
  }

  /** A value built once per cached record (arrays frozen, so that a lost in-place change fails loudly). */
  built<R, T>(handle: number, name: string, build: (record: R) => T): T {
    const loaded = this.load(handle);
    let value = loaded.built.get(name) as T | undefined;
    if (value === undefined) {
      value = build(loaded.record as R);
      if (Array.isArray(value)) Object.freeze(value);
      loaded.built.set(name, value);
    }
    return value;
  }

  /** The record under `handle`, from the cache or the store. */
  load(handle: number): Loaded {
    const hit = this.cache.get(handle);
    if (hit) {
      // Most recently used last.
      this.cache.delete(handle);
      this.cache.set(handle, hit);
      return hit;
    }
    const loaded: Loaded = { record: this.store.get(handle), built: new Map() };
    this.cache.set(handle, loaded);
    if (this.cache.size > CACHE) this.cache.delete(this.cache.keys().next().value as number);
    return loaded;
  }

  /** Writes a new record in place of `handle`'s. */
  replace(handle: number, record: unknown): number {
    this.cache.delete(handle);
    return this.store.put(record);
  }
}

class SpilledResult implements PairResult {
  pair: Pair;
  penalty: number;
  score: number;
  verdict: Verdict;
  declare verdictReason?: string;
  targetOnly: boolean;
  readonly #spiller: Spiller;
  #handle: number;

  constructor(spiller: Spiller, result: PairResult) {
    this.#spiller = spiller;
    this.#handle = spiller.store.put({
      s: result.sourceSentences.map((s) => [s.start, s.end]),
      t: result.targetSentences.map((s) => [s.start, s.end]),
      b: result.beads,
      f: result.findings,
    } satisfies ResultRecord);
    this.pair = result.pair;
    this.penalty = result.penalty;
    this.score = result.score;
    this.verdict = result.verdict;
    if (result.verdictReason !== undefined) this.verdictReason = result.verdictReason;
    this.targetOnly = result.targetOnly;
  }

  get sourceSentences(): Sentence[] {
    return this.#spiller.built(this.#handle, 's', (r: ResultRecord) => sentences(this.pair.original?.text ?? '', r.s));
  }

  get targetSentences(): Sentence[] {
    return this.#spiller.built(this.#handle, 't', (r: ResultRecord) => sentences(this.pair.translation.text, r.t));
  }

  get beads(): Bead[] {
    return this.#spiller.built(this.#handle, 'b', (r: ResultRecord) => r.b);
  }

  get findings(): Finding[] {
    return this.#spiller.built(this.#handle, 'f', (r: ResultRecord) => r.f);
  }

  set findings(value: Finding[]) {
    this.#handle = this.#spiller.replace(this.#handle, { ...(this.#spiller.load(this.#handle).record as ResultRecord), f: value });
  }
}

class SpilledEvidence implements PairEvidence {
  score: number;
  margin: number;
  candidates: number;
  declare confirmedBy?: string;
  readonly #spiller: Spiller;
  readonly #handle: number;

  constructor(spiller: Spiller, evidence: PairEvidence) {
    const { anchors, terms, best, rejected, versions } = evidence;
    this.#spiller = spiller;
    this.#handle = spiller.store.put({ anchors, terms, best, ...(rejected ? { rejected } : {}), ...(versions ? { versions } : {}) } satisfies EvidenceRecord);
    this.score = evidence.score;
    this.margin = evidence.margin;
    this.candidates = evidence.candidates;
    if (evidence.confirmedBy !== undefined) this.confirmedBy = evidence.confirmedBy;
  }

  private field<K extends keyof EvidenceRecord>(name: K): EvidenceRecord[K] {
    return this.#spiller.built(this.#handle, name, (r: EvidenceRecord) => r[name]);
  }

  get anchors(): string[] {
    return this.field('anchors');
  }

  get terms(): string[] {
    return this.field('terms');
  }

  get best(): Array<{ original: BlockRef; score: number }> {
    return this.field('best');
  }

  get rejected(): PairEvidence['rejected'] {
    return this.field('rejected');
  }

  get versions(): BlockRef[] | undefined {
    return this.field('versions');
  }
}

/** A block's record in the store: its texts and every field the reports read less often than its id and role. */
interface BlockRecord {
  /** The normalized text. */
  t: string;
  /** The raw text, when it is not the same string. */
  r?: string;
  l: LineRange;
  c: ClaimedRole;
  ti?: string;
  ri?: string;
  at?: string;
  la: Language;
  sc: Script;
  h: number;
}

/**
 * An identified block whose texts and other fields are in the store; only its id, file and role (read
 * to group, count and filter blocks) stay in memory. Measured: the texts were about 1.8 KB a pair of the
 * 3.5 a spilled run still held, the rest of the block (its line range, title, record id, language…)
 * about 0.5 KB.
 */
class SpilledBlock implements IdentifiedBlock {
  id: string;
  file: string;
  role: Role;
  readonly #spiller: Spiller;
  readonly #handle: number;

  constructor(spiller: Spiller, block: IdentifiedBlock) {
    this.#spiller = spiller;
    const record: BlockRecord = { t: block.text, l: block.lines, c: block.claimed, la: block.language, sc: block.script, h: block.hanRatio };
    if (block.raw !== block.text) record.r = block.raw;
    if (block.title !== undefined) record.ti = block.title;
    if (block.recordId !== undefined) record.ri = block.recordId;
    if (block.attachedTo !== undefined) record.at = block.attachedTo;
    this.#handle = spiller.store.put(record);
    this.id = block.id;
    this.file = block.file;
    this.role = block.role;
  }

  private field<T>(name: string, read: (r: BlockRecord) => T): T {
    return this.#spiller.built(this.#handle, name, read);
  }

  get text(): string {
    return this.field('t', (r) => r.t);
  }

  get raw(): string {
    return this.field('r', (r) => r.r ?? r.t);
  }

  get lines(): LineRange {
    return this.field('l', (r) => r.l);
  }

  get claimed(): ClaimedRole {
    return this.field('c', (r) => r.c);
  }

  get title(): string | undefined {
    return this.field('ti', (r) => r.ti);
  }

  get recordId(): string | undefined {
    return this.field('ri', (r) => r.ri);
  }

  get attachedTo(): string | undefined {
    return this.field('at', (r) => r.at);
  }

  get language(): Language {
    return this.field('la', (r) => r.la);
  }

  get script(): Script {
    return this.field('sc', (r) => r.sc);
  }

  get hanRatio(): number {
    return this.field('h', (r) => r.h);
  }
}

function sentences(text: string, offsets: ReadonlyArray<[number, number]>): Sentence[] {
  return offsets.map(([start, end]) => ({ text: text.slice(start, end), start, end }));
}
