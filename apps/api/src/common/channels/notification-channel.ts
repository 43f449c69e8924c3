import { Inject, Injectable } from '@nestjs/common';
import type { Language } from '@tadamon/shared';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { JobPayload } from '../jobs/job-catalogue.js';
import { MailService } from '../mail/mail.service.js';
import type { ChannelName, ProviderCallbacks } from './channel-types.js';
import { smsText, whatsAppTemplate, type ShortMessage } from './short-messages.js';
import { smsLength } from './sms-segments.js';
import { createSmsProvider } from './sms-providers.js';
import { createWhatsAppProvider } from './whatsapp-providers.js';

/** A message as every channel may need it, in the recipient's language. */
export interface ChannelContent {
  language: Language;
  email?: JobPayload<'messages.send'>['email'];
  short: ShortMessage;
}

/** One way of reaching a person. The dispatcher tries them in the person's order. */
export interface NotificationChannel {
  readonly name: ChannelName;
  /** The provider behind it, stored with each delivery (callbacks find it by provider + id). */
  readonly provider: string;
  /** The person's address on this channel, or null when it cannot reach them. */
  addressOf(person: { email: string | null; phone: string | null }): string | null;
  /** Whether this message has a form for the channel (a code has no e-mail form). */
  canCarry(content: ChannelContent): boolean;
  /** What it costs against the network's monthly budget: SMS segments, 1 per WhatsApp message, 0 for e-mail. */
  cost(content: ChannelContent): number;
  /** Throws ChannelSendError when the provider refuses or does not answer. */
  send(to: string, content: ChannelContent): Promise<{ providerMessageId: string | null }>;
  readonly callbacks?: ProviderCallbacks;
}

/** The three channels, with the providers the configuration chose. */
@Injectable()
export class NotificationChannels {
  readonly all: Record<ChannelName, NotificationChannel>;

  constructor(@Inject(APP_CONFIG) config: AppConfig, mail: MailService) {
    const sms = createSmsProvider(config);
    const whatsApp = createWhatsAppProvider(config);
    this.all = {
      EMAIL: {
        name: 'EMAIL',
        provider: config.SMTP_URL ? 'smtp' : 'log',
        addressOf: (person) => person.email,
        canCarry: (content) => content.email !== undefined,
        cost: () => 0,
        async send(to, content) {
          await mail.send({ to, ...content.email! });
          return { providerMessageId: null };
        },
      },
      SMS: {
        name: 'SMS',
        provider: sms.name,
        addressOf: (person) => person.phone,
        canCarry: () => true,
        cost: (content) => smsLength(smsText(content.language, content.short)).segments,
        send: (to, content) => sms.send({ to, body: smsText(content.language, content.short) }),
        callbacks: sms.callbacks,
      },
      WHATSAPP: {
        name: 'WHATSAPP',
        provider: whatsApp.name,
        addressOf: (person) => person.phone,
        canCarry: () => true,
        cost: () => 1,
        send: (to, content) =>
          whatsApp.send({ to, ...whatsAppTemplate(content.language, content.short, config.WHATSAPP_TEMPLATE_PREFIX) }),
        callbacks: whatsApp.callbacks,
      },
    };
  }

  /** The channel whose provider answers callbacks at this path (twilio, whatsapp). */
  byCallbackPath(path: string): NotificationChannel | undefined {
    return Object.values(this.all).find((channel) => channel.callbacks?.path === path);
  }
}
