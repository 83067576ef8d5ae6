import { FinalProviderError, RetryableProviderError } from './provider';

/**
 * Twilio's REST error body, as in "Debugging calls to the REST API"
 * (https://www.twilio.com/docs/usage/troubleshooting/debugging-your-application):
 * `{ code, message, more_info, status }`. Codes: https://www.twilio.com/docs/api/errors.
 */
export interface TwilioError {
  code?: number;
  message?: string;
  more_info?: string;
  status?: number;
}

const FINAL_REASONS = new Map<number, string>([
  [21211, 'invalid_number'], // Invalid 'To' phone number
  [21214, 'invalid_number'], // 'To' phone number cannot be reached
  [21217, 'invalid_number'], // Phone number does not appear to be valid
  [21614, 'invalid_number'], // 'To' number is not a valid mobile number
  [21635, 'invalid_number'], // 'To' number cannot be a landline
  [21610, 'opted_out'], // Attempt to send to unsubscribed recipient (replied STOP)
  [63016, 'window_closed'], // Outside the WhatsApp 24-hour window: a template is required
  [20003, 'auth_failed'], // Permission denied: wrong Account SID / Auth Token
  [20404, 'auth_failed'], // Resource not found: the Account SID in the URL is not this account
  // 21408 (region not enabled), 21606 (From not SMS-capable), 21612 (To/From combination cannot
  // be routed) and other 4xx fall through to 'rejected'.
]);

/** What each outcome means, in Ruta's words: Twilio's own message goes to the server log only. */
const WORDS: Record<string, string> = {
  retry: 'Twilio is busy or briefly unavailable; Ruta retries',
  invalid_number: 'this number cannot receive the message',
  opted_out: 'the customer unsubscribed (replied STOP)',
  window_closed:
    'more than 24 hours have passed since the customer last wrote on WhatsApp; only an approved template can go',
  auth_failed: 'the Account SID or Auth Token was refused',
  rejected: 'Twilio refused the message',
};

export function classifyTwilioError(status: number, body: unknown): Error {
  const error = (body ?? {}) as TwilioError;
  const code = typeof error.code === 'number' ? error.code : undefined;
  const text = (outcome: string) =>
    `Twilio ${status}${code !== undefined ? ` (error ${code})` : ''}: ${WORDS[outcome]}`;
  if (status === 429 || code === 20429 || status >= 500)
    return new RetryableProviderError(text('retry'));
  const reason = code !== undefined ? FINAL_REASONS.get(code) : undefined;
  if (reason) return new FinalProviderError(reason, text(reason));
  if (status === 401 || status === 403)
    return new FinalProviderError('auth_failed', text('auth_failed'));
  return new FinalProviderError('rejected', text('rejected'));
}

/** The reason a code means when a delivery status reports it later (`opted_out`, `invalid_number`…). */
export function twilioFailureReason(code: number): string | undefined {
  return FINAL_REASONS.get(code);
}
