// The audit's spill store on disk (core/spill.ts): finished pair results' bulky parts, serialized with
// V8's structured-clone format (exact for everything a result holds, as the check workers' messages are)
// and appended to one file in the report folder. The file is removed as soon as it is opened, so that
// nothing is left behind however the process ends (Ctrl-C, SIGKILL, a crash); the open descriptor keeps
// it readable until `close`. It lives in the report folder, not the temporary folder, because /tmp is
// often a RAM disk, which would hold the same bytes the spill takes out of memory.
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SpillStore } from '../core/spill.js';

/** Writes are gathered up to this size: one system call per about a hundred results instead of one each. */
const WRITE_BUFFER = 1 << 20;
/** Bytes read at once, and how many such windows are kept (results and evidence are read as two streams). */
const READ_AHEAD = 256 << 10;
const WINDOWS = 4;

export class SpillFile implements SpillStore {
  private fd: number | undefined;
  /** Bytes in the file; records past it are still in `pending`. */
  private written = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Handle of the first record in `pending`. */
  private pendingFirst = 0;
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private count = 0;
  /** After a failed write (a full disk): values are kept in memory from then on, and `failure` says why. */
  private readonly kept = new Map<number, unknown>();
  failure: string | undefined;

  constructor(private readonly dir: string) {}

  /** Bytes written to disk so far (for the run's notes and the benchmark). */
  get bytes(): number {
    return this.written + this.pendingBytes;
  }

  put(value: unknown): number {
    const handle = this.count++;
    if (handle >= this.offsets.length) this.grow();
    if (this.failure !== undefined) {
      this.kept.set(handle, value);
      return handle;
    }
    const bytes = serialize(value);
    this.offsets[handle] = this.written + this.pendingBytes;
    this.lengths[handle] = bytes.length;
    if (this.pending.length === 0) this.pendingFirst = handle;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    // On a failed write the buffered values (this one included) stay readable from memory.
    if (this.pendingBytes >= WRITE_BUFFER) this.flush();
    return handle;
  }

  get(handle: number): unknown {
    const kept = this.kept.get(handle);
    if (kept !== undefined) return structuredClone(kept);
    const offset = this.offsets[handle] as number;
    const length = this.lengths[handle] as number;
    // Still in the write buffer.
    if (offset >= this.written) return deserialize(this.pending[handle - this.pendingFirst] as Buffer);
    return deserialize(this.bytesAt(offset, length, handle));
  }

  /**
   * The bytes of a record on disk, through a few read-ahead windows: the reporters read records nearly in
   * the order they were written (results as they were checked, evidence as pairs were settled), so one
   * read of 256 kB serves the next hundred records; a read each cost about 30 µs (1.25 s of 33 CPU s
   * on the dev corpus with three report formats).
   */
  private bytesAt(offset: number, length: number, handle: number): Buffer {
    for (const w of this.windows) {
      if (offset >= w.start && offset + length <= w.start + w.bytes.length) {
        // Most recently used first.
        if (w !== this.windows[0]) this.windows = [w, ...this.windows.filter((x) => x !== w)];
        return w.bytes.subarray(offset - w.start, offset - w.start + length);
      }
    }
    const size = Math.min(Math.max(length, READ_AHEAD), this.written - offset);
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(this.fd as number, bytes, read, size - read, offset + read);
      if (n === 0) throw new Error(`spill file ended at record ${handle}`);
      read += n;
    }
    this.windows = [{ start: offset, bytes }, ...this.windows.slice(0, WINDOWS - 1)];
    return bytes.subarray(0, length);
  }

  private windows: Array<{ start: number; bytes: Buffer }> = [];

  /** Writes the buffered records; false (and `failure` set, records kept in memory) if the disk refused. */
  private flush(): boolean {
    if (this.pending.length === 0) return true;
    try {
      this.fd ??= this.open();
      const data = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending, this.pendingBytes);
      let done = 0;
      while (done < data.length) done += writeSync(this.fd, data, done, data.length - done, this.written + done);
      this.written += data.length;
      this.pending = [];
      this.pendingBytes = 0;
      return true;
    } catch (error) {
      this.failure = `results could not be written to the spill file in ${this.dir} (${(error as Error).message}); the rest were kept in memory`;
      // The buffered records are the last handles, in order: back into memory by handle.
      this.pending.forEach((chunk, i) => this.kept.set(this.pendingFirst + i, deserialize(chunk)));
      this.pending = [];
      this.pendingBytes = 0;
      return false;
    }
  }

  private open(): number {
    const path = join(this.dir, `.transcheck-spill-${process.pid}-${Date.now()}`);
    const fd = openSync(path, 'wx+', 0o600);
    try {
      unlinkSync(path);
    } catch {
      // A system that cannot remove an open file (Windows): removed at close.
      this.leftover = path;
    }
    return fd;
  }

  private leftover: string | undefined;

  private grow(): void {
    const offsets = new Float64Array(this.offsets.length * 2);
    offsets.set(this.offsets);
    this.offsets = offsets;
    const lengths = new Uint32Array(this.lengths.length * 2);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }

  /** Closes (and so frees) the file. Results read after this fail: close once the reports are written. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.leftover) {
      try {
        unlinkSync(this.leftover);
      } catch {
        // Already gone.
      }
    }
  }
}
