// Check `latex`: LaTeX commands broken in the translation (`\ texit {…}`), unbalanced `$`, or source LaTeX dropped or altered.
import { defineCheck } from '../core/check.js';
import { applyEdits } from '../core/fix.js';
import type { Fix } from '../core/types.js';
import type { Anchor } from '../lexicon/extract.js';
import { extractLatex, toHalfWidth } from '../lexicon/extract.js';
import { anchorUnits, unitAt } from '../lexicon/extract/units.js';

/** Commands whose argument is prose: the translation translates the argument, so only the command must survive. */
const PROSE_COMMANDS = new Set(['textit', 'textbf', 'emph', 'text', 'textsc', 'texttt', 'underline', 'footnote', 'textrm', 'textsf', 'mbox']);

/** Command names that are certainly LaTeX when seen after `\ ` (a control space is otherwise legitimate). */
const KNOWN = new Set([
  ...PROSE_COMMANDS, 'cite', 'citep', 'citet', 'ref', 'eqref', 'url', 'href', 'label', 'mathcal', 'mathbf', 'mathrm',
  'mathbb', 'frac', 'sqrt', 'sum', 'prod', 'int', 'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'theta',
  'lambda', 'mu', 'sigma', 'tau', 'phi', 'omega', 'pi', 'rho', 'eta', 'kappa', 'sim', 'pm', 'times', 'cdot', 'ldots',
  'cdots', 'leq', 'geq', 'le', 'ge', 'approx', 'infty', 'log', 'exp', 'min', 'max', 'mathit', 'ell', 'nabla',
  'partial', 'in', 'subset', 'rightarrow', 'to', 'hat', 'tilde', 'bar', 'vec', 'left', 'right', 'textasciitilde',
  'Omega', 'Delta', 'Sigma', 'Lambda', 'Gamma', 'Phi', 'Theta', 'boldsymbol', 'overline', 'operatorname', 'widehat',
  'widetilde', 'mathsf', 'begin', 'end', 'emph', 'section', 'textsubscript', 'textsuperscript',
]);

/**
 * What a symbol command reads as once rendered: a translation that writes the symbol (180°, 180度, α)
 * instead of the command has kept its meaning; MQM reviewers mark no error there.
 */
const RENDERED: Record<string, ReadonlyArray<string | RegExp>> = {
  // 度 only after a number: 精度, 速度 and 角度 hold it too (1$\deg$ → 1％ is an error, not a rendering).
  circ: ['°', '℃', /\d\s*度/], deg: ['°', '℃', /\d\s*度/], degree: ['°', '℃', /\d\s*度/], alpha: ['α'], beta: ['β'], gamma: ['γ'],
  Gamma: ['Γ'], delta: ['δ'], Delta: ['Δ'], epsilon: ['ε', 'ϵ'], varepsilon: ['ε', 'ϵ'], zeta: ['ζ'], eta: ['η'],
  theta: ['θ'], vartheta: ['θ', 'ϑ'], Theta: ['Θ'], iota: ['ι'], kappa: ['κ'], lambda: ['λ'], Lambda: ['Λ'],
  mu: ['μ', 'µ'], nu: ['ν'], xi: ['ξ'], Xi: ['Ξ'], pi: ['π'], Pi: ['Π'], rho: ['ρ'], sigma: ['σ'], Sigma: ['Σ'],
  tau: ['τ'], upsilon: ['υ'], phi: ['φ', 'ϕ'], varphi: ['φ', 'ϕ'], Phi: ['Φ'], chi: ['χ'], psi: ['ψ'], Psi: ['Ψ'],
  omega: ['ω'], Omega: ['Ω'], times: ['×'], pm: ['±'], leq: ['≤'], le: ['≤'], geq: ['≥'], ge: ['≥'], neq: ['≠'],
  ne: ['≠'], approx: ['≈'], sim: ['~', '∼', '～'], infty: ['∞'], cdot: ['·', '⋅'], rightarrow: ['→'], to: ['→'],
  ell: ['ℓ'], partial: ['∂'], nabla: ['∇'], sqrt: ['√'], percent: ['%', '％'],
};

/** True when every command of a math or LaTeX snippet is written as its symbol in `text` (`$^\circ$` → 180°). */
function renderedIn(latex: string, text: string): boolean {
  const names = [...latex.matchAll(/\\([A-Za-z]+)/g)].map((m) => m[1] as string);
  return names.length > 0 && names.every((n) => (RENDERED[n] ?? []).some((r) => (typeof r === 'string' ? text.includes(r) : r.test(text))));
}

/**
 * Formatting (\emph, {\em …}, \textbf) and accent commands (Avalia\c{c}\~ao): the translation renders the
 * words, and the markup or the accent of a foreign name is all that is lost (MQM minor: markup).
 */
/**
 * Type styles (emphasis, bold, small caps…): lost with their words translated, the text reads the same, and arXiv's
 * abstract pages print the markup literally anyway: `missingStyle` is info. A reading of 30 dev pairs sent to
 * `review` by minors alone (2026-12-03) found dropped \\em the only reason for one of them.
 */
const STYLE_COMMANDS = new Set([
  'emph', 'em', 'it', 'textit', 'textbf', 'bf', 'underline', 'textsc', 'sc', 'textsl', 'sl', 'textsf', 'sf', 'textrm', 'rm', 'texttt', 'tt',
]);

/** Accents and special letters (\\c{c}, \\o): lost, a name is misspelt (`missingMarkup`, minor). */
const MARKUP_COMMANDS = new Set(['c', 'v', 'u', 'H', 'r', 'k', 'o', 'O', 'ae', 'AE', 'aa', 'AA', 'ss', 'l', 'L', 'oe', 'OE', 'i', 'j']);

/** Macros that stand for words (\eg, \ie, \etal): translated like the words, nothing is lost. */
const WORD_MACROS = new Set(['eg', 'ie', 'etal', 'etc', 'vs', 'wrt', 'cf', 'textemdash', 'textendash', 'ldots', 'dots']);

/**
 * True when a percentage in math ($6.6\\%$, $\\approx 300\\%$, $20\\%-50\\%$, $10-20\\%$) is written as plain text in
 * `text` (6.6％, 约300％, 20％到50％): every number present, none after a stray `$` or before 美元 (79美元 is the
 * math read as dollars), and a percent sign after the last. Plain percentages render the same.
 */
function percentRenderedIn(latex: string, text: string): boolean {
  const inner = latex.replace(/^\$+|\$+$/g, '').trim();
  if (!/^(?:\\approx|\\sim|~)?\s*\d+(?:\.\d+)?\s*(?:\\?%)?\s*(?:[-–]\s*\d+(?:\.\d+)?\s*)?\\?%$/.test(inner)) return false;
  const numbers = inner.match(/\d+(?:\.\d+)?/g) ?? [];
  const plain = toHalfWidth(text);
  let last = -1;
  for (const n of numbers) {
    const at = [...plain.matchAll(new RegExp(`(?<![0-9.])${n.replace('.', '\\.')}(?![0-9])`, 'g'))].find(
      (m) => !/\$\s*$/.test(plain.slice(Math.max(0, m.index - 2), m.index)) && !/^\s*美元/.test(plain.slice(m.index + n.length, m.index + n.length + 4)),
    );
    if (!at) return false;
    last = at.index + n.length;
  }
  return /^\s*[%％]/.test(plain.slice(last, last + 3));
}

/** Reference commands: a translation that drops one loses a pointer, not meaning (MQM minor). */
const REFERENCE_COMMANDS = new Set(['cite', 'citep', 'citet', 'citealp', 'citealt', 'citeauthor', 'citeyear', 'ref', 'eqref', 'autoref', 'cref', 'Cref', 'label']);

/** Name of a command anchor (`\textit{…}` → `textit`), or null for math. */
function commandName(a: Anchor): string | null {
  return a.kind === 'latex' ? (/^\\([A-Za-z]+)/.exec(a.text)?.[1] ?? null) : null;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&' };

/** LaTeX key with full-width punctuation mapped back: machine translation turns (,) into （，）inside math. */
function looseKey(key: string): string {
  // Spaces do not count in math or between a command and its argument ($ k $ is $k$); a space after a
  // backslash (\ sim) does, and is the `broken`/`spaced` finding's business.
  return toHalfWidth(key)
    // arXiv metadata writes `<`, `>` and `&` as HTML entities ($0&lt;p&lt;1$); a translation that
    // decodes them renders the same.
    .replace(/&(lt|gt|amp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/(?<!\\)\s+/g, '')
    .replace(/[（）［］｛｝，：；＝＋－＜＞｜]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[〜～]/g, '~');
}

/**
 * A LaTeX key with the arguments of prose commands emptied (`$\\textbf{Materials and Methods}$` →
 * `$\\textbf{}$`): inside math too their words are rightly translated, only the command must survive.
 */
function proseBlind(key: string): string {
  return key.replace(/\\(textit|textbf|emph|text|textsc|texttt|underline|footnote|textrm|textsf|mbox)\{[^{}$]*\}/g, '\\$1{}');
}

/**
 * A paper's own macro whose one argument is words (`\\doublequote{unknown class}`): prose like \\textit's, rightly
 * translated, so only the command must survive. Not a known command (\\mathbf{x y}), not math or a link.
 */
function proseMacro(text: string): boolean {
  const m = /^\\([A-Za-z]+)\{([A-Za-z][A-Za-z'.,-]*(?: [A-Za-z'.,-]+)+)\}$/.exec(text);
  return m !== null && !KNOWN.has(m[1] as string) && RENDERED[m[1] as string] === undefined;
}

/** Offsets of unescaped `$` in a text. */
function dollars(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '$' && text[i - 1] !== '\\') out.push(i);
  return out;
}

/** True when `a` becomes `b` by one inserted, deleted or replaced letter. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length < b.length ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}

/**
 * The command a misspelt name (`texit`) stands for: the one command of the source one letter away from
 * it, if exactly one (`texit` is one letter from both `textit` and `text`, so only the source can tell).
 */
function nearestInSource(name: string, source: string | null): string | undefined {
  if (source === null || name.length < 4) return undefined;
  const used = new Set([...source.matchAll(/\\([A-Za-z]{4,})/g)].map((m) => m[1] as string));
  const near = [...used].filter((k) => oneEditApart(name, k));
  return near.length === 1 ? near[0] : undefined;
}

/**
 * Maps an offset of the text with `edits` applied back to the text before them: inside an edit, a start
 * goes to the edit's start and an end to its end.
 */
function offsetsBack(edits: readonly Fix[]): (offset: number, side: 'start' | 'end') => number {
  const spans: Array<{ from: number; to: number; start: number; end: number }> = [];
  let shift = 0;
  for (const e of [...edits].sort((a, b) => a.range[0] - b.range[0])) {
    const start = e.range[0] + shift;
    spans.push({ from: e.range[0], to: e.range[1], start, end: start + e.text.length });
    shift += e.text.length - (e.range[1] - e.range[0]);
  }
  return (offset, side) => {
    let delta = 0;
    for (const s of spans) {
      if (offset <= s.start) return offset - delta;
      if (offset < s.end) return side === 'start' ? s.from : s.to;
      delta = s.end - s.to;
    }
    return offset - delta;
  };
}

/**
 * The fix of a broken command: `\\ textit {` → `\\textit{`. The command name is rejoined and the spaces
 * between it and its `{` or `[` argument dropped; the argument itself is left as it is.
 */
function brokenCommandFix(text: string, at: number, nameEnd: number, name: string): Fix {
  let end = nameEnd;
  const gap = /^\s+(?=[{[])/.exec(text.slice(end));
  if (gap) end += gap[0].length;
  return { side: 'target', range: [at, end], text: `\\${name}` };
}

export default defineCheck({
  meta: {
    id: 'latex',
    description:
      'Detects LaTeX commands broken in the translation (spaces inside a command, unbalanced `$`) and LaTeX or math of the source dropped or altered.',
    category: 'accuracy/mistranslation',
    scope: 'document',
    needs: 'target',
    defaultSeverity: 'major',
    categories: { broken: 'fluency/grammar', spaced: 'fluency/grammar', unbalanced: 'fluency/grammar', missingMarkup: 'style/awkward', missingStyle: 'style/awkward' },
    // `spaced` (a whole command name after `\ `) is kept apart from `broken` (a name cut or misspelt):
    // MQM reviewers rate mechanical spacing that leaves the command's name readable minor (the reader
    // still sees which symbol is meant), while a command that no longer reads as one stays major.
    // Our own annotated set rates `spaced` major (TeX prints the word); see docs/scoring.md.
    severities: { spaced: 'minor', missingReference: 'minor', missingMarkup: 'minor', missingStyle: 'info' },
    messages: {
      broken: 'Unexpected `{{actual}}` in the translation, expected the LaTeX command `{{expected}}`',
      spaced: 'Unexpected space in `{{actual}}`, expected the LaTeX command `{{expected}}`',
      unbalanced: 'Unexpected unbalanced `$` in the translation, expected math delimiters in pairs',
      missing: 'Unexpected missing LaTeX `{{latex}}` in the translation, expected it as in the source',
      missingReference: 'Unexpected missing reference `{{latex}}` in the translation, expected it as in the source',
      missingMarkup: 'Unexpected missing markup `{{latex}}` in the translation (its words translated, its formatting or accent lost), expected it as in the source',
      missingStyle: 'Unexpected missing type style `{{latex}}` in the translation (its words translated, only the style lost), expected it as in the source',
      altered: 'Unexpected LaTeX `{{actual}}` in the translation, expected `{{expected}}` as in the source',
    },
  },
  run(ctx) {
    const { source, target } = ctx;
    const repairs: Fix[] = [];
    let unrepaired = false;
    // `\ texit {`, `\t extit{`: a command name cut by a space. A control space before an
    // ordinary word (`et al.\ and`) is legitimate LaTeX, so the name must be known or take `{`.
    for (const m of target.matchAll(/\\(\s+)([A-Za-z]+)(\s*\{)?|\\([A-Za-z]{1,3})\s+([A-Za-z]+)(?=\s*[{[])/g)) {
      const written = m[2] !== undefined ? m[2] : `${m[4]}${m[5]}`;
      // The source's own command is known too (360{\deg} → 360 {\ deg}, \PairDiff → \ PairDiff): only spacing changed.
      const sourceOwn = m[2] !== undefined && source !== null && new RegExp(`\\\\${written}(?![A-Za-z])`).test(source);
      if (m[2] !== undefined && !KNOWN.has(written) && m[3] === undefined && !sourceOwn) continue;
      if (m[2] === undefined && !KNOWN.has(written)) continue;
      const name = KNOWN.has(written) ? written : (nearestInSource(written, source) ?? written);
      // The whole name after the space, and a real command (known, or the source's own): only spacing
      // changed. A name cut in two (`\t extit`) or misspelt (`\ texit`) no longer renders: broken.
      const intact = m[2] !== undefined && (KNOWN.has(written) || sourceOwn);
      const nameEnd = m[2] !== undefined ? m.index + 1 + (m[1] as string).length + m[2].length : m.index + m[0].length;
      // Only a name that ends where the letters end is rejoined: `\ text2 {}` is something else mangled.
      const fix = /[A-Za-z0-9]/.test(target[nameEnd] ?? '') ? undefined : brokenCommandFix(target, m.index, nameEnd, name);
      if (fix) repairs.push(fix);
      else unrepaired = true;
      ctx.report({
        messageId: intact ? 'spaced' : 'broken',
        data: { actual: m[0].trim(), expected: `\\${name}` },
        side: 'target',
        range: [m.index, m.index + m[0].trimEnd().length],
        actual: m[0].trim(),
        expected: `\\${name}`,
        ...(fix ? { fix } : {}),
      });
    }
    const targetDollars = dollars(target);
    if (targetDollars.length % 2 === 1 && (source === null || dollars(source).length % 2 === 0)) {
      const at = targetDollars.at(-1) as number;
      ctx.report({ messageId: 'unbalanced', side: 'target', range: [at, at + 1], actual: '$' });
    }
    if (source === null) return;

    const units = anchorUnits(ctx);
    const src = extractLatex(source);
    // The source is compared with the translation as its fixes would leave it (anchors mapped back to the
    // translation's offsets): what is reported here is what remains after `transcheck fix`, and a repaired
    // command is not reported twice.
    const repaired = repairs.length === 0 ? target : applyEdits(target, repairs).text;
    const back = offsetsBack(repairs);
    const tgt = extractLatex(repaired).map((a) => {
      const start = back(a.start, 'start');
      const end = back(a.end, 'end');
      return { ...a, start, end };
    });
    const used = new Array<boolean>(tgt.length).fill(false);
    const tgtNames = new Set(tgt.map(commandName).filter((n) => n !== null));
    const tgtLoose = tgt.map((a) => looseKey(a.key));
    const tgtBlind = tgtLoose.map(proseBlind);
    const unmatched: Anchor[] = [];
    const formulas: Anchor[] = [];
    for (const s of src) {
      const name = commandName(s);
      if (name !== null && (PROSE_COMMANDS.has(name) || proseMacro(s.text))) {
        if (!tgtNames.has(name)) unmatched.push(s);
        else {
          // The matching command is taken, so it is not offered as another source command altered.
          const j = tgt.findIndex((t, k) => !used[k] && commandName(t) === name);
          if (j !== -1) used[j] = true;
        }
        continue;
      }
      formulas.push(s);
    }
    // Each formula's loose and prose-blind keys, worked out once (the matching below tries them against every
    // anchor of the translation).
    const keys = new Map(
      formulas.map((s) => {
        const key = looseKey(s.key);
        return [s, { key, blind: proseBlind(key) }] as const;
      }),
    );
    /** Whether the translation's anchor `k` is the source's `s` as written there. */
    const same = (s: Anchor, k: number): boolean => {
      const { key, blind } = keys.get(s) as { key: string; blind: string };
      if (tgtLoose[k] === key || tgtBlind[k] === blind) return true;
      // A command the source writes bare before a number ($\lesssim$0.3, read as money, not math) is the same
      // command when the translation's spacing makes it a formula of its own ($ \lesssim $ 0.3), braced or not
      // (10${\overline{1}}$0, read as a command, → 10 $ {\ overline {1}} $ 0).
      return s.kind === 'latex' && (tgtLoose[k] === `$${key}$` || tgtLoose[k] === '${' + key + '}$');
    };
    // Each formula is looked for first in the Chinese of its own sentence, and only then anywhere: a formula the
    // source repeats (\lambda in four sentences, the translation keeping two) is then reported missing where it
    // is missing, not where the first unmatched occurrence happens to be.
    const ownUnit = (s: Anchor): readonly [number, number] | null | undefined => units[unitAt(units, 'source', s.start)]?.target;
    const rest: Anchor[] = [];
    for (const s of formulas) {
      const r = ownUnit(s);
      const j = r ? tgt.findIndex((t, k) => !used[k] && t.start >= r[0] && t.start < r[1] && same(s, k)) : -1;
      if (j === -1) rest.push(s);
      else used[j] = true;
    }
    for (const s of rest) {
      const j = tgt.findIndex((t, k) => !used[k] && same(s, k));
      if (j === -1) unmatched.push(s);
      else used[j] = true;
    }
    // Reported in the source's order.
    unmatched.sort((a, b) => a.start - b.start);

    for (const s of unmatched) {
      const unit = units[unitAt(units, 'source', s.start)];
      // An unused target anchor of the same kind in the aligned sentence is the source one altered.
      const j = tgt.findIndex((t, k) => {
        if (used[k] || t.kind !== s.kind) return false;
        return unit?.target ? t.start >= unit.target[0] && t.start < unit.target[1] : true;
      });
      if (j !== -1) {
        used[j] = true;
        const t = tgt[j] as Anchor;
        const actual = target.slice(t.start, t.end);
        ctx.report({
          messageId: 'altered',
          data: { actual, expected: s.text },
          side: 'target',
          range: [t.start, t.end],
          actual,
          expected: s.text,
        });
        continue;
      }
      // A broken command that no fix repairs is already reported: the missing one is likely the same defect.
      if (unrepaired && s.kind === 'latex') continue;
      // Written as its symbol in the aligned Chinese (or, without an alignment, anywhere in it).
      const aligned = unit?.target ? target.slice(unit.target[0], unit.target[1]) : target;
      if (renderedIn(s.text, aligned) || percentRenderedIn(s.text, aligned)) continue;
      // A multiplier (3.1--7.3$\times$ speedups, 4$\times$ faster) written 倍 after its number: the meaning kept.
      // Between two numbers (512$\times$512) it is a dimension, which 倍 would misread.
      if (/^\$?\\times\$?$/.test(s.text) && !/^\s*\$?\s*\d/.test(source.slice(s.end, s.end + 4)) && /\d\s*倍/.test(aligned)) continue;
      const name = commandName(s);
      if (name !== null && WORD_MACROS.has(name)) continue;
      // A paper's own macro for a name (\PairDiff) written as the name: only its formatting is lost. Written
      // after a control space (\ PairDiff, \ lesssim) it is broken LaTeX, and renders as no symbol.
      const ownMacroAsName = name !== null && s.text === `\\${name}` && !KNOWN.has(name) && RENDERED[name] === undefined && new RegExp(`(?<!\\\\\\s*)(?<![A-Za-z])${name}(?![A-Za-z])`).test(aligned);
      const messageId =
        name !== null && REFERENCE_COMMANDS.has(name)
          ? 'missingReference'
          : name !== null && STYLE_COMMANDS.has(name)
            ? 'missingStyle'
            : name !== null && (MARKUP_COMMANDS.has(name) || ownMacroAsName)
              ? 'missingMarkup'
              : 'missing';
      if (unit?.target && unit.targetSentence !== undefined) {
        ctx.report({
          messageId,
          data: { latex: s.text },
          side: 'target',
          range: unit.target,
          sentence: unit.targetSentence,
          expected: s.text,
        });
      } else {
        ctx.report({ messageId, data: { latex: s.text }, side: 'source', range: [s.start, s.end], expected: s.text });
      }
    }
  },
});
