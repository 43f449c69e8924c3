import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ProviderHttpServer, postCallback } from './provider-http-server.js';

export interface SentSms {
  sid: string;
  from: string;
  to: string;
  body: string;
  statusCallback: string | null;
}

/**
 * A Twilio-compatible SMS provider: POST /2010-04-01/Accounts/{sid}/Messages.json with basic
 * auth and form fields, answering Twilio's JSON (and its error JSON); `deliverStatus` then calls
 * the message's StatusCallback with an X-Twilio-Signature, as Twilio does. The signature is
 * computed here from Twilio's documented rule, independently of the API's own code.
 */
export class SmsProviderServer extends ProviderHttpServer {
  readonly sent: SentSms[] = [];

  constructor(
    readonly accountSid = 'AC0123456789abcdef',
    readonly authToken = 'twilio-test-auth-token',
  ) {
    super();
  }

  get env(): Record<string, string> {
    return {
      SMS_PROVIDER: 'twilio',
      SMS_TWILIO_BASE_URL: this.url,
      SMS_TWILIO_ACCOUNT_SID: this.accountSid,
      SMS_TWILIO_AUTH_TOKEN: this.authToken,
      SMS_FROM: '+15005550006',
    };
  }

  protected handle(request: IncomingMessage, raw: string) {
    const expectedPath = `/2010-04-01/Accounts/${this.accountSid}/Messages.json`;
    if (request.method !== 'POST' || request.url !== expectedPath) {
      return { status: 404, body: { code: 20404, message: 'The requested resource was not found', status: 404 } };
    }
    const auth = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    if (request.headers.authorization !== auth) {
      return { status: 401, body: { code: 20003, message: 'Authentication Error - invalid username', status: 401 } };
    }
    const form = new URLSearchParams(raw);
    const to = form.get('To') ?? '';
    if (!/^\+[1-9]\d{6,14}$/.test(to)) {
      return { status: 400, body: { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, status: 400 } };
    }
    const body = form.get('Body') ?? '';
    if (!body) return { status: 400, body: { code: 21602, message: 'Message body is required.', status: 400 } };
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const from = form.get('From') ?? form.get('MessagingServiceSid') ?? '';
    this.sent.push({ sid, from, to, body, statusCallback: form.get('StatusCallback') });
    return { status: 201, body: { sid, account_sid: this.accountSid, to, from, body, status: 'queued', num_segments: '1' } };
  }

  /** Waits for an SMS to `to`, as a person waits for their phone to buzz. */
  async waitFor(to: string, timeoutMs = 10_000): Promise<SentSms> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.sent.find((m) => m.to === to);
      if (found) return found;
      if (Date.now() > until) throw new Error(`No SMS to ${to} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  for(to: string): SentSms[] {
    return this.sent.filter((m) => m.to === to);
  }

  static signature(token: string, url: string, params: URLSearchParams): string {
    const data = url + [...params.keys()].sort().map((key) => key + params.get(key)).join('');
    return createHmac('sha1', token).update(data).digest('base64');
  }

  /**
   * Calls the message's StatusCallback like Twilio. `forge`: sign with the wrong token, send no
   * signature, or change a field after signing.
   */
  deliverStatus(
    message: SentSms,
    status: 'sent' | 'delivered' | 'undelivered' | 'failed',
    options: { errorCode?: string; forge?: 'wrong-token' | 'unsigned' | 'tampered' } = {},
  ) {
    const params = new URLSearchParams({
      AccountSid: this.accountSid,
      MessageSid: message.sid,
      SmsSid: message.sid,
      MessageStatus: status,
      To: message.to,
      From: message.from,
      ApiVersion: '2010-04-01',
    });
    if (options.errorCode) params.set('ErrorCode', options.errorCode);
    const url = message.statusCallback!;
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (options.forge !== 'unsigned') {
      headers['x-twilio-signature'] = SmsProviderServer.signature(
        options.forge === 'wrong-token' ? 'not-the-auth-token' : this.authToken,
        url,
        params,
      );
    }
    if (options.forge === 'tampered') params.set('MessageStatus', 'delivered');
    return postCallback(url, params.toString(), headers);
  }
}
