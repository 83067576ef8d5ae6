import { accessErrors } from './catalog/access';
import { channelErrors } from './catalog/channels';
import { contactErrors } from './catalog/contacts';
import { csvErrors } from './catalog/csv';
import { fieldErrors } from './catalog/fields';
import { handoffErrors } from './catalog/handoffs';
import { journeyErrors } from './catalog/journeys';
import { requestErrors } from './catalog/request';
import { sourceErrors } from './catalog/sources';
import { webhookErrors } from './catalog/webhooks';
import type { ErrorEntry, ErrorText, FieldEntry, Lang } from './text';

/**
 * Every problem a user can meet, by stable code: its HTTP status, and its title and detail in
 * English, Spanish and Portuguese. The API answers with the code, its parameters and the texts;
 * the editor says the text in the user's language from the code.
 */
export const ERRORS = {
  ...requestErrors,
  ...accessErrors,
  ...journeyErrors,
  ...contactErrors,
  ...channelErrors,
  ...webhookErrors,
  ...sourceErrors,
  ...handoffErrors,
};
export type ErrorCode = keyof typeof ERRORS;
export type ErrorParams<C extends ErrorCode> =
  (typeof ERRORS)[C] extends ErrorEntry<infer P> ? P : never;

/** What one field or CSV cell can be wrong with, by stable code. */
export const FIELD_ERRORS = { ...fieldErrors, ...csvErrors };
export type FieldErrorCode = keyof typeof FIELD_ERRORS;
export type FieldErrorParams<C extends FieldErrorCode> =
  (typeof FIELD_ERRORS)[C] extends FieldEntry<infer P> ? P : never;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERRORS, code);
}

export function isFieldErrorCode(code: unknown): code is FieldErrorCode {
  return typeof code === 'string' && Object.hasOwn(FIELD_ERRORS, code);
}

/** A problem's title and detail in every language. */
export function describeError<C extends ErrorCode>(
  code: C,
  params: ErrorParams<C>,
): { status: number; title: ErrorText; detail: ErrorText } {
  const entry = ERRORS[code] as ErrorEntry<ErrorParams<C>>;
  return { status: entry.status, title: entry.title, detail: entry.detail(params) };
}

/** A field's message in every language. */
export function describeFieldError<C extends FieldErrorCode>(
  code: C,
  params: FieldErrorParams<C>,
): ErrorText {
  return (FIELD_ERRORS[code] as FieldEntry<FieldErrorParams<C>>)(params);
}

/**
 * The problem's detail in `lang` from its code and parameters, when the code is in the catalog
 * (an answer from an older or newer server may carry one this build does not know).
 */
export function errorMessage(code: unknown, params: unknown, lang: Lang): string | undefined {
  if (!isErrorCode(code)) return undefined;
  try {
    const entry = ERRORS[code] as ErrorEntry<unknown>;
    return entry.detail(params ?? {})[lang];
  } catch {
    return undefined;
  }
}

/** A field problem's message in `lang` from its code and parameters, when the code is known. */
export function fieldErrorMessage(code: unknown, params: unknown, lang: Lang): string | undefined {
  if (!isFieldErrorCode(code)) return undefined;
  try {
    return (FIELD_ERRORS[code] as FieldEntry<unknown>)(params ?? {})[lang];
  } catch {
    return undefined;
  }
}

/**
 * A field rule for a zod `refine`/`addIssue`: the English message, and the code with every
 * language in `params`, which validation reads back (`fieldIssue`).
 */
export function fieldRule<C extends FieldErrorCode>(code: C, params: FieldErrorParams<C>) {
  const message = describeFieldError(code, params);
  return { message: message.en, params: { code, message } };
}
