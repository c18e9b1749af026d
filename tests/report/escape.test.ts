import { describe, expect, it } from 'vitest';
import { mdCell, mdCode, mdTable, mdText } from '../../src/report/escape.js';

describe('Markdown escaping', () => {
  it('shows inline syntax and HTML literally', () => {
    expect(mdText('a|b `c` <script>x</script> *d* [e](f) & g')).toBe(
      'a\\|b \\`c\\` &lt;script&gt;x&lt;/script&gt; \\*d\\* \\[e\\](f) &amp; g',
    );
  });
  it('folds newlines so a table row never breaks', () => {
    expect(mdText('line one\nline two\r\nthree')).toBe('line one line two three');
  });
  it('fences code spans around backtick runs', () => {
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdCode('')).toBe('` `');
  });
  it('escapes pipes inside table cells, code spans included', () => {
    expect(mdCell(mdCode('a|b'))).toBe('`a\\|b`');
    const table = mdTable(['h1', 'h2'], [[mdText('x|y'), mdCode('p|q')]]);
    expect(table.split('\n')[2]).toBe('| x\\|y | `p\\|q` |');
    // every row has exactly as many unescaped separators as the header
    for (const row of table.split('\n')) expect(row.split(/(?<!\\)\|/).length).toBe(4);
  });
});

describe('mdMessage', () => {
  it('renders backtick-quoted values as code and escapes the rest', async () => {
    const { mdMessage } = await import('../../src/report/escape.js');
    expect(mdMessage('Unexpected `a|b` for *x*, expected `c`')).toBe('Unexpected `a|b` for \\*x\\*, expected `c`');
    expect(mdMessage('Broken `\\ texit {`')).toBe('Broken `\\ texit {`');
  });
});
