// Where finished pair results keep their bulky parts until the reports read them. The audit holds every
// pair's result until the reports are written; on a large run that is about 10 KB a pair in memory
// (sentences, beads, findings, pairing evidence, the two texts: docs/scale.md, "Memory per pair").
// A store takes those parts out of memory; `pipeline/spill.ts` puts them back on demand. The CLI's
// store writes them to a file (cli/spill-file.ts); core does no I/O.

/** A place to put values and read them back later, by the handle `put` returned. */
export interface SpillStore {
  /**
   * Keeps a copy of `value` (structured-clone data: plain objects, arrays, strings, numbers) and returns
   * its handle. Never throws: a store that cannot write any more keeps values in memory instead.
   */
  put(value: unknown): number;
  /** A fresh copy of the value put under `handle`. */
  get(handle: number): unknown;
}
