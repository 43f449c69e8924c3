import type { Language } from '@tadamon/shared';

export interface PdfLabels {
  title: string;
  awardedTo: string;
  issuedBy: string;
  issuedOn: string;
  validUntil: string;
  noExpiry: string;
  verify: string;
  /** Description of the embedded credential file. */
  credential: string;
}

/** The PDF's fixed texts, in the holder's language. */
export const PDF_LABELS: Record<Language, PdfLabels> = {
  en: {
    title: 'Certificate',
    awardedTo: 'is awarded to',
    issuedBy: 'Issued by',
    issuedOn: 'Issued on',
    validUntil: 'Valid until',
    noExpiry: 'Does not expire',
    verify: 'Check this certificate by scanning the code or at:',
    credential: 'The signed digital credential (Open Badges 3.0) of this certificate',
  },
  fr: {
    title: 'Certificat',
    awardedTo: 'est décerné à',
    issuedBy: 'Délivré par',
    issuedOn: 'Délivré le',
    validUntil: 'Valable jusqu’au',
    noExpiry: 'N’expire pas',
    verify: 'Vérifiez ce certificat en scannant le code ou à l’adresse :',
    credential: 'L’attestation numérique signée (Open Badges 3.0) de ce certificat',
  },
  ar: {
    title: 'شهادة',
    awardedTo: 'تُمنح إلى',
    issuedBy: 'صادرة عن',
    issuedOn: 'تاريخ الإصدار',
    validUntil: 'سارية حتى',
    noExpiry: 'لا تنتهي صلاحيتها',
    verify: 'تحقق من هذه الشهادة بمسح الرمز أو عبر الرابط:',
    credential: 'الشهادة الرقمية الموقّعة (Open Badges 3.0) لهذه الشهادة',
  },
  es: {
    title: 'Certificado',
    awardedTo: 'se otorga a',
    issuedBy: 'Emitido por',
    issuedOn: 'Emitido el',
    validUntil: 'Válido hasta el',
    noExpiry: 'No caduca',
    verify: 'Comprueba este certificado escaneando el código o en:',
    credential: 'La credencial digital firmada (Open Badges 3.0) de este certificado',
  },
  nl: {
    title: 'Certificaat',
    awardedTo: 'wordt toegekend aan',
    issuedBy: 'Uitgereikt door',
    issuedOn: 'Uitgereikt op',
    validUntil: 'Geldig tot',
    noExpiry: 'Verloopt niet',
    verify: 'Controleer dit certificaat door de code te scannen of op:',
    credential: 'Het ondertekende digitale bewijs (Open Badges 3.0) van dit certificaat',
  },
};
