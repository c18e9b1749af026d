// Caches behind segmentation and similarity features: sentence-wise cutting, invalidation, surface option.
import { describe, expect, it } from 'vitest';
import { addUserWords, segment } from '../../src/lexicon/segment.js';
import { addGlosses, enFeatures, zhFeatures } from '../../src/lexicon/similarity.js';

const words = (text: string) => segment(text).map((t) => t.word);

describe('segment cache', () => {
  it('cuts a text the same as its sentences cut one by one, punctuation runs and closers included', () => {
    const sentences = ['我们提出了一种新的模型（SFDA）。', '它在ImageNet上达到95.5%！”', '这些结果表明，方法有效？', '代码见https://github.com/a/b；', '未完'];
    const whole = sentences.join('');
    expect(words(whole)).toEqual(sentences.flatMap(words));
    // Asked again (now from the cache) the answer is the same.
    expect(words(whole)).toEqual(sentences.flatMap(words));
  });
});

describe('feature caches', () => {
  it('see glosses added after a text was first featurized', () => {
    const text = '我们研究了鳞翅目昆虫的分布。';
    const before = zhFeatures(text).words.find((w) => w.word === '鳞翅目')?.glosses ?? [];
    expect(before).not.toContain('zzpaperword');
    addGlosses([{ zh: '鳞翅目', en: ['zzpaperword'] }]);
    expect(zhFeatures(text).words.find((w) => w.word === '鳞翅目')?.glosses).toContain('zzpaperword');
  });
  it('see words added to the segmentation dictionary after a text was first featurized', () => {
    const text = '我们研究量子退火剪枝联合方法。';
    expect(zhFeatures(text).words.map((w) => w.word)).not.toContain('量子退火剪枝');
    addUserWords(['量子退火剪枝']);
    expect(zhFeatures(text).words.map((w) => w.word)).toContain('量子退火剪枝');
  });
  it('honour the surface option whichever form was computed first', () => {
    const a = 'Learning rates were tuned for every network.';
    expect(enFeatures(a).surface.get('learn')).toBe('learning');
    expect(enFeatures(a, { surface: false }).surface.size).toBe(0);
    expect(enFeatures(a, { surface: false }).stems).toEqual(enFeatures(a).stems);
    const b = 'Pruned networks were distilled twice.';
    expect(enFeatures(b, { surface: false }).surface.size).toBe(0);
    expect(enFeatures(b).surface.get('prune')).toBe('pruned');
  });
});
