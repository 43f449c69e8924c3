import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ProviderHttpServer, postCallback } from './provider-http-server.js';

export interface SentWhatsApp {
  id: string;
  to: string;
  template: string;
  language: string;
  parameters: string[];
}

interface TemplateRequest {
  messaging_product?: string;
  to?: string;
  type?: string;
  template?: { name?: string; language?: { code?: string }; components?: { type: string; parameters: { text: string }[] }[] };
}

/**
 * The WhatsApp Business Cloud API (Graph API): POST /{version}/{phone-number-id}/messages with a
 * Bearer token and a template message; approved templates only. `deliverStatus` posts a status
 * webhook to the API signed with X-Hub-Signature-256, as Meta does.
 */
export class WhatsAppProviderServer extends ProviderHttpServer {
  readonly sent: SentWhatsApp[] = [];
  /** Templates "approved" for the test business, per language. */
  readonly approved = new Set(['tadamon_notice', 'tadamon_password_code']);
  /** Where Meta would call us: set once the API listens. */
  webhookUrl = '';

  constructor(
    readonly phoneNumberId = '106540352242922',
    readonly accessToken = 'whatsapp-test-access-token',
    readonly appSecret = 'whatsapp-test-app-secret',
  ) {
    super();
  }

  get env(): Record<string, string> {
    return {
      WHATSAPP_API_URL: `${this.url}/v21.0`,
      WHATSAPP_PHONE_NUMBER_ID: this.phoneNumberId,
      WHATSAPP_ACCESS_TOKEN: this.accessToken,
      WHATSAPP_APP_SECRET: this.appSecret,
      WHATSAPP_VERIFY_TOKEN: 'whatsapp-verify-token',
    };
  }

  private error(status: number, code: number, message: string) {
    return { status, body: { error: { message, type: 'OAuthException', code, fbtrace_id: randomBytes(6).toString('hex') } } };
  }

  protected handle(request: IncomingMessage, raw: string) {
    if (request.method !== 'POST' || request.url !== `/v21.0/${this.phoneNumberId}/messages`) {
      return this.error(400, 100, 'Unsupported post request.');
    }
    if (request.headers.authorization !== `Bearer ${this.accessToken}`) {
      return this.error(401, 190, 'Invalid OAuth access token.');
    }
    const body = JSON.parse(raw) as TemplateRequest;
    if (body.messaging_product !== 'whatsapp' || body.type !== 'template' || !body.to || !/^\d{7,15}$/.test(body.to)) {
      return this.error(400, 100, 'Invalid parameter');
    }
    const name = body.template?.name ?? '';
    if (!this.approved.has(name)) return this.error(404, 132001, 'Template name does not exist in the translation');
    const parameters = body.template?.components?.find((c) => c.type === 'body')?.parameters.map((p) => p.text) ?? [];
    if (parameters.some((text) => /[\n\t]| {5,}/.test(text))) {
      return this.error(400, 132018, 'Param text cannot have new-line/tab characters or more than 4 consecutive spaces');
    }
    const id = `wamid.${randomBytes(12).toString('base64url')}`;
    this.sent.push({
      id,
      to: `+${body.to}`,
      template: name,
      language: body.template?.language?.code ?? '',
      parameters,
    });
    return {
      status: 200,
      body: { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id }] },
    };
  }

  async waitFor(to: string, timeoutMs = 10_000): Promise<SentWhatsApp> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.sent.find((m) => m.to === to);
      if (found) return found;
      if (Date.now() > until) throw new Error(`No WhatsApp message to ${to} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** A status webhook as Meta sends it; `forge` signs with another secret, or not at all. */
  deliverStatus(
    message: SentWhatsApp,
    status: 'sent' | 'delivered' | 'read' | 'failed',
    options: { errorCode?: number; forge?: 'wrong-secret' | 'unsigned' } = {},
  ) {
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: this.phoneNumberId },
                statuses: [
                  {
                    id: message.id,
                    status,
                    timestamp: String(Math.floor(Date.now() / 1000)),
                    recipient_id: message.to.slice(1),
                    ...(options.errorCode ? { errors: [{ code: options.errorCode, title: 'Message undeliverable' }] } : {}),
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.forge !== 'unsigned') {
      const secret = options.forge === 'wrong-secret' ? 'another-app-secret' : this.appSecret;
      headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    }
    return postCallback(this.webhookUrl, body, headers);
  }
}
