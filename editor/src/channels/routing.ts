import type { Channel } from '@ruta/shared';
import type { ChannelView } from './api';

/** The message channels the page reports on (RCS has no provider yet: it is always the sandbox). */
export const MESSAGE_CHANNELS: readonly Channel[] = ['whatsapp', 'sms', 'email'];

/**
 * The configured channel that carries `channel`: the newest one that does (the list comes newest
 * first). Undefined, or a sandbox channel, means the sandbox inbox gets the messages.
 */
export function carrierOf(
  channels: readonly ChannelView[],
  channel: Channel,
): ChannelView | undefined {
  return channels.find((c) => c.carries.includes(channel));
}

/** Who takes over each message channel `removed` carries today, once it is deleted. */
export function takeoverAfterDeleting(
  channels: readonly ChannelView[],
  removed: ChannelView,
): { channel: Channel; next: ChannelView | undefined }[] {
  const rest = channels.filter((c) => c.id !== removed.id);
  return MESSAGE_CHANNELS.filter((channel) => carrierOf(channels, channel)?.id === removed.id).map(
    (channel) => ({ channel, next: carrierOf(rest, channel) }),
  );
}
