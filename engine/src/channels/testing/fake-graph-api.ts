import type { GraphTemplate } from '../whatsapp-templates';
import { type FakeReply, startFakeHttp } from './fake-http';

/**
 * Meta's Graph API as the WhatsApp Cloud API tests see it, answering with the documented shapes.
 *
 * POST /{version}/{phone-number-id}/messages — success, per
 * https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages ("Response"):
 *   { "messaging_product": "whatsapp",
 *     "contacts": [{ "input": "16505551234", "wa_id": "16505551234" }],
 *     "messages": [{ "id": "wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA" }] }
 *
 * GET /{version}/{waba-id}/message_templates — per
 * https://developers.facebook.com/docs/whatsapp/business-management-api/message-templates
 * ("Get all templates": `{ data: [{ name, language, status, category, components, id }], paging }`)
 * with Graph API cursor paging, https://developers.facebook.com/docs/graph-api/results:
 *   "paging": { "cursors": { "before": "…", "after": "…" }, "next": "<url of the next page>" }
 *
 * Errors, per https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes
 * ("Error response syntax"):
 *   { "error": { "message": "<MESSAGE>", "type": "<TYPE>", "code": <CODE>,
 *                "error_data": { "messaging_product": "whatsapp", "details": "<DETAILS>" },
 *                "error_subcode": <ERROR_SUBCODE>, "fbtrace_id": "<FBTRACE_ID>" } }
 */
export async function startFakeGraphApi(options: {
  accessToken: string;
  pageSize?: number;
  port?: number;
}) {
  let templates: GraphTemplate[] = [];
  let sequence = 0;
  const fake = await startFakeHttp((request, baseUrl) => {
    if (request.headers.authorization !== `Bearer ${options.accessToken}`)
      // Graph API's answer to a bad token: code 190, type OAuthException, HTTP 401.
      return graphError(401, 190, 'Invalid OAuth access token - Cannot parse access token', {
        type: 'OAuthException',
      });
    const url = new URL(request.path, baseUrl);
    if (request.method === 'POST' && /^\/v\d+\.\d+\/\d+\/messages$/.test(url.pathname)) {
      const to = String((request.body as { to?: unknown }).to ?? '');
      sequence += 1;
      return {
        status: 200,
        body: {
          messaging_product: 'whatsapp',
          contacts: [{ input: to, wa_id: to }],
          messages: [
            { id: `wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI${String(sequence).padStart(6, '0')}` },
          ],
        },
      };
    }
    if (request.method === 'GET' && /^\/v\d+\.\d+\/\d+\/message_templates$/.test(url.pathname))
      return templatePage(templates, url, options.pageSize ?? 100);
    return graphError(400, 100, 'Unsupported request - method type: get', {
      details: `no fake route for ${request.method} ${url.pathname}`,
    });
  }, options.port);
  return {
    ...fake,
    /** The business account's templates, as Meta stores them. */
    setTemplates(list: GraphTemplate[]) {
      templates = list;
    },
  };
}

function templatePage(all: GraphTemplate[], url: URL, pageSize: number): FakeReply {
  const limit = Math.min(Number(url.searchParams.get('limit') ?? 25), pageSize);
  const start = Number(url.searchParams.get('after') ?? 0);
  const fields = (url.searchParams.get('fields') ?? 'name,status,category,language,components')
    .split(',')
    .concat('id');
  const data = all
    .slice(start, start + limit)
    .map((t, i) => ({ ...pick(t, fields), id: String(594425479261596 + start + i) }));
  const end = start + data.length;
  const next = new URL(url);
  next.searchParams.set('after', String(end));
  return {
    status: 200,
    body: {
      data,
      paging: {
        cursors: { before: String(start), after: String(end) },
        ...(end < all.length ? { next: next.toString() } : {}),
      },
    },
  };
}

function pick(template: GraphTemplate, fields: string[]) {
  return Object.fromEntries(Object.entries(template).filter(([key]) => fields.includes(key)));
}

/** A Graph API error answer in the documented syntax. */
export function graphError(
  status: number,
  code: number,
  message: string,
  extra: { type?: string; details?: string; subcode?: number } = {},
): FakeReply {
  return {
    status,
    body: {
      error: {
        message: `(#${code}) ${message}`,
        type: extra.type ?? 'OAuthException',
        code,
        ...(extra.details
          ? { error_data: { messaging_product: 'whatsapp', details: extra.details } }
          : {}),
        ...(extra.subcode !== undefined ? { error_subcode: extra.subcode } : {}),
        fbtrace_id: 'Az8or2yhqkZfEZ-_4Qn_Bam',
      },
    },
  };
}

/**
 * The errors the tests play, with the code titles and HTTP statuses of Meta's error-codes page
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes).
 */
export const GRAPH_ERRORS = {
  rateLimit: graphError(429, 130429, 'Rate limit hit', {
    details: 'Cloud API message throughput has been reached.',
  }),
  somethingWentWrong: graphError(500, 131000, 'Something went wrong', {
    details: 'Message failed to send due to an unknown error.',
  }),
  undeliverable: graphError(400, 131026, 'Message Undeliverable', {
    details: 'Unable to deliver message.',
  }),
  reEngagement: graphError(400, 131047, 'Re-engagement message', {
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  }),
  templateMissing: graphError(404, 132001, 'Template name does not exist in the translation', {
    details: 'template name (carrito) does not exist in es_MX',
  }),
  stoppedMarketing: graphError(400, 131050, 'Unable to deliver the message', {
    details:
      'This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
  }),
} as const;
