// `@ruta/api/testing`: what other packages' tests use from the API — provider webhooks as WhatsApp
// Cloud API and Twilio send them, signed as they sign them. Tests only. (The API harness stays
// inside the package: it runs the whole app in-process.)
export { signMeta, signTwilio, twilioFormBody } from '../webhooks/providers/fixtures/sign';
export { twilioInbound, twilioStatus } from '../webhooks/providers/fixtures/twilio';
export {
  type MetaWebhookPayload,
  whatsappBatch,
  whatsappButtonReply,
  whatsappListReply,
  whatsappStatus,
  whatsappTemplateButton,
  whatsappTextMessage,
} from '../webhooks/providers/fixtures/whatsapp';
