// The re-translation queue of a whole run (`--format flagged` → flagged.jsonl): one JSON line per
// translation whose verdict is review, bad, mismatched or untranslated, with the texts and what to fix.
import type { Finding, PairResult, RunResult, Verdict } from '../core/types.js';

/** Verdicts that put a translation in the queue. */
export const QUEUED_VERDICTS: readonly Verdict[] = ['untranslated', 'mismatched', 'bad', 'review'];

function toFix(f: Finding): Record<string, unknown> {
  return {
    check: f.check,
    severity: f.severity,
    category: f.category,
    side: f.side,
    message: f.message,
    range: f.range ?? null,
    actual: f.actual ?? null,
    expected: f.expected ?? null,
    ...(f.fix ? { fix: f.fix } : {}),
    ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
  };
}

/** One queue record. `source` is the English to translate: the one the input attaches, else the one found. */
function record(r: PairResult): Record<string, unknown> {
  const t = r.pair.translation;
  // A mismatched translation translates another text: the input's own English still needs one.
  const source = r.pair.status === 'mismatched' && r.pair.attached ? r.pair.attached : r.pair.original;
  return {
    file: t.file,
    lines: t.lines,
    pair: r.pair.id,
    id: t.recordId ?? source?.recordId ?? null,
    title: t.title ?? source?.title ?? null,
    verdict: r.verdict,
    score: Math.round(r.score * 100) / 100,
    source: source ? { file: source.file, lines: source.lines, block: source.id, text: source.text } : null,
    // An untranslated block is English where the translation should be: it is itself the text to translate.
    translation: t.role === 'untranslated' ? null : t.text,
    ...(t.role === 'untranslated' ? { untranslatedText: t.text } : {}),
    ...(r.pair.status === 'mismatched' && r.pair.original ? { translates: { file: r.pair.original.file, lines: r.pair.original.lines, block: r.pair.original.id } } : {}),
    findings: r.findings.filter((f) => f.severity !== 'info').map(toFix),
  };
}

/** Renders the queue: worst verdicts first, then lowest scores, as JSON Lines. */
export function renderFlagged(run: RunResult): string {
  return [...renderFlaggedChunks(run)].join('');
}

/** The same queue a line at a time: it holds every queued text, so it is not built as one string. */
export function* renderFlaggedChunks(run: RunResult): Generator<string> {
  const queued: PairResult[] = [];
  for (const f of run.files) for (const r of f.pairs) if (QUEUED_VERDICTS.includes(r.verdict)) queued.push(r);
  queued.sort((a, b) => QUEUED_VERDICTS.indexOf(a.verdict) - QUEUED_VERDICTS.indexOf(b.verdict) || a.score - b.score);
  for (const r of queued) yield `${JSON.stringify(record(r))}\n`;
}
