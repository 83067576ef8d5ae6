/** The problem+json the API answers a failed call with (English, Spanish and a stable code). */
export interface Problem {
  title?: string;
  title_es?: string;
  detail?: string;
  detail_es?: string;
  code?: string;
  /** On a 403: the least role the action needs. */
  requiredRole?: string;
  /** On a 429: seconds to wait. */
  retryAfter?: number;
  errors?: FieldError[];
}

/** A failed API call, carrying the problem+json the server sent (title, detail, field errors). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** What to show the user: the Spanish text when the UI is in Spanish and the API gave one. */
  text(lang: 'es' | 'en'): string {
    if (lang === 'es') return this.problem.detail_es ?? this.problem.title_es ?? this.message;
    return this.message;
  }
}

/** Any error as a sentence for the user, in the UI's language. */
export function errorText(error: unknown, lang: 'es' | 'en'): string {
  if (error instanceof ApiError) return error.text(lang);
  return error instanceof Error ? error.message : String(error);
}

export interface FieldError {
  path: string;
  message: string;
  message_es?: string;
  code?: string;
  nodeId?: string;
}

/** JSON over fetch with the session cookie; throws ApiError on non-2xx. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; raw?: BodyInit; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  let body: BodyInit | undefined = init.raw;
  if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const res = await fetch(`/api${path}`, {
    method: init.method ?? (body ? 'POST' : 'GET'),
    headers,
    body,
    credentials: 'same-origin',
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new ApiError(res.status, data ?? {});
  return data as T;
}
