// The persistent index's store, flat files against SQLite (better-sqlite3), on one built index: bytes on
// disk and CPU µs per access of a run's pattern (a term and its postings, a doc record, a text).
// better-sqlite3 is not a dependency (docs/scale.md says why): install it for this measurement only,
// `npm i --no-save better-sqlite3`. `npm run bench -- index-store --index <dir>` (an `index build` folder,
// e.g. the scale benchmark's /tmp/transcheck-scale-12/index-20000).
import { readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openIndexStore } from '../src/pipeline/index-store.js';
import { option, writeResult } from './common.js';

type Statement = { get(...args: unknown[]): unknown; run(...args: unknown[]): unknown };
type Db = { pragma(s: string): unknown; exec(s: string): unknown; prepare(s: string): Statement; transaction(f: () => void): () => void; close(): void };

export async function run(args: string[]): Promise<void> {
  const dir = option(args, 'index') as string | undefined;
  if (!dir) throw new Error('give --index <dir> (a folder written by `transcheck index build`)');
  let Database: new (path: string, options?: { readonly?: boolean }) => Db;
  try {
    Database = ((await import('better-sqlite3' as string)) as { default: typeof Database }).default;
  } catch {
    throw new Error('better-sqlite3 is not installed: `npm i --no-save better-sqlite3` for this measurement');
  }
  const stored = openIndexStore(dir);
  const n = stored.size;
  const keys = readFileSync(join(dir, 'stems.keys'), 'utf8').trim().split('\n').map((l) => {
    const [k, id, df, start] = l.split('\t');
    return { key: JSON.parse(k as string) as string, id: Number(id), df: Number(df), start: Number(start) };
  });
  const post = readFileSync(join(dir, 'stems.post'));
  const docsBin = readFileSync(join(dir, 'docs.bin'));
  const docsOff = new Float64Array(readFileSync(join(dir, 'docs.off')).buffer.slice(0));
  const texts = readFileSync(join(dir, 'texts.bin'));
  const textsOff = new Float64Array(readFileSync(join(dir, 'texts.off')).buffer.slice(0));
  const dbPath = join(tmpdir(), `transcheck-index-${n}.sqlite`);
  rmSync(dbPath, { force: true });
  const cpu = (since: NodeJS.CpuUsage) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1e6;
  };
  let t = process.cpuUsage();
  const db = new Database(dbPath);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec('CREATE TABLE stems (key TEXT PRIMARY KEY, id INTEGER, df INTEGER, post BLOB) WITHOUT ROWID; CREATE TABLE docs (doc INTEGER PRIMARY KEY, rec BLOB, text TEXT);');
  const insS = db.prepare('INSERT INTO stems VALUES (?, ?, ?, ?)');
  const insD = db.prepare('INSERT INTO docs VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const k of keys) insS.run(k.key, k.id, k.df, k.df <= stored.postDf ? post.subarray(4 * k.start, 4 * (k.start + k.df)) : null);
    for (let d = 0; d < n; d++) insD.run(d, docsBin.subarray(docsOff[d], docsOff[d + 1]), texts.subarray(textsOff[d], textsOff[d + 1]).toString('utf8'));
  })();
  db.close();
  const sqliteBuild = cpu(t);
  const flatBytes = ['stems.keys', 'stems.post', 'docs.bin', 'docs.off', 'texts.bin', 'texts.off'].reduce((s, f) => s + statSync(join(dir, f)).size, 0);
  const sample = keys.filter((_, i) => i % 3 === 0).map((k) => k.key);
  const docs = Array.from({ length: Math.min(n, 20000) }, (_, i) => (i * 7919) % n);
  let sink = 0;
  t = process.cpuUsage();
  const q = stored.query({ words: [], anchors: [], han: 0 } as never, new Set(sample));
  for (const id of q.unionIds) sink += stored.stemPostings(id).length;
  const flatTerms = cpu(t);
  t = process.cpuUsage();
  for (const d of docs) sink += stored.stemJaccard(d, d);
  const flatDocs = cpu(t);
  t = process.cpuUsage();
  for (const d of docs.slice(0, 4000)) sink += stored.block(d).text.length;
  const flatTexts = cpu(t);
  const ro = new Database(dbPath, { readonly: true });
  const selS = ro.prepare('SELECT id, df, post FROM stems WHERE key = ?');
  const selD = ro.prepare('SELECT rec FROM docs WHERE doc = ?');
  const selT = ro.prepare('SELECT text FROM docs WHERE doc = ?');
  t = process.cpuUsage();
  for (const k of sample) {
    const r = selS.get(k) as { post: Buffer | null } | undefined;
    if (r?.post) sink += new Int32Array(r.post.buffer.slice(r.post.byteOffset, r.post.byteOffset + r.post.byteLength)).length;
  }
  const sqlTerms = cpu(t);
  t = process.cpuUsage();
  for (const d of docs) sink += (selD.get(d) as { rec: Buffer }).rec.length;
  const sqlDocs = cpu(t);
  t = process.cpuUsage();
  for (const d of docs.slice(0, 4000)) sink += (JSON.parse((selT.get(d) as { text: string }).text) as { text: string }).text.length;
  const sqlTexts = cpu(t);
  ro.close();
  const us = (s: number, k: number) => Number(((s / k) * 1e6).toFixed(1));
  const result = {
    originals: n,
    flat: { mb: Math.round(flatBytes / 1e6), termUs: us(flatTerms, sample.length), docUs: us(flatDocs, docs.length), textUs: us(flatTexts, 4000) },
    sqlite: { mb: Math.round(statSync(dbPath).size / 1e6), buildS: Number(sqliteBuild.toFixed(2)), termUs: us(sqlTerms, sample.length), docUs: us(sqlDocs, docs.length), textUs: us(sqlTexts, 4000) },
    checksum: sink,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  writeResult('index-store', `# Index store: flat files against SQLite\n\n\`npm run bench -- index-store --index ${dir}\` (CPU µs per access, page cache warm).\n\n\`\`\`json\n${JSON.stringify(result, null, 2)}\n\`\`\`\n`);
  rmSync(dbPath, { force: true });
}
