// The configuration file's schema and every documented default (README "Configuration").
import { z } from 'zod';

const severitySetting = z.enum(['off', 'info', 'minor', 'major', 'critical']);

/** A check's setting: a severity, or `[severity, options]` (ESLint style). */
export const checkSettingSchema = z.union([
  severitySetting,
  z.tuple([severitySetting, z.record(z.string(), z.unknown())]),
]);

/** The configuration file (`transcheck.config.json` or `.transcheckrc.json`). All fields optional. */
export const configSchema = z
  .object({
    /** Marker lines that say "the block above is a machine translation". */
    markers: z.array(z.string().min(1)).optional(),
    /** Per-check severity and options, by check id. */
    checks: z.record(z.string(), checkSettingSchema).optional(),
    /** Extra glossary files (JSON or TSV), relative to the configuration file. */
    glossary: z.array(z.string()).optional(),
    /** Originals corpora to pair against, relative to the configuration file. */
    originals: z.array(z.string()).optional(),
    /** Report folder. */
    out: z.string().optional(),
    /** Report formats. */
    format: z.array(z.enum(['md', 'json', 'html', 'sarif', 'csv', 'flagged'])).optional(),
    /** Exit with 1 when a finding at or above this severity exists. */
    failOn: z.enum(['none', 'info', 'minor', 'major', 'critical']).optional(),
    scoring: z
      .object({
        weights: z
          .object({
            info: z.number().min(0),
            minor: z.number().min(0),
            major: z.number().min(0),
            critical: z.number().min(0),
            minorPunctuation: z.number().min(0),
          })
          .strict()
          .partial()
          .optional(),
        reviewBelow: z.number().min(0).max(100).optional(),
        badBelow: z.number().min(0).max(100).optional(),
        minWords: z.number().min(1).optional(),
        charsPerWord: z.number().positive().optional(),
        minorsForReview: z.object({ count: z.number().int().min(1), per100Words: z.number().min(0) }).strict().optional(),
        reviewOnMinor: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    pairing: z
      .object({
        minScore: z.number().min(0).max(1).optional(),
        minMargin: z.number().min(0).max(1).optional(),
        mismatchBelow: z.number().min(0).max(1).optional(),
      })
      .strict()
      .optional(),
    llm: z
      .object({
        model: z.string().optional(),
        baseUrl: z.string().url().optional(),
        concurrency: z.number().int().min(1).max(256).optional(),
        timeoutMs: z.number().int().min(1000).optional(),
        maxCostUsd: z.number().min(0).optional(),
        /** Longest wait a server's retry-after may impose, in seconds (default 60). */
        maxRetryAfterS: z.number().min(0).optional(),
        cacheDir: z.string().optional(),
        prices: z
          .record(
            z.string(),
            z.object({ input: z.number().min(0), output: z.number().min(0), cachedInput: z.number().min(0).optional() }),
          )
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** A validated configuration file. */
export type ConfigFile = z.infer<typeof configSchema>;

/** Names searched upward from the working directory, in order. */
export const CONFIG_FILE_NAMES = ['transcheck.config.json', '.transcheckrc.json', '.transcheckrc'] as const;

/** Defaults of the options that are not owned by a stage module. */
export const DEFAULTS = {
  out: 'reports',
  format: ['md', 'json', 'html'] as Array<'md' | 'json' | 'html'>,
  failOn: 'none' as const,
  cacheDir: '.transcheck-cache',
};
