import type { AppConfig } from '../config/config.js';

export type ChannelName = 'EMAIL' | 'SMS' | 'WHATSAPP';
export type DeliveryStatus = 'QUEUED' | 'SENT' | 'DELIVERED' | 'READ' | 'FAILED';

/** A provider refused or could not take a message; the dispatcher records `code` and tries the next channel. */
export class ChannelSendError extends Error {
  constructor(
    /** Stable, short: `TIMEOUT`, `UNREACHABLE`, `HTTP_400`, or the provider's own code (`twilio:21211`). */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A status callback failed verification: nothing of it may be recorded. */
export class CallbackRejected extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

/** What a verified callback says about one message. */
export interface StatusUpdate {
  providerMessageId: string;
  status: DeliveryStatus;
  /** The provider's own word ("undelivered", "read"…), kept as received. */
  providerStatus: string;
  errorCode?: string;
}

/** A request as it reached us, for signature checks over the exact bytes. */
export interface CallbackRequest {
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
}

/** Status callbacks of one provider, answered at /api/channels/callbacks/<path>. */
export interface ProviderCallbacks {
  path: string;
  /** Throws CallbackRejected unless the request is signed by the provider. */
  verify(request: CallbackRequest): StatusUpdate[];
}

export interface SmsProvider {
  /** Stored with each delivery, so callbacks find their message. */
  readonly name: string;
  send(message: { to: string; body: string }): Promise<{ providerMessageId: string }>;
  readonly callbacks?: ProviderCallbacks;
}

export interface WhatsAppTemplateMessage {
  to: string;
  /** Approved template name, e.g. tadamon_notice. */
  template: string;
  /** Template language code (en, fr, ar, es, nl). */
  language: string;
  /** Body parameters, in order. */
  parameters: string[];
}

export interface WhatsAppProvider {
  readonly name: string;
  send(message: WhatsAppTemplateMessage): Promise<{ providerMessageId: string }>;
  readonly callbacks?: ProviderCallbacks;
}

export type ProviderFactory<P> = (config: AppConfig) => P;

/** Where the provider's callbacks reach us: signed URLs must be the public ones. */
export function callbackUrl(config: AppConfig, path: string): string {
  return `${config.publicUrl}/api/channels/callbacks/${path}`;
}

export function header(request: CallbackRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
