// Caches behind segmentation and similarity features: sentence-wise cutting, invalidation, surface option.
import { describe, expect, it } from 'vitest';
import { addUserWords, segment } from '../../src/lexicon/segment.js';
import { addGlosses, enAnchorKeys, enFeatures, zhFeatures } from '../../src/lexicon/similarity.js';

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

describe('English anchor keys without the features', () => {
  const texts = [
    'Our naïve CNNs beat ResNet-50 on CIFAR-10 by 3.5% (1,000 runs); code at https://github.com/a/b.',
    'A state-of-the-art BERT-based model, trained with PyTorch, reaches 92.1 F1 on SQuAD v2.0.',
    'The café-style dataset (e.g. Über-Eats) has 12,345 reviews in 3 languages.',
    'We study it.',
    '',
  ];
  it('answer membership and strong anchors as enFeatures does, tokens read only when asked', () => {
    for (const text of texts) {
      // Asked before the features are cached (the check stage), then compared with them.
      const lazy = enAnchorKeys(text);
      const f = enFeatures(text);
      expect(lazy.strong).toEqual(f.strongAnchors);
      for (const key of [...f.anchors, 'naïve', 'na', 'café', 'style', 'absent', 'resnet-50', '50', 'cnns', 'cnn']) {
        expect(lazy.has(key), `${key} in ${text}`).toBe(f.anchors.has(key));
      }
      // And again from the cached features.
      const cached = enAnchorKeys(text);
      expect(cached.strong).toEqual(f.strongAnchors);
      for (const key of f.anchors) expect(cached.has(key)).toBe(true);
    }
  });
  it('give the same anchor set, in the same order, whichever part is asked for first', () => {
    for (const base of texts) {
      const text = `${base} Order test.`;
      // First computed without surface (fresh), then with it (computed again): two feature objects.
      const whole = enFeatures(text, { surface: false });
      const all = [...whole.anchors];
      const strong = whole.strongAnchors;
      const piecemeal = enFeatures(text);
      // Compared by identity only: a matcher would read (and so work out) every getter.
      expect(piecemeal === whole).toBe(false);
      const asked = ['naïve', 'cnn', 'absent', ...all.slice(0, 3)];
      const answers = asked.map((key) => piecemeal.hasAnchor(key));
      expect(answers).toEqual(asked.map((key) => all.includes(key)));
      expect(piecemeal.strongAnchors).toEqual(strong);
      expect([...piecemeal.anchors]).toEqual(all);
      expect(asked.map((key) => piecemeal.hasAnchor(key))).toEqual(answers);
    }
  });
});
