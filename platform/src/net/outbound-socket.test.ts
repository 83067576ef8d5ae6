import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OutboundError } from './outbound-error';
import { outboundSocket } from './outbound-socket';

let server: net.Server;
let port: number;
let accepted = 0;

beforeAll(async () => {
  server = net.createServer((socket) => {
    accepted++;
    socket.end('220 fake ESMTP\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('outboundSocket (SMTP connections)', () => {
  test('refuses a host that resolves to loopback unless the server allows it', async () => {
    const before = accepted;
    const error = await outboundSocket(
      'localhost',
      port,
      { allow: [] },
      { deadlineMs: 1_000 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutboundError);
    expect((error as OutboundError).failure).toBe('blocked_address');
    expect(accepted).toBe(before);
  });

  test('connects to the checked address only', async () => {
    let asked = 0;
    const socket = await outboundSocket(
      'mail.shop.test',
      port,
      {
        allow: ['127.0.0.1'],
        lookup: async () => {
          asked++;
          return [{ address: '127.0.0.1', family: 4 }];
        },
      },
      { deadlineMs: 1_000 },
    );
    const greeting = await new Promise<string>((resolve) =>
      socket.once('data', (data) => resolve(String(data))),
    );
    expect(greeting).toMatch(/^220/);
    expect(socket.remoteAddress).toBe('127.0.0.1');
    expect(asked).toBe(1);
    socket.destroy();
  });

  test('honours cancellation', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await outboundSocket(
      '127.0.0.1',
      port,
      { allow: ['127.0.0.1'] },
      {
        deadlineMs: 1_000,
        signal: controller.signal,
      },
    ).catch((e: unknown) => e);
    expect((error as OutboundError).failure).toBe('aborted');
  });
});
