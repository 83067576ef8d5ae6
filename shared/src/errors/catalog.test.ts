import { describe, expect, test } from 'vitest';
import {
  describeError,
  describeFieldError,
  ERRORS,
  type ErrorCode,
  type ErrorParams,
  errorMessage,
  FIELD_ERRORS,
  type FieldErrorCode,
  type FieldErrorParams,
  fieldErrorMessage,
} from './catalog';
import { type ErrorText, LANGS, t } from './text';

const summary = t(
  'name: cannot be empty',
  'name: no puede estar vacío',
  'name: não pode ficar vazio',
);

/** One set of parameters per code: the compiler asks for a new one when a code is added. */
const SAMPLES: { [C in ErrorCode]: ErrorParams<C> } = {
  not_found: { thing: 'journey', id: 'j-1' },
  route_not_found: { method: 'GET', path: '/api/nope' },
  invalid_request: { part: 'json', summary },
  invalid_json: {},
  bad_request: { reason: 'Invalid mounted path' },
  body_too_large: { megabytes: 2 },
  rate_limited: { perSecond: 50, retryAfter: 1 },
  database_unavailable: { seconds: 5 },
  engine_unavailable: { seconds: 5 },
  internal_error: {},
  secrets_key_missing: { purpose: 'store' },
  unsupported_media_type: { mediaType: 'image/png' },
  file_too_large: { megabytes: 50 },
  file_missing: { reason: 'no_file_field' },
  multipart_unreadable: { reason: 'Unexpected end of form' },
  upload_interrupted: { reason: 'aborted' },
  invalid_api_key: {},
  not_signed_in: {},
  foreign_origin: { origin: 'https://evil.example' },
  role_required: { permission: 'journeys.write', requiredRole: 'editor', currentRole: 'viewer' },
  api_key_scope: { permission: 'channels.manage', requiredRole: 'admin' },
  route_not_declared: { route: 'GET /api/x' },
  wrong_credentials: {},
  no_workspace: {},
  login_throttled: { seconds: 30 },
  session_required: {},
  wrong_password: {},
  weak_password: { minimum: 10 },
  last_owner: {},
  already_member: { email: 'ana@tienda.mx' },
  invitation_invalid: {},
  invitation_used: {},
  invitation_expired: { expiredAt: '2026-01-01T00:00:00.000Z' },
  invitation_changed: {},
  account_created_meanwhile: {},
  unknown_template: { templateId: 'nope' },
  journey_archived: { action: 'edit' },
  journey_running: { status: 'active' },
  journey_already_active: {},
  journey_has_problems: { count: 2, action: 'publish' },
  draft_has_problems: {},
  publish_first: {},
  activate_first: { action: 'enroll' },
  no_segment_to_sweep: { trigger: 'event' },
  invalid_transition: { action: 'pause', status: 'draft', allowed: ['active'] },
  run_ended: { status: 'completed' },
  unknown_contact: {},
  contacts_missing: { count: 3 },
  version_not_found: { version: 4, journeyId: 'j-1' },
  range_reversed: {},
  external_id_taken: { externalId: 'c-1' },
  contact_exists: { field: 'phone', contactId: 'c-1' },
  contact_needs_identifier: {},
  mapping_column_unknown: { column: 'Cel', headers: 'Nombre, WhatsApp del cliente' },
  mapping_target_unknown: { column: 'WhatsApp del cliente', target: 'telefono' },
  import_has_errors: { errorCount: 3, lines: 2, more: false },
  channel_config_invalid: { summary },
  server_setting: { summary },
  password_required: {},
  secret_unreadable: {},
  not_whatsapp: { channelId: 'ch-1', provider: 'twilio' },
  business_account_required: {},
  auth_failed: {},
  provider_unavailable: {},
  provider_error: {},
  rejected: {},
  unknown_channel: { provider: 'WhatsApp', channelId: 'ch-1' },
  bad_signature: { provider: 'whatsapp' },
  malformed_webhook: { provider: 'twilio', reason: 'no MessageSid', path: 'MessageSid' },
  verification_failed: {},
  source_config_invalid: { summary },
  source_platform_fixed: { platform: 'shopify' },
  unknown_source: { platform: 'Shopify', sourceId: 's-1' },
  bad_source_signature: { platform: 'Shopify', header: 'X-Shopify-Hmac-Sha256' },
  bad_write_key: {},
  malformed_delivery: { platform: 'Shopify', reason: 'not JSON' },
  delivery_erased: {},
  unknown_handoff: {},
  handoff_closed: { result: 'sold' },
  handoff_not_member: { userId: 'u-1' },
  handoff_message_empty: {},
  handoff_window_closed: { closedAt: null },
  handoff_not_sent: { channel: 'whatsapp', reason: summary },
  handoff_no_channel: {},
  handoff_webhook_needs_key: {},
};

const FIELD_SAMPLES: { [C in FieldErrorCode]: FieldErrorParams<C> } = {
  nul_character: {},
  invalid_unicode: {},
  too_deep: { levels: 64 },
  invalid_date: { instant: true },
  time_zone: {},
  needs_identifier: {},
  keeps_identifier: {},
  duplicate: {},
  text_or_button: {},
  server_setting: { field: 'apiBaseUrl', variable: 'RUTA_WHATSAPP_API_URL' },
  password_required: {},
  secret_unreadable: {},
  business_account_required: {},
  unknown_template: { templateId: 'nope' },
  unknown_contact: {},
  missing_contact: { contactId: 'c-1' },
  invalid_transition: { status: 'draft' },
  range_reversed: {},
  file_required: {},
  wrong_password: { account: true },
  password_too_short: { minimum: 10 },
  already_member: {},
  webhook_shape: { reason: 'missing entry' },
  csv_syntax: { reason: 'Quote Not Closed' },
  csv_empty: {},
  csv_no_rows: {},
  column_unnamed: {},
  column_repeated: { attribute: false, previous: 'phone' },
  identity_column_missing: {},
  mapping_not_object: {},
  too_many_fields: { fields: 4, header: 3 },
  not_utf8: {},
  cell_nul: {},
  not_yes_no: { value: 'tal vez' },
  too_long: { limit: 200 },
  not_phone: { value: '5512345678', example: '+5215512345678' },
  not_phone_in_country: { value: '55 12', country: 'MX', example: '+5215512345678' },
  not_email: { value: 'a@' },
  not_time_zone: { value: 'Mars/Olympus' },
  not_locale: { value: 'xx_' },
  tag_too_long: { tag: 'muy-larga' },
  row_needs_identifier: {},
};

function complete(text: ErrorText) {
  for (const lang of LANGS) {
    expect(text[lang].trim(), lang).not.toBe('');
    expect(text[lang], lang).not.toMatch(/undefined|\[object Object\]|NaN/);
  }
}

describe('the error catalog', () => {
  test.each(Object.keys(ERRORS) as ErrorCode[])(
    '%s: a status, and its title and detail in English, Spanish and Portuguese',
    (code) => {
      const { status, title, detail } = describeError(code, SAMPLES[code] as never);
      expect(status).toBeGreaterThanOrEqual(400);
      complete(title);
      complete(detail);
      // Spanish and Portuguese are written, not copied from English.
      expect(title.es).not.toBe(title.en);
      expect(title.pt).not.toBe(title.en);
    },
  );

  test.each(Object.keys(FIELD_ERRORS) as FieldErrorCode[])(
    'field %s: its message in English, Spanish and Portuguese',
    (code) => complete(describeFieldError(code, FIELD_SAMPLES[code] as never)),
  );

  test('the editor says a problem in the user’s language from its code and parameters', () => {
    expect(errorMessage('not_found', { thing: 'contact', id: 'c-9' }, 'es')).toBe(
      'El contacto c-9 no existe en este espacio de trabajo.',
    );
    expect(errorMessage('journey_has_problems', { count: 1, action: 'publish' }, 'pt')).toBe(
      'Corrija 1 problema antes de publicar.',
    );
    expect(fieldErrorMessage('not_email', { value: 'a@' }, 'es')).toBe(
      '«a@» no es un correo válido',
    );
    // A code this build does not know (an older or newer server) gives nothing to say from it.
    expect(errorMessage('no_such_code', {}, 'es')).toBeUndefined();
    // Parameters that do not fit the code: nothing from it either (the answer's own texts serve).
    expect(errorMessage('not_found', null, 'en')).toBeUndefined();
  });
});
