import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../config/config.js';
import {
  CallbackRejected,
  header,
  type CallbackRequest,
  type DeliveryStatus,
  type StatusUpdate,
  type WhatsAppProvider,
} from './channel-types.js';
import { providerRequest } from './provider-http.js';

const STATUSES: Record<string, DeliveryStatus> = {
  sent: 'SENT',
  delivered: 'DELIVERED',
  read: 'READ',
  failed: 'FAILED',
};

/** The X-Hub-Signature-256 value Meta sends: `sha256=` + hex HMAC-SHA256 of the raw body, keyed with the app secret. */
export function hubSignature(appSecret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody, 'utf8').digest('hex')}`;
}

interface WebhookBody {
  entry?: { changes?: { value?: { statuses?: { id?: string; status?: string; errors?: { code?: number }[] }[] } }[] }[];
}

/**
 * WhatsApp Business Cloud API: approved template messages only (the only kind a business may
 * send first), POST /{phone-number-id}/messages with a Bearer token; delivery statuses come
 * back on the webhook, signed with the app secret.
 */
export function whatsAppCloudProvider(config: AppConfig): WhatsAppProvider {
  const endpoint = `${config.WHATSAPP_API_URL.replace(/\/$/, '')}/${config.WHATSAPP_PHONE_NUMBER_ID}/messages`;
  const secret = config.WHATSAPP_APP_SECRET!;
  return {
    name: 'whatsapp-cloud',
    async send({ to, template, language, parameters }) {
      const answer = (await providerRequest(
        endpoint,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${config.WHATSAPP_ACCESS_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            messaging_product: 'whatsapp',
            recipient_type: 'individual',
            to: to.replace(/^\+/, ''),
            type: 'template',
            template: {
              name: template,
              language: { code: language },
              components: [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) }],
            },
          }),
        },
        config.CHANNEL_TIMEOUT_MS,
        // Graph API errors: {error: {code: 131026, …}} (131026: not a WhatsApp user, 132001: no such template…).
        (body) => {
          const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
          return typeof code === 'number' ? `whatsapp:${code}` : undefined;
        },
      )) as { messages?: { id?: unknown }[] };
      const id = answer?.messages?.[0]?.id;
      if (typeof id !== 'string') throw new Error('WhatsApp answered without a message id');
      return { providerMessageId: id };
    },
    callbacks: {
      path: 'whatsapp',
      verify(request: CallbackRequest): StatusUpdate[] {
        const signature = header(request, 'x-hub-signature-256');
        if (!signature) throw new CallbackRejected(401, 'Missing X-Hub-Signature-256');
        const expected = Buffer.from(hubSignature(secret, request.rawBody));
        const given = Buffer.from(signature);
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          throw new CallbackRejected(403, 'X-Hub-Signature-256 does not match');
        }
        let body: WebhookBody;
        try {
          body = JSON.parse(request.rawBody) as WebhookBody;
        } catch {
          return [];
        }
        const updates: StatusUpdate[] = [];
        for (const entry of body.entry ?? []) {
          for (const change of entry.changes ?? []) {
            for (const item of change.value?.statuses ?? []) {
              const status = item.status ? STATUSES[item.status] : undefined;
              if (!item.id || !status) continue;
              const code = item.errors?.[0]?.code;
              updates.push({
                providerMessageId: item.id,
                status,
                providerStatus: item.status!,
                ...(code !== undefined ? { errorCode: `whatsapp:${code}` } : {}),
              });
            }
          }
        }
        return updates;
      },
    },
  };
}
