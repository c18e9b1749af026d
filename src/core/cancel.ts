// Cancellation that reaches CPU-bound loops. A signal handler cannot run while the thread computes, so
// the executable runs the CLI in a worker thread and sets a shared flag from the idle main thread;
// loops call `stopRequested` at their heads, which reads that flag and aborts the run's signal.

let poll: (() => void) | undefined;

/** Installs the function that turns an outside stop request (the shared flag) into an aborted signal. */
export function setStopPoll(fn: (() => void) | undefined): void {
  poll = fn;
}

/** True when the run should stop now: the outside request is polled first, then the signal read. */
export function stopRequested(signal: AbortSignal | undefined): boolean {
  poll?.();
  return signal?.aborted ?? false;
}

/** Lets timers and I/O callbacks run (signals, aborts) inside a long loop; cheap when called every ~50 ms. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
