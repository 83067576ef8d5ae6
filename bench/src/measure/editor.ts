import { existsSync } from 'node:fs';
import path from 'node:path';
import { validateJourney } from '@ruta/shared';
import { chromium } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../infra';
import { REPO } from '../processes';
import type { ApiClient } from '../ruta/api';
import { type Distribution, distribution } from '../stats';
import { bigJourney } from './big-journey';

export interface EditorResult {
  nodes: number;
  problems: number;
  validate: Distribution;
  render?:
    | {
        openMs: number[];
        layoutMs: number[];
        /** Bytes over the wire (encoded bodies and headers), cold cache: the login page, then a journey. */
        coldBytes: { login: number; journey: number };
      }
    | undefined;
  renderSkipped?: string | undefined;
}

/** #6 (a): `validateJourney` on a 200-step journey, in this process, after a warm-up. */
export function validateTiming(iterations: number): Omit<EditorResult, 'render'> {
  const { definition } = bigJourney();
  const problems = validateJourney(definition);
  for (let i = 0; i < 20; i++) validateJourney(definition);
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    validateJourney(definition);
    times.push(performance.now() - t);
  }
  return {
    nodes: Object.keys(definition.nodes).length,
    problems: problems.length,
    validate: distribution(times),
  };
}

/** The built editor (vite build), once; `--rebuild-editor` forces it. */
export async function ensureEditorBuilt(rebuild: boolean) {
  if (!rebuild && existsSync(path.join(REPO, 'editor/dist/index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: path.join(REPO, 'vite.config.ts'), logLevel: 'warn' });
}

/**
 * #6 (b): in Chromium, from navigation to the journey's page until all its steps are on the
 * canvas (open), then from a click on "Tidy up" (ELK auto-layout) until the canvas shows the new
 * positions (layout). Repeated `rounds` times in fresh pages.
 */
export async function renderTiming(
  api: ApiClient,
  rounds: number,
): Promise<EditorResult['render']> {
  const { definition, layout } = bigJourney();
  const created = await api.call<{ id: string }>('POST', '/journeys', { name: 'Bench 200 pasos' });
  await api.call('PUT', `/journeys/${created.id}/draft`, { definition, layout });
  const total = Object.keys(definition.nodes).length + 1;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1440, height: 900 },
      baseURL: api.baseUrl,
    });
    let transferred = 0;
    context.on('requestfinished', async (request) => {
      const sizes = await request.sizes().catch(() => undefined);
      if (sizes) transferred += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForSelector('#email');
    await page.waitForLoadState('networkidle');
    const login = transferred;
    await page.fill('#email', ADMIN_EMAIL);
    await page.fill('#password', ADMIN_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('nav[aria-label=main]');
    await page.waitForLoadState('networkidle');
    transferred = 0;
    await page.goto(`/journeys/${created.id}`);
    await page.waitForFunction(
      (n) => document.querySelectorAll('.react-flow__node').length >= n,
      total,
      { timeout: 60_000, polling: 'raf' },
    );
    await page.waitForLoadState('networkidle');
    const coldBytes = { login, journey: transferred };
    const openMs: number[] = [];
    const layoutMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      await page.goto('/');
      await page.waitForSelector('nav[aria-label=main]');
      const t0 = Date.now();
      await page.goto(`/journeys/${created.id}`);
      await page.waitForFunction(
        (n) => document.querySelectorAll('.react-flow__node').length >= n,
        total,
        { timeout: 60_000, polling: 'raf' },
      );
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      openMs.push(Date.now() - t0);
      const before = await page.evaluate(
        () =>
          document.querySelector('.react-flow__node[data-id="exit_end"]')?.getAttribute('style') ??
          '',
      );
      const t1 = Date.now();
      await page.click('button[aria-label="Tidy up"]');
      await page.waitForFunction(
        (style) =>
          (document.querySelector('.react-flow__node[data-id="exit_end"]')?.getAttribute('style') ??
            '') !== style,
        before,
        { timeout: 60_000, polling: 'raf' },
      );
      layoutMs.push(Date.now() - t1);
      // Leave (the autosave flushes), then put the grid layout back for the next round.
      await new Promise((r) => setTimeout(r, 1_500));
      await page.goto('/');
      await new Promise((r) => setTimeout(r, 500));
      await api.call('PUT', `/journeys/${created.id}/draft`, { definition, layout });
    }
    return { openMs, layoutMs, coldBytes };
  } finally {
    await browser.close();
  }
}
