// Prompt templates: loads prompts/<id>.md (front matter + `# system` / `# user` sections) and renders
// them with the texts inside nonce-delimited data blocks.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../config/package-root.js';
import type { JudgeTerm } from '../core/judge.js';
import type { Finding } from '../core/types.js';

/** A parsed prompt template. */
export interface PromptTemplate {
  id: string;
  version: string;
  /** `id@version`, as reports and the cache key name it. */
  ref: string;
  system: string;
  user: string;
}

/** Chat messages ready to send. */
export interface RenderedPrompt {
  system: string;
  user: string;
  /** The random delimiter nonce used in this rendering. */
  nonce: string;
}

/** Parses a template file's text (front matter with `id` and `version`, then the two sections). */
export function parsePrompt(text: string, source = 'prompt'): PromptTemplate {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replace(/\r\n/g, '\n'));
  if (!match) throw new Error(`${source}: missing front matter`);
  const meta: Record<string, string> = {};
  for (const line of (match[1] ?? '').split('\n')) {
    const kv = /^(\w[\w-]*):\s*(.*)$/.exec(line);
    if (kv) meta[kv[1] as string] = (kv[2] as string).trim();
  }
  const body = match[2] ?? '';
  const sections = /^# system\n([\s\S]*?)\n# user\n([\s\S]*)$/m.exec(body);
  if (!meta.id || !meta.version || !sections) {
    throw new Error(`${source}: needs front matter id and version and the sections "# system" and "# user"`);
  }
  return {
    id: meta.id,
    version: meta.version,
    ref: `${meta.id}@${meta.version}`,
    system: (sections[1] ?? '').trim(),
    user: (sections[2] ?? '').trim(),
  };
}

const loaded = new Map<string, PromptTemplate>();

/** Loads `prompts/<id>.md` from the package (cached per process). */
export function loadPrompt(id: string): PromptTemplate {
  let template = loaded.get(id);
  if (!template) {
    const path = join(packageRoot(), 'prompts', `${id}.md`);
    template = parsePrompt(readFileSync(path, 'utf8'), path);
    loaded.set(id, template);
  }
  return template;
}

/** A nonce that occurs in none of the texts (so no text can close its own block). */
export function makeNonce(texts: readonly string[]): string {
  for (;;) {
    const nonce = randomBytes(8).toString('hex');
    if (!texts.some((t) => t.includes(nonce))) return nonce;
  }
}

/**
 * Fills `{{name}}` placeholders in one pass: values are inserted verbatim and never re-scanned, so a
 * text containing `{{nonce}}` or `{{schema}}` stays as it is.
 */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Renders a template with the given data values; `schema` (for json_object/text modes) is appended text. */
export function renderPrompt(
  template: PromptTemplate,
  data: Record<string, string>,
  schema?: object,
): RenderedPrompt {
  const nonce = makeNonce(Object.values(data));
  const schemaText = schema
    ? `\n\nThe JSON object must follow this JSON Schema:\n${JSON.stringify(schema)}`
    : '';
  const values = { ...data, nonce, schema: schemaText };
  return { system: fill(template.system, values), user: fill(template.user, values), nonce };
}

/** The deterministic findings shown to the judge as context (at most `max`, one line each). */
export function formatFindings(findings: readonly Finding[], max = 20): string {
  const eligible = findings.filter((f) => f.origin !== 'judge' && f.severity !== 'info');
  const shown = eligible.slice(0, max);
  if (shown.length === 0) return '(none)';
  const lines = shown.map((f) => `- ${f.check} (${f.category}, ${f.severity}, ${f.side}): ${f.message}`);
  if (eligible.length > shown.length) lines.push(`- … ${eligible.length - shown.length} more not shown`);
  return lines.join('\n');
}

/** The glossary terms shown to the judge (at most `max`). */
export function formatTerms(terms: readonly JudgeTerm[], max = 40): string {
  if (terms.length === 0) return '(none)';
  return terms
    .slice(0, max)
    .map((t) => `- ${t.en} → ${t.zh.join(' / ')}`)
    .join('\n');
}
