import { dateLocale, type DocumentStatus, type Language } from '@tadamon/shared';

/** Words printed in a document's PDF, in the language of the exported version. */
interface PdfLabels {
  status: Record<DocumentStatus, string>;
  statusLine: (status: string, owner: string) => string;
  signatories: string;
  none: string;
  signedBy: (person: string, date: string) => string;
}

export const PDF_LABELS: Record<Language, PdfLabels> = {
  en: {
    status: { DRAFT: 'Draft', IN_REVIEW: 'In review', OPEN_FOR_SIGNATURE: 'Open for signature', PUBLISHED: 'Published', ARCHIVED: 'Archived' },
    statusLine: (status, owner) => `${status} — drafted by ${owner}`,
    signatories: 'Signatories',
    none: 'No organisation has signed yet.',
    signedBy: (person, date) => `Signed on behalf of the organisation by ${person} on ${date}`,
  },
  fr: {
    status: { DRAFT: 'Brouillon', IN_REVIEW: 'En relecture', OPEN_FOR_SIGNATURE: 'Ouvert à la signature', PUBLISHED: 'Publié', ARCHIVED: 'Archivé' },
    statusLine: (status, owner) => `${status} — rédigé par ${owner}`,
    signatories: 'Signataires',
    none: 'Aucune organisation n’a encore signé.',
    signedBy: (person, date) => `Signé au nom de l’organisation par ${person} le ${date}`,
  },
  ar: {
    status: { DRAFT: 'مسودة', IN_REVIEW: 'قيد المراجعة', OPEN_FOR_SIGNATURE: 'مفتوح للتوقيع', PUBLISHED: 'منشور', ARCHIVED: 'مؤرشف' },
    statusLine: (status, owner) => `${status} — صاغته ${owner}`,
    signatories: 'الموقّعون',
    none: 'لم توقّع أي منظمة بعد.',
    signedBy: (person, date) => `وقّع باسم المنظمة ${person} بتاريخ ${date}`,
  },
  es: {
    status: { DRAFT: 'Borrador', IN_REVIEW: 'En revisión', OPEN_FOR_SIGNATURE: 'Abierto a la firma', PUBLISHED: 'Publicado', ARCHIVED: 'Archivado' },
    statusLine: (status, owner) => `${status} — redactado por ${owner}`,
    signatories: 'Firmantes',
    none: 'Ninguna organización ha firmado todavía.',
    signedBy: (person, date) => `Firmado en nombre de la organización por ${person} el ${date}`,
  },
  nl: {
    status: { DRAFT: 'Concept', IN_REVIEW: 'Ter review', OPEN_FOR_SIGNATURE: 'Open voor ondertekening', PUBLISHED: 'Gepubliceerd', ARCHIVED: 'Gearchiveerd' },
    statusLine: (status, owner) => `${status} — opgesteld door ${owner}`,
    signatories: 'Ondertekenaars',
    none: 'Nog geen enkele organisatie heeft ondertekend.',
    signedBy: (person, date) => `Namens de organisatie ondertekend door ${person} op ${date}`,
  },
};

export function formatPdfDate(language: Language, date: Date): string {
  return new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
