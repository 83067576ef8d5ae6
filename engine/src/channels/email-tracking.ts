import type { SecretBox } from '@ruta/platform';

/**
 * Signed links Ruta puts in emails: an open pixel, click redirects and one-click unsubscribe. The
 * signature binds the message id (and, for clicks, the target URL), so links cannot be forged for
 * other messages nor turned into an open redirect. The API verifies them (`/t/...` routes).
 */
export interface TrackingLinks {
  openPixelUrl(messageId: string): string;
  clickUrl(messageId: string, target: string): string;
  unsubscribeUrl(messageId: string): string;
}

type Signer = Pick<SecretBox, 'sign' | 'verify'>;

const clickValue = (messageId: string, target: string) => `${messageId}\n${target}`;

export function createTrackingLinks(publicUrl: string, box: Signer): TrackingLinks {
  const base = publicUrl.replace(/\/+$/, '');
  return {
    openPixelUrl: (messageId) =>
      `${base}/t/o/${messageId}/${box.sign('email-open', messageId)}.gif`,
    clickUrl: (messageId, target) =>
      `${base}/t/c/${messageId}?u=${encodeURIComponent(target)}&s=${box.sign('email-click', clickValue(messageId, target))}`,
    unsubscribeUrl: (messageId) =>
      `${base}/t/u/${messageId}/${box.sign('email-unsubscribe', messageId)}`,
  };
}

export const verifyTracking = {
  open: (box: Signer, messageId: string, signature: string) =>
    box.verify('email-open', messageId, signature),
  click: (box: Signer, messageId: string, target: string, signature: string) =>
    box.verify('email-click', clickValue(messageId, target), signature),
  unsubscribe: (box: Signer, messageId: string, signature: string) =>
    box.verify('email-unsubscribe', messageId, signature),
};
