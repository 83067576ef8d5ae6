import { ChannelConfigs, type ProviderKind, SECRET_FIELDS } from '@ruta/shared';
import { type FieldError, fieldText } from '../api/client';
import type { Lang } from '../i18n/index';

/** Providers a marketer configures in the form; the sandbox needs no configuration. */
export type EditableProvider = Exclude<ProviderKind, 'sandbox'>;
export const EDITABLE_PROVIDERS: readonly EditableProvider[] = ['whatsapp', 'twilio', 'smtp'];

export interface FieldSpec {
  key: string;
  input: 'text' | 'number' | 'boolean';
  /** Behind "Advanced options": rarely changed. */
  advanced?: boolean;
  /** Identifiers and tokens read better in a monospace font. */
  mono?: boolean;
}

/** The config fields of each provider, in the order the form shows them. */
export const PROVIDER_FIELDS: Record<EditableProvider, readonly FieldSpec[]> = {
  whatsapp: [
    { key: 'phoneNumberId', input: 'text', mono: true },
    { key: 'businessAccountId', input: 'text', mono: true },
    { key: 'accessToken', input: 'text', mono: true },
    { key: 'appSecret', input: 'text', mono: true },
    { key: 'verifyToken', input: 'text', mono: true },
    { key: 'apiVersion', input: 'text', advanced: true, mono: true },
  ],
  twilio: [
    { key: 'accountSid', input: 'text', mono: true },
    { key: 'authToken', input: 'text', mono: true },
    { key: 'from', input: 'text', mono: true },
  ],
  smtp: [
    { key: 'host', input: 'text', mono: true },
    { key: 'port', input: 'number' },
    { key: 'secure', input: 'boolean' },
    { key: 'user', input: 'text' },
    { key: 'password', input: 'text' },
    { key: 'from', input: 'text' },
  ],
};

export function isSecret(provider: ProviderKind, key: string): boolean {
  return SECRET_FIELDS[provider].includes(key);
}

export function isOptional(provider: EditableProvider, key: string): boolean {
  const shape = ChannelConfigs[provider].shape as Record<
    string,
    { safeParse(v: unknown): unknown }
  >;
  const field = shape[key];
  return field ? (field.safeParse(undefined) as { success: boolean }).success : true;
}

export type FormValues = Record<string, string | boolean>;

/** Empty values for a new channel (SMTP starts on the submission port with STARTTLS). */
export function initialValues(
  provider: EditableProvider,
  config: Record<string, unknown> = {},
): FormValues {
  const values: FormValues = {};
  for (const field of PROVIDER_FIELDS[provider]) {
    const stored = isSecret(provider, field.key) ? undefined : config[field.key];
    if (field.input === 'boolean') values[field.key] = stored === undefined ? false : !!stored;
    else values[field.key] = stored === undefined || stored === null ? '' : String(stored);
  }
  if (provider === 'smtp' && config.port === undefined) values.port = '587';
  return values;
}

/**
 * The config to send: blanks are left out, so an untyped secret is not sent (on edit the stored one
 * stays) and an empty optional field is absent.
 */
export function toConfig(provider: EditableProvider, values: FormValues): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const field of PROVIDER_FIELDS[provider]) {
    const value = values[field.key];
    if (field.input === 'boolean') {
      config[field.key] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') continue;
    config[field.key] = field.input === 'number' ? Number(text) : text;
  }
  return config;
}

/** On edit, a saved optional field the marketer emptied is sent as null, which clears it. */
export function clearedOnEdit(
  provider: EditableProvider,
  values: FormValues,
  config: Record<string, unknown>,
  stored: Record<string, unknown>,
): Record<string, unknown> {
  const patch: Record<string, unknown> = { ...config };
  for (const field of PROVIDER_FIELDS[provider]) {
    if (field.input === 'boolean' || isSecret(provider, field.key)) continue;
    const value = values[field.key];
    const blank = typeof value !== 'string' || value.trim() === '';
    if (blank && field.key in stored && isOptional(provider, field.key)) patch[field.key] = null;
  }
  return patch;
}

export type FieldIssue = 'required' | 'invalid' | 'passwordAgain';

/**
 * What is wrong per field, by the provider's schema. On edit a secret left blank keeps the stored
 * value, so its absence is not a problem.
 */
export function validateConfig(
  provider: EditableProvider,
  config: Record<string, unknown>,
  mode: 'create' | 'edit',
): Record<string, FieldIssue> {
  const result = ChannelConfigs[provider].safeParse(config);
  const issues: Record<string, FieldIssue> = {};
  if (result.success) return issues;
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (!key || issues[key]) continue;
    const missing = config[key] === undefined;
    if (missing && mode === 'edit' && isSecret(provider, key)) continue;
    issues[key] = missing ? 'required' : 'invalid';
  }
  return issues;
}

/**
 * A saved SMTP password goes only to the server it was typed for: moving the channel to another
 * host or port needs it typed again (the server refuses otherwise; this says so before saving).
 */
export function passwordNeededAgain(
  provider: EditableProvider,
  config: Record<string, unknown>,
  stored: { config: Record<string, unknown>; secretsSet: readonly string[] } | undefined,
): boolean {
  if (provider !== 'smtp' || !stored?.secretsSet.includes('password')) return false;
  const moved = config.host !== stored.config.host || config.port !== stored.config.port;
  return moved && config.password === undefined;
}

/**
 * The server's field problems placed at the form's fields: `config.phoneNumberId` (or a bare
 * `phoneNumberId`) goes to that input, `name` to the name; the rest stays general.
 */
export function placeServerErrors(
  errors: readonly FieldError[],
  fieldKeys: readonly string[],
  lang: Lang,
): { atField: Record<string, string>; general: string[] } {
  const atField: Record<string, string> = {};
  const general: string[] = [];
  for (const error of errors) {
    const message = fieldText(error, lang);
    const key = error.path.replace(/^\/?(config[./])?/, '').split(/[./[]/)[0] ?? '';
    if (key === 'name' || fieldKeys.includes(key)) {
      atField[key] = atField[key] ? `${atField[key]} ${message}` : message;
    } else general.push(error.path ? `${error.path}: ${message}` : message);
  }
  return { atField, general };
}
