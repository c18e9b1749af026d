// The executable: a thin shell over main() — wires the process in, sets the exit code.
import { main } from './main.js';

const controller = new AbortController();
let interrupted = false;
process.on('SIGINT', () => {
  // First Ctrl-C: stop cleanly and write what is finished; second: leave at once.
  if (interrupted) process.exit(130);
  interrupted = true;
  process.stderr.write('\ntranscheck: interrupted, finishing the reports of what is done (Ctrl-C again to quit now)\n');
  controller.abort();
});

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

process.exitCode = await main({
  argv: process.argv.slice(2),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  readStdin,
  signal: controller.signal,
});
