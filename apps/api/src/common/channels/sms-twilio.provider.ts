import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../config/config.js';
import {
  CallbackRejected,
  callbackUrl,
  header,
  type CallbackRequest,
  type DeliveryStatus,
  type SmsProvider,
  type StatusUpdate,
} from './channel-types.js';
import { providerRequest } from './provider-http.js';

const CALLBACK_PATH = 'twilio';

/** Twilio's MessageStatus values, as our delivery statuses. */
const STATUSES: Record<string, DeliveryStatus> = {
  accepted: 'QUEUED',
  scheduled: 'QUEUED',
  queued: 'QUEUED',
  sending: 'QUEUED',
  sent: 'SENT',
  delivered: 'DELIVERED',
  read: 'READ',
  undelivered: 'FAILED',
  failed: 'FAILED',
  canceled: 'FAILED',
};

/**
 * The signature Twilio puts in X-Twilio-Signature: base64 HMAC-SHA1, keyed with the auth
 * token, over the callback URL followed by every POST parameter name and value, sorted by name.
 */
export function twilioSignature(authToken: string, url: string, params: URLSearchParams): string {
  const names = [...new Set(params.keys())].sort();
  let data = url;
  for (const name of names) for (const value of params.getAll(name)) data += name + value;
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * SMS through Twilio's Messages API, or any provider that speaks it (SMS_TWILIO_BASE_URL):
 * POST /2010-04-01/Accounts/{sid}/Messages.json, form-encoded, basic auth with SID and token,
 * with a StatusCallback to our signed callback route.
 */
export function twilioSmsProvider(config: AppConfig): SmsProvider {
  const sid = config.SMS_TWILIO_ACCOUNT_SID!;
  const token = config.SMS_TWILIO_AUTH_TOKEN!;
  const from = config.SMS_FROM!;
  const endpoint = `${config.SMS_TWILIO_BASE_URL.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(sid)}/Messages.json`;
  const statusCallback = callbackUrl(config, CALLBACK_PATH);
  return {
    name: 'twilio',
    async send({ to, body }) {
      const form = new URLSearchParams({ To: to, Body: body, StatusCallback: statusCallback });
      form.set(from.startsWith('MG') ? 'MessagingServiceSid' : 'From', from);
      const answer = (await providerRequest(
        endpoint,
        {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: form.toString(),
        },
        config.CHANNEL_TIMEOUT_MS,
        // Twilio's errors carry a numeric code (21211: invalid number, 21610: unsubscribed…).
        (body) => {
          const code = (body as { code?: unknown } | null)?.code;
          return typeof code === 'number' ? `twilio:${code}` : undefined;
        },
      )) as { sid?: unknown };
      if (typeof answer?.sid !== 'string') throw new Error('Twilio answered without a message SID');
      return { providerMessageId: answer.sid };
    },
    callbacks: {
      path: CALLBACK_PATH,
      verify(request: CallbackRequest): StatusUpdate[] {
        const signature = header(request, 'x-twilio-signature');
        if (!signature) throw new CallbackRejected(401, 'Missing X-Twilio-Signature');
        const params = new URLSearchParams(request.rawBody);
        if (!sameSignature(signature, twilioSignature(token, statusCallback, params))) {
          throw new CallbackRejected(403, 'X-Twilio-Signature does not match');
        }
        const id = params.get('MessageSid');
        const providerStatus = params.get('MessageStatus') ?? '';
        const status = STATUSES[providerStatus];
        if (!id || !status) return [];
        const errorCode = params.get('ErrorCode');
        return [{ providerMessageId: id, status, providerStatus, ...(errorCode ? { errorCode: `twilio:${errorCode}` } : {}) }];
      },
    },
  };
}
