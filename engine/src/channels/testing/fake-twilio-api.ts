import { type FakeReply, startFakeHttp } from './fake-http';

/**
 * Twilio's Messages API as the tests see it, answering with the documented shapes.
 *
 * POST /2010-04-01/Accounts/{AccountSid}/Messages.json (form-encoded To, From or
 * MessagingServiceSid, Body, StatusCallback) — 201 with the Message resource, per
 * https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
 * (response sample, abridged):
 *   { "account_sid": "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "api_version": "2010-04-01",
 *     "body": "…", "direction": "outbound-api", "error_code": null, "error_message": null,
 *     "from": "+14155552345", "messaging_service_sid": null, "num_media": "0",
 *     "num_segments": "1", "price": null, "price_unit": null,
 *     "sid": "SMXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "status": "queued", "to": "+15558675310",
 *     "uri": "/2010-04-01/Accounts/AC…/Messages/SM….json" }
 * "num_segments" is a string; with a Messaging Service it is "0" until a sender is assigned.
 *
 * GET /2010-04-01/Accounts/{AccountSid}/Messages.json?To=…&From=…&PageSize=… — the messages
 * created, newest first, per
 * https://www.twilio.com/docs/messaging/api/message-resource#read-multiple-message-resources
 * (response: { "messages": [Message…], "page": 0, "page_size": 50, "uri": "…", "first_page_uri":
 * "…", "next_page_uri": null, "previous_page_uri": null }). `date_created` is RFC 2822.
 *
 * Errors, per https://www.twilio.com/docs/usage/troubleshooting/debugging-your-application
 * ("Debugging calls to the REST API") and the error dictionary https://www.twilio.com/docs/api/errors:
 *   { "code": 21211, "message": "The 'To' number 5551234567 is not a valid phone number.",
 *     "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400 }
 */
export async function startFakeTwilioApi(options: { accountSid: string; authToken: string }) {
  let sequence = 0;
  const created: Record<string, unknown>[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  const messagesPath = `/2010-04-01/Accounts/${options.accountSid}/Messages.json`;
  return startFakeHttp((request) => {
    if (request.headers.authorization !== expectedAuth)
      return twilioError(401, 20003, 'Authentication Error - invalid username');
    const [path, query = ''] = request.path.split('?');
    if (request.method === 'GET' && path === messagesPath)
      return listMessages(created, query, path);
    if (request.method !== 'POST' || request.path !== messagesPath)
      return twilioError(404, 20404, `The requested resource ${request.path} was not found`);
    const form = request.body as Record<string, string>;
    const to = form.To ?? '';
    // Twilio validates the address itself: E.164, optionally behind a channel prefix.
    if (!/^(whatsapp:)?\+[1-9]\d{6,14}$/.test(to))
      return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    sequence += 1;
    const sid = `SM${String(sequence).padStart(32, '0')}`;
    const viaService = Boolean(form.MessagingServiceSid);
    const now = new Date().toUTCString().replace('GMT', '+0000');
    const message = {
      account_sid: options.accountSid,
      api_version: '2010-04-01',
      body: form.Body ?? '',
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: form.From ?? null,
      messaging_service_sid: form.MessagingServiceSid ?? null,
      num_media: '0',
      num_segments: viaService ? '0' : String(gsmSegments(form.Body ?? '')),
      price: null,
      price_unit: null,
      sid,
      status: viaService ? 'accepted' : 'queued',
      subresource_uris: { media: `${messagesPath.replace('.json', '')}/${sid}/Media.json` },
      to,
      uri: `${messagesPath.replace('.json', '')}/${sid}.json`,
    };
    created.unshift(message);
    return { status: 201, body: message };
  });
}

/** The Messages list: filtered by To and From, newest first, one page. */
function listMessages(created: Record<string, unknown>[], query: string, path: string): FakeReply {
  const params = new URLSearchParams(query);
  const to = params.get('To');
  const from = params.get('From');
  const pageSize = Number(params.get('PageSize') ?? 50);
  const messages = created
    .filter((m) => (!to || m.to === to) && (!from || m.from === from))
    .slice(0, pageSize);
  const uri = `${path}?${query}`;
  return {
    status: 200,
    body: {
      messages,
      page: 0,
      page_size: pageSize,
      uri,
      first_page_uri: uri,
      next_page_uri: null,
      previous_page_uri: null,
    },
  };
}

/** Segments as Twilio counts plain GSM-7 text (153 characters per part once split); enough for the fake. */
function gsmSegments(body: string): number {
  return body.length <= 160 ? 1 : Math.ceil(body.length / 153);
}

export function twilioError(status: number, code: number, message: string): FakeReply {
  return {
    status,
    body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
  };
}

/** The errors the tests play, with the titles of Twilio's error dictionary. */
export const TWILIO_ERRORS = {
  tooManyRequests: twilioError(429, 20429, 'Too Many Requests'),
  internalError: twilioError(500, 20500, 'Internal Server Error'),
  invalidTo: twilioError(400, 21211, "The 'To' number +521 is not a valid phone number."),
  notMobile: twilioError(400, 21614, "'To' number is not a valid mobile number"),
  unsubscribed: twilioError(400, 21610, 'Attempt to send to unsubscribed recipient'),
  regionNotEnabled: twilioError(
    400,
    21408,
    "Permission to send an SMS has not been enabled for the region indicated by the 'To' number",
  ),
  outsideWindow: twilioError(
    400,
    63016,
    'Outside messaging window. For WhatsApp, use a Message Template instead',
  ),
} as const;
