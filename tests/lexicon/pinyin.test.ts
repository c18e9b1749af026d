// Pinyin readings from CC-CEDICT: a Latin name written in pinyin, written back as its characters.
import { describe, expect, it } from 'vitest';
import { pinyinSplits, writtenInCharacters } from '../../src/lexicon/pinyin.js';

describe('pinyinSplits', () => {
  it('splits a pinyin word with every capital starting a syllable, longer syllables first', () => {
    expect(pinyinSplits('XiaoMi')[0]).toEqual(['xiao', 'mi']);
    expect(pinyinSplits('Baidu')).toEqual([['bai', 'du']]);
    expect(pinyinSplits('DaDianNao')[0]).toEqual(['da', 'dian', 'nao']);
  });
  it('does not split English names, or a single syllable', () => {
    expect(pinyinSplits('ResNet')).toEqual([]);
    expect(pinyinSplits('Tencent')).toEqual([]);
    expect(pinyinSplits('Ming')).toEqual([]);
  });
});

describe('writtenInCharacters', () => {
  it('finds the characters a pinyin name spells', () => {
    expect(writtenInCharacters('XiaoMi', '在小米电视语音搜索数据集中')).toBe(true);
    expect(writtenInCharacters('Huawei', '华为手机')).toBe(true);
    expect(writtenInCharacters('Weibo', '新浪微博上的帖子')).toBe(true);
  });
  it('needs the syllables in order, on consecutive characters, none a function word', () => {
    expect(writtenInCharacters('XiaoMi', '米和小')).toBe(false);
    expect(writtenInCharacters('Baidu', '百家的度')).toBe(false);
    // Lena splits as le na, which 了那 reads as: ordinary Chinese, not the name.
    expect(writtenInCharacters('Lena', '我们看了那个图像')).toBe(false);
  });
});
