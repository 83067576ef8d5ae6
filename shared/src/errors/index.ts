export * from './catalog';
export { TEMPLATE_SYNC_REASONS } from './catalog/channels';
export { agentSendReason } from './catalog/handoffs';
export { type ErrorText, isErrorText, joinTexts, LANGS, type Lang as ErrorLang } from './text';
export { ACTION_WORDS, ROLE_WORDS, THINGS, type Thing } from './words';
