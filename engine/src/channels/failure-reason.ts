import { twilioFailureReason } from './twilio-errors';
import { whatsappFailureReason } from './whatsapp-errors';

/**
 * What a provider's error code in a `failed` delivery status means to Ruta (the same tables the
 * send classifies synchronous errors with): `opted_out` is final for the journey, other reasons
 * let the send try its next channel. Undefined for codes Ruta does not know.
 */
export function deliveryFailureReason(
  provider: string,
  code: string | undefined,
): string | undefined {
  const number = Number(code);
  if (!code || !Number.isInteger(number)) return undefined;
  if (provider === 'whatsapp') return whatsappFailureReason(number);
  if (provider === 'twilio') return twilioFailureReason(number);
  return undefined;
}
