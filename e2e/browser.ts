import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const ARTIFACTS = fileURLToPath(new URL('./artifacts', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags that keep it off the (closed) network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export function stack() {
  return inject('stack');
}

export async function newPage(
  browser: Browser,
  locale = 'es-MX',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale,
    viewport: { width: 1440, height: 900 },
    baseURL: stack().baseUrl,
  });
  const page = await context.newPage();
  return { context, page };
}

export async function logIn(page: Page): Promise<void> {
  await page.goto('/');
  await page.fill('#email', stack().adminEmail);
  await page.fill('#password', stack().adminPassword);
  await page.click('button[type=submit]');
  await page.waitForSelector('nav[aria-label=main]');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** The public API as an integrating developer calls it (API key). */
export async function callApi<T = Record<string, any>>(
  method: string,
  apiPath: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${stack().baseUrl}/api${apiPath}`, {
    method,
    headers: {
      authorization: `Bearer ${stack().apiKey}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${apiPath} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function eventually<T>(
  fn: () => Promise<T | undefined | false | null>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`condition not met in time${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** One browser and a logged-in page for a story file (closed after it). */
export function loggedInPage(locale = 'es-MX'): { readonly page: Page } {
  let browser: Browser | undefined;
  const holder: { page?: Page } = {};
  beforeAll(async () => {
    browser = await launchBrowser();
    holder.page = (await newPage(browser, locale)).page;
    await logIn(holder.page);
  });
  afterAll(() => browser?.close());
  return {
    get page() {
      if (!holder.page) throw new Error('the page is not ready yet');
      return holder.page;
    },
  };
}
