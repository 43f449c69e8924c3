import { dateLocale, isLanguage, type Language } from '@tadamon/shared';
import { renderMail, type MailContent, type RenderedMail } from '../../common/mail/messages/render-mail.js';

type Values = { name: string; certificate: string; date: string };

/** One whole sentence per language, placeholders in place. */
const TEXTS: Record<Language, (v: Values) => MailContent> = {
  en: (v) => ({
    subject: `Your certificate “${v.certificate}” expires on ${v.date}`,
    greeting: `Hello ${v.name},`,
    paragraphs: [`Your certificate “${v.certificate}” is valid until ${v.date}.`, 'To renew it, complete the refresher course, or ask your organisation leader about a new assessment.'],
    linkIntro: 'See your certificates here:',
    button: 'My certificates',
    closing: [],
  }),
  fr: (v) => ({
    subject: `Votre certificat « ${v.certificate} » expire le ${v.date}`,
    greeting: `Bonjour ${v.name},`,
    paragraphs: [`Votre certificat « ${v.certificate} » est valable jusqu'au ${v.date}.`, "Pour le renouveler, suivez la formation de remise à niveau ou demandez une nouvelle évaluation au responsable de votre organisation."],
    linkIntro: 'Voyez vos certificats ici :',
    button: 'Mes certificats',
    closing: [],
  }),
  es: (v) => ({
    subject: `Tu certificado «${v.certificate}» caduca el ${v.date}`,
    greeting: `Hola, ${v.name}:`,
    paragraphs: [`Tu certificado «${v.certificate}» es válido hasta el ${v.date}.`, 'Para renovarlo, completa el curso de actualización o pide una nueva evaluación a la persona responsable de tu organización.'],
    linkIntro: 'Consulta tus certificados aquí:',
    button: 'Mis certificados',
    closing: [],
  }),
  nl: (v) => ({
    subject: `Je certificaat „${v.certificate}” verloopt op ${v.date}`,
    greeting: `Hallo ${v.name},`,
    paragraphs: [`Je certificaat „${v.certificate}” is geldig tot ${v.date}.`, 'Volg de opfriscursus om het te verlengen, of vraag de leiding van je organisatie om een nieuwe beoordeling.'],
    linkIntro: 'Bekijk je certificaten hier:',
    button: 'Mijn certificaten',
    closing: [],
  }),
  ar: (v) => ({
    subject: `تنتهي صلاحية شهادتك «${v.certificate}» في ${v.date}`,
    greeting: `مرحبًا ${v.name}،`,
    paragraphs: [`شهادتك «${v.certificate}» صالحة حتى ${v.date}.`, 'لتجديدها، أكمل دورة التحديث أو اطلب تقييمًا جديدًا من مسؤول منظمتك.'],
    linkIntro: 'اطّلع على شهاداتك من هنا:',
    button: 'شهاداتي',
    closing: [],
  }),
};

export function expiryReminderMail(input: { language: string; name: string; certificate: string; expiresAt: Date; link: string }): RenderedMail {
  const language: Language = isLanguage(input.language) ? input.language : 'en';
  const date = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(input.expiresAt);
  return renderMail(language, TEXTS[language], { name: input.name, certificate: input.certificate, date }, input.link);
}
