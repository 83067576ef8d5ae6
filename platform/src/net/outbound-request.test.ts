import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OutboundError } from './outbound-error';
import type { Lookup, OutboundPolicy } from './outbound-policy';
import { outboundRequest } from './outbound-request';

/** A local server with one route per behaviour the guard must handle; it counts what it got. */
let server: http.Server;
let base: string;
let port: number;
const hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    switch (url.pathname) {
      case '/ok':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"ok":true}');
      case '/redirect':
        res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` });
        return res.end();
      case '/trickle': {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const timer = setInterval(() => res.write('.'), 50);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case '/huge':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 2_000_000 });
        return res.end('x'.repeat(2_000_000));
      case '/huge-chunked':
        res.writeHead(200, { 'content-type': 'text/plain' });
        for (let i = 0; i < 20; i++) res.write('x'.repeat(100_000));
        return res.end();
      case '/hang':
        return;
      default:
        res.writeHead(404);
        return res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const allowLocal: OutboundPolicy = { allow: ['127.0.0.1'] };
const strict: OutboundPolicy = { allow: [] };
const fast = { deadlineMs: 2_000 };

async function failure(promise: Promise<unknown>): Promise<OutboundError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutboundError);
  return error as OutboundError;
}

describe('outboundRequest', () => {
  test('reaches an allowed server and returns its answer', async () => {
    const res = await outboundRequest(`${base}/ok`, fast, allowLocal);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ ok: true });
  });

  test('without the allow-list, loopback is refused before any connection, however it is written', async () => {
    const before = hits.length;
    for (const url of [
      `${base}/ok`,
      `http://[::1]:${port}/ok`,
      `http://[::ffff:127.0.0.1]:${port}/ok`,
      `http://2130706433:${port}/ok`,
      `http://0x7f.1:${port}/ok`,
      `http://localhost:${port}/ok`,
    ]) {
      const error = await failure(outboundRequest(url, fast, strict));
      expect(error.failure, url).toBe('blocked_address');
      expect(error.retryable).toBe(false);
      expect(error.message).toMatch(/not a public internet address/);
      // What a name resolves to stays in the server log.
      if (url.includes('localhost')) expect(error.message).not.toMatch(/127\.0\.0\.1|::1/);
    }
    expect(hits.length).toBe(before);
  });

  test('a name is refused when any of its addresses is private, even if another is public', async () => {
    const lookup: Lookup = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    const error = await failure(
      outboundRequest('http://shop.example/hook', fast, { allow: [], lookup }),
    );
    expect(error.failure).toBe('blocked_address');
    expect(error.detail).toContain('10.0.0.7');
  });

  test('connects to the address it checked: DNS is asked once, a second answer is never used', async () => {
    let asked = 0;
    const lookup: Lookup = async () => {
      asked++;
      // A rebinding server would answer a public address first and a private one next.
      return asked === 1
        ? [{ address: '127.0.0.1', family: 4 }]
        : [{ address: '10.9.9.9', family: 4 }];
    };
    const res = await outboundRequest(`http://rebind.test:${port}/ok`, fast, {
      allow: ['rebind.test'],
      lookup,
    });
    expect(res.status).toBe(200);
    expect(asked).toBe(1);
  });

  test('refuses redirects, so a public server cannot bounce the request inside', async () => {
    const before = hits.filter((h) => h === '/secret').length;
    const error = await failure(outboundRequest(`${base}/redirect`, fast, allowLocal));
    expect(error.failure).toBe('redirect');
    expect(error.retryable).toBe(false);
    expect(hits.filter((h) => h === '/secret').length).toBe(before);
  });

  test('a server that trickles bytes hits the overall deadline (retryable)', async () => {
    const started = performance.now();
    const error = await failure(
      outboundRequest(`${base}/trickle`, { deadlineMs: 400 }, allowLocal),
    );
    const took = performance.now() - started;
    expect(error.failure).toBe('timeout');
    expect(error.retryable).toBe(true);
    expect(took).toBeGreaterThanOrEqual(380);
    expect(took).toBeLessThan(1_500);
  });

  test('an answer over the size cap is refused, announced or streamed', async () => {
    for (const path of ['/huge', '/huge-chunked']) {
      const error = await failure(
        outboundRequest(`${base}${path}`, { ...fast, maxResponseBytes: 1_000_000 }, allowLocal),
      );
      expect(error.failure, path).toBe('too_large');
    }
  });

  test('honours cancellation', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const error = await failure(
      outboundRequest(
        `${base}/hang`,
        { deadlineMs: 10_000, signal: controller.signal },
        allowLocal,
      ),
    );
    expect(error.failure).toBe('aborted');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test('only http and https', async () => {
    for (const url of ['file:///etc/passwd', 'gopher://127.0.0.1/', 'not a url']) {
      expect((await failure(outboundRequest(url, fast, allowLocal))).failure).toBe('invalid_url');
    }
  });

  test('a closed port is a retryable connection failure that names no socket error', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(
      outboundRequest(`http://127.0.0.1:${closedPort}/`, fast, allowLocal),
    );
    expect(error.failure).toBe('unreachable');
    expect(error.retryable).toBe(true);
    expect(error.message).not.toMatch(/ECONNREFUSED/);
    expect(error.detail).toBe('ECONNREFUSED');
  });

  test('the allow-list takes CIDR ranges', async () => {
    const res = await outboundRequest(`${base}/ok`, fast, { allow: ['127.0.0.0/8'] });
    expect(res.status).toBe(200);
    const error = await failure(outboundRequest(`${base}/ok`, fast, { allow: ['10.0.0.0/8'] }));
    expect(error.failure).toBe('blocked_address');
  });
});
