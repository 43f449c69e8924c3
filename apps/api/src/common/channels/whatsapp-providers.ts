import type { AppConfig } from '../config/config.js';
import type { WhatsAppProvider } from './channel-types.js';
import { whatsAppCloudProvider } from './whatsapp-cloud.provider.js';
import { logWhatsAppProvider } from './whatsapp-log.provider.js';

export function createWhatsAppProvider(config: AppConfig): WhatsAppProvider {
  return config.WHATSAPP_PHONE_NUMBER_ID ? whatsAppCloudProvider(config) : logWhatsAppProvider();
}
