// `--lookup arxiv` (opt-in, needs network): for translations no original was found for, asks the arXiv
// API (export.arxiv.org/api/query) with their anchors and glossed keywords, and pairs them against the
// abstracts that come back, with the same evidence, score and margin as local pairing.
import { KnownError } from '../core/errors.js';
import type { IdentifiedBlock, Pair } from '../core/types.js';
import { genericWeights, latinAnchors, zhFeatures } from '../lexicon/similarity.js';
import { bundledGlossary } from '../lexicon/glossary.js';
import { getCedict } from '../lexicon/cedict.js';
import { englishTokens, STOPWORDS } from '../lexicon/english.js';
import { pairTranslations, type PairingOptions } from './pair.js';

/** The arXiv API endpoint. */
export const ARXIV_API = 'http://export.arxiv.org/api/query';

/** How to query arXiv. */
export interface ArxivLookupOptions {
  /** API endpoint (tests point it at a local server). Default {@link ARXIV_API}. */
  baseUrl?: string;
  /** Results asked for per translation. Default 20. */
  maxResults?: number;
  /** Per-request timeout in milliseconds. Default 20,000. */
  timeoutMs?: number;
  /** Pause between requests in milliseconds (arXiv asks for 3 s). Default 3,000. */
  delayMs?: number;
  /** Pairing thresholds, as for local pairing. */
  pairing?: PairingOptions;
  /** Called with each translation paired through arXiv, as soon as it is (kept if a later request fails). */
  onPaired?: (pair: Pair) => void;
  /** Called after each translation is looked up (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** The fetch implementation (default: global fetch). */
  fetch?: typeof fetch;
}

/** One arXiv search result. */
export interface ArxivEntry {
  /** arXiv identifier without version, e.g. `1802.02733` or `astro-ph/0006115`. */
  id: string;
  /** Abstract page, e.g. `https://arxiv.org/abs/1802.02733`. */
  url: string;
  title: string;
  /** The abstract, whitespace collapsed. */
  summary: string;
}

/** The arXiv API could not be reached or answered with an error. */
export class ArxivLookupError extends KnownError {}

const MAX_KEYWORDS = 10;

/**
 * The `search_query` for a Chinese abstract: its Latin anchors (acronyms, names) and the English glosses
 * of its rarest content words, OR-ed so that arXiv ranks abstracts by how many of them they contain.
 */
export function buildArxivQuery(zh: string): string {
  const terms: string[] = [];
  for (const a of latinAnchors(zh)) {
    if (/^[a-z][a-z0-9-]{1,30}$/.test(a) && !/^\d/.test(a) && !STOPWORDS.has(a)) terms.push(`all:${a}`);
    if (terms.length >= MAX_KEYWORDS / 2) break;
  }
  const weights = genericWeights();
  const words = zhFeatures(zh)
    .words.filter((w) => w.glosses.length > 0 && w.word.length >= 2)
    .sort((x, y) => weights.zh(y.word) - weights.zh(x.word));
  const seen = new Set<string>();
  for (const w of words) {
    const phrase = firstGloss(w.word);
    if (!phrase || seen.has(phrase)) continue;
    seen.add(phrase);
    terms.push(phrase.includes(' ') ? `abs:"${phrase}"` : `abs:${phrase}`);
    if (terms.length >= MAX_KEYWORDS) break;
  }
  return terms.join(' OR ');
}

// The first plain gloss of a word, as a search phrase of one to three words ("neural network").
function firstGloss(word: string): string | undefined {
  const term = glossaryTerms().get(word);
  if (term) return term;
  for (const gloss of getCedict().lookup(word) ?? []) {
    if (/^(?:CL:|variant of|old variant|see |surname |abbr\. for)/i.test(gloss)) continue;
    for (const sense of gloss.replace(/\([^)]*\)/g, ' ').split(/[;,]/)) {
      const tokens = englishTokens(sense)
        .map((t) => t.word.toLowerCase())
        .filter((t) => !STOPWORDS.has(t) && t !== 'sb' && t !== 'sth');
      if (tokens.length >= 1 && tokens.length <= 3) return tokens.join(' ');
    }
  }
  // Words CC-CEDICT lacks (伪标签) are searched by their glossary term; their pieces are too vague.
  return glossaryTerms().get(word);
}

let glossaryIndex: Map<string, string> | undefined;

function glossaryTerms(): Map<string, string> {
  if (glossaryIndex) return glossaryIndex;
  glossaryIndex = new Map();
  for (const e of bundledGlossary().entries) for (const zh of e.zh) if (!glossaryIndex.has(zh)) glossaryIndex.set(zh, e.en.toLowerCase());
  return glossaryIndex;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}

function element(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? decodeXml(m[1] as string).replace(/\s+/g, ' ').trim() : undefined;
}

/** Parses an arXiv API Atom feed into entries; an API error entry becomes an ArxivLookupError. */
export function parseArxivAtom(xml: string): ArxivEntry[] {
  if (!/<feed[\s>]/.test(xml)) throw new ArxivLookupError('The arXiv API answered with something that is not an Atom feed');
  const entries: ArxivEntry[] = [];
  for (const m of xml.matchAll(/<entry(?:\s[^>]*)?>([\s\S]*?)<\/entry>/g)) {
    const body = m[1] as string;
    const idUrl = element(body, 'id') ?? '';
    const title = element(body, 'title') ?? '';
    const summary = element(body, 'summary') ?? '';
    if (/\/api\/errors/.test(idUrl) || title === 'Error') {
      throw new ArxivLookupError(`The arXiv API reported an error: ${summary || 'unknown error'}`);
    }
    const id = idUrl.replace(/^https?:\/\/arxiv\.org\/abs\//, '').replace(/v\d+$/, '');
    if (id === '' || summary === '') continue;
    entries.push({ id, url: `https://arxiv.org/abs/${id}`, title, summary });
  }
  return entries;
}

/** Queries the arXiv API once; throws ArxivLookupError with a hint when offline or on HTTP errors. */
export async function searchArxiv(query: string, options: ArxivLookupOptions = {}): Promise<ArxivEntry[]> {
  const base = options.baseUrl ?? ARXIV_API;
  const url = `${base}?${new URLSearchParams({
    search_query: query,
    start: '0',
    max_results: String(options.maxResults ?? 20),
    sortBy: 'relevance',
  }).toString()}`;
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 20_000) });
  } catch (error) {
    const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new ArxivLookupError(
      `Cannot reach the arXiv API at ${new URL(base).host} (${cause})`,
      'The arXiv lookup needs network access; run without `--lookup arxiv` offline, or pass the originals with `--originals`.',
    );
  }
  if (!response.ok) {
    throw new ArxivLookupError(
      `The arXiv API answered HTTP ${response.status} ${response.statusText}`.trim(),
      response.status === 429 || response.status === 503 ? 'arXiv limits request rates; wait a minute and retry.' : undefined,
    );
  }
  return parseArxivAtom(await response.text());
}

/** An arXiv result as an original block (file: the abstract page URL, record id: the arXiv id). */
export function arxivBlock(entry: ArxivEntry, n: number): IdentifiedBlock {
  return {
    id: `arxiv:${n}`,
    file: entry.url,
    lines: [1, 1],
    raw: entry.summary,
    text: entry.summary,
    claimed: 'original',
    title: entry.title,
    recordId: entry.id,
    language: 'en',
    script: 'none',
    role: 'original',
    hanRatio: 0,
  };
}

/**
 * For every `unpaired` pair, queries arXiv and pairs the translation against the results (score and
 * margin as in local pairing). Returns the pairs in the same order, the found ones now `paired` with an
 * arXiv original; others unchanged. Stops with ArxivLookupError when the API cannot be reached.
 */
export async function lookupArxiv(pairs: readonly Pair[], options: ArxivLookupOptions = {}): Promise<Pair[]> {
  const todo = pairs.filter((p) => p.status === 'unpaired');
  const out = new Map<string, Pair>();
  let n = 0;
  for (const [i, pair] of todo.entries()) {
    if (i > 0 && (options.delayMs ?? 3000) > 0) await new Promise((r) => setTimeout(r, options.delayMs ?? 3000));
    const query = buildArxivQuery(pair.translation.text);
    if (query === '') continue;
    const entries = await searchArxiv(query, options);
    const blocks = entries.map((e) => arxivBlock(e, n++));
    const [found] = pairTranslations([pair.translation], blocks, options.pairing);
    if (found && found.status === 'paired') {
      out.set(pair.id, found);
      options.onPaired?.(found);
    }
    options.onProgress?.(i + 1, todo.length);
  }
  return pairs.map((p) => out.get(p.id) ?? p);
}
