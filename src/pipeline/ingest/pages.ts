// Ingest: page layouts: marker pages, one-text-a-line lists, title-then-abstract pages, and the paragraph fallback.
import type { DroppedText } from '../../core/types.js';
import { type BlockDraft, mostlyLatin, type ReadResult, wordUnits } from './draft.js';

/** Lower-cased, whitespace-collapsed form of a marker line without surrounding brackets or punctuation. */
export function markerKey(line: string): string {
  return line
    .normalize('NFKC')
    .trim()
    .replace(/^[\s([{【〔（<«"'*_\-—:：]+|[\s)\]}】〕）>»"'*_\-—:：.。]+$/gu, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Index of the first line that is a marker, or -1. */
export function findMarker(lines: readonly string[], markers: ReadonlySet<string>): number {
  return lines.findIndex((l) => l.trim() !== '' && markers.has(markerKey(l)));
}

/** The text of lines [from, to] (0-based, inclusive) trimmed of blank lines at both ends, with its 1-based range. */
function span(lines: readonly string[], from: number, to: number): { raw: string; lines: [number, number] } | undefined {
  let a = from;
  let b = to;
  while (a <= b && (lines[a] ?? '').trim() === '') a++;
  while (b >= a && (lines[b] ?? '').trim() === '') b--;
  if (a > b) return undefined;
  return { raw: lines.slice(a, b + 1).join('\n'), lines: [a + 1, b + 1] };
}

/**
 * Marker page: each block is the text since the previous marker, and a marker line after it says the block
 * is a translation. A marker with nothing before it, and text after the last marker, are noted.
 */
export function readMarkerPage(lines: readonly string[], markers: ReadonlySet<string>): ReadResult {
  const blocks: BlockDraft[] = [];
  const notes: string[] = [];
  let start = 0;
  lines.forEach((line, i) => {
    if (line.trim() === '' || !markers.has(markerKey(line))) return;
    const block = span(lines, start, i - 1);
    if (block) blocks.push({ ...block, claimed: 'translation' });
    else notes.push(`line ${i + 1}: translation marker \`${line.trim()}\` with no text before it`);
    start = i + 1;
  });
  const tail = span(lines, start, lines.length - 1);
  if (tail) {
    blocks.push({ ...tail, claimed: 'unknown' });
    notes.push(`lines ${tail.lines[0]}–${tail.lines[1]}: text after the last marker, not claimed as a translation`);
  }
  return { layout: 'marker-page', blocks, dropped: [], notes };
}

/**
 * A line that is a text of its own (an abstract): 40+ word units, or 15+ with two sentence ends, or a
 * declarative sentence of 12+ units (short abstracts exist; page slogans end in `!`, not a full stop).
 */
function isParagraph(line: string): boolean {
  const t = line.trim();
  const units = wordUnits(t);
  if (units >= 40) return true;
  if (units >= 15 && (t.match(/[.!?](?=\s|$)|[。！？]/gu)?.length ?? 0) >= 2) return true;
  return units >= 12 && /[.。]$/u.test(t);
}

/** A line shaped like a title: short, not a sentence (no final full stop), not a paragraph. */
function isTitleShaped(line: string): boolean {
  const t = line.trim();
  return t.length <= 300 && wordUnits(t) <= 30 && !/[.。]$/u.test(t) && !isParagraph(t);
}

// Page-interface labels that scrapers glue to the first heading after them ("SubscribeGraph-Based …").
const UI_LABELS = [
  'Subscribe',
  'Unsubscribe',
  'Sign up',
  'Sign in',
  'Log in',
  'Login',
  'Register',
  'Follow',
  'Share',
  'Menu',
  'Home',
  'Search',
  'Download',
  'Bookmark',
  'Newsletter',
  'Trending',
  'Accept',
  'Close',
];
const GLUED_LABEL = new RegExp(`^(${UI_LABELS.join('|')})(?=[\\p{Lu}\\p{N}"“])`, 'u');

interface Entry {
  /** 0-based line of the title, if any, and of the text. */
  titleLine?: number;
  textLine: number;
}

/** Pairs each title-shaped line with the paragraph line that follows it; other paragraphs stand alone. */
function scanEntries(lines: readonly string[]): { entries: Entry[]; leftovers: number[] } {
  const nonEmpty = lines.flatMap((l, i) => (l.trim() === '' ? [] : [i]));
  const paragraph = new Map(nonEmpty.map((i) => [i, isParagraph(lines[i] as string)]));
  const entries: Entry[] = [];
  const leftovers: number[] = [];
  for (let k = 0; k < nonEmpty.length; k++) {
    const i = nonEmpty[k] as number;
    const next = nonEmpty[k + 1];
    if (paragraph.get(i)) {
      entries.push({ textLine: i });
    } else if (next !== undefined && paragraph.get(next) && isTitleShaped(lines[i] as string)) {
      entries.push({ titleLine: i, textLine: next });
      k++;
    } else {
      leftovers.push(i);
    }
  }
  return { entries, leftovers };
}

function entryBlock(lines: readonly string[], entry: Entry, title?: string): BlockDraft {
  const raw = lines[entry.textLine] as string;
  return {
    lines: [(entry.titleLine ?? entry.textLine) + 1, entry.textLine + 1],
    raw,
    claimed: mostlyLatin(raw) ? 'original' : 'unknown',
    ...(title ? { title } : {}),
  };
}

/**
 * Title-then-abstract page or one-text-a-line list, when the lines have that shape; otherwise undefined.
 * Short lines outside the entries are page boilerplate: dropped and listed. A UI label glued to the first
 * title after boilerplate ("SubscribeGraph-Based …") is cut off and listed too.
 */
export function readLinePage(lines: readonly string[]): ReadResult | undefined {
  const scan = scanEntries(lines);
  let { entries, leftovers } = scan;
  if (entries.length === 0) return undefined;
  const titled = entries.filter((e) => e.titleLine !== undefined).length;
  const titlePage = titled >= 2 && titled * 2 >= entries.length;
  if (!titlePage) {
    // A list: a lone "title" is just a short line before an abstract.
    leftovers = [...leftovers, ...entries.flatMap((e) => (e.titleLine === undefined ? [] : [e.titleLine]))].sort((a, b) => a - b);
    entries = entries.map((e) => ({ textLine: e.textLine }));
    if (entries.length < 0.8 * (entries.length + leftovers.length)) return undefined;
  }
  const dropReason = titlePage
    ? 'page boilerplate: a short line that is not the title of an abstract'
    : 'page boilerplate: a short line that is not an abstract';
  const dropped: DroppedText[] = leftovers.map((i) => ({ lines: [i + 1, i + 1], text: (lines[i] as string).trim(), reason: dropReason }));
  const blocks: BlockDraft[] = [];
  let afterBoilerplate = leftovers.length > 0 && (leftovers[0] as number) < (entries[0]?.textLine ?? 0);
  for (const entry of entries) {
    let title = entry.titleLine === undefined ? undefined : (lines[entry.titleLine] as string).trim();
    if (afterBoilerplate && title !== undefined) {
      const glued = GLUED_LABEL.exec(title);
      if (glued) {
        title = title.slice(glued[0].length);
        dropped.push({
          lines: [(entry.titleLine as number) + 1, (entry.titleLine as number) + 1],
          text: glued[0],
          reason: 'page boilerplate: an interface label glued to the start of the title',
        });
      }
    }
    afterBoilerplate = false;
    blocks.push(entryBlock(lines, entry, title));
  }
  dropped.sort((a, b) => a.lines[0] - b.lines[0]);
  return { layout: titlePage ? 'title-abstract-page' : 'english-list', blocks, dropped, notes: [] };
}

/** Fallback: blank-line separated paragraphs, claimed nothing, with a note saying so. */
export function readParagraphs(lines: readonly string[]): ReadResult {
  const blocks: BlockDraft[] = [];
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && (lines[i] as string).trim() !== '') continue;
    const block = span(lines, start, i - 1);
    if (block) blocks.push({ ...block, claimed: 'unknown' });
    start = i + 1;
  }
  return {
    layout: 'paragraphs',
    blocks,
    dropped: [],
    notes: ['layout not recognized (no translation markers, records or one-text-a-line shape): read as blank-line separated paragraphs'],
  };
}

// Markdown headings, and a heading's text without its `#`s and emphasis.
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/u;
// A heading that announces a machine translation: "Abstract (translated by Google)", "摘要（机器翻译）".
// A heading about translation in general ("## Neural Machine Translation") is not one: it must say
// that what follows was translated, or name an abstract or summary together with a translation.
const TRANSLATION_HEADING =
  /\btranslated\b|\btranslation\b.*\b(?:abstract|summary)\b|\b(?:abstract|summary)\b.*\btranslation\b|翻译|翻譯|译文|譯文|google translate/iu;
// A heading that announces the original abstract.
const ORIGINAL_HEADING = /^(?:abstract|summary|摘要|原文|original(?: abstract)?)\s*[:：]?$/iu;
// Jekyll/Hugo front matter title.
const FRONT_MATTER_TITLE = /^title\s*:\s*["']?(.*?)["']?\s*$/u;

/** The text of a Markdown heading line (level and words), or undefined. */
function heading(line: string): { level: number; text: string } | undefined {
  const m = HEADING.exec(line);
  if (!m) return undefined;
  return { level: (m[1] as string).length, text: (m[2] as string).replace(/[*_`]/g, '').trim() };
}

/** True when the page has Markdown headings announcing an abstract and a translation (a section page). */
export function looksLikeSectionPage(lines: readonly string[]): boolean {
  const texts = lines.flatMap((l) => heading(l)?.text ?? []);
  return texts.some((t) => TRANSLATION_HEADING.test(t)) && texts.some((t) => ORIGINAL_HEADING.test(t));
}

// An arXiv abstract link in a section body ("##### URL" on mirror blogs): the id of the paper.
const ARXIV_LINK = /arxiv\.org\/(?:abs|pdf)\/([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})/iu;

/**
 * Section page (a blog post mirroring arXiv, Jekyll front matter optional): Markdown headings such as
 * `##### Abstract` and `##### Abstract (translated by Google)` introduce each text. The section under a
 * translation heading is a translation attached to the original section before it (same paper). A
 * heading with no text, or only a short non-link line, under it starts a new paper and gives its title;
 * the front matter's `title:` gives the first. An arXiv link in a section (`##### URL`) gives the paper's
 * id. Sections that are not texts to audit are listed as dropped, never silently.
 */
export function readSectionPage(lines: readonly string[]): ReadResult {
  const blocks: BlockDraft[] = [];
  const dropped: DroppedText[] = [];
  const notes: string[] = [];
  let title: string | undefined;
  let first = 0;
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    if (close > 0) {
      for (const line of lines.slice(1, close)) title = FRONT_MATTER_TITLE.exec(line.trim())?.[1] ?? title;
      first = close + 1;
    }
  }
  const starts: Array<{ line: number; kind: 'original' | 'translation' | 'other'; text: string }> = [];
  for (let i = first; i < lines.length; i++) {
    const h = heading(lines[i] as string);
    if (!h) continue;
    const kind = TRANSLATION_HEADING.test(h.text) ? 'translation' : ORIGINAL_HEADING.test(h.text) ? 'original' : 'other';
    starts.push({ line: i, kind, text: h.text });
  }
  const before = span(lines, first, (starts[0]?.line ?? lines.length) - 1);
  if (before) dropped.push({ lines: before.lines, text: before.raw.replace(/\s+/g, ' '), reason: 'page text before the first heading' });
  let lastOriginal: number | undefined;
  let paperStart = 0; // index in `blocks` of the current paper's first block
  starts.forEach((start, k) => {
    const body = span(lines, start.line + 1, (starts[k + 1]?.line ?? lines.length) - 1);
    if (start.kind === 'other') {
      const link = body !== undefined && /^(?:https?:|\[|!\[|<)/.test(body.raw.trim());
      if (!link && (!body || wordUnits(body.raw) <= 30)) {
        title = start.text || title;
        lastOriginal = undefined;
        paperStart = blocks.length;
      }
      const id = body && ARXIV_LINK.exec(body.raw)?.[1];
      if (id) for (const b of blocks.slice(paperStart)) b.recordId ??= id;
      if (body) dropped.push({ lines: body.lines, text: body.raw.replace(/\s+/g, ' '), reason: `section \`${start.text}\` is not a text to audit` });
      return;
    }
    if (!body) {
      notes.push(`line ${start.line + 1}: heading \`${start.text}\` with no text under it${start.kind === 'translation' ? ' (the page announces a translation it does not show)' : ''}`);
      return;
    }
    const draft: BlockDraft = { ...body, claimed: start.kind, ...(title ? { title } : {}) };
    if (start.kind === 'translation' && lastOriginal !== undefined) draft.attachedTo = lastOriginal;
    blocks.push(draft);
    if (start.kind === 'original') lastOriginal = blocks.length - 1;
  });
  return { layout: 'section-page', blocks, dropped, notes };
}
