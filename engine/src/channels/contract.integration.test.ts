import { randomInt } from 'node:crypto';
import { type TestDatabase, testDatabase } from '@ruta/platform/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ChannelProvider,
  FinalProviderError,
  type OutboundMessage,
  type RenderedContent,
  RetryableProviderError,
} from './provider';
import { createSandboxProvider } from './sandbox';
import { createSmtpProvider } from './smtp';
import { GRAPH_ERRORS, startFakeGraphApi } from './testing/fake-graph-api';
import { startFakeSmtpServer } from './testing/fake-smtp-server';
import { startFakeTwilioApi, TWILIO_ERRORS } from './testing/fake-twilio-api';
import { outbound, providerContext, SAMPLE } from './testing/messages';
import { createTwilioProvider } from './twilio';
import { createWhatsAppProvider } from './whatsapp';

/**
 * The contract every channel provider keeps (the sandbox too): a message it carries arrives once
 * at the far side with its content; trouble that may pass is RetryableProviderError (Temporal
 * retries the activity); a recipient that cannot receive is FinalProviderError (the send tries the
 * fallback channel). Real provider code against the fakes that play each provider's API.
 */
interface Rig {
  provider: ChannelProvider;
  /** What the far side got for this recipient, one string per message (JSON, or the parsed email). */
  received(to: string): Promise<string[]>;
  close(): Promise<void>;
}

interface ProviderCase {
  name: string;
  carries: RenderedContent[];
  address: () => string;
  start(workspaceId: string): Promise<Rig>;
  transient: { label: string; arm(): void }[] | { skip: string };
  invalidRecipient: { to: string; arm?(): void; reason: string } | { skip: string };
}

let db: TestDatabase;
let workspaceId: string;
const phone = () => `+52155${randomInt(10_000_000, 99_999_999)}`;
const email = () => `c-${randomInt(1_000_000, 9_999_999)}@tienda.mx`;
const ACCOUNT = `AC${'a1b2c3d4'.repeat(4)}`;
const TWILIO_TOKEN = 'twilio-auth-token-0123456789';
const GRAPH_TOKEN = 'EAAJB-contract-token';
const { ctx } = providerContext({ timeoutMs: 1_000 });

let graph: Awaited<ReturnType<typeof startFakeGraphApi>>;
let twilio: Awaited<ReturnType<typeof startFakeTwilioApi>>;
let mailbox: Awaited<ReturnType<typeof startFakeSmtpServer>>;

const twilioRig = (from: string): Rig => ({
  provider: createTwilioProvider(
    { accountSid: ACCOUNT, authToken: TWILIO_TOKEN, from },
    { ...ctx, apiBaseUrl: twilio.baseUrl },
  ),
  received: async (to) =>
    twilio.requests
      .filter((r) => (r.body as { To?: string }).To?.replace(/^whatsapp:/, '') === to)
      .map((r) => JSON.stringify(r.body)),
  close: async () => {},
});

const CASES: ProviderCase[] = [
  {
    name: 'sandbox',
    carries: [SAMPLE.template, SAMPLE.session, SAMPLE.sms, SAMPLE.email],
    address: phone,
    start: async () => ({
      provider: createSandboxProvider(db.sql),
      received: async (to) =>
        (
          await db.sql<{ payload: unknown }[]>`
            select payload from sandbox_deliveries where recipient = ${to} and workspace_id = ${workspaceId}`
        ).map((r) => JSON.stringify(r.payload)),
      close: async () => {},
    }),
    transient: { skip: 'the sandbox writes to Ruta’s own database; no provider can throttle it' },
    invalidRecipient: { skip: 'the sandbox accepts any address, like a test phone would' },
  },
  {
    name: 'whatsapp (Cloud API)',
    carries: [SAMPLE.template, SAMPLE.session],
    address: phone,
    start: async () => ({
      provider: createWhatsAppProvider(
        {
          phoneNumberId: '106540352242922',
          accessToken: GRAPH_TOKEN,
          appSecret: 'app-secret-123',
          verifyToken: 'verify-token-123',
        },
        { ...ctx, apiBaseUrl: graph.baseUrl },
      ),
      received: async (to) =>
        graph.requests
          .filter((r) => (r.body as { to?: string }).to === to.replace(/\D/g, ''))
          .map((r) => JSON.stringify(r.body)),
      close: async () => {},
    }),
    transient: [
      { label: 'rate limit (130429)', arm: () => graph.replyNext(GRAPH_ERRORS.rateLimit) },
      { label: '5xx (131000)', arm: () => graph.replyNext(GRAPH_ERRORS.somethingWentWrong) },
    ],
    invalidRecipient: {
      to: '+5215500000000',
      arm: () => graph.replyNext(GRAPH_ERRORS.undeliverable),
      reason: 'invalid_number',
    },
  },
  {
    name: 'twilio (SMS)',
    carries: [SAMPLE.sms],
    address: phone,
    start: async () => twilioRig('+5215587654321'),
    transient: [
      {
        label: 'rate limit (429 / 20429)',
        arm: () => twilio.replyNext(TWILIO_ERRORS.tooManyRequests),
      },
      { label: '5xx (20500)', arm: () => twilio.replyNext(TWILIO_ERRORS.internalError) },
    ],
    invalidRecipient: { to: '5512345678', reason: 'invalid_number' },
  },
  {
    name: 'twilio (WhatsApp)',
    carries: [SAMPLE.template, SAMPLE.session],
    address: phone,
    start: async () => twilioRig('whatsapp:+14155238886'),
    transient: [
      {
        label: 'rate limit (429 / 20429)',
        arm: () => twilio.replyNext(TWILIO_ERRORS.tooManyRequests),
      },
      { label: '5xx (20500)', arm: () => twilio.replyNext(TWILIO_ERRORS.internalError) },
    ],
    invalidRecipient: { to: '+52 55 1234', reason: 'invalid_number' },
  },
  {
    name: 'smtp',
    carries: [SAMPLE.email],
    address: email,
    start: async () => {
      const provider = createSmtpProvider(
        {
          host: mailbox.host,
          port: mailbox.port,
          secure: false,
          from: 'Tienda Sol <hola@tiendasol.mx>',
        },
        ctx,
      );
      return {
        provider,
        received: async (to) =>
          mailbox.messages
            .filter((m) => m.envelope.to.includes(to))
            .map((m) => JSON.stringify({ subject: m.headers.subject, text: m.text, html: m.html })),
        close: async () => provider.close?.(),
      };
    },
    transient: [{ label: 'temporary rejection (451)', arm: () => mailbox.rejectNext(451) }],
    invalidRecipient: {
      to: 'nadie@tienda.mx',
      arm: () => mailbox.rejectNext(550),
      reason: 'invalid_address',
    },
  },
];

/** The words of the content that must reach the far side, whatever the wire format. */
function essentials(content: RenderedContent): string[] {
  switch (content.kind) {
    case 'whatsapp_template':
      return content.template.params;
    case 'whatsapp_session':
    case 'sms':
    case 'rcs':
      return [content.text];
    case 'email':
      return [content.subject, 'Ver carrito'];
  }
}

beforeAll(async () => {
  [db, graph, twilio, mailbox] = await Promise.all([
    testDatabase(),
    startFakeGraphApi({ accessToken: GRAPH_TOKEN }),
    startFakeTwilioApi({ accountSid: ACCOUNT, authToken: TWILIO_TOKEN }),
    startFakeSmtpServer(),
  ]);
  const [workspace] = await db.sql<{ id: string }[]>`
    insert into workspaces (name) values ('Contrato') returning id`;
  workspaceId = workspace?.id ?? '';
});

afterAll(async () => {
  await Promise.all([graph?.close(), twilio?.close(), mailbox?.close()]);
  await db?.drop();
});

describe.each(CASES)('$name', (c) => {
  let rig: Rig;
  const message = (content: RenderedContent, to: string): OutboundMessage =>
    outbound(content, { to, workspaceId });

  beforeAll(async () => {
    rig = await c.start(workspaceId);
  });
  afterAll(() => rig?.close());

  test.each(c.carries.map((content) => [content.kind, content] as const))(
    'sends %s: a provider message id back, exactly one message with its content at the far side',
    async (_, content) => {
      const to = c.address();
      const receipt = await rig.provider.send(message(content, to));

      expect(receipt.providerMessageId).toEqual(expect.any(String));
      expect(receipt.providerMessageId.length).toBeGreaterThan(0);
      const received = await rig.received(to);
      expect(received).toHaveLength(1);
      for (const words of essentials(content)) expect(received[0]).toContain(words);
    },
  );

  const transient = c.transient;
  if ('skip' in transient) {
    test.skip(`provider-side rate limit or 5xx is retryable — skipped: ${transient.skip}`, () => {});
  } else {
    test.each(transient.map((t) => [t.label, t] as const))(
      'provider-side %s surfaces as RetryableProviderError',
      async (_, t) => {
        t.arm();
        const error = await rig.provider
          .send(message(c.carries[0] as RenderedContent, c.address()))
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RetryableProviderError);
      },
    );
  }

  const invalid = c.invalidRecipient;
  if ('skip' in invalid) {
    test.skip(`an invalid recipient is final — skipped: ${invalid.skip}`, () => {});
  } else {
    test(`an invalid recipient surfaces as FinalProviderError '${invalid.reason}'`, async () => {
      invalid.arm?.();
      const error = await rig.provider
        .send(message(c.carries[0] as RenderedContent, invalid.to))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FinalProviderError);
      expect((error as FinalProviderError).reason).toBe(invalid.reason);
    });
  }
});
