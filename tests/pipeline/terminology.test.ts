import { describe, expect, it } from 'vitest';
import type { PairResult } from '../../src/core/types.js';
import { checks } from '../../src/checks/index.js';
import { resolveChecks } from '../../src/core/runner.js';
import { bundledGlossary, pairTermUsesOf } from '../../src/lexicon/glossary.js';
import { checkPair } from '../../src/pipeline/check.js';
import { terminologyAcrossCorpus } from '../../src/pipeline/terminology.js';
import { makePair } from '../llm/fixtures/pairs.js';

/** A translation, paired with its English when there is one (target-only otherwise). */
function result(id: string, zh: string, en: string | null): PairResult {
  const r = makePair(`0:${id}`, en ?? '', zh);
  if (en === null) {
    r.pair.original = null;
    r.pair.status = 'unpaired';
  }
  return r;
}

describe('terminologyAcrossCorpus', () => {
  const glossary = bundledGlossary();
  it('counts the renderings of a term across translations, wrong ones marked', () => {
    const usage = terminologyAcrossCorpus(
      [
        result('1', '我们使用强化学习训练智能体。', 'We train agents with reinforcement learning.'),
        result('2', '加强学习是一种方法。', 'Reinforcement learning is a method.'),
        result('3', '本文研究加强学习。', null),
        result('4', '本文研究加强学习。', null), // the same text twice counts once
      ],
      glossary,
    );
    const rl = usage.find((u) => u.en === 'reinforcement learning');
    expect(rl).toBeDefined();
    expect(rl?.wrongTranslations).toBe(2);
    expect(rl?.renderings).toEqual(
      expect.arrayContaining([
        { zh: '加强学习', translations: 2, accepted: false },
        { zh: '强化学习', translations: 1, accepted: true },
      ]),
    );
    expect(usage[0]?.en).toBe('reinforcement learning');
  });

  it('leaves out terms rendered one accepted way only', () => {
    const usage = terminologyAcrossCorpus([result('1', '我们使用强化学习。', 'We use reinforcement learning.')], glossary);
    expect(usage.find((u) => u.en === 'reinforcement learning')).toBeUndefined();
  });

  it('counts the same from the uses the glossary check kept as from matching the texts again', async () => {
    // Wrong and accepted renderings, a term the source lacks, a repeated translation, a target-only text.
    const texts: Array<[string, string | null]> = [
      ['我们使用加强学习训练智能体，并用图像功能训练分类器。', 'We train agents with reinforcement learning and a classifier on image features.'],
      ['强化学习是一种方法，特征很重要。', 'Reinforcement learning is a method; features matter.'],
      ['本文研究转移学习和加强学习。', 'This paper studies transfer learning.'],
      ['本文研究转移学习和加强学习。', 'This paper studies transfer learning.'],
      ['我们用多臂强盗选择特征。', null],
    ];
    const glossaryCheck = resolveChecks(checks, {}).filter((r) => r.check.meta.id === 'glossary');
    const checked: PairResult[] = [];
    for (const [i, [zh, en]] of texts.entries()) {
      const { pair } = result(String(i), zh, en);
      checked.push(await checkPair(pair, { checks: glossaryCheck }));
    }
    // The check kept the uses of every pair with a source.
    const kept = checked.filter((r) => r.pair.original && pairTermUsesOf(r.pair, glossary, r.pair.original.text, r.pair.translation.text));
    expect(kept).toHaveLength(4);
    // Fresh pair objects of the same texts have none kept: the table matches them again.
    const fresh = texts.map(([zh, en], i) => result(String(i), zh, en));
    const fromUses = terminologyAcrossCorpus(checked, glossary);
    expect(fromUses.length).toBeGreaterThanOrEqual(3);
    expect(fromUses).toEqual(terminologyAcrossCorpus(fresh, glossary));
  });
});
