// Tests of identify: language by Han share and franc, script by opencc, roles from claims, duplicates.
import { describe, expect, it } from 'vitest';
import type { Block, ClaimedRole } from '../../src/core/types.js';
import { detectLanguage, detectScript, findDuplicates, identifyBlocks } from '../../src/pipeline/identify.js';

const ZH_SIMPLIFIED = '本文提出了一种新的图神经网络方法，用于半监督节点分类。实验结果表明，该方法在三个基准数据集上优于现有方法。';
const ZH_TRADITIONAL = '本文提出了一種新的圖神經網絡方法，用於半監督節點分類。實驗結果表明，該方法在三個基準數據集上優於現有方法。';
const EN = 'We propose a new graph neural network method for semi-supervised node classification, and show that it outperforms existing methods.';

function block(id: string, text: string, claimed: ClaimedRole, file = 'f.txt'): Block {
  return { id, file, lines: [1, 1], raw: text, text, claimed };
}

describe('detectLanguage', () => {
  it('Chinese by Han share, even with many Latin acronyms and a URL', () => {
    const text = '我们在CIFAR-10、ImageNet和COCO上使用ResNet-50、ViT-B/16与BERT进行了实验，代码见https://github.com/example/repo。';
    const { language, hanRatio } = detectLanguage(text);
    expect(language).toBe('zh');
    expect(hanRatio).toBeGreaterThan(0.15);
    expect(hanRatio).toBeLessThan(0.6);
  });

  it('English, including acronym-heavy text franc alone gets wrong', () => {
    expect(detectLanguage(EN)).toEqual({ language: 'en', hanRatio: 0 });
    // franc-min alone says `deu` for this one.
    expect(detectLanguage('CNN, LSTM, GRU: RNN vs. MLP on UCI-HAR and WISDM datasets.').language).toBe('en');
  });

  it('other languages', () => {
    expect(detectLanguage('Les réseaux de neurones profonds ont obtenu des résultats remarquables dans de nombreuses tâches de vision.').language).toBe('other');
    expect(detectLanguage('Tiefe neuronale Netze haben in vielen Aufgaben bemerkenswerte Ergebnisse erzielt, sind aber anfällig.').language).toBe('other');
    expect(detectLanguage('本研究では、グラフニューラルネットワークを用いた新しい手法を提案する。').language).toBe('other');
  });

  it('und for very short text', () => {
    expect(detectLanguage('OK').language).toBe('und');
    expect(detectLanguage('3.5% (n=12)').language).toBe('und');
    expect(detectLanguage('').language).toBe('und');
  });
  it('a short Chinese sentence is Chinese: a Han character carries about a word', () => {
    expect(detectLanguage('我们训练一个模型。').language).toBe('zh');
    expect(detectLanguage('你好，世界。').language).toBe('zh');
    expect(detectLanguage('東京タワー').language).not.toBe('zh');
  });
});

describe('detectLanguage on short English (headlines, titles)', () => {
  it('English headlines franc calls another language', () => {
    // WMT24 news headlines: franc-min names them as other languages, and they have no function words.
    for (const headline of [
      'Government Shutdown Debate Fuels House Republican Civil War',
      'Construction waste recycling firm opens new Cumbernauld plant amid circular economy drive',
      '"He\'ll work it out..." Nyssi tutted. "Retvik\'s slow but he\'s not stupid."',
    ]) {
      expect(detectLanguage(headline).language).toBe('en');
    }
  });

  it('short headlines in other languages stay other', () => {
    for (const headline of [
      'Le gouvernement français annonce une nouvelle réforme des retraites',
      'Die Bundesregierung plant neue Gesetze für den Klimaschutz',
      'El presidente anunció nuevas medidas económicas para el país',
      'Il governo italiano approva la nuova legge di bilancio',
      'De regering kondigt nieuwe maatregelen aan tegen de inflatie',
    ]) {
      expect(detectLanguage(headline).language).not.toBe('en');
    }
  });
});

describe('detectScript', () => {
  it('simplified, traditional, none', () => {
    expect(detectScript(ZH_SIMPLIFIED)).toBe('simplified');
    expect(detectScript(ZH_TRADITIONAL)).toBe('traditional');
    expect(detectScript(EN)).toBe('none');
  });

  it('mixed: a traditional sentence inside simplified text', () => {
    const simplifiedMore = '我们进一步分析了模型的收敛性质，并讨论了其在大规模图上的计算复杂度与内存开销。';
    expect(detectScript(ZH_SIMPLIFIED + simplifiedMore + '實驗結果表明，該方法在三個基準數據集上優於現有方法。')).toBe('mixed');
    expect(detectScript(ZH_SIMPLIFIED + simplifiedMore)).toBe('simplified');
  });
});

describe('identifyBlocks', () => {
  it('derives roles from the claim and the language', () => {
    const blocks = identifyBlocks([
      block('0:0', ZH_SIMPLIFIED, 'translation'),
      block('0:1', EN, 'translation'),
      block('0:2', ZH_SIMPLIFIED, 'unknown'),
      block('0:3', EN, 'unknown'),
      block('0:4', EN, 'original'),
      block('0:5', 'Les réseaux de neurones profonds ont obtenu des résultats remarquables.', 'translation'),
      block('0:6', 'OK', 'unknown'),
      block('0:7', ZH_TRADITIONAL, 'original'),
    ]);
    expect(blocks.map((b) => [b.language, b.script, b.role])).toEqual([
      ['zh', 'simplified', 'translation'],
      ['en', 'none', 'untranslated'],
      ['zh', 'simplified', 'translation'],
      ['en', 'none', 'original'],
      ['en', 'none', 'original'],
      // Claimed as a translation with no Han at all: judged (as `untranslated`), whatever its language.
      ['other', 'none', 'untranslated'],
      ['und', 'none', 'other'],
      ['zh', 'traditional', 'translation'],
    ]);
    expect(blocks[0]).toMatchObject({ id: '0:0', file: 'f.txt', claimed: 'translation' });
  });
  it('takes a short Latin text at the input\'s word when it is labelled', () => {
    const blocks = identifyBlocks([
      block('0:0', 'Hello, world.', 'original'),
      block('0:1', 'We train a model.', 'translation'),
      block('0:2', 'Hello, world.', 'unknown'),
    ]);
    expect(blocks.map((b) => [b.language, b.role])).toEqual([
      ['en', 'original'],
      ['en', 'untranslated'],
      [blocks[2]?.language, 'other'],
    ]);
    expect(blocks[2]?.language).not.toBe('en');
  });
});

describe('identifyBlocks: every block claimed as a translation is judged', () => {
  it('a labelled translation with a few Han characters is Chinese; one with none is untranslated', () => {
    const blocks = identifyBlocks([
      block('0:0', '雇我吧', 'translation'),
      block('0:1', '60秒……', 'translation'),
      block('0:2', '🙌', 'translation'),
      block('0:3', '@user44', 'translation'),
      block('0:4', '雇我吧', 'unknown'),
      // A link with Han characters in it is a (broken) translation, not a copy.
      block('0:5', 'https://都柏林评论.com/文章/即使你打败我/', 'translation'),
      // A labelled source with no letters is still the source of its translation (1/3 → 三分之一).
      block('0:6', '1/3', 'original'),
    ]);
    expect(blocks.map((b) => [b.language, b.role])).toEqual([
      ['zh', 'translation'],
      ['zh', 'translation'],
      ['und', 'untranslated'],
      ['en', 'untranslated'],
      ['und', 'other'],
      ['zh', 'translation'],
      ['und', 'original'],
    ]);
  });
});

describe('findDuplicates', () => {
  it('maps each repeated text to its other locations, across and within files', () => {
    const a = identifyBlocks([block('0:0', EN, 'translation', 'a.txt'), block('0:1', ZH_SIMPLIFIED, 'translation', 'a.txt')]);
    const b = identifyBlocks([block('1:0', `  ${EN.replace(/ /g, '  ')}`, 'unknown', 'b.txt'), block('1:1', EN, 'original', 'b.txt')]);
    const c = identifyBlocks([block('2:0', ZH_TRADITIONAL, 'unknown', 'c.txt')]);
    const duplicates = findDuplicates([
      { file: 'a.txt', blocks: a },
      { file: 'b.txt', blocks: b },
      { file: 'c.txt', blocks: c },
    ]);
    expect([...duplicates.keys()].sort()).toEqual(['0:0', '1:0', '1:1']);
    expect(duplicates.get('0:0')).toEqual([
      { file: 'b.txt', block: '1:0', lines: [1, 1] },
      { file: 'b.txt', block: '1:1', lines: [1, 1] },
    ]);
    expect(duplicates.get('1:1')?.map((l) => l.block)).toEqual(['0:0', '1:0']);
  });
});
