import { describe, expect, it } from 'vitest';
import type { PairResult } from '../../src/core/types.js';
import { bundledGlossary } from '../../src/lexicon/glossary.js';
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
});
