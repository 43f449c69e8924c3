import { isLanguage, type Language } from '@tadamon/shared';
import { formatMailDate, renderMail, type RenderedMail } from '../../common/mail/messages/render-mail.js';

export type CourseMailKind = 'assigned' | 'assignedWithDue' | 'dueReminder';

type Values = { name: string; course: string; due: string };

/** One whole sentence per message and language; placeholders in place, nothing glued together. */
interface Texts {
  subjects: Record<CourseMailKind, (v: Values) => string>;
  intros: Record<CourseMailKind, (v: Values) => string>;
  greeting: (v: Values) => string;
  linkIntro: string;
  button: string;
}

const TEXTS: Record<Language, Texts> = {
  en: {
    subjects: {
      assigned: (v) => `New course for you: ${v.course}`,
      assignedWithDue: (v) => `New course for you: ${v.course}`,
      dueReminder: (v) => `Reminder: finish “${v.course}” by ${v.due}`,
    },
    intros: {
      assigned: (v) => `Your organisation has assigned you the course “${v.course}”.`,
      assignedWithDue: (v) => `Your organisation has assigned you the course “${v.course}”, to be completed by ${v.due}.`,
      dueReminder: (v) => `The course “${v.course}” is due on ${v.due} and is not completed yet.`,
    },
    greeting: (v) => `Hello ${v.name},`,
    linkIntro: 'Open the course here:',
    button: 'Open the course',
  },
  fr: {
    subjects: {
      assigned: (v) => `Nouveau cours pour vous : ${v.course}`,
      assignedWithDue: (v) => `Nouveau cours pour vous : ${v.course}`,
      dueReminder: (v) => `Rappel : terminez « ${v.course} » avant le ${v.due}`,
    },
    intros: {
      assigned: (v) => `Votre organisation vous a attribué le cours « ${v.course} ».`,
      assignedWithDue: (v) => `Votre organisation vous a attribué le cours « ${v.course} », à terminer avant le ${v.due}.`,
      dueReminder: (v) => `Le cours « ${v.course} » est à terminer pour le ${v.due} et n’est pas encore terminé.`,
    },
    greeting: (v) => `Bonjour ${v.name},`,
    linkIntro: 'Ouvrez le cours ici :',
    button: 'Ouvrir le cours',
  },
  ar: {
    subjects: {
      assigned: (v) => `دورة جديدة لك: ${v.course}`,
      assignedWithDue: (v) => `دورة جديدة لك: ${v.course}`,
      dueReminder: (v) => `تذكير: أكمل «${v.course}» قبل ${v.due}`,
    },
    intros: {
      assigned: (v) => `أسندت إليك منظمتك دورة «${v.course}».`,
      assignedWithDue: (v) => `أسندت إليك منظمتك دورة «${v.course}»، ويجب إكمالها قبل ${v.due}.`,
      dueReminder: (v) => `موعد إكمال دورة «${v.course}» هو ${v.due}، ولم تكتمل بعد.`,
    },
    greeting: (v) => `مرحبًا ${v.name}،`,
    linkIntro: 'افتح الدورة من هنا:',
    button: 'فتح الدورة',
  },
  es: {
    subjects: {
      assigned: (v) => `Nuevo curso para ti: ${v.course}`,
      assignedWithDue: (v) => `Nuevo curso para ti: ${v.course}`,
      dueReminder: (v) => `Recordatorio: termina «${v.course}» antes del ${v.due}`,
    },
    intros: {
      assigned: (v) => `Tu organización te ha asignado el curso «${v.course}».`,
      assignedWithDue: (v) => `Tu organización te ha asignado el curso «${v.course}», que debes terminar antes del ${v.due}.`,
      dueReminder: (v) => `El curso «${v.course}» vence el ${v.due} y todavía no está terminado.`,
    },
    greeting: (v) => `Hola, ${v.name}:`,
    linkIntro: 'Abre el curso aquí:',
    button: 'Abrir el curso',
  },
  nl: {
    subjects: {
      assigned: (v) => `Nieuwe cursus voor jou: ${v.course}`,
      assignedWithDue: (v) => `Nieuwe cursus voor jou: ${v.course}`,
      dueReminder: (v) => `Herinnering: rond ‘${v.course}’ af vóór ${v.due}`,
    },
    intros: {
      assigned: (v) => `Je organisatie heeft je de cursus ‘${v.course}’ toegewezen.`,
      assignedWithDue: (v) => `Je organisatie heeft je de cursus ‘${v.course}’ toegewezen; rond hem af vóór ${v.due}.`,
      dueReminder: (v) => `De cursus ‘${v.course}’ moet af zijn op ${v.due} en is nog niet afgerond.`,
    },
    greeting: (v) => `Hallo ${v.name},`,
    linkIntro: 'Open de cursus hier:',
    button: 'Cursus openen',
  },
};

export interface CourseMailInput {
  kind: CourseMailKind;
  language: string;
  timeZone: string;
  recipientName: string;
  courseTitle: string;
  dueAt: Date | null;
  link: string;
}

/** An assignment or due-date e-mail in the learner's language, the date in their zone. */
export function courseMail(input: CourseMailInput): RenderedMail {
  const language: Language = isLanguage(input.language) ? input.language : 'en';
  const t = TEXTS[language];
  const values: Values = {
    name: input.recipientName,
    course: input.courseTitle,
    due: input.dueAt ? formatMailDate(language, input.dueAt, input.timeZone) : '',
  };
  const kind = input.kind;
  return renderMail(
    language,
    (v) => ({
      subject: t.subjects[kind](v),
      greeting: t.greeting(v),
      paragraphs: [t.intros[kind](v)],
      linkIntro: t.linkIntro,
      button: t.button,
      closing: [],
    }),
    values,
    input.link,
  );
}
