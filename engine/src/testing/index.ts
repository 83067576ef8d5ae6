// `@ruta/engine/testing`: what other packages' tests use from the engine — local servers that play
// each provider's documented API (WhatsApp Cloud API, Twilio, SMTP). Tests only.
export { GRAPH_ERRORS, graphError, startFakeGraphApi } from '../channels/testing/fake-graph-api';
export { type ReceivedEmail, startFakeSmtpServer } from '../channels/testing/fake-smtp-server';
export {
  startFakeTwilioApi,
  TWILIO_ERRORS,
  twilioError,
} from '../channels/testing/fake-twilio-api';
