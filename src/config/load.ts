// Finds the configuration file upward from the working directory (or takes --config) and validates it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ConfigError, type Result } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import { CONFIG_FILE_NAMES, configSchema, type ConfigFile } from './schema.js';

/** The keys an object schema declares at `path` (optional and partial wrappers looked through). */
function keysAt(schema: unknown, path: readonly PropertyKey[]): string[] {
  let node = schema as { shape?: Record<string, unknown>; unwrap?: () => unknown } | undefined;
  const unwrap = () => {
    while (node && !node.shape && typeof node.unwrap === 'function') node = node.unwrap() as typeof node;
  };
  unwrap();
  for (const key of path) {
    node = node?.shape?.[String(key)] as typeof node;
    unwrap();
  }
  return node?.shape ? Object.keys(node.shape) : [];
}

/** A loaded configuration: its values (paths made absolute) and where it came from. */
export interface LoadedConfig {
  config: ConfigFile;
  /** Absolute path of the file, or null when none was found. */
  path: string | null;
}

/** The first configuration file found from `cwd` upward, or null. */
export function findConfigFile(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function absolutize(paths: string[] | undefined, base: string): string[] | undefined {
  return paths?.map((p) => (isAbsolute(p) ? p : join(base, p)));
}

/** Loads and validates a configuration file; never throws. */
export function loadConfig(cwd: string, explicit?: string): Result<LoadedConfig, ConfigError> {
  const path = explicit ? resolve(cwd, explicit) : findConfigFile(cwd);
  if (path === null) return { ok: true, value: { config: {}, path: null } };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return {
      ok: false,
      error: new ConfigError(`Cannot read configuration file ${path}: ${(error as Error).message}`),
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      ok: false,
      error: new ConfigError(
        `Configuration file ${path} is not valid JSON: ${(error as Error).message}`,
        'Configuration files are JSON objects, e.g. {"checks": {"spacing": "off"}}',
      ),
    };
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const at = i.path.join('.');
      if (i.code === 'unrecognized_keys') {
        const known = keysAt(configSchema, i.path);
        return i.keys.map((k) => `unknown key \`${at ? `${at}.` : ''}${k}\`${didYouMean(k, known)}`).join('; ');
      }
      return `\`${at || '(root)'}\`: ${i.message}`;
    });
    return {
      ok: false,
      error: new ConfigError(
        `Configuration file ${path} is invalid: ${issues.join('; ')}`,
        'See README.md, section Configuration, for every key and its default.',
      ),
    };
  }
  const config = parsed.data;
  const base = dirname(path);
  const glossary = absolutize(config.glossary, base);
  const originals = absolutize(config.originals, base);
  if (glossary) config.glossary = glossary;
  if (originals) config.originals = originals;
  if (config.out && !isAbsolute(config.out)) config.out = join(base, config.out);
  return { ok: true, value: { config, path } };
}
