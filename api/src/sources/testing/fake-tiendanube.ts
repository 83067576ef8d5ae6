import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server answering as Tiendanube's API documents
 * (https://tiendanube.github.io/api-documentation/intro): `GET /v1/{store_id}/orders/{id}`
 * (https://tiendanube.github.io/api-documentation/resources/order) and `GET /v1/{store_id}/checkouts`
 * (https://tiendanube.github.io/api-documentation/resources/abandoned-checkout), the token in the
 * `Authentication: bearer …` header, a request without a User-Agent refused with 400, an unknown
 * token with 401, an unknown resource with 404.
 */
export async function startFakeTiendanubeApi(options: { storeId: string; accessToken: string }) {
  const orders = new Map<string, Record<string, unknown>>();
  const checkouts: Record<string, unknown>[] = [];
  const requests: { path: string; authentication: string | undefined }[] = [];
  /** How many requests to answer 503 next (the API busy). */
  const outage = { next: 0 };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '';
    requests.push({ path, authentication: req.headers.authentication as string | undefined });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (outage.next > 0) {
      outage.next -= 1;
      return send(503, { code: 503, message: 'Service Unavailable' });
    }
    if (!req.headers['user-agent']) return send(400, { code: 400, message: 'User-Agent required' });
    if (req.headers.authentication !== `bearer ${options.accessToken}`)
      return send(401, { code: 401, message: 'Unauthorized', description: 'Invalid access token' });
    const prefix = `/v1/${options.storeId}`;
    if (!path.startsWith(prefix)) return send(404, { code: 404, message: 'Not Found' });
    const rest = path.slice(prefix.length);
    const order = /^\/orders\/(\d+)$/.exec(rest);
    if (order) {
      const found = orders.get(order[1] as string);
      return found ? send(200, found) : send(404, { code: 404, message: 'Not Found' });
    }
    if (/^\/checkouts(\?.*)?$/.test(rest)) return send(200, checkouts);
    return send(404, { code: 404, message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    orders,
    checkouts,
    requests,
    outage,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
