// Tests of the `encoding` check: U+FFFD, mojibake, control characters, surrogates, private use.
import encoding from '../../src/checks/encoding.js';
import { testCheck } from '../helpers/check-tester.js';

testCheck(encoding, {
  valid: [
    { name: 'clean Chinese', target: '我们提出了一种新方法，准确率达到95.2%。' },
    { name: 'accented Latin names', target: 'Pérez 和 Müller 的方法（café 数据集）是“正确”的。' },
    { name: 'tab and newline', target: '第一行\t内容\n第二行' },
    { name: 'a rare character used alone', target: '木工用锛子削平木料。' },
    { name: 'emoji (a valid surrogate pair)', target: '效果很好😀。' },
  ],
  invalid: [
    {
      name: 'a text whose full-width punctuation went through GBK',
      target: '我们提出锛屾柟娉曢€傜敤銆傜粨鏋滄樉绀',
      findings: [{ messageId: 'mojibake', range: [4, 6] }, { messageId: 'mojibake', range: [12, 14] }],
    },
    {
      name: 'replacement characters',
      target: '该方法\uFFFD\uFFFD了性能。',
      findings: [{ messageId: 'replacement', range: [3, 5], data: { count: 2 } }],
    },
    {
      name: 'UTF-8 read as GBK (锟斤拷)',
      target: '结果锟斤拷锟斤拷显示',
      findings: [{ messageId: 'mojibake', range: [2, 8], actual: '锟斤拷锟斤拷' }],
    },
    {
      name: 'uninitialized memory (烫烫烫)',
      target: '输出烫烫烫烫',
      findings: [{ messageId: 'mojibake', actual: '烫烫烫烫' }],
    },
    {
      name: 'UTF-8 full-width comma read as GBK',
      target: '我们提出锛\uFFFD方法',
      findings: [{ messageId: 'mojibake', range: [4, 6] }],
    },
    {
      name: 'Chinese UTF-8 read as Latin-1',
      target: 'ä¸\u00ADæ\u0096\u0087',
      findings: [{ messageId: 'mojibake', range: [0, 6] }],
    },
    {
      name: 'Windows-1252 quote mojibake',
      target: '模型â€™s 结果',
      findings: [{ messageId: 'mojibake', actual: 'â€™' }],
    },
    {
      name: 'Latin-1 é read twice',
      target: '数据集 cafÃ© 上',
      findings: [{ messageId: 'mojibake', actual: 'Ã©' }],
    },
    {
      name: 'control character',
      target: '方法\u0007有效',
      findings: [{ messageId: 'control', range: [2, 3], data: { codePoint: 'U+0007' } }],
    },
    {
      name: 'lone surrogate',
      target: '方法\uD83D有效',
      findings: [{ messageId: 'surrogate', range: [2, 3], data: { codePoint: 'U+D83D' } }],
    },
    {
      name: 'private-use character',
      target: '方法\uE123有效',
      findings: [{ messageId: 'privateUse', range: [2, 3] }],
    },
    {
      name: 'capped per kind, with a note',
      target: '\u0001a\u0001b\u0001c',
      options: { maxPerKind: 2 },
      findings: [{ messageId: 'control' }, { messageId: 'control' }],
    },
  ],
});
