import { describe, expect, it } from 'vitest';
import { idf } from '@node-rs/jieba/dict.js';
import { indexIdfTable, jiebaDict, jiebaIdf } from '../../src/lexicon/jieba-data.js';

// The table jieba-data indexes must answer as a Map built line by line did (the former genericWeights).
function mapOf(text: string): Map<string, number> {
  const table = new Map<string, number>();
  for (let pos = 0; pos < text.length; ) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const sp = text.indexOf(' ', pos);
    if (sp > pos && sp < end) table.set(text.slice(pos, sp), Number(text.slice(sp + 1, end)));
    pos = end + 1;
  }
  return table;
}

describe('indexIdfTable', () => {
  it('reads words and values, skips malformed lines, lets the last line of a word win', () => {
    const text = '深度 7.5\n学习 6.25\n 3\nnospace\n学习 9\n网络 x\n三元组 11.0';
    const table = indexIdfTable(Buffer.from(text, 'utf8'));
    const expected = mapOf(text);
    for (const word of ['深度', '学习', '网络', '三元组', 'nospace', '', '深', '不在']) {
      expect(table.get(word)).toEqual(expected.get(word));
    }
    expect(table.get('学习')).toBe(9);
    expect(table.get('网络')).toBeNaN();
    expect(table.get('三元组')).toBe(11);
    expect(table.get('不在')).toBeUndefined();
  });

  it('gives every word of the bundled table the value the line-by-line Map gave', () => {
    const expected = mapOf(Buffer.from(idf).toString('utf8'));
    const table = jiebaIdf();
    const wrong: string[] = [];
    for (const [word, value] of expected) if (!Object.is(table.get(word), value)) wrong.push(word);
    expect(wrong).toEqual([]);
    expect(expected.size).toBeGreaterThan(200_000);
    for (const word of ['三元组损失', 'transformer', '图像配准x']) expect(table.get(word)).toBe(expected.get(word));
  });

  it('reads the jieba dictionary once', () => {
    expect(jiebaDict()).toBe(jiebaDict());
    expect(jiebaDict().length).toBeGreaterThan(1_000_000);
  });
});
