import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { SmsProvider } from './channel-types.js';

/** The embedded default: the SMS goes to the log, as e-mail does without SMTP_URL. */
export function logSmsProvider(): SmsProvider {
  const logger = new Logger('SMS');
  return {
    name: 'log',
    async send({ to, body }) {
      logger.log({ to, body }, 'SMS (no SMS_PROVIDER set)');
      return { providerMessageId: `log-${randomUUID()}` };
    },
  };
}
