import type { Language, OrganisationRole, Role } from '@tadamon/shared';
import { isOrganisationRole } from '../../auth/roles.js';
import { formatMailDate, renderMail, type MailContent, type RenderedMail } from './render-mail.js';

export interface InvitationMailInput {
  inviterName: string;
  /** Null for a network-level (coordinator) invitation. */
  organisationName: string | null;
  networkName: string;
  role: Role;
  link: string;
  expiresAt: Date;
  /** The invitee's zone when they already have an account; UTC otherwise. */
  timeZone?: string;
}

type Values = { inviter: string; organisation: string; network: string; role: string; expires: string };

/** Whole sentences per language; `organisation…` for VOLUNTEER/ORG_LEADER, `network…` for coordinators. */
interface InvitationTexts {
  organisationSubject: (v: Values) => string;
  organisationInvite: (v: Values) => string;
  networkSubject: (v: Values) => string;
  networkInvite: (v: Values) => string;
  /** Organisation roles as they read after "as …". */
  roles: Record<OrganisationRole, string>;
  greeting: string;
  about: string;
  linkIntro: string;
  button: string;
  validUntil: (v: Values) => string;
  ignore: string;
}

const TEXTS: Record<Language, InvitationTexts> = {
  en: {
    organisationSubject: (v) => `Invitation to join ${v.organisation} on Tadamon`,
    organisationInvite: (v) => `${v.inviter} has invited you to join ${v.organisation} (${v.network}) on Tadamon as ${v.role}.`,
    networkSubject: (v) => `Invitation to coordinate ${v.network} on Tadamon`,
    networkInvite: (v) => `${v.inviter} has invited you to join the coordination team of ${v.network} on Tadamon.`,
    roles: { VOLUNTEER: 'a volunteer', ORG_LEADER: 'an organisation leader' },
    greeting: 'Hello,',
    about: 'Tadamon is the training space of your network: courses, materials and meetings in one place.',
    linkIntro: 'To accept the invitation, open this link:',
    button: 'Accept the invitation',
    validUntil: (v) => `This invitation is valid until ${v.expires} and can be used only once.`,
    ignore: 'If you were not expecting this invitation, you can ignore this e-mail.',
  },
  fr: {
    organisationSubject: (v) => `Invitation à rejoindre ${v.organisation} sur Tadamon`,
    organisationInvite: (v) =>
      `${v.inviter} vous invite à rejoindre ${v.organisation} (${v.network}) sur Tadamon en tant que ${v.role}.`,
    networkSubject: (v) => `Invitation à coordonner ${v.network} sur Tadamon`,
    networkInvite: (v) => `${v.inviter} vous invite à rejoindre l’équipe de coordination de ${v.network} sur Tadamon.`,
    roles: { VOLUNTEER: 'bénévole', ORG_LEADER: 'responsable de l’organisation' },
    greeting: 'Bonjour,',
    about: 'Tadamon est l’espace de formation de votre réseau : cours, supports et réunions au même endroit.',
    linkIntro: 'Pour accepter l’invitation, ouvrez ce lien :',
    button: 'Accepter l’invitation',
    validUntil: (v) => `Cette invitation est valable jusqu’au ${v.expires} et ne peut être utilisée qu’une seule fois.`,
    ignore: 'Si vous ne vous attendiez pas à cette invitation, vous pouvez ignorer ce message.',
  },
  ar: {
    organisationSubject: (v) => `دعوة للانضمام إلى ${v.organisation} على منصة تضامن`,
    organisationInvite: (v) =>
      `تلقيت دعوة من ${v.inviter} للانضمام إلى ${v.organisation} (${v.network}) على منصة تضامن بصفة ${v.role}.`,
    networkSubject: (v) => `دعوة لتنسيق ${v.network} على منصة تضامن`,
    networkInvite: (v) => `تلقيت دعوة من ${v.inviter} للانضمام إلى فريق تنسيق ${v.network} على منصة تضامن.`,
    roles: { VOLUNTEER: 'متطوع', ORG_LEADER: 'مسؤول عن المنظمة' },
    greeting: 'مرحبًا،',
    about: 'منصة تضامن هي مساحة التدريب الخاصة بشبكتك: الدورات والمواد التدريبية والاجتماعات في مكان واحد.',
    linkIntro: 'لقبول الدعوة، افتح الرابط التالي:',
    button: 'قبول الدعوة',
    validUntil: (v) => `هذه الدعوة صالحة حتى ${v.expires}، ولا يمكن استخدامها إلا مرة واحدة.`,
    ignore: 'إذا لم تكن تتوقع هذه الدعوة، يمكنك تجاهل هذه الرسالة.',
  },
  es: {
    organisationSubject: (v) => `Invitación para unirte a ${v.organisation} en Tadamon`,
    organisationInvite: (v) => `${v.inviter} te invita a unirte a ${v.organisation} (${v.network}) en Tadamon como ${v.role}.`,
    networkSubject: (v) => `Invitación para coordinar ${v.network} en Tadamon`,
    networkInvite: (v) => `${v.inviter} te invita a unirte al equipo de coordinación de ${v.network} en Tadamon.`,
    roles: { VOLUNTEER: 'voluntaria o voluntario', ORG_LEADER: 'responsable de la organización' },
    greeting: 'Hola:',
    about: 'Tadamon es el espacio de formación de tu red: cursos, materiales y reuniones en un solo lugar.',
    linkIntro: 'Para aceptar la invitación, abre este enlace:',
    button: 'Aceptar la invitación',
    validUntil: (v) => `Esta invitación es válida hasta el ${v.expires} y solo puede usarse una vez.`,
    ignore: 'Si no esperabas esta invitación, puedes ignorar este mensaje.',
  },
  nl: {
    organisationSubject: (v) => `Uitnodiging om lid te worden van ${v.organisation} op Tadamon`,
    organisationInvite: (v) =>
      `${v.inviter} nodigt je uit om als ${v.role} lid te worden van ${v.organisation} (${v.network}) op Tadamon.`,
    networkSubject: (v) => `Uitnodiging om ${v.network} te coördineren op Tadamon`,
    networkInvite: (v) =>
      `${v.inviter} nodigt je uit om deel uit te maken van het coördinatieteam van ${v.network} op Tadamon.`,
    roles: { VOLUNTEER: 'vrijwilliger', ORG_LEADER: 'verantwoordelijke van de organisatie' },
    greeting: 'Hallo,',
    about: 'Tadamon is de leeromgeving van je netwerk: cursussen, materiaal en bijeenkomsten op één plek.',
    linkIntro: 'Open deze link om de uitnodiging te accepteren:',
    button: 'Uitnodiging accepteren',
    validUntil: (v) => `Deze uitnodiging is geldig tot ${v.expires} en kan maar één keer worden gebruikt.`,
    ignore: 'Had je deze uitnodiging niet verwacht? Dan kun je deze e-mail negeren.',
  },
};

/** The invitation e-mail in the invitation's language. */
export function invitationMail(language: Language, input: InvitationMailInput): RenderedMail {
  const t = TEXTS[language];
  const organisationRole = isOrganisationRole(input.role) ? input.role : null;
  const forOrganisation = input.organisationName !== null && organisationRole !== null;
  const values: Values = {
    inviter: input.inviterName,
    organisation: input.organisationName ?? '',
    network: input.networkName,
    role: forOrganisation && organisationRole ? t.roles[organisationRole] : '',
    expires: formatMailDate(language, input.expiresAt, input.timeZone),
  };
  const content = (v: Values): MailContent => ({
    subject: forOrganisation ? t.organisationSubject(v) : t.networkSubject(v),
    greeting: t.greeting,
    paragraphs: [forOrganisation ? t.organisationInvite(v) : t.networkInvite(v), t.about],
    linkIntro: t.linkIntro,
    button: t.button,
    closing: [t.validUntil(v), t.ignore],
  });
  return renderMail(language, content, values, input.link);
}
