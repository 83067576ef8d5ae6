export { classifyReply } from './classify-reply';
export { type InboundReply, matchesReply, replyIntent } from './matches-reply';
export { normalizeReply } from './normalize-reply';
export { ReplyIntent, ReplyMatch } from './reply-match';
