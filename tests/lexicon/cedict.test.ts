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
