/** What the clients saw: answers by status, retries, and the slowest answer. */
export interface ClientStats {
  requests: number;
  retries: number;
  byStatus: Record<string, number>;
  slowestMs: number;
  /** Answers that took over 2 s: what, when (s since the client started) and how long. */
  slow: { request: string; status: string; at: number; ms: number }[];
  /** Requests that gave up (never answered 2xx): must stay 0. */
  abandoned: number;
}

/**
 * An API client as a shop's integration writes one: every non-2xx answer (and a connection that
 * fails or times out) is retried with the same body — so with the same event id — until Ruta
 * takes it, with a short backoff, for up to `giveUpAfterMs`.
 */
export function apiClient(baseUrl: () => string, apiKey: string, giveUpAfterMs = 300_000) {
  const stats: ClientStats = {
    requests: 0,
    retries: 0,
    byStatus: {},
    slowestMs: 0,
    slow: [],
    abandoned: 0,
  };
  const born = Date.now();
  const timed = (request: string, status: string, sent: number) => {
    const ms = Date.now() - sent;
    stats.slowestMs = Math.max(stats.slowestMs, ms);
    if (ms > 2_000) stats.slow.push({ request, status, at: Math.round((sent - born) / 1000), ms });
  };

  async function call<T = Record<string, any>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) stats.retries += 1;
      stats.requests += 1;
      const sent = Date.now();
      let status = 'network';
      try {
        const res = await fetch(`${baseUrl()}/api${path}`, {
          method,
          headers: {
            authorization: `Bearer ${apiKey}`,
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(15_000),
        });
        status = String(res.status);
        const text = await res.text();
        timed(`${method} ${path.split('?')[0]}`, status, sent);
        stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
        if (res.ok) return (text ? JSON.parse(text) : undefined) as T;
        if (res.status >= 400 && res.status < 500 && res.status !== 429 && res.status !== 408)
          throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
      } catch (error) {
        if (error instanceof Error && error.message.includes(' answered 4')) throw error;
        if (status === 'network') {
          stats.byStatus.network = (stats.byStatus.network ?? 0) + 1;
          timed(`${method} ${path.split('?')[0]}`, status, sent);
        }
      }
      if (Date.now() - started > giveUpAfterMs) {
        stats.abandoned += 1;
        throw new Error(`${method} ${path} never succeeded within ${giveUpAfterMs / 1000} s`);
      }
      await new Promise((r) => setTimeout(r, Math.min(2_000, 250 * (attempt + 1))));
    }
  }

  return { call, stats };
}

export type ApiClient = ReturnType<typeof apiClient>;
