// Finds and launches the Chromium the browser tests drive (Debian's `chromium`, installed by .ci/run).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The browser to drive: `CHROMIUM_PATH`, else the first system Chromium found; null when there is none. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | null {
  const given = env.CHROMIUM_PATH;
  if (given) return existsSync(given) ? given : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/**
 * Whether browser tests run: with a browser, yes; without one, they are skipped on a developer's machine
 * but fail in CI (CI=true), where a missing browser must not pass silently.
 */
export function browserTestsRun(): boolean {
  if (findChromium()) return true;
  if (process.env.CI === 'true' || process.env.CI === '1') return true; // run, and fail in launchChromium
  process.stderr.write('browser tests skipped: no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH); in CI they fail\n');
  return false;
}

/** Launches headless Chromium with no network extras and a fresh profile. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('No Chromium found (looked at CHROMIUM_PATH and ' + CANDIDATES.join(', ') + '): install it with `apt-get install -y chromium`');
  }
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${mkdtempSync(join(tmpdir(), 'transcheck-chromium-'))}`,
    ],
  });
}
