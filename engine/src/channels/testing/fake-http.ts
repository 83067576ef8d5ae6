import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a fake provider API received. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: http.IncomingHttpHeaders;
  /** JSON or form bodies parsed (forms into a plain object); otherwise the raw text. */
  body: unknown;
  raw: string;
}

/**
 * What the fake answers: a status and JSON body, or nothing at all (to exercise timeouts);
 * `accept-then-hang` does what the request asks (the message exists at the provider) and never
 * answers — the answer lost on the way back.
 */
export type FakeReply =
  | { status: number; body: unknown; headers?: Record<string, string> }
  | 'hang'
  | 'accept-then-hang';

export type Route = (request: ReceivedRequest, baseUrl: string) => FakeReply;

/**
 * The wire half shared by the provider fakes: a loopback node:http server (on a free port unless
 * `port` is given: the browser stories' server is told where its fake is before it starts) that
 * records every request and answers through `route`, unless a reply was scripted for the next
 * request(s) with `replyNext`.
 */
export async function startFakeHttp(route: Route, port = 0) {
  const requests: ReceivedRequest[] = [];
  const scripted: FakeReply[] = [];
  let baseUrl = '';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const request: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: parseBody(raw, req.headers['content-type']),
        raw,
      };
      requests.push(request);
      const reply = scripted.shift() ?? route(request, baseUrl);
      if (reply === 'accept-then-hang') {
        route(request, baseUrl);
        return;
      }
      if (reply === 'hang') return; // keep the socket open and never answer
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    requests,
    /** Answers the next `times` requests with `reply` instead of the documented success. */
    replyNext(reply: FakeReply, times = 1) {
      for (let i = 0; i < times; i++) scripted.push(reply);
    },
    close() {
      scripted.length = 0;
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  if (contentType?.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(raw));
  return raw;
}
