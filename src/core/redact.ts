// Secrets never reach an output: the configured API key, any bearer token and any `sk-…` key are
// replaced in every message that can end up in a report, the cache, a log or the terminal (a server
// error that echoes the Authorization header is the usual way in).

const secrets = new Set<string>();

/** Registers a secret (the API key in use) to be redacted from every message from now on. */
export function registerSecret(secret: string | undefined): void {
  if (secret && secret.length >= 6) secrets.add(secret);
}

const PATTERNS: readonly RegExp[] = [
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi,
  /\bsk-[A-Za-z0-9_-]{6,}/g,
  /("?(?:api[_-]?key|authorization|x-api-key)"?\s*[:=]\s*"?)[^\s",}]{6,}/gi,
];

/** The text with every registered secret and every token-looking string replaced by `[redacted]`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  out = out.replace(PATTERNS[0] as RegExp, (_, scheme: string) => `${scheme} [redacted]`);
  out = out.replace(PATTERNS[1] as RegExp, 'sk-[redacted]');
  out = out.replace(PATTERNS[2] as RegExp, (_, head: string) => `${head}[redacted]`);
  // user:password in a URL
  out = out.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi, '$1[redacted]@');
  return out;
}
