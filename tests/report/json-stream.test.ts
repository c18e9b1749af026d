// The JSON report written in chunks (the CLI's default) is byte for byte the report `renderJson` gives
// as one string, so a run of any size is written without building one huge string.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const sink = () => ({ write: () => true });

async function run(injected: boolean): Promise<{ dir: string; strings: Map<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-json-'));
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  const records = [
    { id: 'a', en: 'We study 3 graphs.', zh: '我们研究了3个图。' },
    { id: 'b', en: 'The model "works" \\ well.\nA second line.', zh: '该模型“有效”\\好。\n第二行。' },
  ];
  writeFileSync(join(dir, 'in.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
  writeFileSync(join(dir, 'empty.jsonl'), '\n');
  const strings = new Map<string, string>();
  const io = {
    argv: ['audit', 'in.jsonl', 'empty.jsonl', '--out', 'out', '-q', '--format', 'json'],
    stdout: sink(),
    stderr: sink(),
    env: {},
    cwd: dir,
    ...(injected
      ? {
          writeFile: async (path: string, content: string) => {
            strings.set(path.replace(/\.\d+\.\d+\.tmp$/, ''), content);
            await writeFile(path, content);
          },
        }
      : {}),
  };
  expect(await main(io)).toBe(0);
  return { dir, strings };
}

describe('JSON report chunks', () => {
  it('writes the same bytes as the one-string reporter, empty lists included', async () => {
    const streamed = await run(false);
    const whole = await run(true);
    for (const name of ['in.json', 'empty.json']) {
      const text = readFileSync(join(streamed.dir, 'out', name), 'utf8');
      const expected = whole.strings.get(join(whole.dir, 'out', name));
      expect(expected).toBeDefined();
      expect(text).toBe(expected);
      expect(() => JSON.parse(text)).not.toThrow();
    }
    expect(JSON.parse(readFileSync(join(streamed.dir, 'out', 'in.json'), 'utf8')).pairs).toHaveLength(2);
  });
});
