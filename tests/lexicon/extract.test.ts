// Tests of the shared anchor extractors: numbers, links, LaTeX, acronyms and their combination.
import { describe, expect, it } from 'vitest';
import { parseChineseNumeral } from '../../src/lexicon/chinese-numerals.js';
import {
  extractAcronyms,
  extractAnchors,
  extractLatex,
  extractNumbers,
  extractUrls,
} from '../../src/lexicon/extract.js';

const keys = (text: string): string[] => extractNumbers(text).map((n) => n.key);

describe('parseChineseNumeral', () => {
  it.each([
    ['三', 3],
    ['十二', 12],
    ['二十', 20],
    ['两百', 200],
    ['一千零五', 1005],
    ['三万五千', 35000],
    ['三点五', 3.5],
    ['二〇一九', 2019],
    ['一亿二千万', 120000000],
  ])('%s = %d', (text, value) => expect(parseChineseNumeral(text)).toBe(value));
  it.each(['万一', '千千万万', '点五', ''])('%s is not a numeral', (text) => expect(parseChineseNumeral(text)).toBeNull());
});

describe('extractNumbers', () => {
  it('reads decimals, thousands, percent and multipliers', () => {
    expect(keys('by ~4.4\\% and 3.5 % on 0.8k, 3.3K, 2M, 4x, 4×, 1e-3, 10^5, 1,000,000, 3.5 million')).toEqual([
      '4.4%', '3.5%', '800', '3300', '2000000', '4', '4', '0.001', '100000', '1000000', '3500000',
    ]);
  });
  it('reads English multipliers as written in the wild: plural, hyphenated, megapixel', () => {
    expect(keys('3 millions words, nearly 1-million posts, a 1.3 megapixel image, 2 megapixels')).toEqual(['3000000', '1000000', '1300000', '2000000']);
    // A hyphen that joins no multiplier is still a range.
    expect(keys('10-20 layers')).toEqual(['10', '20']);
  });
  it('reads a decimal comma in 0,94 and in percentages, not in pairs, intervals or lists', () => {
    expect(keys('SSIM = 0,94, 99,9% of the energy, a mAP of 64,6\\%, 准确率92,8％')).toEqual(['0.94', '99.9%', '64.6%', '92.8%']);
    // arXiv dev: at a sentence's end ("by 0,10 and 0,12.").
    expect(keys('outperforming the baseline by 0,10 and 0,12. Then 0,5.5 and 0,1,2')).toEqual(['0.1', '0.12', '0', '5.5', '0', '1', '2']);
    expect(keys('values in （0,1）, [0,1] and (8,2), layers 1,2 and 3, in 2017,18 teams, 1,000 and 12,345')).toEqual([
      '0', '1', '0', '1', '8', '2', '1', '2', '3', '2017', '18', '1000', '12345',
    ]);
  });
  it('reads a thousands group after a comma and a space when it starts with 0 (1, 000: LaTeX 1{,}000 flattened), not a list', () => {
    // arXiv dev: "runs at more than 1, 000 frames/s" was read as 1 and 000, and 1,000 in the translation as changed.
    expect(keys('more than 1, 000 frames/s, over 220, 000 videos')).toEqual(['1000', '220000']);
    expect(keys('layers 1, 2 and 3, sizes 1, 100, 200')).toEqual(['1', '2', '3', '1', '100', '200']);
  });
  it('reads a percentage after a letter and a hyphen as a value (F-71.04%), the digits of a name not', () => {
    // arXiv dev (Google Translate): "F-measure of 71.04%" → F-71.04％, read as a name and so as a missing number.
    expect(keys('F-71.04％ and Llama-2 on CIFAR-10, top-1 accuracy')).toEqual(['71.04%']);
  });
  it('reads exponents with a sign, and a name such as 1ES2344 as no exponent', () => {
    expect(keys('a rate of 1e-3 and 2E+4, 5e−2')).toEqual(['0.001', '20000', '0.05']);
    // arXiv dev (astro-ph): the blazar 1ES2344+514 was read as 1 × 10^S2344 (NaN), never equal to itself.
    expect(extractNumbers('seen in 1ES2344+514').every((n) => Number.isFinite(n.value))).toBe(true);
  });
  it('reads a Chinese numeral after a multiplier it cannot continue as a number of its own', () => {
    // arXiv dev (Google Translate): "more than 1.9 billion adults, 18 years and older".
    expect(keys('超过19亿十八岁及以上的成年人')).toEqual(['1900000000', '18']);
    // A continuation is not a second number (5,000 here).
    expect(keys('共3万五千人')).not.toContain('5000');
    expect(keys('19亿零十八人')).toEqual(['1900000000']);
  });
  it('gives a European thousands point (3.000) its thousands value as an alternative', () => {
    const [n] = extractNumbers('about 3.000 judgments');
    expect(n).toMatchObject({ value: 3, values: [3, 3000] });
  });
  it('keeps the mantissa of a multiplier as an alternative', () => {
    const [n] = extractNumbers('0.8k dialogues');
    expect(n).toMatchObject({ value: 800, values: [800, 0.8], unit: 'k', start: 0, end: 4, text: '0.8k' });
  });
  it('normalizes full-width digits and percent signs', () => {
    expect(keys('提高了４．４％')).toEqual(['4.4%']);
    expect(keys('(〜4.4 \\%)')).toEqual(['4.4%']);
  });
  it('splits ranges into both ends without reading a minus sign', () => {
    expect(keys('3-5, 3–5, 3~5 and 3至5')).toEqual(['3', '5', '3', '5', '3', '5', '3', '5']);
  });
  it('reads Chinese multipliers and numerals that carry a value', () => {
    expect(keys('5万条，3.5亿个，百分之五，三个模块，两种方法，十二层，第一，三分之一，二〇一九年，三维，4倍')).toEqual([
      '50000', '350000000', '5%', '3', '2', '12', '1', '3', '1', '2019', '3', '4',
    ]);
  });
  it('reads a large multiplier across the space machine translation puts before it, and only a large one', () => {
    // WMT24 outputs rated 90-100: 每天可能将损失 1 亿欧元（合 1.1 亿美元）, 135 万吨.
    expect(keys('损失 1 亿欧元（合 1.1 亿美元），近 135 万吨，超过 13 万人，800 多万')).toEqual(['100000000', '110000000', '1350000', '130000', '8000000']);
    expect(keys('重 3 千克，走了 5 百步')).toEqual(['3', '5']);
  });
  it('does not read 一 as the article, vague amounts or idioms as numbers', () => {
    expect(keys('一种统一的方法，一些数据，数百个样本，十分重要，千万不要，万一')).toEqual([]);
  });
  it('skips identifiers, versions, links and labels on both sides alike', () => {
    const en = 'GPT-4, ResNet-50, COVID-19, F1, x86, v2, Llama-2-7B, Python 3.8.1, arXiv:2101.00001, https://a.io/v2/3 \\cite{smith2019}';
    expect(keys(en)).toEqual([]);
    expect(keys('GPT-4和ResNet-50在COVID-19上的F1')).toEqual([]);
  });
  it('gives offsets into the original text', () => {
    const text = '准确率为９５％。';
    const [n] = extractNumbers(text);
    expect(text.slice(n?.start, n?.end)).toBe('９５％');
  });
});

describe('extractUrls', () => {
  it('stops a URL at Han text glued onto it', () => {
    const [u] = extractUrls('代码可以在https://github.com/ispc-lab/bmd上找到');
    expect(u).toMatchObject({ kind: 'url', text: 'https://github.com/ispc-lab/bmd', key: 'github.com/ispc-lab/bmd' });
  });
  it('finds e-mails, DOIs, arXiv ids and trims sentence punctuation', () => {
    const found = extractUrls('See arXiv:2101.00001v2, doi 10.1145/3368089.3409741. Mail a.b@c.edu. Or (www.example.com/x).');
    expect(found.map((a) => [a.kind, a.text])).toEqual([
      ['arxiv', 'arXiv:2101.00001v2'],
      ['doi', '10.1145/3368089.3409741'],
      ['email', 'a.b@c.edu'],
      ['url', 'www.example.com/x'],
    ]);
  });
  it('keys a URL without scheme, www and trailing slash', () => {
    expect(extractUrls('http://www.Example.com/Path/')[0]?.key).toBe('example.com/Path');
  });
});

describe('extractLatex', () => {
  it('finds commands with arguments and math', () => {
    const found = extractLatex('\\textit{next action} and $x^2 + 1$ and \\url{https://a.b/c}, 5\\% off');
    expect(found.map((a) => [a.kind, a.text, a.key])).toEqual([
      ['latex', '\\textit{next action}', '\\textit{nextaction}'],
      ['math', '$x^2 + 1$', '$x^2+1$'],
      ['latex', '\\url{https://a.b/c}', '\\url{https://a.b/c}'],
    ]);
  });
  it('does not take a broken command for a command', () => {
    expect(extractLatex('\\ texit {下一个操作预测}')).toEqual([]);
  });
  it('reads Chinese prose between two dollars as text after a lone `$`, and Chinese in a formula\'s groups as formula', () => {
    const math = (t: string) => extractLatex(t).filter((a) => a.kind === 'math').map((a) => a.text);
    expect(math('（$ 10 ^ {18} $  -  $）的氮化镓纳米线 $ 10 ^ {20} $ cm $ ^ {-3} $')).toEqual(['$ 10 ^ {18} $', '$ 10 ^ {20} $', '$ ^ {-3} $']);
    expect(math('$ \\ textit {稀疏图像} $ 和 $ \\底流{I = 1} S_I $')).toEqual(['$ \\ textit {稀疏图像} $', '$ \\底流{I = 1} S_I $']);
  });
});

describe('extractAcronyms', () => {
  it('finds acronyms, CamelCase and letter-digit names in English', () => {
    const found = extractAcronyms('SFDA and BMD, CrossWOZ, CNNs, BERT-based, Llama-2-7B, GPT-3.5, word2vec, Phase II, the U.S. in 3D');
    expect(found.map((a) => [a.kind, a.text, a.key])).toEqual([
      ['acronym', 'SFDA', 'sfda'],
      ['acronym', 'BMD', 'bmd'],
      ['name', 'CrossWOZ', 'crosswoz'],
      ['acronym', 'CNNs', 'cnn'],
      ['acronym', 'BERT', 'bert'],
      ['name', 'Llama-2-7B', 'llama-2-7b'],
      ['acronym', 'GPT-3.5', 'gpt-3.5'],
      ['name', 'word2vec', 'word2vec'],
    ]);
  });
  it('takes every Latin word inside Chinese as a name', () => {
    const found = extractAcronyms('我们在KDDRES数据集和Crosswoz上使用Transformer模型');
    expect(found.map((a) => [a.kind, a.text])).toEqual([
      ['acronym', 'KDDRES'],
      ['name', 'Crosswoz'],
      ['name', 'Transformer'],
    ]);
  });
});

describe('extractAnchors', () => {
  it('returns non-overlapping anchors sorted by start, the longest winning', () => {
    const text = 'Code at https://github.com/a/GPT-4 with 95% on $x_1$ by BERT.';
    const found = extractAnchors(text);
    expect(found.map((a) => a.kind)).toEqual(['url', 'number', 'math', 'acronym']);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
  });
});
