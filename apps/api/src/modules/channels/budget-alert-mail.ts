import type { Language } from '@tadamon/shared';
import { renderMail, type MailContent, type RenderedMail } from '../../common/mail/messages/render-mail.js';

export type BudgetAlert = 'nearly' | 'exhausted';

type Values = { name: string; network: string; used: string; limit: string; percent: string; month: string };

interface Texts {
  subject: Record<BudgetAlert, (v: Values) => string>;
  intro: Record<BudgetAlert, (v: Values) => string>;
  explain: string;
  greeting: (v: Values) => string;
  linkIntro: string;
  button: string;
}

const TEXTS: Record<Language, Texts> = {
  en: {
    subject: {
      nearly: (v) => `${v.network}: ${v.percent} % of this month's SMS and WhatsApp budget is used`,
      exhausted: (v) => `${v.network}: SMS and WhatsApp stopped for this month`,
    },
    intro: {
      nearly: (v) => `${v.network} has used ${v.used} of its ${v.limit} SMS and WhatsApp messages for ${v.month}.`,
      exhausted: (v) => `${v.network} has used its ${v.limit} SMS and WhatsApp messages for ${v.month}. No more are sent until next month.`,
    },
    explain: 'Messages that cannot go by SMS or WhatsApp go by e-mail to those who allow it. To raise the budget, ask your platform administrator.',
    greeting: (v) => `Hello ${v.name},`,
    linkIntro: 'Open Tadamon here:',
    button: 'Open Tadamon',
  },
  fr: {
    subject: {
      nearly: (v) => `${v.network} : ${v.percent} % du budget SMS et WhatsApp du mois est utilisé`,
      exhausted: (v) => `${v.network} : SMS et WhatsApp arrêtés pour ce mois`,
    },
    intro: {
      nearly: (v) => `${v.network} a utilisé ${v.used} de ses ${v.limit} messages SMS et WhatsApp pour ${v.month}.`,
      exhausted: (v) => `${v.network} a utilisé ses ${v.limit} messages SMS et WhatsApp pour ${v.month}. Plus aucun n’est envoyé avant le mois prochain.`,
    },
    explain: 'Les messages qui ne peuvent pas partir par SMS ou WhatsApp partent par e-mail à qui l’accepte. Pour augmenter le budget, adressez-vous à l’administrateur de la plateforme.',
    greeting: (v) => `Bonjour ${v.name},`,
    linkIntro: 'Ouvrir Tadamon :',
    button: 'Ouvrir Tadamon',
  },
  ar: {
    subject: {
      nearly: (v) => `${v.network}: تم استخدام ${v.percent}٪ من ميزانية الرسائل القصيرة وواتساب لهذا الشهر`,
      exhausted: (v) => `${v.network}: توقف إرسال الرسائل القصيرة وواتساب لهذا الشهر`,
    },
    intro: {
      nearly: (v) => `استخدمت ${v.network} ${v.used} من أصل ${v.limit} رسالة قصيرة وواتساب لشهر ${v.month}.`,
      exhausted: (v) => `استخدمت ${v.network} كل رسائلها القصيرة ورسائل واتساب البالغة ${v.limit} لشهر ${v.month}. لن تُرسل رسائل أخرى قبل الشهر القادم.`,
    },
    explain: 'الرسائل التي لا يمكن إرسالها عبر الرسائل القصيرة أو واتساب تُرسل بالبريد الإلكتروني لمن يقبل ذلك. لزيادة الميزانية، تواصل مع مسؤول المنصة.',
    greeting: (v) => `مرحبًا ${v.name}،`,
    linkIntro: 'افتح منصة تضامن من هنا:',
    button: 'فتح تضامن',
  },
  es: {
    subject: {
      nearly: (v) => `${v.network}: se ha usado el ${v.percent} % del presupuesto de SMS y WhatsApp del mes`,
      exhausted: (v) => `${v.network}: SMS y WhatsApp detenidos este mes`,
    },
    intro: {
      nearly: (v) => `${v.network} ha usado ${v.used} de sus ${v.limit} mensajes SMS y WhatsApp de ${v.month}.`,
      exhausted: (v) => `${v.network} ha usado sus ${v.limit} mensajes SMS y WhatsApp de ${v.month}. No se enviarán más hasta el mes que viene.`,
    },
    explain: 'Los mensajes que no pueden ir por SMS o WhatsApp van por correo electrónico a quien lo acepte. Para ampliar el presupuesto, habla con la administración de la plataforma.',
    greeting: (v) => `Hola, ${v.name}:`,
    linkIntro: 'Abre Tadamon aquí:',
    button: 'Abrir Tadamon',
  },
  nl: {
    subject: {
      nearly: (v) => `${v.network}: ${v.percent} % van het sms- en WhatsApp-budget van deze maand is gebruikt`,
      exhausted: (v) => `${v.network}: sms en WhatsApp gestopt voor deze maand`,
    },
    intro: {
      nearly: (v) => `${v.network} heeft ${v.used} van de ${v.limit} sms- en WhatsApp-berichten voor ${v.month} gebruikt.`,
      exhausted: (v) => `${v.network} heeft alle ${v.limit} sms- en WhatsApp-berichten voor ${v.month} gebruikt. Tot volgende maand worden er geen meer verstuurd.`,
    },
    explain: 'Berichten die niet per sms of WhatsApp kunnen, gaan per e-mail naar wie dat toestaat. Vraag de platformbeheerder om het budget te verhogen.',
    greeting: (v) => `Hallo ${v.name},`,
    linkIntro: 'Open Tadamon hier:',
    button: 'Tadamon openen',
  },
};

/** Tells a coordinator that their network's SMS/WhatsApp budget is nearly or entirely used. */
export function budgetAlertMail(language: Language, alert: BudgetAlert, values: Values, link: string): RenderedMail {
  const texts = TEXTS[language];
  return renderMail<Values>(
    language,
    (v): MailContent => ({
      subject: texts.subject[alert](v),
      greeting: texts.greeting(v),
      paragraphs: [texts.intro[alert](v), texts.explain],
      linkIntro: texts.linkIntro,
      button: texts.button,
      closing: [],
    }),
    values,
    link,
  );
}
