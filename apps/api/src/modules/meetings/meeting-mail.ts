import { isLanguage, type Language } from '@tadamon/shared';
import { formatMailDate, renderMail, type MailContent, type RenderedMail } from '../../common/mail/messages/render-mail.js';

export type MeetingMailKind = 'invitation' | 'updated' | 'cancelled' | 'reminder24h' | 'reminder1h' | 'reminder' | 'promoted';

type Values = { name: string; title: string; host: string; when: string; hostWhen: string };

/** One whole sentence per message and language; placeholders in place, nothing glued together. */
interface Texts {
  subjects: Record<MeetingMailKind, (v: Values) => string>;
  intros: Record<MeetingMailKind, (v: Values) => string>;
  greeting: (v: Values) => string;
  when: (v: Values) => string;
  linkIntro: string;
  button: string;
  calendar: string;
}

const TEXTS: Record<Language, Texts> = {
  en: {
    subjects: {
      invitation: (v) => `Invitation: ${v.title}`,
      updated: (v) => `Changed: ${v.title}`,
      cancelled: (v) => `Cancelled: ${v.title}`,
      reminder24h: (v) => `Tomorrow: ${v.title}`,
      reminder1h: (v) => `In one hour: ${v.title}`,
      reminder: (v) => `Reminder: ${v.title}`,
      promoted: (v) => `A seat is free for you: ${v.title}`,
    },
    intros: {
      invitation: (v) => `${v.host} invites your organisation to the meeting “${v.title}”.`,
      updated: (v) => `The meeting “${v.title}” hosted by ${v.host} has changed.`,
      cancelled: (v) => `The meeting “${v.title}” hosted by ${v.host} has been cancelled.`,
      reminder24h: (v) => `Reminder: the meeting “${v.title}” starts in 24 hours.`,
      reminder1h: (v) => `Reminder: the meeting “${v.title}” starts in one hour.`,
      reminder: (v) => `Reminder: the meeting “${v.title}” is coming up.`,
      promoted: (v) => `A seat has become free: you are now registered for “${v.title}”.`,
    },
    greeting: (v) => `Hello ${v.name},`,
    when: (v) => `When: ${v.when} (${v.hostWhen} for the host).`,
    linkIntro: 'See the meeting and answer here:',
    button: 'Open the meeting',
    calendar: 'The attached file adds the meeting to your calendar.',
  },
  fr: {
    subjects: {
      invitation: (v) => `Invitation : ${v.title}`,
      updated: (v) => `Modifiée : ${v.title}`,
      cancelled: (v) => `Annulée : ${v.title}`,
      reminder24h: (v) => `Demain : ${v.title}`,
      reminder1h: (v) => `Dans une heure : ${v.title}`,
      reminder: (v) => `Rappel : ${v.title}`,
      promoted: (v) => `Une place s’est libérée pour vous : ${v.title}`,
    },
    intros: {
      invitation: (v) => `${v.host} invite votre organisation à la réunion « ${v.title} ».`,
      updated: (v) => `La réunion « ${v.title} » organisée par ${v.host} a été modifiée.`,
      cancelled: (v) => `La réunion « ${v.title} » organisée par ${v.host} est annulée.`,
      reminder24h: (v) => `Rappel : la réunion « ${v.title} » commence dans 24 heures.`,
      reminder1h: (v) => `Rappel : la réunion « ${v.title} » commence dans une heure.`,
      reminder: (v) => `Rappel : la réunion « ${v.title} » approche.`,
      promoted: (v) => `Une place s’est libérée : vous êtes maintenant inscrit·e à « ${v.title} ».`,
    },
    greeting: (v) => `Bonjour ${v.name},`,
    when: (v) => `Quand : ${v.when} (${v.hostWhen} pour l’organisation hôte).`,
    linkIntro: 'Voir la réunion et répondre ici :',
    button: 'Ouvrir la réunion',
    calendar: 'Le fichier joint ajoute la réunion à votre agenda.',
  },
  ar: {
    subjects: {
      invitation: (v) => `دعوة: ${v.title}`,
      updated: (v) => `تعديل: ${v.title}`,
      cancelled: (v) => `إلغاء: ${v.title}`,
      reminder24h: (v) => `غدًا: ${v.title}`,
      reminder1h: (v) => `بعد ساعة: ${v.title}`,
      reminder: (v) => `تذكير: ${v.title}`,
      promoted: (v) => `توفر مقعد لك: ${v.title}`,
    },
    intros: {
      invitation: (v) => `تدعو ${v.host} منظمتكم إلى اجتماع «${v.title}».`,
      updated: (v) => `تم تعديل اجتماع «${v.title}» الذي تنظمه ${v.host}.`,
      cancelled: (v) => `تم إلغاء اجتماع «${v.title}» الذي تنظمه ${v.host}.`,
      reminder24h: (v) => `تذكير: يبدأ اجتماع «${v.title}» بعد 24 ساعة.`,
      reminder1h: (v) => `تذكير: يبدأ اجتماع «${v.title}» بعد ساعة واحدة.`,
      reminder: (v) => `تذكير: موعد اجتماع «${v.title}» يقترب.`,
      promoted: (v) => `توفر مقعد: أنت الآن مسجل في «${v.title}».`,
    },
    greeting: (v) => `مرحبًا ${v.name}،`,
    when: (v) => `الموعد: ${v.when} (${v.hostWhen} بتوقيت الجهة المنظمة).`,
    linkIntro: 'للاطلاع على الاجتماع والرد، افتح الرابط التالي:',
    button: 'فتح الاجتماع',
    calendar: 'يضيف الملف المرفق الاجتماع إلى تقويمك.',
  },
  es: {
    subjects: {
      invitation: (v) => `Invitación: ${v.title}`,
      updated: (v) => `Modificada: ${v.title}`,
      cancelled: (v) => `Cancelada: ${v.title}`,
      reminder24h: (v) => `Mañana: ${v.title}`,
      reminder1h: (v) => `Dentro de una hora: ${v.title}`,
      reminder: (v) => `Recordatorio: ${v.title}`,
      promoted: (v) => `Hay una plaza para ti: ${v.title}`,
    },
    intros: {
      invitation: (v) => `${v.host} invita a tu organización a la reunión «${v.title}».`,
      updated: (v) => `La reunión «${v.title}» organizada por ${v.host} ha cambiado.`,
      cancelled: (v) => `La reunión «${v.title}» organizada por ${v.host} se ha cancelado.`,
      reminder24h: (v) => `Recordatorio: la reunión «${v.title}» empieza dentro de 24 horas.`,
      reminder1h: (v) => `Recordatorio: la reunión «${v.title}» empieza dentro de una hora.`,
      reminder: (v) => `Recordatorio: la reunión «${v.title}» se acerca.`,
      promoted: (v) => `Se ha liberado una plaza: ya estás inscrita o inscrito en «${v.title}».`,
    },
    greeting: (v) => `Hola, ${v.name}:`,
    when: (v) => `Cuándo: ${v.when} (${v.hostWhen} para la organización anfitriona).`,
    linkIntro: 'Consulta la reunión y responde aquí:',
    button: 'Abrir la reunión',
    calendar: 'El archivo adjunto añade la reunión a tu calendario.',
  },
  nl: {
    subjects: {
      invitation: (v) => `Uitnodiging: ${v.title}`,
      updated: (v) => `Gewijzigd: ${v.title}`,
      cancelled: (v) => `Geannuleerd: ${v.title}`,
      reminder24h: (v) => `Morgen: ${v.title}`,
      reminder1h: (v) => `Over een uur: ${v.title}`,
      reminder: (v) => `Herinnering: ${v.title}`,
      promoted: (v) => `Er is een plaats vrij voor jou: ${v.title}`,
    },
    intros: {
      invitation: (v) => `${v.host} nodigt je organisatie uit voor de bijeenkomst ‘${v.title}’.`,
      updated: (v) => `De bijeenkomst ‘${v.title}’ van ${v.host} is gewijzigd.`,
      cancelled: (v) => `De bijeenkomst ‘${v.title}’ van ${v.host} is geannuleerd.`,
      reminder24h: (v) => `Herinnering: de bijeenkomst ‘${v.title}’ begint over 24 uur.`,
      reminder1h: (v) => `Herinnering: de bijeenkomst ‘${v.title}’ begint over een uur.`,
      reminder: (v) => `Herinnering: de bijeenkomst ‘${v.title}’ komt eraan.`,
      promoted: (v) => `Er is een plaats vrijgekomen: je bent nu ingeschreven voor ‘${v.title}’.`,
    },
    greeting: (v) => `Hallo ${v.name},`,
    when: (v) => `Wanneer: ${v.when} (${v.hostWhen} voor de organisator).`,
    linkIntro: 'Bekijk de bijeenkomst en antwoord hier:',
    button: 'Bijeenkomst openen',
    calendar: 'Met het bijgevoegde bestand zet je de bijeenkomst in je agenda.',
  },
};

export interface MeetingMailInput {
  kind: MeetingMailKind;
  language: string;
  recipientName: string;
  recipientTimeZone: string;
  title: string;
  hostName: string;
  startsAt: Date;
  hostTimeZone: string;
  link: string;
  withCalendar: boolean;
}

/** A meeting e-mail in the recipient's language, with the time in their zone and the host's. */
export function meetingMail(input: MeetingMailInput): RenderedMail {
  const language: Language = isLanguage(input.language) ? input.language : 'en';
  const t = TEXTS[language];
  const values: Values = {
    name: input.recipientName,
    title: input.title,
    host: input.hostName,
    when: formatMailDate(language, input.startsAt, input.recipientTimeZone),
    hostWhen: formatMailDate(language, input.startsAt, input.hostTimeZone),
  };
  const content = (v: Values): MailContent => ({
    subject: t.subjects[input.kind](v),
    greeting: t.greeting(v),
    paragraphs: [t.intros[input.kind](v), t.when(v)],
    linkIntro: t.linkIntro,
    button: t.button,
    closing: input.withCalendar ? [t.calendar] : [],
  });
  return renderMail(language, content, values, input.link);
}
