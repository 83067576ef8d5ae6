import { type OutboundPolicy, outboundRequest } from '@ruta/platform';

/** Tiendanube's API (RUTA_TIENDANUBE_API_URL changes it for the whole server: a proxy, a fake). */
export const TIENDANUBE_API_URL = 'https://api.tiendanube.com';

export class TiendanubeApiError extends Error {
  override readonly name = 'TiendanubeApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One GET on a store's API, as https://tiendanube.github.io/api-documentation/intro documents it:
 * `{base}/v1/{store_id}{path}`, the token in the `Authentication: bearer …` header and a
 * User-Agent naming the app (a request without one is refused). Through the outbound guard, like
 * every connection Ruta makes for a workspace.
 */
export async function tiendanubeGet(input: {
  baseUrl: string | undefined;
  storeId: string;
  accessToken: string;
  path: string;
  policy: OutboundPolicy;
  signal?: AbortSignal;
}): Promise<unknown> {
  const base = (input.baseUrl ?? TIENDANUBE_API_URL).replace(/\/$/, '');
  const response = await outboundRequest(
    `${base}/v1/${encodeURIComponent(input.storeId)}${input.path}`,
    {
      method: 'GET',
      headers: {
        authentication: `bearer ${input.accessToken}`,
        'user-agent': 'Ruta (https://github.com/ruta-journeys/ruta)',
        accept: 'application/json',
      },
      deadlineMs: 20_000,
      maxResponseBytes: 8 * 1024 * 1024,
      ...(input.signal ? { signal: input.signal } : {}),
    },
    input.policy,
  );
  if (response.status === 404) return undefined;
  if (response.status < 200 || response.status >= 300)
    throw new TiendanubeApiError(
      response.status,
      `Tiendanube answered HTTP ${response.status} to GET ${input.path}`,
    );
  try {
    return JSON.parse(response.text);
  } catch {
    throw new TiendanubeApiError(
      response.status,
      `Tiendanube answered GET ${input.path} with no JSON`,
    );
  }
}
