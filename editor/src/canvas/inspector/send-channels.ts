import type { Channel, SendContent, SendNode } from '@ruta/shared';

export const CHANNELS: readonly Channel[] = ['whatsapp', 'sms', 'email', 'rcs'];

function textOf(content: SendContent): string | undefined {
  return content.whatsapp?.text ?? content.sms?.text ?? content.rcs?.text ?? content.email?.text;
}

/** Content for a channel just added: what was there before, else the step's text carried over. */
export function seedContent<C extends Channel>(
  channel: C,
  content: SendContent,
  remembered: SendContent,
): NonNullable<SendContent[C]> {
  const kept = remembered[channel];
  if (kept) return kept as NonNullable<SendContent[C]>;
  const text = textOf(content) ?? '';
  const seeds: { [K in Channel]: NonNullable<SendContent[K]> } = {
    whatsapp: text ? { text, buttons: [] } : { buttons: [] },
    sms: { text },
    email: { subject: '', html: text ? `<p>${text}</p>` : '' },
    rcs: { text, buttons: [] },
  };
  return seeds[channel] as NonNullable<SendContent[C]>;
}

/**
 * The step with `channel` as primary and `fallbacks` after it, content kept for those channels
 * only. Content of channels no longer used is returned as `dropped`, to restore if re-added.
 */
export function withChannels(
  node: SendNode,
  channel: Channel,
  fallbacks: readonly Channel[],
  remembered: SendContent,
): { node: SendNode; dropped: SendContent } {
  const used = [channel, ...fallbacks.filter((fallback) => fallback !== channel)];
  const content: SendContent = {};
  const dropped: SendContent = {};
  for (const each of CHANNELS) {
    const current = node.content[each];
    if (used.includes(each)) {
      Object.assign(content, { [each]: current ?? seedContent(each, node.content, remembered) });
    } else if (current) {
      Object.assign(dropped, { [each]: current });
    }
  }
  return {
    node: { ...node, channel, fallbackChannels: used.slice(1), content },
    dropped,
  };
}
