import type { Role } from '@ruta/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeAll, vi } from 'vitest';
import { AccessProvider } from '../auth/access';
import i18n from '../i18n/index';

export interface ApiCall {
  method: string;
  path: string;
  body: unknown;
}

/** What a stubbed endpoint answers: a status and a JSON body (problem+json when not 2xx). */
export type Reply = [status: number, body?: unknown];
export type Routes = Record<string, (body: unknown) => Reply>;

/** Spanish UI, a clean document and the real fetch back after each test. */
export function setupApiTests() {
  beforeAll(async () => {
    await i18n.changeLanguage('es');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
}

/**
 * Stubs the HTTP API: `routes` maps "METHOD /path" (without /api) to a reply; anything else is a
 * 404 problem. Returns the calls made, in order.
 */
export function stubApi(routes: Routes): ApiCall[] {
  const calls: ApiCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL, init: RequestInit = {}) => {
      const method = (init.method ?? 'GET').toUpperCase();
      const url = new URL(String(input), 'http://localhost');
      const path = `${url.pathname}${url.search}`.replace(/^\/api/, '');
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      calls.push({ method, path, body });
      const route = routes[`${method} ${path}`];
      const [status, data] = route
        ? route(body)
        : [404, { title: 'Not found', detail: `${method} ${path}` }];
      return new Response(data === undefined ? null : JSON.stringify(data), {
        status,
        headers: {
          'content-type': status < 300 ? 'application/json' : 'application/problem+json',
        },
      });
    }),
  );
  return calls;
}

/** Renders with a fresh query client, as a member with `role` (an owner unless said otherwise). */
export function renderWithQueries(ui: ReactElement, { role = 'owner' }: { role?: Role } = {}) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return render(
    <QueryClientProvider client={client}>
      <AccessProvider me={{ role }}>{ui}</AccessProvider>
    </QueryClientProvider>,
  );
}

/** The text an element's aria-describedby points at (its help and its error). */
export function description(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}
