// Tests of the ML glossary: bundled data quality, English and Chinese matching, user files and their errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import type { GlossaryEntry } from '../../src/lexicon/glossary.js';
import { alignedTargetSpan, bundledGlossary, createGlossary, decodeTermUses, encodeTermUses, exportPairTermUses, forgetPairTermUses, importPairTermUses, loadGlossary, movePairTermUses, pairTermUsesOf, pairTextsKey, parseGlossaryTsv, rememberPairTermUses, sourceHasCue, sourceWords, splitPlausible, stemWord, termUses, wordBoundaries } from '../../src/lexicon/glossary.js';

const g = bundledGlossary();
const byEn = (en: string) => g.entries.find((e) => e.en === en);

describe('bundled glossary data', () => {
  it('has the field-scale term count (at least 1,500), most of the ML ones with classed wrong renderings', () => {
    expect(g.entries.length).toBeGreaterThanOrEqual(1500);
    expect(g.entries.filter((e) => e.wrong.length > 0).length).toBeGreaterThanOrEqual(800);
    // Every entry is tagged with a domain (the gate needs it) and classes are subsets of `wrong`.
    for (const e of g.entries) {
      expect(e.domain, e.en).toBeDefined();
      for (const w of [...(e.nonstandard ?? []), ...(e.ambiguous ?? [])]) expect(e.wrong, `${e.en}: ${w}`).toContain(w);
    }
  });
  it('does not accept renderings that are wrong in ML', () => {
    expect(byEn('generalization')?.zh).not.toContain('概括');
    expect(byEn('generalization')?.wrong).toContain('概括');
    expect(byEn('token')?.zh).not.toContain('令牌');
    expect(byEn('likelihood')?.zh).not.toContain('可能性');
  });

  it('never lists a wrong rendering inside an accepted one unless the accepted one blocks it', () => {
    for (const e of g.entries) {
      for (const w of e.wrong) {
        expect(e.zh, `${e.en}: ${w}`).not.toContain(w);
        for (const other of g.entries) {
          for (const z of other.zh) {
            if (z === w || !z.includes(w)) continue;
            // Allowed only when the accepted term hides the wrong one: matching inside it finds nothing.
            expect(g.matchWrongTarget(`我们使用${z}方法`, { includeAmbiguous: true }).filter((m) => m.wrong === w), `${w} in ${z}`).toEqual([]);
          }
        }
      }
    }
  });

  it('detects wrong[0] substituted for zh[0] in a sentence, for every entry', () => {
    for (const e of g.entries) {
      if (e.wrong.length === 0) continue;
      const sentence = `结果：${e.wrong[0]}。`;
      const found = g.matchWrongTarget(sentence, { includeAmbiguous: true }).filter((m) => m.entry === e);
      expect(found.length, `${e.en}: ${e.wrong[0]}`).toBeGreaterThan(0);
    }
  });

  it('gives each English term or alias to one entry only', () => {
    // A second entry with the same English is never matched: its renderings and wrong renderings are dead,
    // and the two can disagree (暹罗网络 accepted by one, wrong in the other, until 2026-12-02).
    const owner = new Map<string, string>();
    for (const e of g.entries) {
      for (const form of new Set([e.en, ...e.aliases].map((a) => a.toLowerCase()))) {
        expect(owner.get(form), `${form}: in "${owner.get(form)}" and "${e.en}"`).toBeUndefined();
        owner.set(form, e.en);
      }
    }
  });

  it('zhTerms lists Han renderings only', () => {
    const terms = g.zhTerms();
    expect(terms).toContain('预训练');
    expect(terms).toContain('强化学习');
    expect(terms.every((t) => /\p{Script=Han}/u.test(t))).toBe(true);
  });
});

describe('stemWord', () => {
  it('writes British spellings the American way, and leaves look-alikes alone', () => {
    expect(['localisation', 'optimisations', 'behavioural', 'neighbours', 'colour', 'centre', 'modelling', 'labelled'].map(stemWord)).toEqual([
      'localization', 'optimization', 'behavioral', 'neighbor', 'color', 'center', 'modeling', 'labeled',
    ]);
    expect(['four', 'contour', 'hour', 'controlled', 'filled', 'metre', 'parallel'].map(stemWord)).toEqual(['four', 'contour', 'hour', 'controlled', 'filled', 'metre', 'parallel']);
  });
});

describe('matchSource', () => {
  it('matches whole words, case-insensitively, with plurals and hyphen variants', () => {
    const text = 'We use Pretrained models, pre-trained encoders and deep neural networks.';
    const found = g.matchSource(text).map((m) => [m.entry.en, m.text]);
    expect(found).toContainEqual(['pre-trained', 'Pretrained']);
    expect(found).toContainEqual(['pre-trained', 'pre-trained']);
    expect(found).toContainEqual(['deep neural network', 'deep neural networks']);
  });

  it('prefers the longest term and gives offsets into the text', () => {
    const text = 'Deep reinforcement learning works.';
    const [m] = g.matchSource(text);
    expect(m?.entry.en).toBe('deep reinforcement learning');
    expect(text.slice(m!.start, m!.end)).toBe('Deep reinforcement learning');
  });

  it('does not match inside words or across punctuation', () => {
    expect(g.matchSource('The tokenization-free ablations').map((m) => m.entry.en)).not.toContain('token');
    expect(g.matchSource('reinforcement. Learning').map((m) => m.entry.en)).not.toContain('reinforcement learning');
  });

  it('stems plurals alike on both sides', () => {
    expect(stemWord('networks')).toBe('network');
    expect(stemWord('strategies')).toBe('strategy');
    expect(stemWord('losses')).toBe('loss');
    expect(stemWord('analysis')).toBe('analysis');
  });
});

describe('matchWrongTarget', () => {
  it('finds the seeds\' wrong renderings with Chinese offsets', () => {
    const zh = '将预先培训的源模型调整到目标域,并使用加强学习。';
    const found = g.matchWrongTarget(zh);
    expect(found.map((m) => [m.wrong, m.entry.en])).toEqual([
      ['预先培训', 'pre-trained'],
      ['加强学习', 'reinforcement learning'],
    ]);
    expect(zh.slice(found[0]!.start, found[0]!.end)).toBe('预先培训');
  });

  it('skips excluded contexts and longer accepted words', () => {
    expect(g.matchWrongTarget('许多转换方法和对话框架')).toEqual([]);
    expect(g.matchWrongTarget('模型的困惑度很低', { includeAmbiguous: true })).toEqual([]);
    expect(g.matchWrongTarget('MIXGAN克服了问题')).toEqual([]);
    expect(g.matchWrongTarget('多转对话').map((m) => m.wrong)).toEqual(['多转']);
  });

  it('leaves ambiguous renderings out unless asked', () => {
    expect(g.matchWrongTarget('这让他感到困惑')).toEqual([]);
    expect(g.matchWrongTarget('这让他感到困惑', { includeAmbiguous: true }).map((m) => m.entry.en)).toEqual(['perplexity']);
  });
});

describe('user glossaries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'transcheck-glossary-'));

  it('loads TSV and JSON files on top of the bundled terms', () => {
    const tsv = join(dir, 'terms.tsv');
    writeFileSync(tsv, '# my terms\nwidget frobnication\t小部件弗罗布\t小工具搅拌\n');
    const json = join(dir, 'terms.json');
    writeFileSync(json, JSON.stringify([{ en: 'gizmo', zh: ['小发明'], wrong: ['小玩意儿'], note: 'x' }]));
    const user = loadGlossary([tsv, json]);
    expect(user.entries.length).toBe(g.entries.length + 2);
    expect(user.matchSource('A widget frobnication.')[0]?.entry.zh).toEqual(['小部件弗罗布']);
    expect(user.matchWrongTarget('一个小玩意儿')[0]?.entry.en).toBe('gizmo');
    expect(loadGlossary([tsv, json])).toBe(user);
  });

  it('lets a user accept a bundled wrong rendering', () => {
    const merged = createGlossary([...g.entries, { en: 'transfer learning', aliases: [], zh: ['转移学习'], wrong: [] }]);
    expect(merged.matchWrongTarget('使用转移学习')).toEqual([]);
    expect(byEn('transfer learning')?.wrong).toContain('转移学习');
  });

  it('names the file and line of bad TSV', () => {
    expect(() => parseGlossaryTsv('ok\t好\n\nbad line without tab\n', 'g.tsv')).toThrow(/g\.tsv:3:/);
    expect(() => parseGlossaryTsv('term\t对\t对\n', 'g.tsv')).toThrow(ConfigError);
  });

  it('names the file and line of bad JSON', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '[\n  { "en": "a", "zh": ["甲"] },\n  { "en": "b", "zh": [] }\n]\n');
    expect(() => loadGlossary([bad])).toThrow(/bad\.json:3: glossary entry 2/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '[\n  { "en": "a", \n');
    expect(() => loadGlossary([broken])).toThrow(ConfigError);
    expect(() => loadGlossary([join(dir, 'missing.tsv')])).toThrow(/missing\.tsv: cannot read glossary/);
  });
});

describe('alignedTargetSpan', () => {
  const texts = {
    target: '甲。乙。丙。',
    sourceSentences: [{ start: 0, end: 5 }, { start: 6, end: 11 }, { start: 12, end: 17 }],
    targetSentences: [{ start: 0, end: 2 }, { start: 2, end: 4 }, { start: 4, end: 6 }],
    beads: [{ en: [0], zh: [0] }, { en: [1], zh: [] }, { en: [2], zh: [1, 2] }],
  };
  it('gives the bead\'s Chinese sentences, widened, or null for an omission', () => {
    expect(alignedTargetSpan(texts, 1, 0)).toEqual([0, 2]);
    expect(alignedTargetSpan(texts, 1, 1)).toEqual([0, 4]);
    expect(alignedTargetSpan(texts, 7)).toBeNull();
    expect(alignedTargetSpan({ ...texts, beads: [] }, 7)).toEqual([0, 6]);
  });
});

describe('matchWrongTarget: words, not substrings', () => {
  const custom = createGlossary([
    { en: 'features', aliases: [], zh: ['特征'], wrong: ['功能'] },
    { en: 'convergence speed', aliases: [], zh: ['收敛速'], wrong: [] },
    { en: 'learned convergence', aliases: [], zh: ['乙'], wrong: ['学习收敛'] },
  ]);
  const wrongs = (zh: string) => custom.matchWrongTarget(zh).map((m) => `${m.wrong}@${m.start}`);

  it('matches a wrong rendering that is a word of the text', () => {
    expect(wrongs('我们提取图像的功能。')).toEqual(['功能@7']);
  });
  it('does not match it inside a longer word', () => {
    // jieba cuts 功能性 and 多功能 as words of their own: "functional", "multi-purpose".
    expect(wrongs('我们做了功能性测试。')).toEqual([]);
    expect(wrongs('这是一个多功能平台。')).toEqual([]);
  });
  it('is blocked by an accepted rendering overlapping the match and reaching beyond it', () => {
    expect(wrongs('模型的学习收敛很快。')).toEqual(['学习收敛@3']);
    expect(wrongs('模型的学习收敛速度很快。')).toEqual([]);
  });
  it('keeps hits cut with a neighbouring word apart, when the cut piece is a word or a suffix', () => {
    const split = (zh: string) => custom.matchSplitTarget(zh).map((m) => `${m.wrong}@${m.start}`);
    // 功能性 is one word: not a match, but a split hit (功能 + the suffix 性) for a caller with the source.
    expect(split('我们做了功能性测试。')).toEqual(['功能@4']);
    // A split hit never overlaps a word hit.
    expect(split('我们提取图像的功能。')).toEqual([]);
  });
  it('splitPlausible: a two-character word or a suffix beside the hit, not a stray character', () => {
    const at = (zh: string, hit: string) => {
      const start = zh.indexOf(hit);
      return splitPlausible(zh, wordBoundaries(zh), start, start + hit.length);
    };
    expect(at('显示出更好的概括性。', '概括')).toBe(true);
    expect(at('参数可以通过培训进行优化。', '培训')).toBe(true);
    // 重复/发展: 复发 is a chance string across two words; 回想起: 起 is a verb complement.
    expect(at('在我们的方法每次重复发展，', '复发')).toBe(false);
    expect(at('目击者只能回想起嫌疑人的眼睛', '回想')).toBe(false);
  });
  it('bundled: 时代 inside 划时代 and 多转 inside 许多转换 are not matches', () => {
    const found = (zh: string) => g.matchWrongTarget(zh, { includeAmbiguous: true }).map((m) => m.wrong);
    expect(found('这是划时代的工作。')).not.toContain('时代');
    expect(found('许多转换被提出。')).not.toContain('多转');
    expect(found('经过10个时代的训练。')).toContain('时代');
  });
});

describe('classes of wrong renderings', () => {
  it('parses `~` (nonstandard), `?` (ambiguous) and both, and `#domain:` lines', () => {
    const [e] = parseGlossaryTsv('#domain: ml\ntraining\t训练\t?~培训|~教练|火车\n', 'x.tsv');
    expect(e!.wrong).toEqual(['培训', '教练', '火车']);
    expect(e!.ambiguous).toEqual(['培训']);
    expect(e!.nonstandard).toEqual(['培训', '教练']);
    expect(e!.domain).toBe('ml');
    const m = createGlossary([e!]).matchWrongTarget('火车和教练都来了。', { includeAmbiguous: true });
    expect(m.map((x) => `${x.wrong}:${x.kind}`)).toEqual(['火车:sense', '教练:nonstandard']);
  });
  it('parses a 6th column of field-sense cues; a trailing `*` matches any ending', () => {
    const [e] = parseGlossaryTsv('grasping|grasps\t抓取\t?掌握\tnote\t\trobot*|gripper\n', 'x.tsv');
    expect(e!.cues).toEqual(['robot*', 'gripper']);
    expect(sourceHasCue(e!, sourceWords('The robotic arm fails to grasp the cup.'))).toBe(true);
    expect(sourceHasCue(e!, sourceWords('A new gripper.'))).toBe(true);
    expect(sourceHasCue(e!, sourceWords('Grippers and models fail to grasp the meaning.'))).toBe(false);
    expect(sourceHasCue({ ...e!, cues: undefined }, sourceWords('Anything.'))).toBe(true);
    expect(() => parseGlossaryTsv('a\tb\tc\td\te\tf\tg\n', 'x.tsv')).toThrow(/at most 6 columns/);
  });
  it('rejects a wrong rendering that is only a mark, naming file and line', () => {
    expect(() => parseGlossaryTsv('# c\ntraining\t训练\t?~\n', 'bad.tsv')).toThrow(/bad\.tsv:2/);
  });
  it('bundled: the issue examples are classed as MQM expects', () => {
    const kind = (en: string, w: string) => {
      const e = byEn(en)!;
      return e.nonstandard?.includes(w) ? 'nonstandard' : 'sense';
    };
    expect(kind('training|train|trained|trains'.split('|')[0]!, '培训')).toBe('nonstandard');
    expect(kind('loss function', '丢失功能')).toBe('sense');
    expect(kind('multi-armed bandit', '多臂匪徒')).toBe('sense');
  });
});

describe('term uses kept per pair (the terminology table counts them)', () => {
  const glossary = loadGlossary([]);
  const source = 'We train a classifier on image features with a multi-armed bandit.';
  const target = '我们在图像功能上用多臂强盗训练分类器。';
  const sourceEntries = [...new Set(glossary.matchSource(source).map((m) => m.entry))];
  const wrongs = glossary.matchWrongTarget(target, { includeAmbiguous: true });
  const entryOf = (en: string) => glossary.entries.find((e) => e.en === en || e.aliases.includes(en));

  it('list each wrong rendering of a source term, then each accepted rendering the translation holds', () => {
    expect(wrongs.length).toBeGreaterThan(0);
    const uses = termUses(sourceEntries, wrongs, target, true);
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < uses.length; i += 2) pairs.push([(uses[i] as GlossaryEntry).en, uses[i + 1] as string]);
    expect(pairs).toContainEqual([entryOf('multi-armed bandit')!.en, '多臂强盗']);
    expect(pairs).toContainEqual([entryOf('classifier')!.en, '分类器']);
    // Wrong renderings first, in the order found.
    const firstAccepted = pairs.findIndex(([en, zh]) => entryOf(en)!.zh.includes(zh));
    expect(pairs.slice(firstAccepted).every(([en, zh]) => entryOf(en)!.zh.includes(zh))).toBe(true);
    // With a source, a wrong rendering of a term the source does not have is not counted.
    const noTerms = termUses([], wrongs, target, true);
    expect(noTerms).toEqual([]);
    // Target-only: the wrong renderings count, and bring their terms' accepted renderings in.
    const targetOnly = termUses([], wrongs, target, false);
    expect(targetOnly.length).toBeGreaterThanOrEqual(2 * wrongs.length);
  });

  it('are packed two code units a use and unpacked to the same entries and renderings', () => {
    const uses = termUses(sourceEntries, wrongs, target, true);
    const packed = encodeTermUses(glossary, uses);
    expect(packed).toHaveLength(uses.length);
    const back = decodeTermUses(glossary, packed as string);
    expect(back).toEqual(uses);
    expect(back?.every((u, i) => u === uses[i])).toBe(true);
    // A rendering that is not its entry's, or an entry of another glossary, is not packed.
    expect(encodeTermUses(glossary, [uses[0] as GlossaryEntry, '不是译法'])).toBeUndefined();
    const other = createGlossary([{ en: 'widget', aliases: [], zh: ['小部件'], wrong: ['窗口小东西'] }]);
    expect(encodeTermUses(glossary, [other.entries[0] as GlossaryEntry, '小部件'])).toBeUndefined();
    // Packed against another glossary: not unpacked.
    expect(decodeTermUses(other, packed as string)).toBeUndefined();
  });

  it('cross from a worker as data and come back as the same entries of the same glossary', () => {
    const uses = termUses(sourceEntries, wrongs, target, true);
    const inWorker = {};
    rememberPairTermUses(inWorker, glossary, source, target, uses);
    // Structured cloning, as postMessage does.
    const data = structuredClone(exportPairTermUses(inWorker));
    expect(data?.files).toEqual([]);
    const onAuditThread = {};
    expect(pairTermUsesOf(onAuditThread, glossary, source, target)).toBeUndefined();
    importPairTermUses(onAuditThread, data as NonNullable<typeof data>, source, target);
    const kept = pairTermUsesOf(onAuditThread, glossary, source, target);
    expect(kept).toEqual(uses);
    expect(kept?.every((u, i) => u === uses[i])).toBe(true);
    // Other texts: not these uses.
    expect(pairTermUsesOf(onAuditThread, glossary, source, `${target}。`)).toBeUndefined();
    const reused = {};
    movePairTermUses(onAuditThread, reused);
    expect(pairTermUsesOf(reused, glossary, source, target)).toEqual(uses);
    forgetPairTermUses(reused);
    expect(pairTermUsesOf(reused, glossary, source, target)).toBeUndefined();
  });

  it('are dropped, not misread, when the worker’s glossary was another', () => {
    const data = exportPairTermUses((() => {
      const pair = {};
      rememberPairTermUses(pair, glossary, source, target, termUses(sourceEntries, wrongs, target, true));
      return pair;
    })()) as NonNullable<ReturnType<typeof exportPairTermUses>>;
    const pair = {};
    importPairTermUses(pair, { ...data, entries: data.entries + 1 }, source, target);
    expect(pairTermUsesOf(pair, glossary, source, target)).toBeUndefined();
    // A rendering index past its entry's lists.
    importPairTermUses(pair, { ...data, uses: `${data.uses.slice(0, 1)}\u7fff` }, source, target);
    expect(pairTermUsesOf(pair, glossary, source, target)).toBeUndefined();
    importPairTermUses(pair, data, source, target);
    expect(pairTermUsesOf(pair, glossary, source, target)).toBeDefined();
  });
});

