import { verifyTracking } from '@ruta/engine';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../deps';
import { inlineStyleCsp } from '../http/content-security';
import { receiveStatus } from '../inbound/message-status';
import { pageLanguage, TRACKING_TEXTS } from './tracking-pages';

// A transparent 1×1 GIF.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function messageWorkspace(c: Context<AppEnv>, messageId: string) {
  if (!UUID.test(messageId)) return undefined;
  const [row] = await c.get('deps').sql<{ workspace_id: string; contact_id: string }[]>`
    select workspace_id, contact_id from messages where id = ${messageId}`;
  return row;
}

const PAGE_STYLE =
  'body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2937}button{font:inherit;padding:.6rem 1.2rem;border-radius:.5rem;border:0;background:#0f766e;color:#fff;cursor:pointer}';
const PAGE_CSP = inlineStyleCsp(PAGE_STYLE);

/** The customer's words for this request (Accept-Language): Spanish, Portuguese or English. */
function texts(c: Context<AppEnv>) {
  return TRACKING_TEXTS[pageLanguage(c.req.header('accept-language'))];
}

function page(c: Context<AppEnv>, status: 200 | 400, title: string, body: string) {
  c.header('Content-Security-Policy', PAGE_CSP);
  c.header('Vary', 'Accept-Language');
  return c.html(
    `<!doctype html><html lang="${texts(c).htmlLang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>
<style>${PAGE_STYLE}</style>
</head><body><h1>${title}</h1>${body}</body></html>`,
    status,
  );
}

function invalidLink(c: Context<AppEnv>) {
  const { invalidTitle, invalidBody } = texts(c);
  return page(c, 400, invalidTitle, `<p>${invalidBody}</p>`);
}

async function unsubscribe(c: Context<AppEnv>, messageId: string) {
  const message = await messageWorkspace(c, messageId);
  if (!message) return false;
  const consent = {
    email: { granted: false, at: new Date().toISOString(), source: 'unsubscribe' },
  };
  await c.get('deps').sql`
    update contacts set consent = consent || ${c.get('deps').sql.json(consent as never)}::jsonb, updated_at = now()
    where id = ${message.contact_id}`;
  return true;
}

/**
 * The links Ruta puts in emails (engine/src/channels/email-tracking.ts): each is signed for its
 * message (and target), so none can be forged nor used to redirect anywhere else.
 */
export const tracking = new Hono<AppEnv>()
  .get('/o/:messageId/:file', async (c) => {
    const { messageId, file } = c.req.param();
    const signature = file.replace(/\.gif$/, '');
    const deps = c.get('deps');
    const message = deps.secrets && (await messageWorkspace(c, messageId));
    if (message && deps.secrets && verifyTracking.open(deps.secrets, messageId, signature)) {
      await receiveStatus(deps, message.workspace_id, messageId, 'open');
    }
    // Always the pixel: a broken image tells nothing and looks wrong in the mail client.
    return c.body(PIXEL, 200, {
      'content-type': 'image/gif',
      'cache-control': 'no-store, max-age=0',
    });
  })
  .get('/c/:messageId', async (c) => {
    const { messageId } = c.req.param();
    const target = c.req.query('u') ?? '';
    const signature = c.req.query('s') ?? '';
    const deps = c.get('deps');
    const valid =
      deps.secrets &&
      /^https?:\/\//i.test(target) &&
      verifyTracking.click(deps.secrets, messageId, target, signature);
    const message = valid ? await messageWorkspace(c, messageId) : undefined;
    if (!message) return invalidLink(c);
    await receiveStatus(deps, message.workspace_id, messageId, 'click');
    return c.redirect(target, 302);
  })
  .get('/u/:messageId/:signature', async (c) => {
    const { messageId, signature } = c.req.param();
    const deps = c.get('deps');
    if (!deps.secrets || !verifyTracking.unsubscribe(deps.secrets, messageId, signature))
      return invalidLink(c);
    // A GET only asks: link scanners open every link, and must not unsubscribe anyone.
    const { askTitle, askBody, askButton } = texts(c);
    return page(
      c,
      200,
      askTitle,
      `<p>${askBody}</p><form method="post"><button type="submit">${askButton}</button></form>`,
    );
  })
  .post('/u/:messageId/:signature', async (c) => {
    // RFC 8058 one-click (List-Unsubscribe-Post) and the confirmation form both land here.
    const { messageId, signature } = c.req.param();
    const deps = c.get('deps');
    const valid = deps.secrets && verifyTracking.unsubscribe(deps.secrets, messageId, signature);
    if (!valid || !(await unsubscribe(c, messageId))) return invalidLink(c);
    const { doneTitle, doneBody } = texts(c);
    return page(c, 200, doneTitle, `<p>${doneBody}</p>`);
  });
