// The judge's answer: the JSON schema sent as response_format and the zod schema that validates it.
import { z } from 'zod';
import type { MqmCategory } from '../core/types.js';

/** Categories the model may name: ours, spelled as the prompt lists them. */
export const JUDGE_CATEGORIES = [
  'accuracy/mistranslation',
  'accuracy/omission',
  'accuracy/addition',
  'accuracy/untranslated',
  'terminology/inappropriate',
  'terminology/inconsistent',
  'fluency/grammar',
  'fluency/punctuation',
  'fluency/spelling',
  'fluency/character-encoding',
  'fluency/inconsistency',
  'fluency/register',
  'style/awkward',
  'locale/script',
  'non-translation',
  'other',
] as const satisfies readonly MqmCategory[];

/** Severities the model may give. */
export const JUDGE_SEVERITIES = ['critical', 'major', 'minor'] as const;

/** Loose names models use instead of ours (GEMBA-style and bare subcategory names). */
const CATEGORY_ALIASES: Record<string, MqmCategory> = {
  mistranslation: 'accuracy/mistranslation',
  omission: 'accuracy/omission',
  addition: 'accuracy/addition',
  untranslated: 'accuracy/untranslated',
  'untranslated text': 'accuracy/untranslated',
  terminology: 'terminology/inappropriate',
  'inappropriate for context': 'terminology/inappropriate',
  'inconsistent use': 'terminology/inconsistent',
  grammar: 'fluency/grammar',
  punctuation: 'fluency/punctuation',
  spelling: 'fluency/spelling',
  'character encoding': 'fluency/character-encoding',
  inconsistency: 'fluency/inconsistency',
  register: 'fluency/register',
  awkward: 'style/awkward',
  style: 'style/awkward',
  accuracy: 'accuracy/mistranslation',
  fluency: 'fluency/grammar',
  script: 'locale/script',
};

/** Maps a category as the model wrote it to ours; unknown names become `other`. */
export function normalizeCategory(raw: string): MqmCategory {
  const name = raw
    .trim()
    .toLowerCase()
    .replace(/\s+-\s+/g, '/')
    .replace(/\s*[/:>]\s*/g, '/');
  if ((JUDGE_CATEGORIES as readonly string[]).includes(name)) return name as MqmCategory;
  const last = name.split('/').pop() ?? name;
  return CATEGORY_ALIASES[name] ?? CATEGORY_ALIASES[last] ?? CATEGORY_ALIASES[last.replace(/-/g, ' ')] ?? 'other';
}

const text = z.preprocess((v) => (v === null || v === undefined ? '' : v), z.string());

/** One error as the model reports it (unknown keys are dropped, so no extra field can carry a verdict). */
export const judgeErrorSchema = z.object({
  span: text,
  source_span: text,
  category: z.string().transform(normalizeCategory),
  severity: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z.enum(JUDGE_SEVERITIES),
  ),
  explanation: text,
  fix: text,
});

/** The whole answer: only a list of errors; the score is computed in code. */
export const judgeAnswerSchema = z.object({ errors: z.array(judgeErrorSchema).max(50) });

/** A validated answer. */
export type JudgeAnswer = z.infer<typeof judgeAnswerSchema>;
/** One validated error. */
export type JudgeError = JudgeAnswer['errors'][number];

/** The JSON schema for `response_format: {type: 'json_schema', strict: true}` (every field required). */
export const JUDGE_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['errors'],
  properties: {
    errors: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['span', 'source_span', 'category', 'severity', 'explanation', 'fix'],
        properties: {
          span: { type: 'string', description: 'Exact erroneous text copied from the Chinese translation; empty for an omission' },
          source_span: { type: 'string', description: 'The English text the error concerns; empty if none' },
          category: { type: 'string', enum: [...JUDGE_CATEGORIES] },
          severity: { type: 'string', enum: [...JUDGE_SEVERITIES] },
          explanation: { type: 'string', description: 'One short sentence: what is wrong' },
          fix: { type: 'string', description: 'Corrected Chinese for the span; empty if none' },
        },
      },
    },
  },
} as const;

/** Answer of the pairing-confirmation prompt. */
export const pairConfirmSchema = z.object({
  verdict: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(['yes', 'no', 'partial'])),
});

/** JSON schema of the pairing-confirmation answer. */
export const PAIR_CONFIRM_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['verdict'],
  properties: { verdict: { type: 'string', enum: ['yes', 'no', 'partial'] } },
} as const;

/** Turns a zod error into a short message the model can act on. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
