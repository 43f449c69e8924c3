import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { WhatsAppProvider } from './channel-types.js';

/** The embedded default without WHATSAPP_PHONE_NUMBER_ID: the template message goes to the log. */
export function logWhatsAppProvider(): WhatsAppProvider {
  const logger = new Logger('WhatsApp');
  return {
    name: 'log',
    async send(message) {
      logger.log(message, 'WhatsApp (no WHATSAPP_PHONE_NUMBER_ID set)');
      return { providerMessageId: `log-${randomUUID()}` };
    },
  };
}

