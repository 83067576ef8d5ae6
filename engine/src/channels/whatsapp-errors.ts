import { FinalProviderError, RetryableProviderError } from './provider';

/** The Graph API error body: `{ error: { message, type, code, error_subcode, error_data, fbtrace_id } }`. */
export interface GraphError {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_data?: { messaging_product?: string; details?: string };
  fbtrace_id?: string;
}

/*
 * Codes from Meta's Cloud API error-codes page
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes).
 */

/** Throttling and temporary server trouble: the same request may succeed later. */
const RETRYABLE = new Set([
  1, // API Unknown: possible server error
  2, // API Service: temporary downtime or overload
  4, // API Too Many Calls
  80007, // WhatsApp Business Account rate limit
  130429, // Cloud API throughput reached
  131000, // Something went wrong
  131016, // Service unavailable
  131048, // Spam rate limit hit
  131056, // (Business, Consumer) pair rate limit hit
  133004, // Server temporarily unavailable
]);

const FINAL_REASONS = new Map<number, string>([
  [131026, 'invalid_number'], // Message undeliverable: not a WhatsApp number, old client, ToS not accepted
  [131021, 'invalid_number'], // Recipient cannot be sender: the contact's number is the business's own
  [131047, 'window_closed'], // Re-engagement message: more than 24 h since the customer last wrote
  [132000, 'template_not_approved'], // Template param count mismatch
  [132001, 'template_not_approved'], // Template does not exist (name or language)
  [132005, 'template_not_approved'], // Template hydrated text too long
  [132007, 'template_not_approved'], // Template format character policy violated
  [132012, 'template_not_approved'], // Template parameter format mismatch
  [132015, 'template_not_approved'], // Template is paused (low quality)
  [132016, 'template_not_approved'], // Template is disabled
  [131050, 'opted_out'], // The user stopped marketing messages from this business
  [0, 'auth_failed'], // AuthException
  [3, 'auth_failed'], // API method: the app lacks the capability
  [10, 'auth_failed'], // Permission denied
  [190, 'auth_failed'], // Access token expired or invalid
]);

/** 100 "Invalid parameter" and 131009 "Parameter value is not valid" are about the recipient when the details say so. */
const RECIPIENT_PARAMETER = /phone number|recipient|wa_id/i;

/** What each outcome means, in Ruta's words: Meta's own message goes to the server log only. */
const WORDS: Record<string, string> = {
  retry: 'WhatsApp is busy or briefly unavailable; Ruta retries',
  invalid_number: 'this number cannot receive WhatsApp messages',
  window_closed:
    'more than 24 hours have passed since the customer last wrote; only an approved template can go',
  template_not_approved:
    'the template does not exist in that language, is not approved, or its parameters do not match',
  opted_out: 'the customer stopped marketing messages from this business',
  auth_failed: 'the access token was refused or lacks the permission',
  rejected: 'WhatsApp refused the message',
};

/** Turns a Graph API answer that is not a success into the provider error the send activity understands. */
export function classifyGraphError(status: number, body: unknown): Error {
  const error = (body as { error?: GraphError } | undefined)?.error ?? {};
  const code = typeof error.code === 'number' ? error.code : undefined;
  const details = error.error_data?.details;
  const text = (outcome: string) =>
    `WhatsApp Cloud API ${status}${code !== undefined ? ` (#${code})` : ''}: ${WORDS[outcome]}`;
  const final = (reason: string) => new FinalProviderError(reason, text(reason));

  if (code !== undefined && RETRYABLE.has(code)) return new RetryableProviderError(text('retry'));
  const reason = code !== undefined ? FINAL_REASONS.get(code) : undefined;
  if (reason) return final(reason);
  if (code !== undefined && code >= 200 && code < 300) return final('auth_failed'); // API permission
  if (
    (code === 100 || code === 131009) &&
    RECIPIENT_PARAMETER.test(`${details ?? ''} ${error.message ?? ''}`)
  )
    return final('invalid_number');
  if (status === 429 || status >= 500) return new RetryableProviderError(text('retry'));
  if (status === 401 || status === 403) return final('auth_failed');
  return final('rejected');
}

/** The reason a code means when a delivery status reports it later (`opted_out`, `invalid_number`…). */
export function whatsappFailureReason(code: number): string | undefined {
  return FINAL_REASONS.get(code);
}
