import { dateLocale, isLanguage, type Language } from '@tadamon/shared';
import { renderMail, type MailContent, type RenderedMail } from '../../common/mail/messages/render-mail.js';

export type AccreditationMailKind = 'submitted' | 'approved' | 'changes_requested' | 'reminder';

type Values = { name: string; organisation: string; framework: string; date: string; comment: string };

/** One whole sentence per message and language, placeholders in place. */
interface Texts {
  subjects: Record<AccreditationMailKind, (v: Values) => string>;
  intros: Record<AccreditationMailKind, (v: Values) => string>;
  comment: (v: Values) => string;
  greeting: (v: Values) => string;
  linkIntro: string;
  button: string;
}

const TEXTS: Record<Language, Texts> = {
  en: {
    subjects: {
      submitted: (v) => `To review: ${v.organisation}'s self-assessment`,
      approved: (v) => `${v.organisation} is accredited`,
      changes_requested: (v) => `Changes requested: ${v.framework}`,
      reminder: (v) => `Accreditation of ${v.organisation} ends on ${v.date}`,
    },
    intros: {
      submitted: (v) => `${v.organisation} has submitted its self-assessment against “${v.framework}” for review.`,
      approved: (v) => `The self-assessment of ${v.organisation} against “${v.framework}” has been approved. The accreditation is valid until ${v.date}.`,
      changes_requested: (v) => `The reviewer asks ${v.organisation} to change its self-assessment against “${v.framework}” before a decision.`,
      reminder: (v) => `The accreditation of ${v.organisation} (“${v.framework}”) ends on ${v.date}. Start a new self-assessment in time to stay accredited.`,
    },
    comment: (v) => `Reviewer's comment: ${v.comment}`,
    greeting: (v) => `Hello ${v.name},`,
    linkIntro: 'Open the assessment here:',
    button: 'Open the assessment',
  },
  fr: {
    subjects: {
      submitted: (v) => `À examiner : l'auto-évaluation de ${v.organisation}`,
      approved: (v) => `${v.organisation} est accréditée`,
      changes_requested: (v) => `Modifications demandées : ${v.framework}`,
      reminder: (v) => `L'accréditation de ${v.organisation} prend fin le ${v.date}`,
    },
    intros: {
      submitted: (v) => `${v.organisation} a soumis son auto-évaluation selon « ${v.framework} » pour examen.`,
      approved: (v) => `L'auto-évaluation de ${v.organisation} selon « ${v.framework} » a été approuvée. L'accréditation est valable jusqu'au ${v.date}.`,
      changes_requested: (v) => `L'examinateur demande à ${v.organisation} de modifier son auto-évaluation selon « ${v.framework} » avant de décider.`,
      reminder: (v) => `L'accréditation de ${v.organisation} (« ${v.framework} ») prend fin le ${v.date}. Commencez à temps une nouvelle auto-évaluation pour rester accréditée.`,
    },
    comment: (v) => `Commentaire de l'examinateur : ${v.comment}`,
    greeting: (v) => `Bonjour ${v.name},`,
    linkIntro: "Ouvrez l'évaluation ici :",
    button: "Ouvrir l'évaluation",
  },
  es: {
    subjects: {
      submitted: (v) => `Para revisar: la autoevaluación de ${v.organisation}`,
      approved: (v) => `${v.organisation} está acreditada`,
      changes_requested: (v) => `Cambios solicitados: ${v.framework}`,
      reminder: (v) => `La acreditación de ${v.organisation} termina el ${v.date}`,
    },
    intros: {
      submitted: (v) => `${v.organisation} ha enviado su autoevaluación según «${v.framework}» para su revisión.`,
      approved: (v) => `Se ha aprobado la autoevaluación de ${v.organisation} según «${v.framework}». La acreditación es válida hasta el ${v.date}.`,
      changes_requested: (v) => `La persona revisora pide a ${v.organisation} que modifique su autoevaluación según «${v.framework}» antes de decidir.`,
      reminder: (v) => `La acreditación de ${v.organisation} («${v.framework}») termina el ${v.date}. Empieza a tiempo una nueva autoevaluación para seguir acreditada.`,
    },
    comment: (v) => `Comentario de la revisión: ${v.comment}`,
    greeting: (v) => `Hola, ${v.name}:`,
    linkIntro: 'Abre la evaluación aquí:',
    button: 'Abrir la evaluación',
  },
  nl: {
    subjects: {
      submitted: (v) => `Te beoordelen: de zelfevaluatie van ${v.organisation}`,
      approved: (v) => `${v.organisation} is geaccrediteerd`,
      changes_requested: (v) => `Wijzigingen gevraagd: ${v.framework}`,
      reminder: (v) => `De accreditatie van ${v.organisation} loopt af op ${v.date}`,
    },
    intros: {
      submitted: (v) => `${v.organisation} heeft haar zelfevaluatie volgens „${v.framework}” ter beoordeling ingediend.`,
      approved: (v) => `De zelfevaluatie van ${v.organisation} volgens „${v.framework}” is goedgekeurd. De accreditatie is geldig tot ${v.date}.`,
      changes_requested: (v) => `De beoordelaar vraagt ${v.organisation} haar zelfevaluatie volgens „${v.framework}” aan te passen voordat er een besluit valt.`,
      reminder: (v) => `De accreditatie van ${v.organisation} („${v.framework}”) loopt af op ${v.date}. Begin op tijd aan een nieuwe zelfevaluatie om geaccrediteerd te blijven.`,
    },
    comment: (v) => `Opmerking van de beoordelaar: ${v.comment}`,
    greeting: (v) => `Hallo ${v.name},`,
    linkIntro: 'Open de evaluatie hier:',
    button: 'Evaluatie openen',
  },
  ar: {
    subjects: {
      submitted: (v) => `للمراجعة: التقييم الذاتي لـ${v.organisation}`,
      approved: (v) => `تم اعتماد ${v.organisation}`,
      changes_requested: (v) => `مطلوب تعديلات: ${v.framework}`,
      reminder: (v) => `ينتهي اعتماد ${v.organisation} في ${v.date}`,
    },
    intros: {
      submitted: (v) => `قدّمت ${v.organisation} تقييمها الذاتي وفق «${v.framework}» للمراجعة.`,
      approved: (v) => `تمت الموافقة على التقييم الذاتي لـ${v.organisation} وفق «${v.framework}». الاعتماد ساري حتى ${v.date}.`,
      changes_requested: (v) => `يطلب المراجِع من ${v.organisation} تعديل تقييمها الذاتي وفق «${v.framework}» قبل اتخاذ القرار.`,
      reminder: (v) => `ينتهي اعتماد ${v.organisation} («${v.framework}») في ${v.date}. ابدأوا تقييمًا ذاتيًا جديدًا في الوقت المناسب للحفاظ على الاعتماد.`,
    },
    comment: (v) => `تعليق المراجِع: ${v.comment}`,
    greeting: (v) => `مرحبًا ${v.name}،`,
    linkIntro: 'افتح التقييم من هنا:',
    button: 'فتح التقييم',
  },
};

export interface AccreditationMailInput {
  kind: AccreditationMailKind;
  language: string;
  recipientName: string;
  organisation: string;
  framework: string;
  date: Date | null;
  comment: string;
  link: string;
}

export function accreditationMail(input: AccreditationMailInput): RenderedMail {
  const language: Language = isLanguage(input.language) ? input.language : 'en';
  const t = TEXTS[language];
  const values: Values = {
    name: input.recipientName,
    organisation: input.organisation,
    framework: input.framework,
    date: input.date ? formatDay(language, input.date) : '',
    comment: input.comment,
  };
  const content = (v: Values): MailContent => ({
    subject: t.subjects[input.kind](v),
    greeting: t.greeting(v),
    paragraphs: [t.intros[input.kind](v), ...(v.comment ? [t.comment(v)] : [])],
    linkIntro: t.linkIntro,
    button: t.button,
    closing: [],
  });
  return renderMail(language, content, values, input.link);
}

/** A day, without a time: validity ends on a date. */
function formatDay(language: Language, date: Date): string {
  return new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
