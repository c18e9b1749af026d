// Markdown escaping: whatever a scraped text contains (|, backticks, HTML, newlines), the report stays valid.

/** Escapes text for Markdown prose: inline syntax and HTML are shown literally; newlines become spaces. */
export function mdText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]{}<>#|!~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`))
    .replace(/&(?!lt;|gt;)/g, '&amp;');
}

/** A code span that survives any content: fence longer than the longest backtick run inside. */
export function mdCode(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ');
  if (flat === '') return '` `';
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Makes any Markdown safe inside a table cell: pipes escaped (also inside code spans, as GFM needs). */
export function mdCell(markdown: string): string {
  return markdown.replace(/\r\n?|\n/g, ' ').replace(/(?<!\\)\|/g, '\\|');
}

/** A GFM table; cells are already-escaped Markdown. */
export function mdTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The first `words` words (or characters for Chinese) of a text, with an ellipsis when cut. */
export function firstWords(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max).trimEnd()}…`;
}

/** A relative link target that survives spaces and parentheses in file names. */
export function mdLink(label: string, target: string): string {
  return `[${mdText(label)}](<${target.replace(/[<>]/g, encodeURIComponent)}>)`;
}

/** A check message: its backtick-quoted values become code spans, the rest is escaped prose. */
export function mdMessage(message: string): string {
  const parts = message.split(/`([^`]*)`/);
  return parts.map((part, i) => (i % 2 === 1 ? mdCode(part) : mdText(part))).join('');
}

/** Escapes text for HTML element content and quoted attributes: `&`, `<`, `>`, `"` and `'`. */
export function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
