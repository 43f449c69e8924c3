import type { Language, NotificationKind } from '@tadamon/shared';
import { renderMail, type RenderedMail } from '../../common/mail/messages/render-mail.js';

/** Values a notification carries for its sentence; missing ones read as empty. */
type Values = { actor: string; title: string; group: string; status: string; organisation: string; count: string };

interface Texts {
  sentences: Record<NotificationKind, (v: Values) => string>;
  statuses: Record<string, string>;
  decisions: Record<'SIGNED' | 'DECLINED', string>;
  subject: (v: Values) => string;
  digestSubject: (v: Values) => string;
  digestIntro: (v: Values) => string;
  greeting: string;
  linkIntro: string;
  button: string;
  digestLinkIntro: string;
  digestButton: string;
  why: string;
}

const TEXTS: Record<Language, Texts> = {
  en: {
    sentences: {
      mention: (v) => `${v.actor} mentioned you in “${v.title}” (${v.group}).`,
      reply: (v) => `${v.actor} replied in “${v.title}” (${v.group}).`,
      newThread: (v) => `${v.actor} started the discussion “${v.title}” in ${v.group}.`,
      documentStatus: (v) => `“${v.title}” is now: ${v.status}.`,
      signatureRequested: (v) => `${v.organisation} is invited to sign “${v.title}”.`,
      signatureDecided: (v) => `${v.organisation}: ${v.status} — “${v.title}”.`,
      documentComment: (v) => `${v.actor} commented on a passage of “${v.title}”.`,
      meetingInvitation: (v) => `${v.organisation} invites you to the meeting “${v.title}”.`,
      meetingPoll: (v) => `${v.organisation} asks when you can come to “${v.title}”: mark the times that suit you.`,
      meetingTimeChanged: (v) => `The time of the meeting “${v.title}” has changed.`,
      meetingCancelled: (v) => `The meeting “${v.title}” has been cancelled.`,
      meetingMinutes: (v) => `The minutes of the meeting “${v.title}” have been published.`,
      meetingActionItem: (v) => `New action item for ${v.organisation}: “${v.title}” (meeting “${v.group}”).`,
      dataExportReady: () => `Your data export is ready to download (for 7 days).`,
      erasureRequested: (v) => `${v.actor} asked for their account to be erased; please confirm it in Tadamon.`,
    },
    statuses: { DRAFT: 'draft', IN_REVIEW: 'in review', OPEN_FOR_SIGNATURE: 'open for signature', PUBLISHED: 'published', ARCHIVED: 'archived' },
    decisions: { SIGNED: 'signed', DECLINED: 'declined to sign' },
    subject: () => 'New activity in your Tadamon working groups',
    digestSubject: (v) => `Your Tadamon daily summary: ${v.count} new`,
    digestIntro: (v) => `Here is what happened in your working groups (${v.count}):`,
    greeting: 'Hello,',
    linkIntro: 'To see it, open this link:',
    button: 'Open in Tadamon',
    digestLinkIntro: 'To see all your notifications, open this link:',
    digestButton: 'Open my notifications',
    why: 'You receive this e-mail because of your notification settings in your Tadamon profile.',
  },
  fr: {
    sentences: {
      mention: (v) => `${v.actor} vous a mentionné·e dans « ${v.title} » (${v.group}).`,
      reply: (v) => `${v.actor} a répondu dans « ${v.title} » (${v.group}).`,
      newThread: (v) => `${v.actor} a lancé la discussion « ${v.title} » dans ${v.group}.`,
      documentStatus: (v) => `« ${v.title} » est maintenant : ${v.status}.`,
      signatureRequested: (v) => `${v.organisation} est invitée à signer « ${v.title} ».`,
      signatureDecided: (v) => `${v.organisation} : ${v.status} — « ${v.title} ».`,
      documentComment: (v) => `${v.actor} a commenté un passage de « ${v.title} ».`,
      meetingInvitation: (v) => `${v.organisation} vous invite à la réunion « ${v.title} ».`,
      meetingPoll: (v) => `${v.organisation} demande quand vous pouvez venir à « ${v.title} » : indiquez les horaires qui vous conviennent.`,
      meetingTimeChanged: (v) => `L’horaire de la réunion « ${v.title} » a changé.`,
      meetingCancelled: (v) => `La réunion « ${v.title} » est annulée.`,
      meetingMinutes: (v) => `Le compte rendu de la réunion « ${v.title} » est publié.`,
      meetingActionItem: (v) => `Nouvelle action pour ${v.organisation} : « ${v.title} » (réunion « ${v.group} »).`,
      dataExportReady: () => `L’export de vos données est prêt à être téléchargé (pendant 7 jours).`,
      erasureRequested: (v) => `${v.actor} demande l’effacement de son compte ; merci de le confirmer dans Tadamon.`,
    },
    statuses: { DRAFT: 'brouillon', IN_REVIEW: 'en relecture', OPEN_FOR_SIGNATURE: 'ouvert à la signature', PUBLISHED: 'publié', ARCHIVED: 'archivé' },
    decisions: { SIGNED: 'a signé', DECLINED: 'a refusé de signer' },
    subject: () => 'Nouvelle activité dans vos groupes de travail Tadamon',
    digestSubject: (v) => `Votre résumé quotidien Tadamon : ${v.count} nouveauté(s)`,
    digestIntro: (v) => `Voici ce qui s’est passé dans vos groupes de travail (${v.count}) :`,
    greeting: 'Bonjour,',
    linkIntro: 'Pour le voir, ouvrez ce lien :',
    button: 'Ouvrir dans Tadamon',
    digestLinkIntro: 'Pour voir toutes vos notifications, ouvrez ce lien :',
    digestButton: 'Ouvrir mes notifications',
    why: 'Vous recevez ce message en raison de vos préférences de notification dans votre profil Tadamon.',
  },
  ar: {
    sentences: {
      mention: (v) => `أشار إليك ${v.actor} في «${v.title}» (${v.group}).`,
      reply: (v) => `ردّ ${v.actor} في «${v.title}» (${v.group}).`,
      newThread: (v) => `بدأ ${v.actor} النقاش «${v.title}» في ${v.group}.`,
      documentStatus: (v) => `أصبحت حالة «${v.title}»: ${v.status}.`,
      signatureRequested: (v) => `${v.organisation} مدعوّة إلى توقيع «${v.title}».`,
      signatureDecided: (v) => `${v.organisation}: ${v.status} — «${v.title}».`,
      documentComment: (v) => `علّق ${v.actor} على مقطع من «${v.title}».`,
      meetingInvitation: (v) => `تدعوك ${v.organisation} إلى الاجتماع «${v.title}».`,
      meetingPoll: (v) => `تسألك ${v.organisation} عن الأوقات التي تناسبك لحضور «${v.title}»: حدّد الأوقات المناسبة.`,
      meetingTimeChanged: (v) => `تغيّر موعد الاجتماع «${v.title}».`,
      meetingCancelled: (v) => `أُلغي الاجتماع «${v.title}».`,
      meetingMinutes: (v) => `نُشر محضر الاجتماع «${v.title}».`,
      meetingActionItem: (v) => `مهمة جديدة لـ${v.organisation}: «${v.title}» (الاجتماع «${v.group}»).`,
      dataExportReady: () => `تصدير بياناتك جاهز للتنزيل (لمدة 7 أيام).`,
      erasureRequested: (v) => `طلب ${v.actor} محو حسابه؛ يُرجى تأكيد ذلك في تضامن.`,
    },
    statuses: { DRAFT: 'مسودة', IN_REVIEW: 'قيد المراجعة', OPEN_FOR_SIGNATURE: 'مفتوح للتوقيع', PUBLISHED: 'منشور', ARCHIVED: 'مؤرشف' },
    decisions: { SIGNED: 'وقّعت', DECLINED: 'اعتذرت عن التوقيع' },
    subject: () => 'نشاط جديد في مجموعات العمل الخاصة بك على منصة تضامن',
    digestSubject: (v) => `ملخصك اليومي على منصة تضامن: ${v.count} جديد`,
    digestIntro: (v) => `إليك ما جرى في مجموعات العمل الخاصة بك (${v.count}):`,
    greeting: 'مرحبًا،',
    linkIntro: 'للاطلاع عليه، افتح الرابط التالي:',
    button: 'فتح في منصة تضامن',
    digestLinkIntro: 'للاطلاع على جميع إشعاراتك، افتح الرابط التالي:',
    digestButton: 'فتح إشعاراتي',
    why: 'تصلك هذه الرسالة بحسب إعدادات الإشعارات في ملفك الشخصي على منصة تضامن.',
  },
  es: {
    sentences: {
      mention: (v) => `${v.actor} te mencionó en «${v.title}» (${v.group}).`,
      reply: (v) => `${v.actor} respondió en «${v.title}» (${v.group}).`,
      newThread: (v) => `${v.actor} abrió el debate «${v.title}» en ${v.group}.`,
      documentStatus: (v) => `«${v.title}» ahora está: ${v.status}.`,
      signatureRequested: (v) => `${v.organisation} está invitada a firmar «${v.title}».`,
      signatureDecided: (v) => `${v.organisation}: ${v.status} — «${v.title}».`,
      documentComment: (v) => `${v.actor} comentó un pasaje de «${v.title}».`,
      meetingInvitation: (v) => `${v.organisation} te invita a la reunión «${v.title}».`,
      meetingPoll: (v) => `${v.organisation} pregunta cuándo puedes asistir a «${v.title}»: marca los horarios que te convienen.`,
      meetingTimeChanged: (v) => `Ha cambiado el horario de la reunión «${v.title}».`,
      meetingCancelled: (v) => `La reunión «${v.title}» ha sido cancelada.`,
      meetingMinutes: (v) => `Se ha publicado el acta de la reunión «${v.title}».`,
      meetingActionItem: (v) => `Nueva tarea para ${v.organisation}: «${v.title}» (reunión «${v.group}»).`,
      dataExportReady: () => `La exportación de tus datos está lista para descargar (durante 7 días).`,
      erasureRequested: (v) => `${v.actor} ha pedido que se borre su cuenta; confírmalo en Tadamon, por favor.`,
    },
    statuses: { DRAFT: 'borrador', IN_REVIEW: 'en revisión', OPEN_FOR_SIGNATURE: 'abierto a la firma', PUBLISHED: 'publicado', ARCHIVED: 'archivado' },
    decisions: { SIGNED: 'ha firmado', DECLINED: 'ha declinado firmar' },
    subject: () => 'Novedades en tus grupos de trabajo de Tadamon',
    digestSubject: (v) => `Tu resumen diario de Tadamon: ${v.count} novedad(es)`,
    digestIntro: (v) => `Esto es lo que pasó en tus grupos de trabajo (${v.count}):`,
    greeting: 'Hola:',
    linkIntro: 'Para verlo, abre este enlace:',
    button: 'Abrir en Tadamon',
    digestLinkIntro: 'Para ver todas tus notificaciones, abre este enlace:',
    digestButton: 'Abrir mis notificaciones',
    why: 'Recibes este mensaje por tus preferencias de notificación en tu perfil de Tadamon.',
  },
  nl: {
    sentences: {
      mention: (v) => `${v.actor} heeft je genoemd in ‘${v.title}’ (${v.group}).`,
      reply: (v) => `${v.actor} heeft gereageerd in ‘${v.title}’ (${v.group}).`,
      newThread: (v) => `${v.actor} is de discussie ‘${v.title}’ begonnen in ${v.group}.`,
      documentStatus: (v) => `‘${v.title}’ is nu: ${v.status}.`,
      signatureRequested: (v) => `${v.organisation} is uitgenodigd om ‘${v.title}’ te ondertekenen.`,
      signatureDecided: (v) => `${v.organisation}: ${v.status} — ‘${v.title}’.`,
      documentComment: (v) => `${v.actor} gaf commentaar op een passage van ‘${v.title}’.`,
      meetingInvitation: (v) => `${v.organisation} nodigt je uit voor de vergadering ‘${v.title}’.`,
      meetingPoll: (v) => `${v.organisation} vraagt wanneer je naar ‘${v.title}’ kunt komen: duid de tijden aan die je passen.`,
      meetingTimeChanged: (v) => `Het tijdstip van de vergadering ‘${v.title}’ is gewijzigd.`,
      meetingCancelled: (v) => `De vergadering ‘${v.title}’ is geannuleerd.`,
      meetingMinutes: (v) => `Het verslag van de vergadering ‘${v.title}’ is gepubliceerd.`,
      meetingActionItem: (v) => `Nieuw actiepunt voor ${v.organisation}: ‘${v.title}’ (vergadering ‘${v.group}’).`,
      dataExportReady: () => `De export van je gegevens staat klaar om te downloaden (7 dagen lang).`,
      erasureRequested: (v) => `${v.actor} vraagt om het wissen van zijn of haar account; bevestig dit in Tadamon.`,
    },
    statuses: { DRAFT: 'concept', IN_REVIEW: 'ter review', OPEN_FOR_SIGNATURE: 'open voor ondertekening', PUBLISHED: 'gepubliceerd', ARCHIVED: 'gearchiveerd' },
    decisions: { SIGNED: 'heeft ondertekend', DECLINED: 'heeft ondertekenen afgewezen' },
    subject: () => 'Nieuwe activiteit in je Tadamon-werkgroepen',
    digestSubject: (v) => `Je dagelijkse Tadamon-overzicht: ${v.count} nieuw`,
    digestIntro: (v) => `Dit is er gebeurd in je werkgroepen (${v.count}):`,
    greeting: 'Hallo,',
    linkIntro: 'Open deze link om het te bekijken:',
    button: 'Openen in Tadamon',
    digestLinkIntro: 'Open deze link om al je meldingen te zien:',
    digestButton: 'Mijn meldingen openen',
    why: 'Je krijgt deze e-mail door je meldingsinstellingen in je Tadamon-profiel.',
  },
};

export interface MailableNotification {
  kind: string;
  data: unknown;
}

function valuesOf(language: Language, n: MailableNotification): Values {
  const t = TEXTS[language];
  const d = (n.data ?? {}) as Record<string, string>;
  const status =
    n.kind === 'signatureDecided'
      ? (t.decisions[d.status as 'SIGNED' | 'DECLINED'] ?? '')
      : (t.statuses[d.status ?? ''] ?? '');
  return { actor: d.actor ?? '', title: d.title ?? '', group: d.group ?? '', organisation: d.organisation ?? '', status, count: '' };
}

export function notificationSentence(language: Language, n: MailableNotification): string {
  const sentence = TEXTS[language].sentences[n.kind as NotificationKind];
  return sentence ? sentence(valuesOf(language, n)) : '';
}

/** One notification, mailed at once. */
export function notificationMail(language: Language, n: MailableNotification, link: string): RenderedMail {
  const t = TEXTS[language];
  const sentence = t.sentences[n.kind as NotificationKind] ?? (() => '');
  return renderMail(
    language,
    (v: Values) => ({ subject: t.subject(v), greeting: t.greeting, paragraphs: [sentence(v)], linkIntro: t.linkIntro, button: t.button, closing: [t.why] }),
    valuesOf(language, n),
    link,
  );
}

/** Several notifications in one daily mail. */
export function digestMail(language: Language, items: MailableNotification[], link: string): RenderedMail {
  const t = TEXTS[language];
  const count = String(items.length);
  // Each item is its own sentence with values escaped by renderMail's per-value pass.
  const values = Object.fromEntries(items.map((n, i) => [`item${i}`, `• ${notificationSentence(language, n)}`])) as Record<string, string>;
  return renderMail(
    language,
    (v: Record<string, string>) => ({
      subject: t.digestSubject({ ...valuesOf(language, { kind: '', data: {} }), count }),
      greeting: t.greeting,
      paragraphs: [t.digestIntro({ ...valuesOf(language, { kind: '', data: {} }), count }), ...items.map((_, i) => v[`item${i}`]!)],
      linkIntro: t.digestLinkIntro,
      button: t.digestButton,
      closing: [t.why],
    }),
    values,
    link,
  );
}
