import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../test/render';
import { ApiError, api, setCsrfToken } from './api-client';
import { getSession } from './session';

describe('api client', () => {
  it('turns an error answer into an ApiError with its code, status and field errors', async () => {
    mockFetch({
      'GET /api/organisations/x': () =>
        json(404, { code: 'NOT_FOUND', message: 'Not found', requestId: 'req-1', details: { fields: {} } }),
    });
    const error = await api.get('/organisations/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, requestId: 'req-1' });
  });

  it('fetches a CSRF token once before the first state-changing request, sends cookies', async () => {
    const calls = mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 'abc' }),
      'POST /api/auth/password-reset/request': () => json(202, null),
    });
    await api.post('/auth/password-reset/request', { email: 'a@b.org' });
    await api.post('/auth/password-reset/request', { email: 'a@b.org' });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/auth/csrf',
      'POST /api/auth/password-reset/request',
      'POST /api/auth/password-reset/request',
    ]);
    expect(calls[1]!.headers.get('x-csrf-token')).toBe('abc');
    expect(calls[0]!.headers.get('x-csrf-token')).toBeNull();
  });

  it('retries once with a fresh token when the server rejects the CSRF token', async () => {
    let tokens = 0;
    let attempts = 0;
    mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: `fresh-${++tokens}` }),
      'DELETE /api/invitations/1': ({ headers }) =>
        ++attempts === 1
          ? json(403, { code: 'CSRF_REJECTED', message: 'bad token', requestId: 'r' })
          : json(204, { seen: headers.get('x-csrf-token') }),
    });
    setCsrfToken('stale');
    await expect(api.delete('/invitations/1')).resolves.toBeUndefined();
    expect(attempts).toBe(2);
  });

  it('reports a dropped connection as code NETWORK', async () => {
    globalThis.fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    await expect(api.get('/networks')).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });

  it('reads a 401 on /auth/session as "signed out", not as an error', async () => {
    mockFetch({ 'GET /api/auth/session': () => json(401, { code: 'UNAUTHENTICATED', message: 'no', requestId: 'r' }) });
    await expect(getSession()).resolves.toBeNull();
  });
});
