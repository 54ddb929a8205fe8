/**
 * Headless Chromium for the HTML report's checks: Debian's `chromium` driven
 * by playwright-core, isolated (fresh profile, no network services, no
 * sandbox for containers). A missing browser is a failure with the command
 * that installs it, never a silent skip.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Session {
  browser: BrowserContext;
  close(): Promise<void>;
}

/** A persistent context on a fresh --user-data-dir, removed on close. Every request leaving the page is aborted: the report must be self-contained. */
export async function openChromium(): Promise<Session & { requests: string[] }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: the HTML report is checked in headless Chromium. Install it with: apt-get update && apt-get install -y chromium (.ci/run does this).`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'lcff-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('about:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  return {
    browser: context,
    requests,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export type { Browser };
