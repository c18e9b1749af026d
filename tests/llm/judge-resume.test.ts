// A judge process killed with SIGKILL halfway loses no finished pair: the rerun asks only for the rest.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheFile, cacheKey, JudgeCache, type CacheEntry } from '../../src/llm/cache.js';
import { createJudge } from '../../src/pipeline/judge.js';
import { jsonReply, startMockOpenAI, type MockServer } from '../helpers/mock-openai-server.js';
import { makePairs } from './fixtures/pairs.js';
import { testOptions } from './fixtures/options.js';

const here = dirname(fileURLToPath(import.meta.url));
let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

/** Keys of the parseable lines of the cache file. */
function cachedKeys(dir: string): Set<string> {
  const path = cacheFile(dir);
  if (!existsSync(path)) return new Set();
  const keys = new Set<string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    try {
      keys.add((JSON.parse(line) as CacheEntry).key);
    } catch {
      // torn or empty line
    }
  }
  return keys;
}

describe('SIGKILL and resume', () => {
  it('resumes where a killed judge process stopped, re-requesting no finished pair', async () => {
    const total = 12;
    mock = await startMockOpenAI({ latencyMs: 40, chat: () => jsonReply({ errors: [] }) });
    const cacheDir = mkdtempSync(join(tmpdir(), 'transcheck-resume-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(here, 'fixtures', 'judge-child.ts'), mock.url, cacheDir, String(total)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<string | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (mock && mock.answered >= 5) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        } else if (child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`child ended early: ${stderr}`));
        }
      }, 5);
    });
    expect(await exited).toBe('SIGKILL');

    const finished = cachedKeys(cacheDir);
    expect(finished.size).toBeGreaterThanOrEqual(3);
    expect(finished.size).toBeLessThan(total);
    const before = mock.chatCalls.length;

    const pairs = makePairs(total);
    const keyOf = new Map(
      pairs.map((p) => [
        p.pair.translation.text,
        cacheKey({ model: 'test-model', baseUrl: mock!.url, prompt: 'judge@1', options: { temperature: 0 }, source: p.pair.original?.text ?? '', translation: p.pair.translation.text }),
      ]),
    );
    const rerun = await createJudge(testOptions(mock.url, { cacheDir, concurrency: 2 }), {}).judgeAll(pairs, () => [], {});
    const asked = mock.chatCalls.slice(before).map((c) => keyOf.get(c.translation));
    expect(asked.filter((k) => k !== undefined && finished.has(k))).toEqual([]);
    expect(asked).toHaveLength(total - finished.size);
    expect(rerun.usage.cachedPairs).toBe(finished.size);
    expect(rerun.findings.size).toBe(total);
    expect(cachedKeys(cacheDir).size).toBe(total);
  }, 30_000);

  it('skips a torn last line and appends after it', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'transcheck-torn-'));
    const entry = (key: string): CacheEntry => ({ key, prompt: 'judge@1', model: 'm', answer: { errors: [] }, tokens: { prompt: 1, completion: 1, cached: 0 }, at: '' });
    new JudgeCache(cacheDir, true).put(entry('a'));
    // What a kill in the middle of a write leaves: a line without its end.
    appendFileSync(cacheFile(cacheDir), '{"key":"b","prompt":"judge@1","ans');
    const reloaded = new JudgeCache(cacheDir, true);
    expect(reloaded.skippedLines).toBe(1);
    expect([...reloaded.entries.keys()]).toEqual(['a']);
    reloaded.put(entry('c'));
    const third = new JudgeCache(cacheDir, true);
    expect([...third.entries.keys()]).toEqual(['a', 'c']);
    expect(third.skippedLines).toBe(1);
  });

  it('neither reads nor writes when disabled', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'transcheck-nocache-'));
    const cache = new JudgeCache(cacheDir, false);
    cache.put({ key: 'a', prompt: 'p', model: 'm', answer: {}, tokens: { prompt: 0, completion: 0, cached: 0 }, at: '' });
    expect(existsSync(cacheFile(cacheDir))).toBe(false);
    expect(cache.get('a')).toBeUndefined();
  });
});
