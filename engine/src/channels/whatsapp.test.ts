import type { WhatsAppChannelConfig } from '@ruta/shared';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { FinalProviderError, type ProviderContext, RetryableProviderError } from './provider';
import { GRAPH_ERRORS, graphError, startFakeGraphApi } from './testing/fake-graph-api';
import { outbound, providerContext, SAMPLE } from './testing/messages';
import { createWhatsAppProvider } from './whatsapp';

const TOKEN = 'EAAJB-test-system-user-token';
let graph: Awaited<ReturnType<typeof startFakeGraphApi>>;
let config: WhatsAppChannelConfig;
const { ctx: baseCtx } = providerContext({ timeoutMs: 300 });
/** The fake's address is the server's RUTA_WHATSAPP_API_URL, never a channel setting. */
let ctx: ProviderContext;

beforeAll(async () => {
  graph = await startFakeGraphApi({ accessToken: TOKEN, pageSize: 2 });
  config = {
    phoneNumberId: '106540352242922',
    businessAccountId: '102290129340398',
    accessToken: TOKEN,
    appSecret: 'app-secret-123',
    verifyToken: 'verify-token-123',
    apiVersion: 'v21.0',
  };
  ctx = { ...baseCtx, apiBaseUrl: graph.baseUrl };
});
afterAll(() => graph.close());
afterEach(() => {
  graph.requests.length = 0;
});

const lastRequest = () => graph.requests.at(-1);
const lastBody = () => (lastRequest()?.body ?? {}) as Record<string, unknown>;

describe('sending', () => {
  test('a template goes as type "template" with body parameters and one quick-reply payload per button', async () => {
    const receipt = await createWhatsAppProvider(config, ctx).send(outbound(SAMPLE.template));

    expect(receipt.providerMessageId).toMatch(/^wamid\./);
    expect(lastRequest()?.method).toBe('POST');
    expect(lastRequest()?.path).toBe('/v21.0/106540352242922/messages');
    expect(lastRequest()?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(lastRequest()?.headers['content-type']).toBe('application/json');
    expect(lastRequest()?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '5215512345678',
      type: 'template',
      template: {
        name: 'carrito_abandonado',
        language: { code: 'es_MX' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Lucía' },
              { type: 'text', text: '$899.00' },
            ],
          },
          {
            type: 'button',
            sub_type: 'quick_reply',
            index: '0',
            parameters: [{ type: 'payload', payload: 'btn-si' }],
          },
          {
            type: 'button',
            sub_type: 'quick_reply',
            index: '1',
            parameters: [{ type: 'payload', payload: 'btn-no' }],
          },
        ],
      },
    });
  });

  test('a template without parameters or buttons carries no components', async () => {
    await createWhatsAppProvider(config, ctx).send(
      outbound({
        ...SAMPLE.template,
        template: { name: 'hello_world', language: 'en_US', params: [] },
        buttons: [],
      }),
    );
    expect(lastBody().template).toEqual({
      name: 'hello_world',
      language: { code: 'en_US' },
    });
  });

  test('session text goes as type "text", with a link preview only when it has a link', async () => {
    const provider = createWhatsAppProvider(config, ctx);
    await provider.send(outbound(SAMPLE.session));
    expect(lastRequest()?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '5215512345678',
      type: 'text',
      text: { preview_url: false, body: 'Hola Lucía, ¿te ayudamos con tu pedido?' },
    });

    await provider.send(
      outbound({ ...SAMPLE.session, text: 'Tu carrito: https://tienda.mx/c/A-1' }),
    );
    expect(lastBody().text).toEqual({
      preview_url: true,
      body: 'Tu carrito: https://tienda.mx/c/A-1',
    });
  });

  test('session text with buttons goes as an interactive reply-button message', async () => {
    await createWhatsAppProvider(config, ctx).send(
      outbound({ ...SAMPLE.session, buttons: SAMPLE.template.buttons }),
    );
    expect(lastRequest()?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '5215512345678',
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Hola Lucía, ¿te ayudamos con tu pedido?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'btn-si', title: 'Sí, lo quiero' } },
            { type: 'reply', reply: { id: 'btn-no', title: 'No, gracias' } },
          ],
        },
      },
    });
  });

  test('SMS and email are refused before any request', async () => {
    const provider = createWhatsAppProvider(config, ctx);
    for (const content of [SAMPLE.sms, SAMPLE.email]) {
      const error = await provider.send(outbound(content)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FinalProviderError);
      expect((error as FinalProviderError).reason).toBe('unsupported_format');
    }
    expect(graph.requests).toHaveLength(0);
  });
});

describe('errors', () => {
  const sendWith = async (reply: Parameters<typeof graph.replyNext>[0]) => {
    graph.replyNext(reply);
    return createWhatsAppProvider(config, ctx)
      .send(outbound(SAMPLE.template))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
  };

  test.each([
    [1, 400],
    [2, 503],
    [4, 400],
    [80007, 400],
    [130429, 429],
    [131000, 500],
    [131016, 503],
    [131048, 400],
    [131056, 400],
    [133004, 503],
  ])('code %i (HTTP %i) is retryable', async (code, status) => {
    const error = await sendWith(graphError(status, code, 'documented error'));
    expect(error).toBeInstanceOf(RetryableProviderError);
    expect((error as Error).message).toContain(`#${code}`);
  });

  test.each([
    [131026, 'invalid_number'],
    [131021, 'invalid_number'],
    [131047, 'window_closed'],
    [132000, 'template_not_approved'],
    [132001, 'template_not_approved'],
    [132005, 'template_not_approved'],
    [132007, 'template_not_approved'],
    [132012, 'template_not_approved'],
    [132015, 'template_not_approved'],
    [132016, 'template_not_approved'],
    [131050, 'opted_out'],
    [0, 'auth_failed'],
    [3, 'auth_failed'],
    [10, 'auth_failed'],
    [190, 'auth_failed'],
    [200, 'auth_failed'],
    [131008, 'rejected'],
    [131009, 'rejected'],
  ])('code %i is final: %s', async (code, reason) => {
    const error = await sendWith(graphError(400, code, 'documented error'));
    expect(error).toBeInstanceOf(FinalProviderError);
    expect((error as FinalProviderError).reason).toBe(reason);
  });

  test('the documented samples classify as their titles say', async () => {
    expect(await sendWith(GRAPH_ERRORS.rateLimit)).toBeInstanceOf(RetryableProviderError);
    expect(await sendWith(GRAPH_ERRORS.somethingWentWrong)).toBeInstanceOf(RetryableProviderError);
    const reasons = [];
    for (const sample of [
      GRAPH_ERRORS.undeliverable,
      GRAPH_ERRORS.reEngagement,
      GRAPH_ERRORS.templateMissing,
      GRAPH_ERRORS.stoppedMarketing,
    ])
      reasons.push(((await sendWith(sample)) as FinalProviderError).reason);
    expect(reasons).toEqual([
      'invalid_number',
      'window_closed',
      'template_not_approved',
      'opted_out',
    ]);
  });

  test('invalid parameter 100 is about the number when the details say so', async () => {
    const aboutNumber = await sendWith(
      graphError(400, 100, 'Invalid parameter', {
        details: 'Recipient phone number is not a valid WhatsApp phone number',
      }),
    );
    expect((aboutNumber as FinalProviderError).reason).toBe('invalid_number');
    const other = await sendWith(
      graphError(400, 100, 'Invalid parameter', { details: 'Unexpected key "foo"' }),
    );
    expect((other as FinalProviderError).reason).toBe('rejected');
  });

  test('unknown codes follow the HTTP status: 5xx and 429 retry, 4xx is final', async () => {
    expect(await sendWith(graphError(502, 999999, 'gateway'))).toBeInstanceOf(
      RetryableProviderError,
    );
    expect(await sendWith({ status: 429, body: 'slow down' })).toBeInstanceOf(
      RetryableProviderError,
    );
    expect(((await sendWith(graphError(400, 999999, 'odd'))) as FinalProviderError).reason).toBe(
      'rejected',
    );
  });

  test('a wrong access token is final auth_failed (Graph answers 190)', async () => {
    const error = await createWhatsAppProvider(
      { ...config, accessToken: 'EAAJB-revoked-token' },
      ctx,
    )
      .send(outbound(SAMPLE.template))
      .catch((e: unknown) => e);
    expect((error as FinalProviderError).reason).toBe('auth_failed');
    expect((error as Error).message).toContain('#190');
  });

  test('no answer within the timeout is retryable, and does not wait longer', async () => {
    const started = Date.now();
    const error = await sendWith('hang');
    expect(error).toBeInstanceOf(RetryableProviderError);
    expect((error as Error).message).toContain('did not answer within 300 ms');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test('an unreachable API is retryable', async () => {
    const closed = await startFakeGraphApi({ accessToken: TOKEN });
    await closed.close();
    const error = await createWhatsAppProvider(config, { ...ctx, apiBaseUrl: closed.baseUrl })
      .send(outbound(SAMPLE.template))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableProviderError);
    expect((error as Error).message).toBe(
      'WhatsApp Cloud API: Ruta could not connect to 127.0.0.1',
    );
  });
});

describe('where the access token may go', () => {
  test("the API's own error text stays in the server log, not in the error the tenant sees", async () => {
    graph.replyNext(graphError(400, 131008, 'internal detail: db-7.corp.example refused'));
    const error = await createWhatsAppProvider(config, ctx)
      .send(outbound(SAMPLE.template))
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'WhatsApp Cloud API 400 (#131008): WhatsApp refused the message',
    );
  });

  test('an API address the server does not allow is refused before any byte is sent', async () => {
    const error = await createWhatsAppProvider(config, { ...ctx, outbound: { allow: [] } })
      .send(outbound(SAMPLE.template))
      .catch((e: unknown) => e);
    expect((error as FinalProviderError).reason).toBe('blocked_address');
    expect(graph.requests).toHaveLength(0);
  });

  test('a redirect is not followed', async () => {
    const elsewhere = await startFakeGraphApi({ accessToken: TOKEN });
    try {
      graph.replyNext({ status: 307, body: {}, headers: { location: `${elsewhere.baseUrl}/x` } });
      const error = await createWhatsAppProvider(config, ctx)
        .send(outbound(SAMPLE.template))
        .catch((e: unknown) => e);
      expect((error as FinalProviderError).reason).toBe('redirect');
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('listTemplates', () => {
  const template = (
    name: string,
    body: string,
    quickReplies: string[] = [],
    status = 'APPROVED',
  ) => ({
    name,
    language: 'es_MX',
    status,
    category: 'MARKETING',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Tienda Sol' },
      { type: 'BODY', text: body },
      { type: 'FOOTER', text: 'Responde BAJA para no recibir más' },
      ...(quickReplies.length > 0
        ? [
            {
              type: 'BUTTONS',
              buttons: [
                ...quickReplies.map((text) => ({ type: 'QUICK_REPLY', text })),
                { type: 'URL', text: 'Ver tienda', url: 'https://tienda.mx' },
              ],
            },
          ]
        : []),
    ],
  });

  test('follows paging.next through every page and maps each template', async () => {
    graph.setTemplates([
      template('carrito_abandonado', 'Hola {{1}}, tu carrito de {{2}} te espera. {{1}}', [
        'Sí',
        'No',
      ]),
      template('reactivacion', 'Te extrañamos, {{1}}', [], 'PENDING'),
      template('bienvenida', 'Bienvenida a Tienda Sol'),
      template('cupon', 'Tu cupón {{1}} vence el {{2}} a las {{3}}', ['Usar cupón'], 'REJECTED'),
      template('pedido_listo', 'Tu pedido {{order_id}} está listo', ['Gracias']),
    ]);

    const templates = await createWhatsAppProvider(config, ctx).listTemplates();

    expect(graph.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
    const first = new URL(graph.requests[0]?.path ?? '', graph.baseUrl);
    expect(first.pathname).toBe('/v21.0/102290129340398/message_templates');
    expect(first.searchParams.get('fields')).toBe('name,language,status,category,components');
    expect(first.searchParams.get('limit')).toBe('100');
    expect(graph.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(templates).toEqual([
      {
        name: 'carrito_abandonado',
        language: 'es_MX',
        status: 'APPROVED',
        category: 'MARKETING',
        body: 'Hola {{1}}, tu carrito de {{2}} te espera. {{1}}',
        paramCount: 2,
        quickReplies: ['Sí', 'No'],
      },
      {
        name: 'reactivacion',
        language: 'es_MX',
        status: 'PENDING',
        category: 'MARKETING',
        body: 'Te extrañamos, {{1}}',
        paramCount: 1,
        quickReplies: [],
      },
      {
        name: 'bienvenida',
        language: 'es_MX',
        status: 'APPROVED',
        category: 'MARKETING',
        body: 'Bienvenida a Tienda Sol',
        paramCount: 0,
        quickReplies: [],
      },
      {
        name: 'cupon',
        language: 'es_MX',
        status: 'REJECTED',
        category: 'MARKETING',
        body: 'Tu cupón {{1}} vence el {{2}} a las {{3}}',
        paramCount: 3,
        quickReplies: ['Usar cupón'],
      },
      {
        name: 'pedido_listo',
        language: 'es_MX',
        status: 'APPROVED',
        category: 'MARKETING',
        body: 'Tu pedido {{order_id}} está listo',
        paramCount: 1,
        quickReplies: ['Gracias'],
      },
    ]);
  });

  test('without a business account id it says what to set', async () => {
    const { businessAccountId: _, ...withoutAccount } = config;
    await expect(createWhatsAppProvider(withoutAccount, ctx).listTemplates()).rejects.toThrow(
      /businessAccountId/,
    );
    expect(graph.requests).toHaveLength(0);
  });

  test('an error answer is classified like a send error', async () => {
    graph.replyNext(graphError(400, 190, 'Error validating access token: Session has expired'));
    const error = await createWhatsAppProvider(config, ctx)
      .listTemplates()
      .catch((e: unknown) => e);
    expect((error as FinalProviderError).reason).toBe('auth_failed');
  });
});
