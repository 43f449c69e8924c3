import { expect } from 'vitest';
import { request } from 'playwright-core';
import { demoTotpSecret, withFreshCode } from './demo-totp';

/**
 * A demo account signed in through the API (session cookie and CSRF token), with the demo
 * coordinator's or admin's second factor given from its published secret.
 */
export async function signedIn(baseUrl: string, email: string) {
  const api = await request.newContext({ baseURL: baseUrl });
  const { csrfToken } = await (await api.get('/api/auth/csrf')).json();
  const answer = await api.post('/api/auth/sign-in', {
    data: { email, password: 'tadamon-demo' },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(answer.status()).toBe(200);
  const session = await answer.json();
  if (session.secondFactor === 'verify') {
    await withFreshCode(demoTotpSecret(email), async (code) => {
      const verified = await api.post('/api/auth/second-factor/verify', {
        data: { code },
        headers: { 'x-csrf-token': session.csrfToken },
      });
      return verified.status() === 204;
    });
  }
  const post = async (path: string, data: object) => {
    const response = await api.post(path, { data, headers: { 'x-csrf-token': session.csrfToken } });
    const body = await response.json();
    expect(response.status(), JSON.stringify(body)).toBeLessThan(300);
    return body;
  };
  return { api, session, post };
}
