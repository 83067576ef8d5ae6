import type { TrackingLinks } from './email-tracking';

const ANCHOR_TAG = /<a\b[^>]*>/gi;
const HREF = /(\shref\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/**
 * Makes a rendered email measurable: every http(s) link goes through Ruta's signed click
 * redirect, and a 1×1 open pixel goes before `</body>`. Left alone: mailto:, tel:, #anchors,
 * unrendered `{{…}}` placeholders and the message's own unsubscribe link (already Ruta's).
 */
export function instrumentEmailHtml(
  html: string,
  messageId: string,
  tracking: TrackingLinks,
): string {
  const unsubscribe = tracking.unsubscribeUrl(messageId);
  const withClicks = html.replace(ANCHOR_TAG, (tag) =>
    tag.replace(HREF, (attribute, prefix: string, dq?: string, sq?: string, bare?: string) => {
      const href = decodeEntities((dq ?? sq ?? bare ?? '').trim());
      if (!/^https?:\/\//i.test(href) || href.includes('{{') || href === unsubscribe)
        return attribute;
      return `${prefix}"${escapeAttribute(tracking.clickUrl(messageId, href))}"`;
    }),
  );
  const pixel = `<img src="${escapeAttribute(tracking.openPixelUrl(messageId))}" alt="" width="1" height="1" style="display:none">`;
  const bodyEnd = withClicks.toLowerCase().lastIndexOf('</body');
  return bodyEnd === -1
    ? `${withClicks}${pixel}`
    : `${withClicks.slice(0, bodyEnd)}${pixel}${withClicks.slice(bodyEnd)}`;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
};

/** Attribute values carry HTML entities (`&amp;` between query parameters); the redirect needs the real URL. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? Number.parseInt(name.slice(2), 16)
          : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
