import type { Language } from '@tadamon/shared';
import { z } from 'zod';
import type { WhatsAppTemplateMessage } from './channel-types.js';
import { fitSms } from './sms-segments.js';

/**
 * The short form of a message, for SMS and WhatsApp. Mails keep their full text; a short
 * message is the mail's subject (already in the person's language) with its link, or a code.
 */
export const shortMessageSchema = z.discriminatedUnion('template', [
  z.object({ template: z.literal('notice'), values: z.object({ subject: z.string().min(1), link: z.string().min(1) }) }),
  z.object({ template: z.literal('password-code'), values: z.object({ code: z.string().regex(/^\d{6}$/) }) }),
]);
export type ShortMessage = z.infer<typeof shortMessageSchema>;

/** The short form of a rendered mail: its subject and link. */
export function noticeOf(subject: string, link: string): ShortMessage {
  return { template: 'notice', values: { subject, link } };
}

// "10 minutes" matches PHONE_CODE_TTL_MS in modules/password-reset: change both together.
const PASSWORD_CODE: Record<Language, (code: string) => string> = {
  en: (code) => `Tadamon: your password reset code is ${code}. It is valid for 10 minutes. Never share it.`,
  fr: (code) => `Tadamon : votre code pour changer de mot de passe est ${code}. Il est valable 10 minutes. Ne le donnez à personne.`,
  ar: (code) => `تضامن: رمز إعادة تعيين كلمة المرور هو ${code}. صالح لمدة 10 دقائق. لا تشاركه مع أحد.`,
  es: (code) => `Tadamon: tu código para cambiar la contraseña es ${code}. Vale 10 minutos. No lo compartas.`,
  nl: (code) => `Tadamon: je code om je wachtwoord opnieuw in te stellen is ${code}. Tien minuten geldig. Deel hem met niemand.`,
};

/** The SMS text, in the person's language, within two segments (the link and code survive whole). */
export function smsText(language: Language, message: ShortMessage): string {
  if (message.template === 'password-code') return PASSWORD_CODE[language](message.values.code);
  return fitSms((v) => `${v.subject}\n${v.link}`, message.values, 'subject');
}

/**
 * The WhatsApp template for a message. Templates are approved by Meta per name and language
 * with these body parameters: `<prefix>notice` ({{1}} what happened, {{2}} the link) and
 * `<prefix>password_code` ({{1}} the code).
 */
export function whatsAppTemplate(
  language: Language,
  message: ShortMessage,
  prefix: string,
): Omit<WhatsAppTemplateMessage, 'to'> {
  if (message.template === 'password-code') {
    return { template: `${prefix}password_code`, language, parameters: [message.values.code] };
  }
  // Meta refuses template parameters with line breaks, tabs or runs of spaces (error 132018).
  const subject = message.values.subject.replace(/\s+/g, ' ').trim().slice(0, 200);
  return { template: `${prefix}notice`, language, parameters: [subject, message.values.link] };
}
