import type { ErrorCode, FieldErrors } from '@tadamon/shared';

/** An error answer from the API, or a network failure (code `NETWORK`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly fields: FieldErrors;
  readonly requestId: string | undefined;
  /** The answer's `details` as sent (e.g. the other person's change in a 409 CONFLICT). */
  readonly details: unknown;

  constructor(
    status: number,
    code: ErrorCode | 'NETWORK',
    message: string,
    fields: FieldErrors = {},
    requestId?: string,
    details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
    this.details = details;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const API_BASE = '/api';
let csrfToken: string | null = null;
let csrfRequest: Promise<string> | null = null;

/** Called with the session answer's token after sign-in, and with null after sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function ensureCsrfToken(): Promise<string> {
  if (csrfToken) return csrfToken;
  csrfRequest ??= request<{ csrfToken: string }>('GET', '/auth/csrf')
    .then((answer) => {
      csrfToken = answer.csrfToken;
      return answer.csrfToken;
    })
    .finally(() => {
      csrfRequest = null;
    });
  return csrfRequest;
}

/** Fetches the pre-sign-in token ahead (the sign-in page does while the person types). */
export function prefetchCsrfToken(): void {
  ensureCsrfToken().catch(() => {
    // Offline or refused: the request that needs it asks again.
  });
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
  /** Extra request headers, e.g. If-Match for optimistic concurrency. */
  headers?: Record<string, string>;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: { code?: ErrorCode; message?: string; details?: { fields?: FieldErrors }; requestId?: string } = {};
  try {
    body = await response.json();
  } catch {
    // A proxy or an old server may answer HTML; keep the status.
  }
  const fallback: ErrorCode = response.status === 401 ? 'UNAUTHENTICATED' : response.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL';
  return new ApiError(
    response.status,
    body.code ?? fallback,
    body.message ?? response.statusText,
    body.details?.fields ?? {},
    body.requestId,
    body.details,
  );
}

async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
  retried = false,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = await ensureCsrfToken();

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', (cause as Error)?.message ?? 'Network error');
  }

  if (!response.ok) {
    const error = await toApiError(response);
    // A stale token (server restarted, session ended elsewhere): fetch a fresh one and retry once.
    if (error.code === 'CSRF_REJECTED' && method !== 'GET' && !retried) {
      csrfToken = null;
      return request<T>(method, path, body, options, true);
    }
    throw error;
  }
  if (response.status === 204 || response.status === 202) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};
