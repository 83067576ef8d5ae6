import { type ChannelRow, fullChannelConfig, loadChannel } from '@ruta/engine';
import type { TwilioChannelConfig, WhatsAppChannelConfig } from '@ruta/shared';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../deps';
import { fieldProblem, problemBody, problemResponse } from '../http/problem';
import { sourceWebhooks } from '../sources/receive';
import { twilioWebhookUrl, verifyTwilioSignature } from './providers/twilio';
import { MalformedWebhookError, type WebhookEvent } from './providers/types';
import { verifyHandshake, verifyMetaSignature } from './providers/whatsapp';
import { parseWebhookBody, processReceipt, storeReceipt, type WebhookProvider } from './receipts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

async function channelFor(c: Context<AppEnv>, provider: WebhookProvider) {
  const id = c.req.param('channelId') ?? '';
  const row = UUID.test(id) ? await loadChannel(c.get('deps').sql, id) : undefined;
  if (!row || row.provider !== provider) return undefined;
  const { secrets } = c.get('deps');
  if (!secrets) return { row, config: undefined };
  return { row, config: fullChannelConfig(row, secrets) };
}

const unknownChannel = (c: Context<AppEnv>, provider: string) =>
  problemResponse(
    c,
    problemBody('unknown_channel', { provider, channelId: c.req.param('channelId') ?? '' }),
  );
const noSecretsKey = (c: Context<AppEnv>) =>
  problemResponse(c, problemBody('secrets_key_missing', { purpose: 'webhooks' }));
const badSignature = (c: Context<AppEnv>, provider: string, row: ChannelRow) => {
  c.get('deps').log.warn({ channelId: row.id, provider }, 'webhook refused: bad signature');
  return problemResponse(c, problemBody('bad_signature', { provider }));
};

/**
 * Verifies, parses (so a malformed body is refused with 400 and never stored), stores the raw
 * body, then processes it. Processing errors keep the receipt for replay and still answer 200:
 * retrying the same bytes cannot fix a bug, and the receipt holds them.
 */
async function accept(
  c: Context<AppEnv>,
  provider: WebhookProvider,
  row: ChannelRow,
  body: string,
) {
  let events: WebhookEvent[];
  try {
    events = parseWebhookBody(provider, body);
  } catch (error) {
    if (error instanceof MalformedWebhookError || error instanceof SyntaxError) {
      const path = error instanceof MalformedWebhookError ? error.path : '';
      return problemResponse(
        c,
        problemBody(
          'malformed_webhook',
          { provider, reason: error.message, ...(path ? { path } : {}) },
          path ? { errors: [fieldProblem(path, 'webhook_shape', { reason: error.message })] } : {},
        ),
      );
    }
    throw error;
  }
  const deps = c.get('deps');
  const receipt = await storeReceipt(deps.sql, {
    workspace_id: row.workspace_id,
    channel_id: row.id,
    provider,
    body,
    contentType: c.req.header('content-type'),
  });
  const result = await processReceipt(deps, receipt, events);
  if (result.ok && result.outcome.unknownMessageIds.length > 0) {
    deps.log.info(
      { receiptId: receipt.id, unknown: result.outcome.unknownMessageIds },
      'webhook named unknown messages',
    );
  }
  return receipt;
}

export const webhooks = new Hono<AppEnv>()
  .get('/whatsapp/:channelId', async (c) => {
    const found = await channelFor(c, 'whatsapp');
    if (!found) return unknownChannel(c, 'WhatsApp');
    if (!found.config) return noSecretsKey(c);
    const challenge = verifyHandshake(
      c.req.query(),
      (found.config as WhatsAppChannelConfig).verifyToken,
    );
    if (challenge === undefined) return problemResponse(c, problemBody('verification_failed', {}));
    return c.text(challenge, 200);
  })
  .post('/whatsapp/:channelId', async (c) => {
    const found = await channelFor(c, 'whatsapp');
    if (!found) return unknownChannel(c, 'WhatsApp');
    if (!found.config) return noSecretsKey(c);
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const { appSecret } = found.config as WhatsAppChannelConfig;
    if (!verifyMetaSignature(raw, c.req.header('x-hub-signature-256'), appSecret))
      return badSignature(c, 'WhatsApp', found.row);
    const accepted = await accept(c, 'whatsapp', found.row, Buffer.from(raw).toString('utf8'));
    if (accepted instanceof Response) return accepted;
    return c.json({ received: accepted.id }, 200);
  })
  .post('/twilio/:channelId', async (c) => {
    const found = await channelFor(c, 'twilio');
    if (!found) return unknownChannel(c, 'Twilio');
    if (!found.config) return noSecretsKey(c);
    const body = await c.req.text();
    const params = Object.fromEntries(new URLSearchParams(body));
    const valid = verifyTwilioSignature({
      url: twilioWebhookUrl(c.get('deps').config.publicUrl, found.row.id),
      params,
      header: c.req.header('x-twilio-signature'),
      authToken: (found.config as TwilioChannelConfig).authToken,
    });
    if (!valid) return badSignature(c, 'Twilio', found.row);
    const accepted = await accept(c, 'twilio', found.row, body);
    if (accepted instanceof Response) return accepted;
    return c.body(EMPTY_TWIML, 200, { 'content-type': 'text/xml' });
  })
  .route('/sources', sourceWebhooks);
