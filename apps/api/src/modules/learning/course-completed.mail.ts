import type { Language } from '@tadamon/shared';
import { renderMail, type MailContent, type RenderedMail } from '../../common/mail/messages/render-mail.js';

type Values = { name: string; course: string };

interface CompletedTexts {
  subject: (v: Values) => string;
  greeting: (v: Values) => string;
  done: (v: Values) => string;
  certificate: string;
  linkIntro: string;
  button: string;
  closing: string;
}

/** Whole sentences per language, placeholders in place (never glued fragments). */
const TEXTS: Record<Language, CompletedTexts> = {
  en: {
    subject: (v) => `Course completed: ${v.course}`,
    greeting: (v) => `Hello ${v.name},`,
    done: (v) => `Well done! You have completed the course “${v.course}” on Tadamon.`,
    certificate: 'If this course earns a certificate, you will find it under “My certificates” in a few minutes.',
    linkIntro: 'To look back at the course, open this link:',
    button: 'Open the course',
    closing: 'Thank you for learning with your network.',
  },
  fr: {
    subject: (v) => `Cours terminé : ${v.course}`,
    greeting: (v) => `Bonjour ${v.name},`,
    done: (v) => `Bravo ! Vous avez terminé le cours « ${v.course} » sur Tadamon.`,
    certificate: 'Si ce cours donne droit à un certificat, vous le trouverez d’ici quelques minutes dans « Mes certificats ».',
    linkIntro: 'Pour revoir le cours, ouvrez ce lien :',
    button: 'Ouvrir le cours',
    closing: 'Merci de vous former avec votre réseau.',
  },
  es: {
    subject: (v) => `Curso terminado: ${v.course}`,
    greeting: (v) => `Hola, ${v.name}:`,
    done: (v) => `¡Enhorabuena! Has terminado el curso «${v.course}» en Tadamon.`,
    certificate: 'Si este curso otorga un certificado, lo encontrarás en «Mis certificados» dentro de unos minutos.',
    linkIntro: 'Para volver a ver el curso, abre este enlace:',
    button: 'Abrir el curso',
    closing: 'Gracias por formarte con tu red.',
  },
  nl: {
    subject: (v) => `Cursus afgerond: ${v.course}`,
    greeting: (v) => `Hallo ${v.name},`,
    done: (v) => `Goed gedaan! Je hebt de cursus “${v.course}” op Tadamon afgerond.`,
    certificate: 'Levert deze cursus een certificaat op, dan vind je het over een paar minuten bij “Mijn certificaten”.',
    linkIntro: 'Open deze link om de cursus terug te bekijken:',
    button: 'Cursus openen',
    closing: 'Bedankt dat je leert met je netwerk.',
  },
  ar: {
    subject: (v) => `أكملت الدورة: ${v.course}`,
    greeting: (v) => `مرحبًا ${v.name}،`,
    done: (v) => `أحسنت! لقد أكملت دورة «${v.course}» على منصة تضامن.`,
    certificate: 'إذا كانت هذه الدورة تمنح شهادة، فستجدها في «شهاداتي» خلال بضع دقائق.',
    linkIntro: 'لمراجعة الدورة، افتح الرابط التالي:',
    button: 'فتح الدورة',
    closing: 'شكرًا لتعلّمك مع شبكتك.',
  },
};

/** The completion e-mail in the learner's language. */
export function courseCompletedMail(language: Language, values: Values, link: string): RenderedMail {
  const t = TEXTS[language];
  const content = (v: Values): MailContent => ({
    subject: t.subject(v),
    greeting: t.greeting(v),
    paragraphs: [t.done(v), t.certificate],
    linkIntro: t.linkIntro,
    button: t.button,
    closing: [t.closing],
  });
  return renderMail(language, content, values, link);
}
