/**
 * A stand-in SMS provider for the browser journeys: speaks Twilio's Messages API (the API's
 * `SMS_PROVIDER=twilio`) on a free local port and keeps what it received, which the journeys
 * read at GET /__sent?to=<E.164> (an inspection route of the stand-in, not of Twilio).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSms {
  sid: string;
  to: string;
  from: string;
  body: string;
  receivedAt: string;
}

const ACCOUNT_SID = 'ACe2e0000000000000000000000000000';
const AUTH_TOKEN = 'e2e-twilio-auth-token';

export async function startSmsStandIn(): Promise<{ url: string; env: Record<string, string>; stop: () => Promise<void> }> {
  const received: ReceivedSms[] = [];
  const server: Server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://stand-in');
      const answer = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.method === 'GET' && url.pathname === '/__sent') {
        const to = url.searchParams.get('to');
        return answer(200, received.filter((m) => !to || m.to === to));
      }
      if (request.method !== 'POST' || url.pathname !== `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`) {
        return answer(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      }
      if (request.headers.authorization !== `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`) {
        return answer(401, { code: 20003, message: 'Authentication Error', status: 401 });
      }
      const form = new URLSearchParams(raw);
      const sms: ReceivedSms = {
        sid: `SM${randomBytes(16).toString('hex')}`,
        to: form.get('To') ?? '',
        from: form.get('From') ?? '',
        body: form.get('Body') ?? '',
        receivedAt: new Date().toISOString(),
      };
      if (!/^\+[1-9]\d{6,14}$/.test(sms.to)) return answer(400, { code: 21211, message: 'Invalid To number', status: 400 });
      received.push(sms);
      return answer(201, { sid: sms.sid, to: sms.to, from: sms.from, body: sms.body, status: 'queued', num_segments: '1' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    env: {
      SMS_PROVIDER: 'twilio',
      SMS_TWILIO_BASE_URL: url,
      SMS_TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      SMS_TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      SMS_FROM: '+15005550006',
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Waits until the stand-in received an SMS to `to` whose text matches. */
export async function waitForSms(standInUrl: string, to: string, matches: (body: string) => boolean, timeoutMs = 100_000): Promise<ReceivedSms> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const sent = (await (await fetch(`${standInUrl}/__sent?to=${encodeURIComponent(to)}`)).json()) as ReceivedSms[];
    const found = sent.find((m) => matches(m.body));
    if (found) return found;
    if (Date.now() > until) throw new Error(`No matching SMS to ${to} within ${timeoutMs / 1000}s; received: ${JSON.stringify(sent)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
