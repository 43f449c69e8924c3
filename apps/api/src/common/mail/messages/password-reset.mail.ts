import type { Language } from '@tadamon/shared';
import { renderMail, type MailContent, type RenderedMail } from './render-mail.js';

export interface PasswordResetMailInput {
  name: string;
  link: string;
}

type Values = { name: string };

// "Within one hour" matches RESET_TOKEN_TTL_MS in modules/password-reset: change both together.
const TEXTS: Record<Language, (v: Values) => MailContent> = {
  en: (v) => ({
    subject: 'Reset your Tadamon password',
    greeting: `Hello ${v.name},`,
    paragraphs: ['We received a request to reset the password of your Tadamon account.'],
    linkIntro: 'To choose a new password, open this link within one hour:',
    button: 'Choose a new password',
    closing: [
      'The link can be used only once.',
      'If you did not ask for this, you can ignore this e-mail: your password stays as it is.',
    ],
  }),
  fr: (v) => ({
    subject: 'Réinitialisation de votre mot de passe Tadamon',
    greeting: `Bonjour ${v.name},`,
    paragraphs: ['Nous avons reçu une demande de réinitialisation du mot de passe de votre compte Tadamon.'],
    linkIntro: 'Pour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure qui vient :',
    button: 'Choisir un nouveau mot de passe',
    closing: [
      'Ce lien ne peut être utilisé qu’une seule fois.',
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
    ],
  }),
  ar: (v) => ({
    subject: 'إعادة تعيين كلمة المرور على منصة تضامن',
    greeting: `مرحبًا ${v.name}،`,
    paragraphs: ['تلقينا طلبًا لإعادة تعيين كلمة المرور الخاصة بحسابك على منصة تضامن.'],
    linkIntro: 'لاختيار كلمة مرور جديدة، افتح الرابط التالي خلال ساعة واحدة:',
    button: 'اختيار كلمة مرور جديدة',
    closing: [
      'لا يمكن استخدام هذا الرابط إلا مرة واحدة.',
      'إذا لم تطلب ذلك، يمكنك تجاهل هذه الرسالة، وستبقى كلمة المرور الحالية دون تغيير.',
    ],
  }),
  es: (v) => ({
    subject: 'Restablece tu contraseña de Tadamon',
    greeting: `Hola, ${v.name}:`,
    paragraphs: ['Hemos recibido una solicitud para restablecer la contraseña de tu cuenta de Tadamon.'],
    linkIntro: 'Para elegir una contraseña nueva, abre este enlace en el plazo de una hora:',
    button: 'Elegir una contraseña nueva',
    closing: [
      'El enlace solo puede usarse una vez.',
      'Si no lo has solicitado, puedes ignorar este mensaje: tu contraseña no cambiará.',
    ],
  }),
  nl: (v) => ({
    subject: 'Stel je Tadamon-wachtwoord opnieuw in',
    greeting: `Hallo ${v.name},`,
    paragraphs: ['We hebben een verzoek ontvangen om het wachtwoord van je Tadamon-account opnieuw in te stellen.'],
    linkIntro: 'Open binnen een uur deze link om een nieuw wachtwoord te kiezen:',
    button: 'Nieuw wachtwoord kiezen',
    closing: [
      'De link kan maar één keer worden gebruikt.',
      'Heb je dit niet aangevraagd? Dan kun je deze e-mail negeren; je wachtwoord blijft ongewijzigd.',
    ],
  }),
};

/** The password-reset e-mail in the account's preferred language. */
export function passwordResetMail(language: Language, input: PasswordResetMailInput): RenderedMail {
  return renderMail(language, TEXTS[language], { name: input.name }, input.link);
}
