// Results held in memory to the end of a run with their sentences and beads packed into one array of
// numbers. A run keeps every pair's result until its reports are written; as objects, a pair's sentences
// (an object and a sliced string each) and beads (an object and two index arrays each) were 3.2 KB of the
// 6.5 KB its result held (5,000 attached pairs, bench/live-heap.ts), and every one of them is marked by
// each full collection of the run. Packed, they are offsets and costs in a double array, and are built
// again as objects when read: the reports read them once or twice a pair, and objects that live only
// while a reporter renders one pair die young. See docs/scale.md (session 19).
//
// Like the spill's results (spill.ts), a packed result's moved fields are getters on the prototype: code
// that copies a result with `{ ...result }` would miss them, and nothing past the check stage does.
import type { Bead, Pair, PairResult, Sentence, Verdict } from '../core/types.js';

/** Objects built from packed results and kept, so that repeated reads of a pair return the same arrays. */
const CACHE = 512;
const built = new Map<PackedResult, Built>();

interface Built {
  source?: Sentence[];
  target?: Sentence[];
  beads?: Bead[];
}

/**
 * The same result with its sentences and beads packed, when it is a plain result whose sentences are
 * slices of its pair's texts and whose beads hold runs of consecutive sentences (what the aligner
 * makes); else the result itself (a spilled or packed one, or one built some other way).
 */
export function packResult(result: PairResult): PairResult {
  if (Object.getPrototypeOf(result) !== Object.prototype) return result;
  const packed = pack(result);
  return packed ? new PackedResult(result, packed) : result;
}

/**
 * `[n, start, end, …]` for the source sentences, the same for the target's, then `[n, enFirst, enCount,
 * zhFirst, zhCount, cost, …]` for the beads; undefined when something would not come back the same.
 */
function pack(result: PairResult): number[] | undefined {
  const out: number[] = [];
  if (!packSentences(result.sourceSentences, result.pair.original?.text ?? '', out)) return undefined;
  if (!packSentences(result.targetSentences, result.pair.translation.text, out)) return undefined;
  out.push(result.beads.length);
  for (const bead of result.beads) {
    const en = run(bead.en);
    const zh = run(bead.zh);
    if (en === undefined || zh === undefined) return undefined;
    out.push(en, bead.en.length, zh, bead.zh.length, bead.cost);
  }
  return out;
}

function packSentences(sentences: readonly Sentence[], text: string, out: number[]): boolean {
  out.push(sentences.length);
  for (const s of sentences) {
    if (s.text !== text.slice(s.start, s.end)) return false;
    out.push(s.start, s.end);
  }
  return true;
}

/** The first index of a run of consecutive indices (0 for none); undefined when the indices are not one. */
function run(indices: readonly number[]): number | undefined {
  const first = indices[0] ?? 0;
  for (let i = 1; i < indices.length; i++) if (indices[i] !== first + i) return undefined;
  return first;
}

class PackedResult implements PairResult {
  pair: Pair;
  findings: PairResult['findings'];
  penalty: number;
  score: number;
  verdict: Verdict;
  declare verdictReason?: string;
  targetOnly: boolean;
  readonly #packed: number[];

  constructor(result: PairResult, packed: number[]) {
    this.pair = result.pair;
    // A copy of the right length: the runner grows the list by `push`, which leaves room spare.
    this.findings = result.findings.slice();
    this.penalty = result.penalty;
    this.score = result.score;
    this.verdict = result.verdict;
    if (result.verdictReason !== undefined) this.verdictReason = result.verdictReason;
    this.targetOnly = result.targetOnly;
    this.#packed = packed;
  }

  get sourceSentences(): Sentence[] {
    const b = this.#built();
    return (b.source ??= Object.freeze(sentencesAt(this.#packed, 0, this.pair.original?.text ?? '')) as Sentence[]);
  }

  get targetSentences(): Sentence[] {
    const b = this.#built();
    return (b.target ??= Object.freeze(sentencesAt(this.#packed, this.#targetAt(), this.pair.translation.text)) as Sentence[]);
  }

  get beads(): Bead[] {
    const b = this.#built();
    if (b.beads) return b.beads;
    const p = this.#packed;
    const at = this.#targetAt();
    let i = at + 1 + 2 * (p[at] as number);
    const beads: Bead[] = [];
    for (let n = p[i++] as number; n > 0; n--) {
      const [enFirst, enCount, zhFirst, zhCount, cost] = p.slice(i, (i += 5)) as [number, number, number, number, number];
      beads.push({ en: indices(enFirst, enCount), zh: indices(zhFirst, zhCount), cost });
    }
    return (b.beads = Object.freeze(beads) as Bead[]);
  }

  /** Where the target sentences start in the packed array. */
  #targetAt(): number {
    return 1 + 2 * (this.#packed[0] as number);
  }

  /** This result's built objects, most recently used last. */
  #built(): Built {
    let b = built.get(this);
    if (b) {
      built.delete(this);
    } else {
      b = {};
      if (built.size >= CACHE) built.delete(built.keys().next().value as PackedResult);
    }
    built.set(this, b);
    return b;
  }
}

function sentencesAt(packed: readonly number[], at: number, text: string): Sentence[] {
  const out: Sentence[] = [];
  for (let k = 0, i = at + 1; k < (packed[at] as number); k++, i += 2) {
    const start = packed[i] as number;
    const end = packed[i + 1] as number;
    out.push({ text: text.slice(start, end), start, end });
  }
  return out;
}

function indices(first: number, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(first + i);
  return out;
}
