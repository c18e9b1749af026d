// The executable: a thin shell over main() — wires the process in, sets the exit code.
//
// main() runs in a worker thread. A signal handler runs only when its thread is idle, and the audit's
// pairing and checks are long CPU loops, so the main thread stays idle to catch SIGINT and SIGTERM at
// once and sets a shared flag that those loops read at their heads (src/core/cancel.ts).
// First signal: stop, write the reports of what finished (marked interrupted), exit 130. Second: no new
// report is started, the index is still written. Third: quit at once (reports are written atomically,
// so none is ever half-written).
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { setStopPoll } from '../core/cancel.js';
import { auditHeapLimitMb } from './memory-guard.js';

type ToParent = { type: 'out' | 'err'; text: string } | { type: 'stdin' } | { type: 'done'; code: number };
type ToWorker = { type: 'stdin'; bytes: Uint8Array } | { type: 'stop' };
interface WorkerData {
  argv: string[];
  flag: Int32Array;
  stdoutTTY: boolean;
  stderrTTY: boolean;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * How much V8 lets the heap grow past what the last full collection kept: 30 % instead of V8's own factor
 * (up to 4× when collections look cheap). A corpus run keeps every pair's result until its reports are
 * written, so its live heap grows steadily and V8's default let the heap reach about three times it:
 * 14,000 attached pairs peaked at 1.21 GB with 0.27 GB live; with 30 %, 0.66 GB at the same CPU
 * (docs/scale.md, "Memory"). Set before the audit's threads start (the flag is process-wide and read at
 * each collection); a value the user gives (NODE_OPTIONS or node's own arguments) is kept.
 */
const HEAP_GROWING_PERCENT = 30;

function tuneHeapGrowth(): void {
  if (givenNodeOptions().some((a) => /^--heap[-_]growing[-_]percent\b/.test(a))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

function givenNodeOptions(): string[] {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
}

function runParent(): void {
  tuneHeapGrowth();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const data: WorkerData = {
    argv: process.argv.slice(2),
    flag,
    stdoutTTY: Boolean(process.stdout.isTTY),
    stderrTTY: Boolean(process.stderr.isTTY),
  };
  const heapMb = auditHeapLimitMb(givenNodeOptions());
  const worker = new Worker(new URL(import.meta.url), { workerData: data, ...(heapMb !== undefined ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}) });
  let signals = 0;
  const onSignal = (name: string) => {
    signals++;
    Atomics.store(flag, 0, signals);
    worker.postMessage({ type: 'stop' } satisfies ToWorker);
    if (signals === 1) {
      process.stderr.write(`\ntranscheck: ${name}: stopping, writing the reports of what is finished (again to stop sooner)\n`);
    } else if (signals === 2) {
      process.stderr.write(`transcheck: ${name} again: no new report is started; writing the index (again to quit at once)\n`);
    } else {
      process.exit(130);
    }
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  worker.on('message', (message: ToParent) => {
    if (message.type === 'out') process.stdout.write(message.text);
    else if (message.type === 'err') process.stderr.write(message.text);
    else if (message.type === 'stdin') {
      void readStdin().then((bytes) => worker.postMessage({ type: 'stdin', bytes } satisfies ToWorker));
    } else if (message.type === 'done') {
      process.exitCode = message.code;
      // Requests still in flight or a client's retry sleep must not hold the process open.
      void worker.terminate();
    }
  });
  worker.on('error', (error) => {
    if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      // The memory guard stops a run before this in all but a sudden jump (one huge allocation).
      process.stderr.write(
        `transcheck: out of memory (heap limit ${heapMb ?? Math.round(getHeapStatistics().heap_size_limit / 1048576)} MB): stopped before anything more was written. ` +
          'An audit: split it with `--shard k/n` and `transcheck merge`, pair against `--index`, or set a lower `--max-memory` so that it stops in time and writes what it finished. ' +
          '`index build`: a machine with more memory (about 1.5 KB an original)\n',
      );
    } else process.stderr.write(`transcheck: unexpected error\n${error.stack ?? String(error)}\n`);
    process.exitCode = 2;
  });
}

async function runWorker(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const { argv, flag, stdoutTTY, stderrTTY } = workerData as WorkerData;
  const controller = new AbortController();
  const poll = () => {
    if (Atomics.load(flag, 0) > 0 && !controller.signal.aborted) controller.abort();
  };
  setStopPoll(poll);
  let stdinWaiter: ((bytes: Uint8Array) => void) | undefined;
  port.on('message', (message: ToWorker) => {
    if (message.type === 'stop') poll();
    else if (message.type === 'stdin') stdinWaiter?.(message.bytes);
  });
  const sink = (type: 'out' | 'err', isTTY: boolean) => ({
    write: (text: string) => {
      port.postMessage({ type, text } satisfies ToParent);
      return true;
    },
    isTTY,
  });
  // Loaded here, not at the top: the parent thread only relays signals and output, and importing the
  // whole CLI there too cost every run about half a CPU second of module loading (measured with --version).
  const { main } = await import('./main.js');
  const code = await main({
    argv,
    stdout: sink('out', stdoutTTY),
    stderr: sink('err', stderrTTY),
    env: process.env,
    cwd: process.cwd(),
    readStdin: () =>
      new Promise<Uint8Array>((resolve) => {
        stdinWaiter = resolve;
        port.postMessage({ type: 'stdin' } satisfies ToParent);
      }),
    signal: controller.signal,
    stopNow: () => Atomics.load(flag, 0) >= 2,
  });
  port.postMessage({ type: 'done', code } satisfies ToParent);
}

if (isMainThread) runParent();
else await runWorker();
