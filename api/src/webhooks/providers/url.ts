/**
 * The URL a provider calls for one channel, built from `RUTA_PUBLIC_URL` (the base the provider
 * sees, not the address Ruta listens on behind a proxy). Twilio signs exactly this string, so the
 * route must verify against the same function that produced the URL registered with Twilio.
 */
export function publicWebhookUrl(
  publicUrl: string,
  provider: 'whatsapp' | 'twilio',
  channelId: string,
): string {
  return `${publicUrl.replace(/\/+$/, '')}/webhooks/${provider}/${encodeURIComponent(channelId)}`;
}
