// Runs checks on one pair, validates every report at the seam and stamps id, severity and docs.
import type { AnyCheck, CheckContext, CheckInput, ReportDescriptor } from './check.js';
import { ConfigError } from './errors.js';
import { didYouMean } from './suggest.js';
import type { Finding, MqmCategory, Severity, SeveritySetting } from './types.js';

/** Per-check configuration: a severity, or a severity with options (ESLint style). */
export type CheckSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>];

/** A check resolved against configuration, ready to run. */
export interface ResolvedCheck {
  check: AnyCheck;
  /** Severity override from configuration, or undefined to use the check's defaults. */
  severity?: Severity;
  options: object;
}

/** Raised when a check reports something malformed: names the check and the field. */
export class CheckReportError extends Error {
  constructor(
    readonly checkId: string,
    readonly field: string,
    detail: string,
  ) {
    super(`Check \`${checkId}\` reported an invalid \`${field}\`: ${detail}`);
    this.name = 'CheckReportError';
  }
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Fills `{{name}}` placeholders; throws on a missing value so no message ships half-rendered. */
export function renderMessage(
  template: string,
  data: Record<string, string | number>,
  onMissing: (name: string) => never,
): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = data[name];
    if (value === undefined) onMissing(name);
    return String(value);
  });
}

/** Names of the placeholders in a template. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/** The option names a check's schema declares (an object schema), or undefined when it is not an object. */
function optionKeys(schema: unknown): string[] | undefined {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : undefined;
}

/**
 * Resolves checks against configuration: drops those set to `off`, validates options with each
 * check's schema. Throws ConfigError (exit 2) naming the check and the key, with a "did you mean" for a
 * mistyped option name.
 */
export function resolveChecks(
  checks: readonly AnyCheck[],
  settings: Record<string, CheckSetting | undefined> = {},
): ResolvedCheck[] {
  const resolved: ResolvedCheck[] = [];
  for (const check of checks) {
    const setting = settings[check.meta.id];
    const [level, rawOptions] = Array.isArray(setting) ? setting : [setting, undefined];
    const effective = level ?? check.meta.defaultSeverity;
    if (effective === 'off') continue;
    let options: object = {};
    const where = `\`checks.${check.meta.id}\``;
    const keys = optionKeys(check.meta.options);
    if (rawOptions && typeof rawOptions === 'object') {
      for (const key of Object.keys(rawOptions)) {
        if (keys && !keys.includes(key)) {
          throw new ConfigError(
            `Unknown option \`${key}\` of check ${where}${didYouMean(key, keys)}`,
            keys.length > 0 ? `Its options: ${keys.join(', ')} (docs/checks/${check.meta.id}.md)` : `The check takes no options (docs/checks/${check.meta.id}.md)`,
          );
        }
      }
    }
    if (check.meta.options) {
      const parsed = check.meta.options.safeParse(rawOptions ?? {});
      if (!parsed.success) {
        throw new ConfigError(
          `Invalid options for check ${where}: ${parsed.error.issues
            .map((i) => `\`${i.path.join('.') || '(root)'}\` ${i.message}`)
            .join('; ')}`,
          `See docs/checks/${check.meta.id}.md for its options and their types`,
        );
      }
      options = parsed.data as object;
    }
    resolved.push({ check, severity: level === undefined ? undefined : (level as Severity), options });
  }
  return resolved;
}

/** Throws ConfigError (exit 2) for a check id in the settings that no check has, with a "did you mean". */
export function assertKnownChecks(checks: readonly AnyCheck[], settings: Record<string, unknown> = {}): void {
  const ids = checks.map((c) => c.meta.id);
  for (const id of Object.keys(settings)) {
    if (!ids.includes(id)) {
      throw new ConfigError(`Unknown check \`${id}\` in \`checks\`${didYouMean(id, ids)}`, `Check ids: ${ids.join(', ')}`);
    }
  }
}

function sideLength(input: CheckInput, side: ReportDescriptor['side']): number | null {
  if (side === 'source') return input.source === null ? null : input.source.length;
  if (side === 'target') return input.target.length;
  return null;
}

/** Turns one report into a finding, or throws CheckReportError naming what is wrong. */
export function stampFinding(
  resolved: ResolvedCheck,
  input: CheckInput,
  d: ReportDescriptor,
): Finding {
  const { meta } = resolved.check;
  const fail = (field: string, detail: string): never => {
    throw new CheckReportError(meta.id, field, detail);
  };
  const template = meta.messages[d.messageId];
  if (template === undefined) fail('messageId', `unknown message id \`${d.messageId}\``);
  if (d.side !== 'source' && d.side !== 'target' && d.side !== 'pair') fail('side', `\`${String(d.side)}\``);
  if (d.side === 'source' && input.source === null) fail('side', 'no source text in target-only mode');
  if (d.range !== undefined) {
    const [start, end] = d.range;
    const length = sideLength(input, d.side);
    if (length === null) fail('range', `a range needs side \`source\` or \`target\`, not \`${d.side}\``);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > (length as number)) {
      fail('range', `[${start}, ${end}) is outside the ${d.side} text of length ${length}`);
    }
  }
  if (d.sentence !== undefined) {
    const count = d.side === 'source' ? input.sourceSentences.length : input.targetSentences.length;
    if (!Number.isInteger(d.sentence) || d.sentence < 0 || (count > 0 && d.sentence >= count)) {
      fail('sentence', `index ${d.sentence} is outside the ${count} ${d.side} sentences`);
    }
  }
  if (d.fix !== undefined) validateFix(input, d, fail);
  const confidence = d.confidence ?? 1;
  if (!(confidence >= 0 && confidence <= 1)) fail('confidence', `${confidence} is not in 0-1`);
  const data = d.data ?? {};
  const message = renderMessage(template as string, data, (name) =>
    fail('data', `message \`${d.messageId}\` needs \`${name}\``),
  );
  const severity: Severity =
    resolved.severity ?? meta.severities?.[d.messageId] ?? (meta.defaultSeverity as Severity);
  const category: MqmCategory = meta.categories?.[d.messageId] ?? meta.category;
  const finding: Finding = {
    check: meta.id,
    severity,
    category,
    side: d.side,
    messageId: d.messageId,
    data,
    message,
    confidence,
    origin: 'heuristic',
    docs: `docs/checks/${meta.id}.md`,
  };
  if (d.sentence !== undefined) finding.sentence = d.sentence;
  if (d.range !== undefined) finding.range = [d.range[0], d.range[1]];
  if (d.actual !== undefined) finding.actual = d.actual;
  if (d.expected !== undefined) finding.expected = d.expected;
  if (d.note !== undefined) finding.note = d.note;
  if (d.fix !== undefined) finding.fix = { side: d.fix.side, range: [d.fix.range[0], d.fix.range[1]], text: d.fix.text };
  return finding;
}

/** A fix must name the report's side, stay inside that side's text and change it. */
function validateFix(input: CheckInput, d: ReportDescriptor, fail: (field: string, detail: string) => never): void {
  const fix = d.fix as NonNullable<ReportDescriptor['fix']>;
  if (fix.side !== 'source' && fix.side !== 'target') fail('fix', `side \`${String(fix.side)}\` is not \`source\` or \`target\``);
  if (fix.side !== d.side) fail('fix', `side \`${fix.side}\` differs from the report's side \`${d.side}\``);
  const text = fix.side === 'source' ? input.source : input.target;
  if (text === null) fail('fix', 'no source text in target-only mode');
  if (typeof fix.text !== 'string') fail('fix', 'text is not a string');
  const [start, end] = Array.isArray(fix.range) ? fix.range : [Number.NaN, Number.NaN];
  const length = (text as string).length;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
    fail('fix', `range [${start}, ${end}) is outside the ${fix.side} text of length ${length}`);
  }
  if ((text as string).slice(start, end) === fix.text) fail('fix', `replacing [${start}, ${end}) with \`${fix.text}\` changes nothing`);
}

/** The finding a check that throws (or reports malformed data) leaves on the pair. */
export function checkFailedFinding(checkId: string, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    check: 'check-failed',
    // major, not critical: a bug of ours must send the pair to a human, not condemn the translation.
    severity: 'major',
    category: 'other',
    side: 'pair',
    messageId: 'checkFailed',
    data: { check: checkId, error: detail },
    message: `Check \`${checkId}\` failed on this pair: \`${detail}\``,
    confidence: 1,
    origin: 'heuristic',
    docs: 'docs/checks/README.md',
  };
}

/**
 * Runs resolved checks on one input. Checks that need a source are skipped in target-only mode.
 * A check that throws or reports malformed data yields a `check-failed` finding; the others go on.
 */
export async function runChecks(resolved: readonly ResolvedCheck[], input: CheckInput): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const r of resolved) {
    if (r.check.meta.needs === 'pair' && input.source === null) continue;
    try {
      // A check's findings go straight into the list: those it made before throwing stay, as before.
      // A literal of one shape, not a spread of the input: inputs come in several shapes (with or without
      // a pair, duplicates), which made the spread V8's slow generic copy, for every check and pair.
      // `pair` and `duplicates` are undefined when the input has none.
      const context: CheckContext<object> = {
        source: input.source,
        target: input.target,
        sourceSentences: input.sourceSentences,
        targetSentences: input.targetSentences,
        beads: input.beads,
        pair: input.pair,
        duplicates: input.duplicates,
        options: r.options,
        report: (d: ReportDescriptor) => {
          findings.push(stampFinding(r, input, d));
        },
      };
      const done = r.check.run(context);
      // Nearly every check is synchronous: awaiting its undefined cost a microtask turn per check and pair.
      if (done !== undefined) await done;
    } catch (error) {
      findings.push(checkFailedFinding(r.check.meta.id, error));
    }
  }
  return findings;
}
