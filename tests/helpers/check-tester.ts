// ESLint-RuleTester-style tables for checks: valid cases must report nothing, invalid cases exactly
// the expected findings. Fails on unknown message ids and unfilled placeholders via the runner.
import { describe, expect, it } from 'vitest';
import type { AnyCheck, CheckInput } from '../../src/core/check.js';
import { applyEdits } from '../../src/core/fix.js';
import { resolveChecks, runChecks } from '../../src/core/runner.js';
import type { Bead, Finding, Sentence } from '../../src/core/types.js';

/** One case: the texts, and optionally sentences/beads (else whole texts are one sentence each). */
export interface CaseInput {
  name?: string;
  source?: string | null;
  target: string;
  sourceSentences?: Sentence[];
  targetSentences?: Sentence[];
  beads?: Bead[];
  options?: Record<string, unknown>;
  pair?: CheckInput['pair'];
}

/** What an expected finding must match (only the fields given are compared). */
export interface ExpectedFinding {
  messageId: string;
  side?: Finding['side'];
  range?: [number, number];
  sentence?: number;
  actual?: string;
  expected?: string;
  severity?: Finding['severity'];
  data?: Record<string, string | number>;
  /** The fix expected: `null` for none; else the finding's fix applied to its side's text gives `fixed`. */
  fixed?: string | null;
}

export interface InvalidCase extends CaseInput {
  findings: ExpectedFinding[];
}

function wholeSentence(text: string): Sentence[] {
  return text.length === 0 ? [] : [{ text, start: 0, end: text.length }];
}

/** Builds the CheckInput a case describes. */
export function caseInput(c: CaseInput): CheckInput {
  const source = c.source === undefined ? null : c.source;
  const sourceSentences = c.sourceSentences ?? (source === null ? [] : wholeSentence(source));
  const targetSentences = c.targetSentences ?? wholeSentence(c.target);
  const beads =
    c.beads ??
    (source === null || sourceSentences.length !== 1 || targetSentences.length !== 1
      ? []
      : [{ en: [0], zh: [0], cost: 0 }]);
  const input: CheckInput = { source, target: c.target, sourceSentences, targetSentences, beads };
  if (c.pair) input.pair = c.pair;
  return input;
}

/** Runs one check on one case, through the real runner (validation included). */
export async function runCase(check: AnyCheck, c: CaseInput): Promise<Finding[]> {
  // Options without a severity keep the check's per-message severities (as the CLI's --glossary does).
  const resolved =
    c.options && check.meta.defaultSeverity === 'off'
      ? resolveChecks([check], { [check.meta.id]: ['minor', c.options] })
      : resolveChecks([check]).map((r) => (c.options ? { ...r, options: check.meta.options ? (check.meta.options.parse(c.options) as object) : c.options } : r));
  const findings = await runChecks(resolved, caseInput(c));
  const failed = findings.find((f) => f.check === 'check-failed');
  if (failed) throw new Error(failed.message);
  return findings;
}

function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `  - ${f.messageId} ${f.side} ${JSON.stringify(f.range)}: ${f.message}`).join('\n');
}

/** Declares a vitest suite for a check from tables of valid and invalid cases. */
export function testCheck(check: AnyCheck, cases: { valid: CaseInput[]; invalid: InvalidCase[] }): void {
  describe(check.meta.id, () => {
    cases.valid.forEach((c, i) => {
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, async () => {
        const findings = await runCase(check, c);
        if (findings.length > 0) {
          throw new Error(`Should have 0 findings but had ${findings.length}:\n${describeFindings(findings)}`);
        }
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, async () => {
        if (c.findings.length === 0) throw new Error('An invalid case must expect at least one finding');
        const findings = await runCase(check, c);
        if (findings.length !== c.findings.length) {
          throw new Error(
            `Should have ${c.findings.length} findings but had ${findings.length}:\n${describeFindings(findings)}`,
          );
        }
        c.findings.forEach((want, j) => {
          const got = findings[j] as Finding;
          expect(got.messageId).toBe(want.messageId);
          if (want.side !== undefined) expect(got.side).toBe(want.side);
          if (want.range !== undefined) expect(got.range).toEqual(want.range);
          if (want.sentence !== undefined) expect(got.sentence).toBe(want.sentence);
          if (want.actual !== undefined) expect(got.actual).toBe(want.actual);
          if (want.expected !== undefined) expect(got.expected).toBe(want.expected);
          if (want.severity !== undefined) expect(got.severity).toBe(want.severity);
          if (want.data !== undefined) expect(got.data).toMatchObject(want.data);
          if (want.fixed !== undefined) {
            if (want.fixed === null) expect(got.fix).toBeUndefined();
            else {
              expect(got.fix, 'expected a fix').toBeDefined();
              const fix = got.fix as NonNullable<Finding['fix']>;
              const text = fix.side === 'source' ? (c.source as string) : c.target;
              expect(applyEdits(text, [fix]).text).toBe(want.fixed);
            }
          }
          expect(got.message).not.toMatch(/\{\{/);
        });
      });
    });
  });
}
