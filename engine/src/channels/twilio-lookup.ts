import type { LookupResult, ProviderContext } from './provider';
import { callProvider } from './provider-http';
import { classifyTwilioError } from './twilio-errors';

/** What identifies a message Ruta may have created at Twilio before. */
export interface TwilioSent {
  /** The Messages list resource (…/Accounts/{Sid}/Messages.json). */
  url: string;
  authorization: string;
  to: string;
  /** The sender, when it is a number (a Messaging Service picks its own). */
  from?: string;
  body: string;
  /** When Ruta recorded the message, before calling Twilio. */
  since: Date;
}

/** How far Twilio's clock may be from Ruta's. */
const CLOCK_SKEW_MS = 120_000;

/**
 * Looks the message up in Twilio's Messages list ("Read multiple Message resources":
 * https://www.twilio.com/docs/messaging/api/message-resource#read-multiple-message-resources),
 * filtered by To (and From), newest first: a message with the same body created since Ruta
 * recorded it is the one an earlier attempt created. Twilio creates the resource before it
 * answers the POST, so not finding it means it was not created and may be sent.
 */
export async function lookupTwilioMessage(
  sent: TwilioSent,
  ctx: ProviderContext,
  signal: AbortSignal | undefined,
): Promise<LookupResult> {
  const query = new URLSearchParams({ To: sent.to, PageSize: '50' });
  if (sent.from) query.set('From', sent.from);
  const response = await callProvider(
    'Twilio',
    `${sent.url}?${query.toString()}`,
    { method: 'GET', headers: { authorization: sent.authorization }, signal },
    ctx,
  );
  if (response.status < 200 || response.status >= 300)
    throw classifyTwilioError(response.status, response.json);
  const list = (response.json ?? {}) as {
    messages?: { sid?: string; body?: string; date_created?: string; num_segments?: string }[];
  };
  const earliest = sent.since.getTime() - CLOCK_SKEW_MS;
  const found = (list.messages ?? []).find(
    (m) =>
      m.sid &&
      m.body === sent.body &&
      (!m.date_created || new Date(m.date_created).getTime() >= earliest),
  );
  if (!found?.sid) return { found: false };
  const segments = Number(found.num_segments);
  return {
    found: true,
    receipt: {
      providerMessageId: found.sid,
      ...(Number.isInteger(segments) && segments > 0 ? { segments } : {}),
    },
  };
}
