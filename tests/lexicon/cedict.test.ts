// CC-CEDICT: the raw-format parser and the bundled dictionary.
import { describe, expect, it } from 'vitest';
import { getCedict, parseCedict } from '../../src/lexicon/cedict.js';

const SAMPLE = [
  '# CC-CEDICT',
  '#! version=1',
  '學習 学习 [xue2 xi2] /to learn; to study/',
  '模型 模型 [mo2 xing2] /model; mold/',
  '模型 模型 [mu2 xing2] /matrix/',
  'broken line without brackets',
  '電腦 电脑 [dian4 nao3] /computer/CL:臺|台[tai2]/',
  '',
].join('\n');

describe('parseCedict', () => {
  it('maps simplified headwords to their glosses and merges repeated headwords', () => {
    const d = parseCedict(SAMPLE);
    expect(d.lookup('学习')).toEqual(['to learn; to study']);
    expect(d.lookup('模型')).toEqual(['model; mold', 'matrix']);
    expect(d.lookup('學習')).toBeUndefined();
    expect(d.lookup('电脑')).toEqual(['computer', 'CL:臺|台[tai2]']);
    expect(d.size).toBe(3);
    expect(d.maxWordLength).toBe(2);
  });
  it('handles CRLF line ends', () => {
    const d = parseCedict(SAMPLE.replace(/\n/g, '\r\n'));
    expect(d.lookup('学习')).toEqual(['to learn; to study']);
  });
});

describe('getCedict', () => {
  it('loads the bundled dictionary once, with over 100,000 headwords', () => {
    const d = getCedict();
    expect(getCedict()).toBe(d);
    expect(d.size).toBeGreaterThan(100_000);
    expect(d.lookup('神经网络')).toContain('neural network');
    expect(d.lookup('量子')).toBeDefined();
    expect(d.maxWordLength).toBeGreaterThan(4);
  });
});

describe('parseCedict: line ends and malformed lines', () => {
  it('drops only a final slash followed by white space, keeps empty-free glosses, skips malformed lines', () => {
    const text = [
      '# comment',
      '',
      'A 甲 [x] /a/b/ \r',
      'B 乙 [x] //c// ',
      'C 丙 [y] /x / /',
      'D 丁 [y] /x/y',
      'E 戊 /z\r',
      'F 己 [q] /   ',
      'G 庚',
      'H 辛 [k] a/b',
      'I 壬 [k] /',
      '甲 甲 [x] /more/',
    ].join('\n');
    const cedict = parseCedict(text);
    expect(cedict.lookup('甲')).toEqual(['a', 'b', 'more']);
    expect(cedict.lookup('乙')).toEqual(['c']);
    expect(cedict.lookup('丙')).toEqual(['x ', ' ']);
    expect(cedict.lookup('丁')).toEqual(['x', 'y']);
    expect(cedict.lookup('戊')).toEqual(['z\r']); // no final slash: nothing is trimmed
    expect(cedict.lookup('己')).toEqual(['   ']);
    expect(cedict.lookup('庚')).toBeUndefined();
    expect(cedict.lookup('辛')).toEqual(['b']);
    expect(cedict.lookup('壬')).toBeUndefined();
    expect(cedict.size).toBe(7);
  });
});
