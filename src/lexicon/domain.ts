// The domain gate: is a text about ML/CS, so that the ML glossary's context-dependent renderings apply?
// An astrophysics abstract rightly says 时代 for "epoch" and 政策 for "policy"; an ML abstract does not.
// The score is the density of the glossary's own terms, per domain, against the vocabulary of arXiv's
// other large archives (physics, astronomy, mathematics, biology), on whichever side is available.
import { forEachRun, HAN, isAsciiLetterCode } from '../core/text.js';
import type { Glossary, GlossaryEntry } from './glossary.js';

/** The domain a bundled entry belongs to (its TSV section's `#domain:` line); user entries have none. */
export type Domain = string;

/** How an English or Chinese text scores against the glossary's domains. */
export interface DomainScore {
  /** Distinct glossary terms of the `ml` domain in the text. */
  ml: number;
  /** Distinct terms and cue words of other fields (physics, astronomy, mathematics, life sciences). */
  other: number;
  /** The gate: at least {@link MIN_ML_TERMS} ML terms, and more ML than other-field evidence. */
  isMl: boolean;
}

/**
 * Distinct ML terms a text needs: one term (a "network", a "model") occurs in any field's abstract;
 * ML abstracts nearly always hold several (measured on arxiv-gt-zh dev: docs/glossary.md).
 */
export const MIN_ML_TERMS = 2;

// Words that mark arXiv's other large archives (astro-ph, cond-mat, hep, quant-ph, math, q-bio): each
// counts once. Kept to words that ML abstracts rarely use, so an ML paper on physics data still scores
// mostly ML when it is mostly about learning.
const OTHER_EN = new Set(
  (
    'quantum galaxy galaxies stellar star stars cosmological cosmology cosmic redshift supernova telescope ' +
    'planet planetary solar astrophysical luminosity photometric spectroscopic magnetic superconducting ' +
    'superconductor phonon electron electrons photon photons spin lattice hamiltonian boson fermion ' +
    'fermions hadron quark quarks neutrino neutrinos gauge magnetization crystal crystalline thermodynamic ' +
    'semiconductor atoms atomic molecular molecule molecules plasma relativistic gravitational ' +
    'theorem lemma conjecture manifolds homology cohomology algebraic algebras topological isomorphism ' +
    'polynomials riemannian banach hilbert sobolev proof prove proves proved ' +
    'protein proteins gene genes genomic cell cells tissue clinical patients enzyme'
  ).split(' '),
);

/** The lengths of the shortest and longest cue word: other words need no lower-casing (ASCII letters keep their length). */
const OTHER_EN_SHORTEST = Math.min(...[...OTHER_EN].map((w) => w.length));
const OTHER_EN_LONGEST = Math.max(...[...OTHER_EN].map((w) => w.length));

const OTHER_ZH = [
  '量子', '星系', '恒星', '宇宙', '红移', '超新星', '望远镜', '行星', '光度', '光谱', '磁场', '超导', '声子',
  '电子', '光子', '自旋', '晶格', '哈密顿', '玻色子', '费米子', '强子', '夸克', '中微子', '规范场', '磁化',
  '晶体', '热力学', '半导体', '原子', '分子', '等离子体', '相对论', '引力', '定理', '引理', '猜想', '同调',
  '代数', '拓扑', '同构', '多项式', '黎曼', '希尔伯特', '蛋白质', '基因', '细胞', '组织', '临床', '患者', '酶',
];

/** The domain of general scientific vocabulary (sample, prediction, latency): applies everywhere, scores nothing. */
const GENERAL = 'science';

/** Scores an English text: glossary terms by domain plus other-field cue words. */
export function scoreEnglish(glossary: Glossary, en: string): DomainScore {
  const ml = new Set<GlossaryEntry>();
  const other = new Set<string>();
  for (const m of glossary.matchSource(en)) {
    if (m.entry.domain === 'ml') ml.add(m.entry);
    else if (m.entry.domain !== undefined && m.entry.domain !== GENERAL) other.add(m.entry.en);
  }
  // The words (runs of ASCII letters, /[A-Za-z]+/g) scanned in place, sliced and lower-cased only when
  // of a cue word's length: no match array for every word of the source, no copy of most of them.
  forEachRun(en, isAsciiLetterCode, (start, end) => {
    if (end - start < OTHER_EN_SHORTEST || end - start > OTHER_EN_LONGEST) return;
    const lower = en.slice(start, end).toLowerCase();
    if (OTHER_EN.has(lower)) other.add(lower);
  });
  return score(ml.size, other.size);
}

/** Scores a Chinese text (target-only mode): accepted Han renderings of the glossary by domain, and cue words. */
export function scoreChinese(glossary: Glossary, zh: string): DomainScore {
  const ml = new Set<GlossaryEntry>();
  const other = new Set<string>();
  for (const entry of glossary.entries) {
    if (entry.domain === undefined || entry.domain === GENERAL) continue;
    // Two or more characters: 图 or 核 alone are everywhere.
    if (!entry.zh.some((z) => z.length >= 2 && HAN.test(z) && zh.includes(z))) continue;
    if (entry.domain === 'ml') ml.add(entry);
    else other.add(entry.en);
  }
  for (const cue of OTHER_ZH) if (zh.includes(cue)) other.add(cue);
  return score(ml.size, other.size);
}

function score(ml: number, other: number): DomainScore {
  return { ml, other, isMl: ml >= MIN_ML_TERMS && ml > other };
}

/** The gate for one text: the source when there is one, else the translation. The score may be shared: do not modify it. */
export function domainOf(glossary: Glossary, source: string | null, target: string): DomainScore {
  // Two checks of one pair (glossary, term-consistency) ask in turn: the last answer is kept.
  if (last && last.glossary === glossary && last.source === source && last.target === target) return last.score;
  const score = source === null ? scoreChinese(glossary, target) : scoreEnglish(glossary, source);
  last = { glossary, source, target, score };
  return score;
}

let last: { glossary: Glossary; source: string | null; target: string; score: DomainScore } | undefined;

/** True when an entry's context-dependent renderings apply in a text of this score. */
export function entryApplies(entry: GlossaryEntry, d: DomainScore): boolean {
  if (entry.domain === undefined || entry.domain === GENERAL) return true;
  if (entry.domain === 'ml') return d.isMl;
  // Other bundled domains (physics): their terms need some evidence of their field.
  return d.other > 0;
}
