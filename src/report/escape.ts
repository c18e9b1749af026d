// Markdown escaping: whatever a scraped text contains (|, backticks, HTML, newlines), the report stays valid.

/** Escapes text for Markdown prose: inline syntax and HTML are shown literally; newlines become spaces. */
export function mdText(text: string): string {
  return visibleControls(text)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]{}<>#|!~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`))
    .replace(/&(?!lt;|gt;)/g, '&amp;');
}

/** A code span that survives any content: fence longer than the longest backtick run inside. */
export function mdCode(text: string): string {
  const flat = visibleControls(text.replace(/\r\n?|\n/g, ' '));
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

/**
 * Control characters (terminal escape sequences, bells) shown as `\xNN`: a hostile name or text cannot
 * recolour a terminal that shows the report, retitle its window or hide text. Tab and newline are kept.
 */
export function visibleControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * A file name or a `file:line[:column]` location as a Markdown code span, whatever the name holds
 * (backticks, `<img onerror=…>`, pipes, escape sequences). Reporters call this wherever a path appears;
 * never put a path between hand-written backticks.
 */
export function mdLocation(file: string, ...position: Array<number | string>): string {
  return mdCode(visibleControls([file, ...position.map(String)].join(':')));
}
