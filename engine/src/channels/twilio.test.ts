import type { TwilioChannelConfig } from '@ruta/shared';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { FinalProviderError, type ProviderContext, RetryableProviderError } from './provider';
import { startFakeTwilioApi, TWILIO_ERRORS, twilioError } from './testing/fake-twilio-api';
import { outbound, providerContext, SAMPLE } from './testing/messages';
import { createTwilioProvider } from './twilio';

const ACCOUNT = `AC${'a1b2c3d4'.repeat(4)}`;
const TOKEN = 'twilio-auth-token-0123456789';
const SERVICE = `MG${'0f'.repeat(16)}`;
let twilio: Awaited<ReturnType<typeof startFakeTwilioApi>>;
let sms: TwilioChannelConfig;
const { ctx: baseCtx } = providerContext({ timeoutMs: 300 });
/** The fake's address is the server's RUTA_TWILIO_API_URL, never a channel setting. */
let ctx: ProviderContext;
const callbackUrl = `https://ruta.example.mx/webhooks/twilio/${baseCtx.channelId}`;

beforeAll(async () => {
  twilio = await startFakeTwilioApi({ accountSid: ACCOUNT, authToken: TOKEN });
  sms = {
    accountSid: ACCOUNT,
    authToken: TOKEN,
    from: '+5215587654321',
  };
  ctx = { ...baseCtx, apiBaseUrl: twilio.baseUrl };
});
afterAll(() => twilio.close());
afterEach(() => {
  twilio.requests.length = 0;
});

const lastRequest = () => twilio.requests.at(-1);
const lastBody = () => (lastRequest()?.body ?? {}) as Record<string, unknown>;

describe('SMS', () => {
  test('creates a Message with To, From, Body and the channel status callback, under Basic auth', async () => {
    const receipt = await createTwilioProvider(sms, ctx).send(outbound(SAMPLE.sms));

    expect(receipt.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/i);
    expect(receipt.segments).toBe(1);
    expect(lastRequest()?.method).toBe('POST');
    expect(lastRequest()?.path).toBe(`/2010-04-01/Accounts/${ACCOUNT}/Messages.json`);
    expect(lastRequest()?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64')}`,
    );
    expect(lastRequest()?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(lastRequest()?.body).toEqual({
      To: '+5215512345678',
      From: '+5215587654321',
      Body: 'Tienda Sol: Lucía, tu carrito de $899.00 te espera.',
      StatusCallback: callbackUrl,
    });
  });

  test('records the segments Twilio reports for a long text', async () => {
    const receipt = await createTwilioProvider(sms, ctx).send(
      outbound({ kind: 'sms', text: 'a'.repeat(400) }),
    );
    expect(receipt.segments).toBe(3);
  });

  test('a Messaging Service SID goes as MessagingServiceSid (no segments until a sender is picked)', async () => {
    const receipt = await createTwilioProvider({ ...sms, from: SERVICE }, ctx).send(
      outbound(SAMPLE.sms),
    );
    expect(lastRequest()?.body).toEqual({
      To: '+5215512345678',
      MessagingServiceSid: SERVICE,
      Body: SAMPLE.sms.text,
      StatusCallback: callbackUrl,
    });
    expect(receipt.segments).toBeUndefined();
  });

  test('WhatsApp formats are refused by an SMS sender before any request', async () => {
    for (const content of [SAMPLE.template, SAMPLE.session, SAMPLE.email]) {
      const error = await createTwilioProvider(sms, ctx)
        .send(outbound(content))
        .catch((e: unknown) => e);
      expect((error as FinalProviderError).reason).toBe('unsupported_format');
    }
    expect(twilio.requests).toHaveLength(0);
  });
});

describe('WhatsApp through Twilio', () => {
  const whatsapp = () => ({ ...sms, from: 'whatsapp:+14155238886' });

  test('session text goes to whatsapp:+number', async () => {
    await createTwilioProvider(whatsapp(), ctx).send(outbound(SAMPLE.session));
    expect(lastRequest()?.body).toEqual({
      To: 'whatsapp:+5215512345678',
      From: 'whatsapp:+14155238886',
      Body: SAMPLE.session.text,
      StatusCallback: callbackUrl,
    });
  });

  test('a template goes as its rendered text', async () => {
    await createTwilioProvider(whatsapp(), ctx).send(outbound(SAMPLE.template));
    expect(lastBody().Body).toBe(SAMPLE.template.preview);
  });

  test('SMS is refused by a WhatsApp sender', async () => {
    const error = await createTwilioProvider(whatsapp(), ctx)
      .send(outbound(SAMPLE.sms))
      .catch((e: unknown) => e);
    expect((error as FinalProviderError).reason).toBe('unsupported_format');
  });
});

describe('errors', () => {
  const sendWith = async (reply: Parameters<typeof twilio.replyNext>[0]) => {
    twilio.replyNext(reply);
    return createTwilioProvider(sms, ctx)
      .send(outbound(SAMPLE.sms))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
  };

  test.each([
    ['429 Too Many Requests', TWILIO_ERRORS.tooManyRequests],
    ['20429 behind another status', twilioError(400, 20429, 'Too Many Requests')],
    ['500', TWILIO_ERRORS.internalError],
    ['503 without a body', { status: 503, body: null }],
  ])('%s is retryable', async (_, reply) => {
    expect(await sendWith(reply)).toBeInstanceOf(RetryableProviderError);
  });

  test.each([
    [21211, 'invalid_number'],
    [21214, 'invalid_number'],
    [21217, 'invalid_number'],
    [21614, 'invalid_number'],
    [21635, 'invalid_number'],
    [21610, 'opted_out'],
    [63016, 'window_closed'],
    [21408, 'rejected'],
    [21612, 'rejected'],
    [21606, 'rejected'],
    [30007, 'rejected'],
  ])('error %i is final: %s', async (code, reason) => {
    const error = await sendWith(twilioError(400, code, 'documented error'));
    expect(error).toBeInstanceOf(FinalProviderError);
    expect((error as FinalProviderError).reason).toBe(reason);
    expect((error as Error).message).toContain(`error ${code}`);
  });

  test('Twilio itself refuses a number that is not E.164 (21211 → invalid_number)', async () => {
    const error = await createTwilioProvider(sms, ctx)
      .send(outbound(SAMPLE.sms, { to: '5512345678' }))
      .catch((e: unknown) => e);
    expect((error as FinalProviderError).reason).toBe('invalid_number');
  });

  test('a wrong auth token or account SID is final auth_failed', async () => {
    const badToken = await createTwilioProvider(
      { ...sms, authToken: 'wrong-token-0123456789' },
      ctx,
    )
      .send(outbound(SAMPLE.sms))
      .catch((e: unknown) => e);
    expect((badToken as FinalProviderError).reason).toBe('auth_failed');
    expect((badToken as Error).message).toContain('20003');
    expect(
      ((await sendWith(twilioError(404, 20404, 'not found'))) as FinalProviderError).reason,
    ).toBe('auth_failed');
  });

  test('no answer within the timeout is retryable', async () => {
    const started = Date.now();
    const error = await sendWith('hang');
    expect(error).toBeInstanceOf(RetryableProviderError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test('an unreachable API is retryable', async () => {
    const closed = await startFakeTwilioApi({ accountSid: ACCOUNT, authToken: TOKEN });
    await closed.close();
    const error = await createTwilioProvider(sms, { ...ctx, apiBaseUrl: closed.baseUrl })
      .send(outbound(SAMPLE.sms))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableProviderError);
  });
});

describe('lookup (an earlier attempt whose answer was lost)', () => {
  test('finds the message an earlier attempt created, by To, From and Body', async () => {
    const provider = createTwilioProvider(sms, ctx);
    const since = new Date(Date.now() - 1_000);
    const message = outbound({ kind: 'sms', text: 'Hola Ana, tu pedido 77 está listo.' });
    const sent = await provider.send(message);
    const found = await provider.lookup?.(message, since);
    expect(found).toEqual({
      found: true,
      receipt: { providerMessageId: sent.providerMessageId, segments: 1 },
    });
    const list = lastRequest();
    expect(list?.method).toBe('GET');
    const query = new URLSearchParams(list?.path.split('?')[1]);
    expect(Object.fromEntries(query)).toEqual({
      To: '+5215512345678',
      From: '+5215587654321',
      PageSize: '50',
    });
  });

  test('a message Twilio never created is not found (it may be sent)', async () => {
    const provider = createTwilioProvider(sms, ctx);
    const found = await provider.lookup?.(
      outbound({ kind: 'sms', text: 'Un texto que nadie envió' }),
      new Date(),
    );
    expect(found).toEqual({ found: false });
  });

  test('a lookup Twilio refuses is retryable (the send is asked again later, not repeated)', async () => {
    twilio.replyNext(TWILIO_ERRORS.internalError);
    const lookup = createTwilioProvider(sms, ctx).lookup?.(outbound(SAMPLE.sms), new Date());
    await expect(lookup).rejects.toBeInstanceOf(RetryableProviderError);
  });
});
