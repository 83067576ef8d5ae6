import net from 'node:net';
import type { OutboundError } from '@ruta/platform';
import type { SmtpChannelConfig } from '@ruta/shared';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { decodeEntities } from './email-html';
import { verifyTracking } from './email-tracking';
import { type ChannelProvider, FinalProviderError, RetryableProviderError } from './provider';
import { classifySmtpError, createSmtpProvider } from './smtp';
import { startFakeSmtpServer } from './testing/fake-smtp-server';
import { outbound, providerContext, SAMPLE } from './testing/messages';

let mailbox: Awaited<ReturnType<typeof startFakeSmtpServer>>;
let config: SmtpChannelConfig;
const opened: ChannelProvider[] = [];
const { ctx, box } = providerContext({ timeoutMs: 2_000 });

const provider = (overrides: Partial<SmtpChannelConfig> = {}) => {
  const p = createSmtpProvider({ ...config, ...overrides }, ctx);
  opened.push(p);
  return p;
};

beforeAll(async () => {
  mailbox = await startFakeSmtpServer({ user: 'ruta', password: 'smtp-password' });
  config = {
    host: mailbox.host,
    port: mailbox.port,
    secure: false,
    user: 'ruta',
    password: 'smtp-password',
    from: 'Tienda Sol <hola@tiendasol.mx>',
  };
});
afterEach(async () => {
  for (const p of opened.splice(0)) await p.close?.();
  mailbox.messages.length = 0;
  mailbox.logins.length = 0;
});
afterAll(() => mailbox.close());

describe('sending', () => {
  test('delivers subject, text and tracked HTML with a stable Message-ID and one-click unsubscribe', async () => {
    const message = outbound(SAMPLE.email);
    const receipt = await provider().send(message);

    expect(receipt.providerMessageId).toBe(`<${message.messageId}@ruta>`);
    expect(mailbox.messages).toHaveLength(1);
    const email = mailbox.messages[0];
    expect(email?.envelope).toEqual({ from: 'hola@tiendasol.mx', to: ['lucia@tienda.mx'] });
    expect(email?.headers.subject).toBe('Tu carrito te espera, Lucía');
    expect(email?.headers.from).toBe('Tienda Sol <hola@tiendasol.mx>');
    expect(email?.headers['message-id']).toBe(`<${message.messageId}@ruta>`);
    expect(email?.headers['list-unsubscribe']).toBe(
      `<${ctx.tracking.unsubscribeUrl(message.messageId)}>`,
    );
    expect(email?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(email?.text).toBe(SAMPLE.email.text);

    const html = email?.html ?? '';
    const href = decodeEntities(/href="([^"]*)"/.exec(html)?.[1] ?? '');
    const click = new URL(href);
    expect(click.pathname).toBe(`/t/c/${message.messageId}`);
    expect(click.searchParams.get('u')).toBe(
      'https://tienda.mx/c/A-1?utm_source=ruta&utm_medium=email',
    );
    expect(
      verifyTracking.click(
        box,
        message.messageId,
        click.searchParams.get('u') ?? '',
        click.searchParams.get('s') ?? '',
      ),
    ).toBe(true);
    expect(html).toContain(`<img src="${ctx.tracking.openPixelUrl(message.messageId)}"`);
  });

  test('a retry of the same message carries the same Message-ID', async () => {
    const message = outbound(SAMPLE.email);
    const smtp = provider();
    await smtp.send(message);
    await smtp.send(message);
    expect(mailbox.messages.map((m) => m.headers['message-id'])).toEqual([
      `<${message.messageId}@ruta>`,
      `<${message.messageId}@ruta>`,
    ]);
  });

  test('only the email format is accepted', async () => {
    for (const content of [SAMPLE.sms, SAMPLE.session, SAMPLE.template]) {
      const error = await provider()
        .send(outbound(content))
        .catch((e: unknown) => e);
      expect((error as FinalProviderError).reason).toBe('unsupported_format');
    }
    expect(mailbox.messages).toHaveLength(0);
  });
});

describe('errors', () => {
  const send = (overrides: Partial<SmtpChannelConfig> = {}) =>
    provider(overrides)
      .send(outbound(SAMPLE.email))
      .then(
        () => undefined,
        (e: unknown) => e,
      );

  test('550 for the recipient is final invalid_address', async () => {
    mailbox.rejectNext(550);
    const error = await send();
    expect(error).toBeInstanceOf(FinalProviderError);
    expect((error as FinalProviderError).reason).toBe('invalid_address');
    expect((error as Error).message).toContain('550');
  });

  test('451 (greylisting) is retryable, and the next attempt goes through', async () => {
    mailbox.rejectNext(451);
    expect(await send()).toBeInstanceOf(RetryableProviderError);
    expect(await send()).toBeUndefined();
    expect(mailbox.messages).toHaveLength(1);
  });

  test('a wrong password is final auth_failed', async () => {
    const error = await send({ password: 'wrong' });
    expect((error as FinalProviderError).reason).toBe('auth_failed');
  });

  test('a server that is not there is retryable', async () => {
    const gone = await startFakeSmtpServer();
    await gone.close();
    expect(await send({ port: gone.port, user: undefined })).toBeInstanceOf(RetryableProviderError);
  });

  test.each([
    [{ responseCode: 551, code: 'EENVELOPE' }, 'invalid_address'],
    [{ responseCode: 553, code: 'EENVELOPE' }, 'invalid_address'],
    [{ responseCode: 501, code: 'EENVELOPE', command: 'RCPT TO' }, 'invalid_address'],
    [{ responseCode: 501, code: 'EENVELOPE', command: 'MAIL FROM' }, 'rejected'],
    [{ responseCode: 554, code: 'EMESSAGE' }, 'rejected'],
    [{ responseCode: 552, code: 'EMESSAGE' }, 'rejected'],
  ])('reply %o is final %s', (error, reason) => {
    const classified = classifySmtpError(Object.assign(new Error('rejected'), error));
    expect((classified as FinalProviderError).reason).toBe(reason);
  });

  test.each([
    [{ responseCode: 421, code: 'EENVELOPE' }],
    [{ responseCode: 503, code: 'EPROTOCOL' }],
    [{ code: 'ECONNECTION' }],
    [{ code: 'ETIMEDOUT' }],
    [{ code: 'ESOCKET' }],
    [{ code: 'ECONNREFUSED' }],
  ])('%o is retryable', (error) => {
    expect(classifySmtpError(Object.assign(new Error('trouble'), error))).toBeInstanceOf(
      RetryableProviderError,
    );
  });
});

describe('where the password may go', () => {
  const attempt = (overrides: Partial<SmtpChannelConfig>, ctxOverrides = {}) =>
    createSmtpProvider({ ...config, ...overrides }, { ...ctx, ...ctxOverrides })
      .send(outbound(SAMPLE.email))
      .then(
        () => undefined,
        (e: unknown) => e,
      );

  test('a host that resolves to a private or loopback address is refused before connecting', async () => {
    const error = await attempt({ host: 'localhost' }, { outbound: { allow: [] } });
    expect(error).toBeInstanceOf(FinalProviderError);
    expect((error as FinalProviderError).reason).toBe('blocked_address');
    expect(mailbox.logins).toHaveLength(0);
  });

  test('internal ports all get the same answer, so the channel is no port scanner', async () => {
    const answers = new Set<string>();
    for (const port of [mailbox.port, 5432, 1]) {
      const error = await attempt({ host: '127.0.0.1', port }, { outbound: { allow: [] } });
      answers.add(`${(error as FinalProviderError).reason}: ${(error as Error).message}`);
    }
    expect([...answers]).toEqual([
      'blocked_address: SMTP: Ruta does not connect to 127.0.0.1: it is not a public internet address',
    ]);
  });

  test('TLS is required unless the server allows plain SMTP: a server without STARTTLS never sees the password', async () => {
    const error = await attempt({}, { outbound: { allow: ['127.0.0.1'] } });
    expect(error).toBeInstanceOf(FinalProviderError);
    expect((error as FinalProviderError).reason).toBe('tls_required');
    expect(mailbox.logins).toHaveLength(0);
    expect(mailbox.messages).toHaveLength(0);
  });

  test('STARTTLS with a certificate that cannot be verified is refused', async () => {
    const tls = await startFakeSmtpServer({
      user: 'ruta',
      password: 'smtp-password',
      startTls: true,
    });
    try {
      const error = await attempt({ port: tls.port }, { outbound: { allow: ['127.0.0.1'] } });
      expect((error as FinalProviderError).reason).toBe('tls_failed');
      expect(tls.logins).toHaveLength(0);
    } finally {
      await tls.close();
    }
  });

  /** A mail server that trickles a greeting that never ends. */
  async function trickling() {
    const sockets: net.Socket[] = [];
    const slow = net.createServer((socket) => {
      sockets.push(socket);
      const timer = setInterval(() => socket.write('220-still here\r\n'), 100);
      socket.on('close', () => clearInterval(timer));
      socket.on('error', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    return {
      port: (slow.address() as net.AddressInfo).port,
      close: async () => {
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => slow.close(resolve));
      },
    };
  }

  test('a server that trickles its greeting is cut off at the deadline (retryable)', async () => {
    const slow = await trickling();
    try {
      const started = performance.now();
      const error = await attempt({ port: slow.port }, { timeoutMs: 300 });
      expect(error).toBeInstanceOf(RetryableProviderError);
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      await slow.close();
    }
  });

  test('cancellation stops a send in flight', async () => {
    const slow = await trickling();
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 150);
      const started = performance.now();
      const error = await createSmtpProvider(
        { ...config, port: slow.port },
        { ...ctx, timeoutMs: 10_000 },
      )
        .send(outbound(SAMPLE.email), { signal: controller.signal })
        .catch((e: unknown) => e);
      expect((error as OutboundError).failure).toBe('aborted');
      expect(performance.now() - started).toBeLessThan(1_000);
    } finally {
      await slow.close();
    }
  });

  test("the server's own reply text stays out of the error", async () => {
    mailbox.rejectNext(550);
    const error = await attempt({});
    expect((error as Error).message).toBe('SMTP: the mail server refused the address (SMTP 550)');
  });
});
