import type { AppType } from '@ruta/api';
import { errorMessage, fieldErrorMessage } from '@ruta/shared';
import { type ClientResponse, hc } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';

/** The languages the editor speaks. */
type Lang = 'es' | 'pt' | 'en';

/**
 * The problem+json the API answers a failed call with: a stable `code` from the error catalog
 * and its parameters, the English `title`/`detail`, and the same in Spanish and Portuguese.
 */
export interface Problem {
  code?: string;
  params?: Record<string, unknown>;
  title?: string;
  title_es?: string;
  title_pt?: string;
  detail?: string;
  detail_es?: string;
  detail_pt?: string;
  /** On a 403: the least role the action needs. */
  requiredRole?: string;
  /** On a 429: seconds to wait. */
  retryAfter?: number;
  errors?: FieldError[];
}

/** A failed API call, carrying the problem+json the server sent (code, texts, field errors). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** What to show the user, in the UI's language: from the code's catalog entry when known. */
  text(lang: Lang): string {
    const p = this.problem;
    const fromCode = errorMessage(p.code, p.params, lang);
    if (fromCode) return fromCode;
    if (lang === 'es') return p.detail_es ?? p.title_es ?? this.message;
    if (lang === 'pt') return p.detail_pt ?? p.title_pt ?? this.message;
    return this.message;
  }

  /** The text and each field's problem, for a place that lists them together. */
  fullText(lang: Lang): string {
    return [this.text(lang), ...(this.problem.errors ?? []).map((e) => fieldText(e, lang))].join(
      ' · ',
    );
  }
}

/** Any error as a sentence for the user, in the UI's language. */
export function errorText(error: unknown, lang: Lang): string {
  if (error instanceof ApiError) return error.text(lang);
  return error instanceof Error ? error.message : String(error);
}

export interface FieldError {
  path: string;
  code?: string;
  params?: Record<string, unknown>;
  message: string;
  message_es?: string;
  message_pt?: string;
  nodeId?: string;
}

/** One field's problem in the UI's language: from its code when the catalog has it. */
export function fieldText(
  error: Pick<FieldError, 'code' | 'params' | 'message' | 'message_es' | 'message_pt'>,
  lang: Lang,
): string {
  const fromCode = error.params ? fieldErrorMessage(error.code, error.params, lang) : undefined;
  if (fromCode) return fromCode;
  if (lang === 'es') return error.message_es ?? error.message;
  if (lang === 'pt') return error.message_pt ?? error.message;
  return error.message;
}

/**
 * Streams a CSV file to the contact import (a `text/csv` body, which the typed client does not
 * send); answers the import's id to follow with `client.contacts.imports[':importId']`, and how
 * each column is read, in the file's order.
 */
export function uploadCsv(
  file: File,
  options: {
    country?: string | undefined;
    skipInvalid?: boolean;
    dryRun?: boolean;
    /** Header → how to read it (`phone`, `attributes.talla`, `ignore`), over the automatic reading. */
    mapping?: Record<string, string> | undefined;
  } = {},
) {
  const query = new URLSearchParams();
  if (options.dryRun) query.set('dryRun', 'true');
  if (options.country) query.set('country', options.country);
  if (options.skipInvalid) query.set('skipInvalid', 'true');
  if (options.mapping && Object.keys(options.mapping).length > 0)
    query.set('mapping', JSON.stringify(options.mapping));
  const search = query.size > 0 ? `?${query}` : '';
  return call(
    fetch(`/api/contacts/import${search}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: file,
      credentials: 'same-origin',
    }) as Promise<
      ClientResponse<{ importId: string; columns: Record<string, string> }, 202, 'json'>
    >,
  );
}

/**
 * The API, typed by its own route schemas (`AppType`): `client.journeys[':id'].$get({ param })`.
 * A field added to an answer's schema reaches these types; nothing here is written by hand.
 */
export const client = hc<AppType>(globalThis.location?.origin ?? 'http://localhost', {
  init: { credentials: 'same-origin' },
}).api;

type AnyResponse = ClientResponse<unknown, number, string>;
/** The body of a call's successful answers (204: undefined). */
export type Ok<R> =
  R extends ClientResponse<infer T, infer S, string>
    ? S extends SuccessStatusCode
      ? S extends 204
        ? undefined
        : T
      : never
    : never;

/** The successful answer of a client call, e.g. `Answer<typeof client.journeys.$get>`. */
export type Answer<F extends (...args: never[]) => Promise<unknown>> = Ok<Awaited<ReturnType<F>>>;

/** Awaits a typed call: its JSON on 2xx; an ApiError (problem+json) otherwise. */
export async function call<R extends AnyResponse>(request: Promise<R>): Promise<Ok<R>> {
  const res = await request;
  if (res.status === 204) return undefined as Ok<R>;
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new ApiError(res.status, data ?? {});
  return data as Ok<R>;
}
