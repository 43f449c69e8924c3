import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { CallbackRejected } from './channel-types.js';
import { twilioSignature, twilioSmsProvider } from './sms-twilio.provider.js';
import { hubSignature, whatsAppCloudProvider } from './whatsapp-cloud.provider.js';

describe('provider signatures, checked against the providers\u2019 published examples', () => {
  it('computes X-Twilio-Signature as in Twilio\u2019s security documentation', () => {
    const params = new URLSearchParams({
      CallSid: 'CA1234567890ABCDE',
      Caller: '+12349013030',
      Digits: '1234',
      From: '+12349013030',
      To: '+18005551212',
    });
    expect(twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });

  it('computes the sha256= HMAC of the raw body (the X-Hub-Signature-256 scheme)', () => {
    // The same scheme's published example (GitHub webhooks documentation).
    expect(hubSignature("It's a Secret to Everybody", 'Hello, World!')).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    );
  });

  it('checks the signature against the public callback URL, not whatever host the request names', () => {
    const config = loadConfig({
      PUBLIC_URL: 'https://tadamon.example',
      SMS_PROVIDER: 'twilio',
      SMS_TWILIO_ACCOUNT_SID: 'AC0123456789abcdef',
      SMS_TWILIO_AUTH_TOKEN: 'token-of-the-account',
      SMS_FROM: 'Tadamon',
    });
    const provider = twilioSmsProvider(config);
    const body = new URLSearchParams({ MessageSid: 'SM1', MessageStatus: 'delivered' });
    const signedFor = (url: string) => twilioSignature('token-of-the-account', url, body);
    const good = provider.callbacks!.verify({
      headers: { 'x-twilio-signature': signedFor('https://tadamon.example/api/channels/callbacks/twilio') },
      rawBody: body.toString(),
    });
    expect(good).toEqual([{ providerMessageId: 'SM1', status: 'DELIVERED', providerStatus: 'delivered' }]);
    expect(() =>
      provider.callbacks!.verify({
        headers: { 'x-twilio-signature': signedFor('https://attacker.example/api/channels/callbacks/twilio') },
        rawBody: body.toString(),
      }),
    ).toThrow(CallbackRejected);
  });

  it('reads WhatsApp statuses only from a body signed with the app secret', () => {
    const config = loadConfig({
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      WHATSAPP_ACCESS_TOKEN: 'access-token',
      WHATSAPP_APP_SECRET: 'the-app-secret',
    });
    const provider = whatsAppCloudProvider(config);
    const raw = JSON.stringify({
      entry: [{ changes: [{ value: { statuses: [{ id: 'wamid.1', status: 'failed', errors: [{ code: 131047 }] }] } }] }],
    });
    expect(provider.callbacks!.verify({ headers: { 'x-hub-signature-256': hubSignature('the-app-secret', raw) }, rawBody: raw })).toEqual([
      { providerMessageId: 'wamid.1', status: 'FAILED', providerStatus: 'failed', errorCode: 'whatsapp:131047' },
    ]);
    // One byte changed after signing.
    const changed = raw.replace('failed', 'read');
    expect(() =>
      provider.callbacks!.verify({ headers: { 'x-hub-signature-256': hubSignature('the-app-secret', raw) }, rawBody: changed }),
    ).toThrow(CallbackRejected);
  });
});
