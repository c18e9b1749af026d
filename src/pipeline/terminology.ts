// Terminology across the corpus: how each glossary term was rendered in all the translations of a
// run, so a corpus builder sees "加强学习 in 14 abstracts, 强化学习 in 120" at once (Xbench's
// inconsistency report, corpus-wide). A pure function of the checked pairs and the glossary.
import { textKey } from '../core/text.js';
import type { PairResult } from '../core/types.js';
import { pairTermUsesOf, termUses, type Glossary, type GlossaryEntry } from '../lexicon/glossary.js';

/** One rendering of a term and how many translations use it. */
export interface TermRendering {
  zh: string;
  /** Translations (distinct texts) that use this rendering. */
  translations: number;
  /** False for a known wrong rendering. */
  accepted: boolean;
}

/** A glossary term rendered in more than one way across the run, or rendered wrongly. */
export interface TermUsage {
  en: string;
  renderings: TermRendering[];
  /** Translations with at least one known wrong rendering of this term. */
  wrongTranslations: number;
  note?: string;
}

/**
 * Counts, per glossary term, the renderings used across all translations. With an original, a term
 * counts when the English has it; without one (target-only), only unambiguous wrong renderings and
 * the accepted renderings beside them count. Terms used one way only, and rightly, are left out.
 */
export function terminologyAcrossCorpus(results: readonly PairResult[], glossary: Glossary): TermUsage[] {
  // Translations are told apart by a key of their text, not the text: a large run keeps its texts on disk.
  const byTerm = new Map<GlossaryEntry, Map<string, Set<string>>>();
  const seenTexts = new Set<string>();
  const use = (entry: GlossaryEntry, zh: string, text: string) => {
    let renderings = byTerm.get(entry);
    if (!renderings) byTerm.set(entry, (renderings = new Map()));
    let texts = renderings.get(zh);
    if (!texts) renderings.set(zh, (texts = new Set()));
    texts.add(text);
  };
  for (const result of results) {
    const { translation, original } = result.pair;
    if (translation.role !== 'translation') continue;
    const zh = translation.text;
    const key = textKey(zh);
    if (seenTexts.has(key)) continue;
    seenTexts.add(key);
    // The glossary check kept this pair's uses (in-process runs, and from the workers); else they are found here.
    const uses =
      (original ? pairTermUsesOf(result.pair, glossary, original.text, zh) : undefined) ??
      termUses(
        original ? glossary.matchSource(original.text).map((m) => m.entry) : [],
        glossary.matchWrongTarget(zh, { includeAmbiguous: original !== null }),
        zh,
        original !== null,
      );
    for (let i = 0; i + 1 < uses.length; i += 2) use(uses[i] as GlossaryEntry, uses[i + 1] as string, key);
  }
  const out: TermUsage[] = [];
  for (const [entry, renderings] of byTerm) {
    const wrong = new Set(entry.wrong);
    const list = [...renderings]
      // A shorter accepted rendering inside a longer one found in the same texts is the same use.
      .filter(([zh, texts]) => ![...renderings].some(([other, t]) => other !== zh && other.includes(zh) && t.size >= texts.size))
      .map(([zh, texts]) => ({ zh, translations: texts.size, accepted: !wrong.has(zh) }))
      .sort((a, b) => b.translations - a.translations || a.zh.localeCompare(b.zh));
    const wrongTexts = new Set([...renderings].filter(([zh]) => wrong.has(zh)).flatMap(([, t]) => [...t]));
    if (wrongTexts.size === 0 && list.length < 2) continue;
    out.push({ en: entry.en, renderings: list, wrongTranslations: wrongTexts.size, ...(entry.note ? { note: entry.note } : {}) });
  }
  return out.sort((a, b) => b.wrongTranslations - a.wrongTranslations || a.en.localeCompare(b.en));
}
