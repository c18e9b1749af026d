// A user glossary only adds terms: the bundled glossary's findings keep their severities, and no
// finding offers a known wrong rendering as its `expected` value. Through the CLI, on a real-shaped pair.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { bundledGlossary } from '../../src/lexicon/glossary.js';

interface Finding {
  check: string;
  severity: string;
  messageId: string;
  actual?: string;
  expected?: string;
}

const sink = () => ({ write: () => true, isTTY: false });

const record = {
  id: 'x1',
  en: 'We train the policy network with reinforcement learning and a pre-trained language model. Training converges quickly on the benchmark.',
  zh: '我们用强化学习和预训练语言模型训练策略网络。培训在基准上快速收敛。',
};

async function findings(extra: string[]): Promise<Finding[]> {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-user-glossary-'));
  writeFileSync(join(dir, 'transcheck.config.json'), '{}');
  writeFileSync(join(dir, 'pairs.jsonl'), `${JSON.stringify(record)}\n`);
  writeFileSync(join(dir, 'user.tsv'), 'widget frobnication\t小部件弗罗布\t小工具搅拌\n');
  const argv = ['audit', 'pairs.jsonl', '--format', 'json', '-q', '-o', 'out', ...extra.map((a) => (a === 'user.tsv' ? join(dir, a) : a))];
  const code = await main({ argv, stdout: sink(), stderr: sink(), env: {}, cwd: dir });
  expect(code).toBe(0);
  const report = JSON.parse(readFileSync(join(dir, 'out', 'pairs.json'), 'utf8')) as { pairs: Array<{ findings: Finding[] }> };
  return report.pairs.flatMap((p) => p.findings).filter((f) => f.check === 'glossary' || f.check === 'term-consistency');
}

describe('user glossary', () => {
  it('keeps the severities of bundled findings (a one-term user glossary used to re-level them all)', async () => {
    const without = await findings([]);
    const withUser = await findings(['--glossary', 'user.tsv']);
    expect(without.length).toBeGreaterThan(0);
    expect(without.some((f) => f.severity === 'info')).toBe(true);
    const levels = (list: Finding[]) => list.map((f) => `${f.check}:${f.messageId}:${f.severity}`).sort();
    expect(levels(withUser)).toEqual(levels(without));
  });

  it('never gives a known wrong rendering as `expected`', async () => {
    const wrongs = new Set(bundledGlossary().entries.flatMap((e) => e.wrong));
    for (const f of [...(await findings([])), ...(await findings(['--glossary', 'user.tsv']))]) {
      if (f.expected !== undefined) expect(wrongs.has(f.expected), `${f.check} ${f.messageId} expected ${f.expected}`).toBe(false);
    }
  });
});
