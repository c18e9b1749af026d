// Scale benchmark, through the CLI (`node dist/bin.js audit …` in a child, measured by /usr/bin/time):
// end to end on 1k, 5k and 20k attached pairs (dev, then dev plus synthetic pairs recombined from it),
// 1,000 translations against pools of 20k-1M originals (dev originals plus synthetic look-alikes), a
// 100 MB JSONL and one record of 1M characters a side. Data is generated with a fixed seed in a
// temporary folder. `npm run bench -- scale [--only e2e,jobs,pool,index,big,long,spill] [--pools 20000,100000]
// [--sizes 1000,5000,20000] [--label before|after] [--jobs n] [--reps n] [--timeout s]`.
// Measurements of every label are kept in bench/results/scale.json; scale.md shows them side by side.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, option, readJsonl, rng, sharedDir, shuffle, table, writeResult } from './common.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const SEED = 12;
// The CLI measured: this checkout's build, or `--bin <path>` (e.g. a build of an older commit, for "before").
let bin = join(root, 'dist', 'bin.js');

interface DevRecord {
  id: string;
  title: string;
  en: string;
  zh: string;
}

interface Measure {
  cpu: number;
  wall: number;
  rssMb: number;
  code: number | null;
  timedOut: boolean;
  stderr: string;
}

/** Runs the CLI in a child under /usr/bin/time; CPU = user + system seconds of the child (workers included). */
function cli(args: string[], timeoutS: number): Measure {
  // `timeout` kills the CLI itself: killing /usr/bin/time (spawnSync's own timeout) left the CLI running.
  const res = spawnSync('nice', ['-n', '10', '/usr/bin/time', '-f', 'TIME %U %S %M %e', 'timeout', '-s', 'KILL', `${timeoutS}s`, process.execPath, bin, ...args], {
    encoding: 'utf8',
    timeout: (timeoutS + 60) * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = (res.stderr ?? '').split('\n').reverse().find((l) => l.startsWith('TIME '));
  const [u, s, m, e] = (line ?? 'TIME 0 0 0 0').slice(5).split(' ').map(Number);
  return {
    // Rounded to GNU time's own precision: the sum of two decimals is not exact in binary (19.619999999999997).
    cpu: Math.round(((u ?? 0) + (s ?? 0)) * 100) / 100,
    wall: e ?? 0,
    rssMb: Math.round((m ?? 0) / 1024),
    code: res.status,
    timedOut: res.error !== undefined || line === undefined || res.status === 137,
    stderr: (res.stderr ?? '').split('\n').filter((l) => !l.startsWith('TIME ')).slice(-5).join('\n'),
  };
}

// ---------- synthetic data ----------

interface SentencePair {
  en: string;
  zh: string;
}

const EN_SPLIT = /(?<=[.!?])\s+(?=[A-Z(])/;
const ZH_SPLIT = /(?<=[。！？])/;

/** Records whose English and Chinese have as many sentences: their sentences are taken as parallel. */
function parallelSentences(records: readonly DevRecord[]): SentencePair[][] {
  const out: SentencePair[][] = [];
  for (const r of records) {
    const en = r.en.split(EN_SPLIT).map((s) => s.trim()).filter(Boolean);
    const zh = r.zh.split(ZH_SPLIT).map((s) => s.trim()).filter(Boolean);
    if (en.length < 2 || en.length !== zh.length) continue;
    out.push(en.map((e, i) => ({ en: e, zh: zh[i] as string })));
  }
  return out;
}

/** Every number of the text replaced consistently (the same map for both sides of a pair). */
function renumber(map: Map<string, string>, random: () => number) {
  return (text: string) =>
    text.replace(/\d+(?:\.\d+)?/g, (n) => {
      let v = map.get(n);
      if (v === undefined) {
        v = n.includes('.') ? (random() * 100).toFixed(n.split('.')[1]?.length ?? 1) : String(Math.floor(random() * 9000) + 10);
        map.set(n, v);
      }
      return v;
    });
}

const NAMES = ['Hilbert', 'Kolmogorov', 'Noether', 'Riemann', 'Shannon', 'Turing', 'Laplace', 'Dirac', 'Fermi', 'Bose', 'Landau', 'Maxwell', 'Gauss', 'Euler', 'Bayes', 'Markov', 'Wiener', 'Hopf', 'Lie', 'Cartan'];

/** Capitalized words inside a sentence (names, mostly) replaced by others. */
function rename(text: string, random: () => number): string {
  return text.replace(/(?<=[a-z,] )[A-Z][a-z]{3,}/g, () => NAMES[Math.floor(random() * NAMES.length)] as string);
}

/** A synthetic attached pair: a real record's sentences, about half replaced by other records' parallel sentences, numbers changed. */
function syntheticPair(par: SentencePair[][], random: () => number, n: number): { id: string; title: string; en: string; zh: string } {
  const base = par[Math.floor(random() * par.length)] as SentencePair[];
  const sentences = base.map((s) => {
    if (random() < 0.5) return s;
    const other = par[Math.floor(random() * par.length)] as SentencePair[];
    return other[Math.floor(random() * other.length)] as SentencePair;
  });
  const fix = renumber(new Map(), random);
  return {
    id: `syn.${String(n).padStart(7, '0')}`,
    title: `Synthetic abstract ${n}`,
    en: fix(sentences.map((s) => s.en).join(' ')),
    zh: fix(sentences.map((s) => s.zh).join('')),
  };
}

/**
 * A look-alike original: as many sentences as a real abstract has, each taken from a random real
 * abstract, numbers and names changed. It shares vocabulary, style and whole sentences with real
 * abstracts (as topically close papers do) without being a version of any one of them.
 */
function lookAlike(records: readonly DevRecord[], sentences: readonly string[][], random: () => number, n: number): string {
  const base = (sentences[Math.floor(random() * sentences.length)] as string[]).map(() => {
    const other = sentences[Math.floor(random() * sentences.length)] as string[];
    return other[Math.floor(random() * other.length)] as string;
  });
  const id = `9${String(Math.floor(n / 100000) % 10)}${String(n % 100).padStart(2, '0')}.${String(n).padStart(7, '0')}`;
  const abstract = rename(renumber(new Map(), random)(base.join(' ')), random);
  const src = records[n % records.length] as DevRecord;
  return JSON.stringify({
    id,
    submitter: 'Synthetic Author',
    authors: 'A. Synthetic, B. Example',
    title: rename(src.title ?? 'Untitled', random),
    comments: null,
    'journal-ref': null,
    doi: null,
    categories: 'cs.LG',
    abstract: `  ${abstract}\n`,
    versions: [{ version: 'v1', created: 'Mon, 2 Apr 2007 19:18:42 GMT' }],
    update_date: '2008-11-13',
  });
}

function snapshotLine(r: DevRecord): string {
  return JSON.stringify({ id: r.id, title: r.title, abstract: r.en, versions: [{ version: 'v1', created: '' }], categories: 'physics' });
}

/** The lines of a pool of `size` originals: the distinct dev originals, then look-alikes (fixed seed). */
export function* poolLines(dev: readonly DevRecord[], enSentences: readonly string[][], size: number): Generator<string> {
  const lr = rng(SEED + 2);
  const seen = new Set<string>();
  let k = 0;
  for (const r of dev) {
    if (seen.has(r.en)) continue;
    seen.add(r.en);
    k++;
    yield snapshotLine(r);
  }
  for (let i = 0; k < size; i++, k++) yield lookAlike(dev, enSentences, lr, i);
}

/** Writes a pool file (for other benchmarks and experiments). */
export async function writePool(path: string, shared: string, size: number): Promise<void> {
  const dev = readJsonl<DevRecord>(join(shared, 'corpora', 'arxiv-gt-zh', 'dev.jsonl'));
  const enSentences = dev.map((r) => r.en.split(EN_SPLIT).map((s) => s.trim()).filter(Boolean)).filter((s) => s.length > 1);
  await writeLines(path, poolLines(dev, enSentences, size));
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
}

/** Writes the lines in files of `perPart` lines under `dir` (kept when complete); returns their paths. */
async function writePoolParts(dir: string, lines: Iterable<string>, perPart: number): Promise<string[]> {
  const done = join(dir, 'complete');
  if (existsSync(done)) return readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(dir, f));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  let chunk: string[] = [];
  const flush = async () => {
    const path = join(dir, `part-${String(paths.length).padStart(2, '0')}.jsonl`);
    await writeLines(path, chunk);
    paths.push(path);
    chunk = [];
  };
  for (const line of lines) {
    chunk.push(line);
    if (chunk.length === perPart) await flush();
  }
  if (chunk.length > 0) await flush();
  writeFileSync(done, `${paths.length}\n`);
  return paths;
}

// ---------- sections ----------

interface Store {
  [label: string]: Record<string, unknown>;
}

function fit(points: Array<[number, number]>): number {
  // Least-squares slope of log(cpu) on log(n): the growth exponent.
  const xs = points.map(([n]) => Math.log(n));
  const ys = points.map(([, c]) => Math.log(Math.max(c, 1e-3)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] as number) - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? 0 : num / den;
}

function reportPairs(outDir: string): Array<{ translation: string; status: string; original: { id?: string } | null; attached?: { id?: string } }> {
  const pairs: Array<{ translation: string; status: string; original: { id?: string } | null }> = [];
  for (const f of readdirSync(outDir)) {
    if (!f.endsWith('.json')) continue;
    const r = JSON.parse(readFileSync(join(outDir, f), 'utf8')) as { pairs?: typeof pairs };
    pairs.push(...(r.pairs ?? []));
  }
  return pairs;
}

export async function run(args: string[]): Promise<void> {
  const shared = sharedDir(args);
  const only = new Set((option(args, 'only', 'e2e,jobs,pool,big,long') as string).split(','));
  const label = option(args, 'label', 'after') as string;
  const timeoutS = Number(option(args, 'timeout', '900'));
  bin = option(args, 'bin', bin) as string;
  const jobs = option(args, 'jobs');
  const jobArgs = jobs ? ['--jobs', jobs] : [];
  const sizes = (option(args, 'sizes', '1000,5000,20000') as string).split(',').map(Number);
  const pools = (option(args, 'pools', '20000,100000,300000') as string).split(',').map(Number);
  const storePath = join(here, 'results', 'scale.json');
  const store: Store = existsSync(storePath) ? (JSON.parse(readFileSync(storePath, 'utf8')) as Store) : {};
  const mine: Record<string, unknown> = { ...(store[label] ?? {}) };
  mine.machine = { cores: cpus().length, loadBefore: loadavg()[0]?.toFixed(2), node: process.version, date: new Date().toISOString().slice(0, 16) };
  const save = () => {
    // Re-read: another run of the benchmark (another label) may have saved since this one started.
    if (existsSync(storePath)) Object.assign(store, JSON.parse(readFileSync(storePath, 'utf8')) as Store);
    store[label] = mine;
    mkdirSync(join(here, 'results'), { recursive: true });
    writeFileSync(storePath, `${JSON.stringify(store, null, 2)}\n`);
    writeResult('scale', render(store));
  };
  if (!existsSync(bin)) throw new Error(`${bin} not found: run \`npm run build\` first`);

  const dev = readJsonl<DevRecord>(join(shared, 'corpora', 'arxiv-gt-zh', 'dev.jsonl'));
  const random = rng(SEED);
  const shuffled = shuffle([...dev], random);
  const par = parallelSentences(dev);
  const enSentences = dev.map((r) => r.en.split(EN_SPLIT).map((s) => s.trim()).filter(Boolean)).filter((s) => s.length > 1);
  const work = join(tmpdir(), `transcheck-scale-${SEED}`);
  mkdirSync(work, { recursive: true });

  // 20k attached pairs: all of dev, then synthetic pairs (same seed: the same file every run).
  const pairsPath = (n: number) => join(work, `pairs-${n}.jsonl`);
  const synthetic: DevRecord[] = [];
  const synRandom = rng(SEED + 1);
  const maxSize = Math.max(...sizes, 0);
  for (let i = 0; shuffled.length + synthetic.length < maxSize; i++) synthetic.push(syntheticPair(par, synRandom, i));
  const attached = [...shuffled, ...synthetic];

  if (only.has('e2e')) {
    // Rows of sizes not run this time are kept (a label can be measured in several runs).
    const rows = ((mine.e2e ?? []) as Array<Record<string, number | string>>).filter((r) => !sizes.includes(r.n as number));
    for (const n of sizes) {
      const path = pairsPath(n);
      if (!existsSync(path)) await writeLines(path, attached.slice(0, n).map((r) => JSON.stringify(r)));
      const out = join(work, `out-e2e-${n}`);
      rmSync(out, { recursive: true, force: true });
      const m = cli(['audit', path, '--out', out, '--format', 'json', '--quiet', ...jobArgs], timeoutS);
      const row: Record<string, number | string> = { n, cpu: m.cpu, wall: m.wall, rssMb: m.rssMb, perCpuS: Math.round(n / Math.max(m.cpu, 1e-3)), code: m.code ?? 'killed', timedOut: String(m.timedOut) };
      if (m.code !== 0) row.error = m.stderr.slice(0, 300);
      rows.push(row);
      rows.sort((x, y) => (x.n as number) - (y.n as number));
      process.stdout.write(`e2e ${JSON.stringify(row)}\n`);
      mine.e2e = rows;
      save();
    }
    const ok = rows.filter((r) => r.code === 0);
    mine.e2eExponent = ok.length >= 2 ? Number(fit(ok.map((r) => [r.n as number, r.cpu as number])).toFixed(3)) : null;
    save();
  }

  if (only.has('jobs')) {
    // Both cores: the largest size with --jobs 1 (in-process) and with the default (one worker a core),
    // back to back, with the load average before each run (the machine is shared: wall time is noisy).
    const n = maxSize;
    const path = pairsPath(n);
    if (!existsSync(path)) await writeLines(path, attached.slice(0, n).map((r) => JSON.stringify(r)));
    // `--reps n`: n alternations of the two runs. The speed of this shared VM moves by up to 25 % within
    // minutes, so one pair of runs can show anything from 1.26x to 1.59x for the same build; the medians
    // of alternated runs are what to compare (docs/scale.md, session 16).
    const reps = Math.max(1, Number(option(args, 'reps', '1')));
    const rows: Array<Record<string, number | string>> = [];
    const many = String(cpus().length);
    for (let rep = 1; rep <= reps; rep++) {
      for (const j of ['1', many]) {
        const out = join(work, `out-jobs-${n}-${j}`);
        rmSync(out, { recursive: true, force: true });
        const load = loadavg()[0]?.toFixed(2) ?? '';
        const m = cli(['audit', path, '--out', out, '--format', 'json', '--quiet', '--jobs', j], timeoutS);
        rows.push({ n, rep, jobs: Number(j), load, cpu: m.cpu, wall: m.wall, rssMb: m.rssMb, perCpuS: Math.round(n / Math.max(m.cpu, 1e-3)), code: m.code ?? 'killed', loadAfter: loadavg()[0]?.toFixed(2) ?? '' });
        process.stdout.write(`jobs ${JSON.stringify(rows.at(-1))}\n`);
        mine.jobs = rows;
        save();
      }
    }
    const ok = rows.every((r) => r.code === 0);
    const walls = (j: string) => rows.filter((r) => r.jobs === Number(j)).map((r) => r.wall as number);
    if (ok && rows.length >= 2) {
      mine.jobsSpeedup = Number((median(walls('1')) / Math.max(median(walls(many)), 1e-3)).toFixed(2));
      mine.jobsReps = reps;
      // The reports must not depend on the number of workers.
      const a = readFileSync(join(work, `out-jobs-${n}-1`, `pairs-${n}.json`), 'utf8');
      const b = readFileSync(join(work, `out-jobs-${n}-${many}`, `pairs-${n}.json`), 'utf8');
      mine.jobsSameReport = a === b;
      save();
    }
  }

  if (only.has('pool')) {
    // 1,000 translations (Chinese only, unattached) whose originals are in every pool; 50 for the baseline.
    const probe = shuffled.slice(0, 1000);
    const tPath = join(work, 'translations-1000.jsonl');
    const tSmall = join(work, 'translations-50.jsonl');
    await writeLines(tPath, probe.map((r) => JSON.stringify({ id: `t-${r.id}`, zh: r.zh })));
    await writeLines(tSmall, probe.slice(0, 50).map((r) => JSON.stringify({ id: `t-${r.id}`, zh: r.zh })));
    const rows = ((mine.pool ?? []) as Array<Record<string, number | string>>).filter((r) => !pools.includes(r.pool as number));
    for (const size of pools) {
      const pool = join(work, `pool-${size}.jsonl`);
      if (!existsSync(pool)) await writeLines(pool, poolLines(dev, enSentences, size));
      const out = join(work, `out-pool-${size}`);
      const outSmall = join(work, `out-pool-${size}-50`);
      rmSync(out, { recursive: true, force: true });
      rmSync(outSmall, { recursive: true, force: true });
      const big = cli(['audit', tPath, '--originals', pool, '--out', out, '--format', 'json', '--quiet', ...jobArgs], timeoutS);
      const small = big.code === 0 ? cli(['audit', tSmall, '--originals', pool, '--out', outSmall, '--format', 'json', '--quiet', ...jobArgs], timeoutS) : big;
      let correct = 0;
      if (big.code === 0) {
        for (const p of reportPairs(out)) if (p.status === 'paired' && p.original?.id !== undefined && p.original.id === probe[Number(p.translation.split(':')[1])]?.id) correct++;
      }
      const row: Record<string, number | string> = {
        pool: size,
        poolMb: Math.round(statSync(pool).size / 1e6),
        cpu: big.cpu,
        rssMb: big.rssMb,
        cpu50: small.cpu,
        msPerTranslation: big.code === 0 ? Number((((big.cpu - small.cpu) / 950) * 1000).toFixed(1)) : 'n/a',
        kbPerOriginal: Number(((big.rssMb * 1024) / size).toFixed(1)),
        correct: big.code === 0 ? `${((100 * correct) / probe.length).toFixed(1)} %` : 'n/a',
        code: big.code ?? 'killed',
      };
      if (big.code !== 0) row.error = big.stderr.slice(-300);
      rows.push(row);
      rows.sort((x, y) => (x.pool as number) - (y.pool as number));
      process.stdout.write(`pool ${JSON.stringify(row)}\n`);
      mine.pool = rows;
      save();
    }
  }

  if (only.has('index')) {
    // The persistent index: build once per pool (CPU, peak, bytes on disk), then the same 1,000 (and 50)
    // translations as the pool round, paired with `audit --index` instead of `--originals`.
    const probe = shuffled.slice(0, 1000);
    const tPath = join(work, 'translations-1000.jsonl');
    const tSmall = join(work, 'translations-50.jsonl');
    await writeLines(tPath, probe.map((r) => JSON.stringify({ id: `t-${r.id}`, zh: r.zh })));
    await writeLines(tSmall, probe.slice(0, 50).map((r) => JSON.stringify({ id: `t-${r.id}`, zh: r.zh })));
    const rows = ((mine.index ?? []) as Array<Record<string, number | string>>).filter((r) => !pools.includes(r.pool as number));
    for (const size of pools) {
      // Pools over 300k are written in parts of 200k lines, as docs/scale.md tells users to split the
      // arXiv snapshot: `index build` holds one input file's blocks until the file is indexed.
      const parts = size > 300_000 ? await writePoolParts(join(work, `pool-${size}`), poolLines(dev, enSentences, size), 200_000) : [join(work, `pool-${size}.jsonl`)];
      const pool = parts[0] as string;
      if (!existsSync(pool)) await writeLines(pool, poolLines(dev, enSentences, size));
      const idx = join(work, `index-${size}`);
      rmSync(idx, { recursive: true, force: true });
      const build = cli(['index', 'build', ...parts, '--out', idx, '--quiet'], timeoutS * 4);
      const indexBytes = build.code === 0 ? readdirSync(idx).reduce((s, f) => s + statSync(join(idx, f)).size, 0) : 0;
      const out = join(work, `out-index-${size}`);
      const outSmall = join(work, `out-index-${size}-50`);
      rmSync(out, { recursive: true, force: true });
      rmSync(outSmall, { recursive: true, force: true });
      const big = build.code === 0 ? cli(['audit', tPath, '--index', idx, '--out', out, '--format', 'json', '--quiet', ...jobArgs], timeoutS) : build;
      const small = big.code === 0 ? cli(['audit', tSmall, '--index', idx, '--out', outSmall, '--format', 'json', '--quiet', ...jobArgs], timeoutS) : big;
      let correct = 0;
      if (big.code === 0) {
        for (const p of reportPairs(out)) if (p.status === 'paired' && p.original?.id !== undefined && p.original.id === probe[Number(p.translation.split(':')[1])]?.id) correct++;
      }
      const row: Record<string, number | string> = {
        pool: size,
        buildCpu: build.cpu,
        buildRssMb: build.rssMb,
        indexMb: Math.round(indexBytes / 1e6),
        bytesPerOriginal: Math.round(indexBytes / size),
        cpu: big.cpu,
        rssMb: big.rssMb,
        rss50Mb: small.rssMb,
        cpu50: small.cpu,
        msPerTranslation: big.code === 0 ? Number((((big.cpu - small.cpu) / 950) * 1000).toFixed(1)) : 'n/a',
        correct: big.code === 0 ? `${((100 * correct) / probe.length).toFixed(1)} %` : 'n/a',
        code: big.code ?? 'killed',
      };
      if (big.code !== 0) row.error = big.stderr.slice(-300);
      rows.push(row);
      rows.sort((x, y) => (x.pool as number) - (y.pool as number));
      process.stdout.write(`index ${JSON.stringify(row)}\n`);
      mine.index = rows;
      save();
    }
  }

  // A 100 MB JSONL of attached pairs (dev and synthetic pairs repeated with new numbers).
  const bigFile = async (): Promise<string> => {
    const path = join(work, 'big-100mb.jsonl');
    if (!existsSync(path)) {
      const br = rng(SEED + 3);
      const lines = function* () {
        let bytes = 0;
        for (let i = 0; bytes < 100e6; i++) {
          const r = i < attached.length ? attached[i] as DevRecord : syntheticPair(par, br, 1_000_000 + i);
          const line = JSON.stringify(r);
          bytes += Buffer.byteLength(line) + 1;
          yield line;
        }
      };
      await writeLines(path, lines());
    }
    return path;
  };

  if (only.has('big')) {
    const path = await bigFile();
    const records = readFileSync(path, 'utf8').split('\n').filter(Boolean).length;
    const out = join(work, 'out-big');
    rmSync(out, { recursive: true, force: true });
    const m = cli(['audit', path, '--out', out, '--format', 'json', '--quiet', ...jobArgs], timeoutS);
    mine.big = { records, mb: Math.round(statSync(path).size / 1e6), cpu: m.cpu, wall: m.wall, rssMb: m.rssMb, code: m.code ?? 'killed', ...(m.code !== 0 ? { error: m.stderr.slice(-300) } : {}) };
    process.stdout.write(`big ${JSON.stringify(mine.big)}\n`);
    save();
  }

  if (only.has('spill')) {
    // Results kept in memory (`--spill off`) against spilled to the report folder from the first result
    // (`--spill 0`; the default, auto, spills only once the live heap passes a quarter of the memory budget),
    // on the largest attached-pairs file and the 100 MB file: peak memory, CPU, and the reports byte for byte.
    const n = maxSize;
    const files = [pairsPath(n), await bigFile()];
    if (!existsSync(files[0] as string)) await writeLines(files[0] as string, attached.slice(0, n).map((r) => JSON.stringify(r)));
    const rows: Array<Record<string, number | string>> = [];
    for (const path of files) {
      const records = readFileSync(path, 'utf8').split('\n').filter(Boolean).length;
      const outs: string[] = [];
      for (const spill of ['off', '0']) {
        const out = join(work, `out-spill-${records}-${spill}`);
        rmSync(out, { recursive: true, force: true });
        outs.push(out);
        const load = loadavg()[0]?.toFixed(2) ?? '';
        const m = cli(['audit', path, '--out', out, '--format', 'json,md,html', '--quiet', ...jobArgs, '--spill', spill], timeoutS);
        rows.push({ records, spill, load, cpu: m.cpu, wall: m.wall, rssMb: m.rssMb, code: m.code ?? 'killed', ...(m.code !== 0 ? { error: m.stderr.slice(-300) } : {}) });
        process.stdout.write(`spill ${JSON.stringify(rows.at(-1))}\n`);
        mine.spill = rows;
        save();
      }
      const same = readdirSync(outs[0] as string).every((name) => readFileSync(join(outs[0] as string, name)).equals(readFileSync(join(outs[1] as string, name))));
      (rows.at(-1) as Record<string, number | string>).same = String(same);
      mine.spill = rows;
      save();
    }
  }

  if (only.has('long')) {
    // One record of 1M characters a side: dev records concatenated.
    const path = join(work, 'long-1m.jsonl');
    if (!existsSync(path)) {
      let en = '';
      let zh = '';
      for (let i = 0; en.length < 1e6 || zh.length < 1e6; i++) {
        const r = dev[i % dev.length] as DevRecord;
        if (en.length < 1e6) en += `${r.en} `;
        if (zh.length < 1e6) zh += r.zh;
      }
      writeFileSync(path, `${JSON.stringify({ id: 'long', en, zh })}\n`);
    }
    const out = join(work, 'out-long');
    rmSync(out, { recursive: true, force: true });
    const m = cli(['audit', path, '--out', out, '--format', 'json,md', '--quiet', ...jobArgs], Math.min(timeoutS, 600));
    let findings = '';
    if (m.code === 0) {
      const p = reportPairs(out)[0] as unknown as { findings?: Array<{ check: string; messageId: string }> } | undefined;
      findings = [...new Set((p?.findings ?? []).map((f) => f.check))].join(', ');
    }
    mine.long = { cpu: m.cpu, wall: m.wall, rssMb: m.rssMb, code: m.code ?? 'killed', findings, ...(m.code !== 0 ? { error: m.stderr.slice(-300) } : {}) };
    process.stdout.write(`long ${JSON.stringify(mine.long)}\n`);
    save();
  }
  process.stdout.write(`wrote bench/results/scale.md (label ${label})\n`);
}

function render(store: Store): string {
  const parts: string[] = [
    '# Scale benchmark',
    '',
    'Through the CLI: `node dist/bin.js audit …` in a child process under `/usr/bin/time` (CPU = user + system',
    'seconds of the whole process, worker threads included; peak = maximum resident set). Data is generated with',
    `seed ${SEED} from \`arxiv-gt-zh/dev.jsonl\` in the temporary folder: attached pairs beyond the 6,978 dev records`,
    'are synthetic (about half of a record\'s sentence pairs replaced by sentence pairs of other records, numbers changed);',
    'pool originals beyond the dev originals are look-alikes (sentences of real abstracts recombined, numbers and names',
    'changed) in the arXiv metadata snapshot format. Reproduce: `npm run build && npm run bench -- scale --label after`.',
    '',
  ];
  for (const [label, m] of Object.entries(store)) {
    parts.push(`## ${label}`, '', `Machine: ${JSON.stringify(m.machine)}`, '');
    const e2e = m.e2e as Array<Record<string, unknown>> | undefined;
    if (e2e) {
      parts.push('### End to end (attached pairs, `--format json`)', '');
      parts.push(table(['pairs', 'CPU s', 'wall s', 'peak MB', 'pairs / CPU s', 'exit'], e2e.map((r) => [r.n as number, r.cpu as number, r.wall as number, r.rssMb as number, r.perCpuS as number, `${r.code}${r.error ? ` ${String(r.error).split('\n')[0]}` : ''}`])));
      parts.push('', `Growth exponent of CPU seconds (log-log fit): ${m.e2eExponent ?? 'n/a'}`, '');
    }
    const jobs = m.jobs as Array<Record<string, unknown>> | undefined;
    if (jobs) {
      parts.push('### Both cores (`--jobs 1` against one worker a core, alternated)', '');
      parts.push(table(['pairs', 'rep', 'jobs', 'load before', 'CPU s', 'wall s', 'peak MB', 'pairs / CPU s', 'exit'], jobs.map((r) => [r.n as number, (r.rep as number | undefined) ?? 1, r.jobs as number, r.load as string, r.cpu as number, r.wall as number, r.rssMb as number, r.perCpuS as number, String(r.code)])));
      const over = (m.jobsReps as number | undefined) && (m.jobsReps as number) > 1 ? ` (median wall times of ${m.jobsReps as number} alternations)` : '';
      parts.push('', `Wall-time speed-up${over}: ${m.jobsSpeedup ?? 'n/a'}×; JSON reports byte-identical: ${m.jobsSameReport ?? 'n/a'}`, '');
    }
    const pool = m.pool as Array<Record<string, unknown>> | undefined;
    if (pool) {
      parts.push('### 1,000 translations against a pool of originals (`--originals pool.jsonl`)', '');
      parts.push('Per translation = (CPU of the 1,000-translation run − CPU of a 50-translation run) / 950: pairing plus checks of one pair.', '');
      parts.push(table(['originals', 'pool MB', 'CPU s', 'peak MB', 'peak KB / original', 'ms CPU / translation', 'paired correctly', 'exit'], pool.map((r) => [r.pool as number, r.poolMb as number, r.cpu as number, r.rssMb as number, r.kbPerOriginal as number, r.msPerTranslation as number, r.correct as string, `${r.code}${r.error ? ` ${String(r.error).split('\n').pop()}` : ''}`])));
      parts.push('');
    }
    const index = m.index as Array<Record<string, unknown>> | undefined;
    if (index) {
      parts.push('### Persistent index (`transcheck index build`, then `audit --index`)', '');
      parts.push('Per translation as in the pool round; audit peak is the whole `audit --index` process (1,000 translations, reports included).', '');
      parts.push(table(['originals', 'build CPU s', 'build peak MB', 'index MB', 'bytes / original on disk', 'audit CPU s', 'audit peak MB', 'ms CPU / translation', 'paired correctly', 'exit'], index.map((r) => [r.pool as number, r.buildCpu as number, r.buildRssMb as number, r.indexMb as number, r.bytesPerOriginal as number, r.cpu as number, r.rssMb as number, r.msPerTranslation as number, r.correct as string, `${r.code}${r.error ? ` ${String(r.error).split('\n').pop()}` : ''}`])));
      parts.push('');
    }
    const big = m.big as Record<string, unknown> | undefined;
    if (big) parts.push('### A 100 MB JSONL', '', table(['records', 'MB', 'CPU s', 'wall s', 'peak MB', 'exit'], [[big.records as number, big.mb as number, big.cpu as number, big.wall as number, big.rssMb as number, `${big.code}${big.error ? ` ${String(big.error).split('\n').pop()}` : ''}`]]), '');
    const spill = m.spill as Array<Record<string, unknown>> | undefined;
    if (spill) {
      parts.push('### Results in memory (`--spill off`) or spilled to the report folder (`--spill 0`; rows of 2026-12-02 say `default`, then 2000 pairs), `--format json,md,html`', '');
      parts.push(table(['records', 'spill', 'load before', 'CPU s', 'wall s', 'peak MB', 'exit', 'reports identical'], spill.map((r) => [r.records as number, r.spill as string, r.load as string, r.cpu as number, r.wall as number, r.rssMb as number, `${r.code}${r.error ? ` ${String(r.error).split('\n').pop()}` : ''}`, (r.same as string) ?? ''])));
      parts.push('');
    }
    const long = m.long as Record<string, unknown> | undefined;
    if (long) parts.push('### One record of 1M characters a side', '', table(['CPU s', 'wall s', 'peak MB', 'exit', 'checks reporting'], [[long.cpu as number, long.wall as number, long.rssMb as number, `${long.code}${long.error ? ` ${String(long.error).split('\n').pop()}` : ''}`, (long.findings as string) || '']]), '');
  }
  return `${parts.join('\n')}\n`;
}
