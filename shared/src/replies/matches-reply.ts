import { classifyReply, containsPhrase } from './classify-reply';
import { normalizeReply } from './normalize-reply';
import type { ReplyIntent, ReplyMatch } from './reply-match';

/** `intent`, when given, is the reply's already classified intent (the API classifies each reply once). */
export type InboundReply = { text?: string; buttonId?: string; intent?: ReplyIntent | null };

const words = (text: string) => {
  const normalized = normalizeReply(text);
  return normalized === '' ? [] : normalized.split(' ');
};

/** The reply's intent: as classified when it arrived, else read from its text now (older signals). */
export function replyIntent(reply: InboundReply): ReplyIntent | null {
  return reply.intent !== undefined ? reply.intent : classifyReply(reply.text ?? '');
}

/**
 * Does a reply satisfy a `wait_for` reply signal? No criteria: any reply. A button id in the
 * match is compared with the tapped button only (the button's text is ignored). Otherwise the
 * reply matches when its intent is the one asked for OR it contains one of the keywords as whole
 * words ("talla m" matches "quiero la talla M", "m" does not match "mañana").
 */
export function matchesReply(reply: InboundReply, match?: ReplyMatch): boolean {
  if (!match) return true;
  if (match.buttonId !== undefined) return reply.buttonId === match.buttonId;
  const keywords = (match.keywords ?? []).map(words).filter((k) => k.length > 0);
  if (match.intent === undefined && keywords.length === 0) return true;
  if (match.intent !== undefined && replyIntent(reply) === match.intent) return true;
  const replyWords = words(reply.text ?? '');
  return keywords.some((keyword) => containsPhrase(replyWords, keyword));
}
