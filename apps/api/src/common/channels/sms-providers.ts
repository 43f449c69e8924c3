import type { AppConfig } from '../config/config.js';
import type { ProviderFactory, SmsProvider } from './channel-types.js';
import { logSmsProvider } from './sms-log.provider.js';
import { twilioSmsProvider } from './sms-twilio.provider.js';

/** SMS_PROVIDER → provider. A new provider is one file and one line here (and one enum value in config). */
const SMS_PROVIDERS: Record<AppConfig['SMS_PROVIDER'], ProviderFactory<SmsProvider>> = {
  log: logSmsProvider,
  twilio: twilioSmsProvider,
};

export function createSmsProvider(config: AppConfig): SmsProvider {
  return SMS_PROVIDERS[config.SMS_PROVIDER](config);
}
