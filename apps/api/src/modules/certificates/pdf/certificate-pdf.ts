import QRCode from 'qrcode';
import { dateLocale, directionOf, isLanguage, type Language } from '@tadamon/shared';
import { PdfWriter } from '../../../common/pdf/pdf-writer.js';
import { PDF_LABELS } from './pdf-labels.js';

export interface CertificatePdfData {
  language: string;
  holderName: string;
  certificateName: string;
  organisationName: string;
  networkName: string;
  issuedAt: Date;
  expiresAt: Date | null;
  signatories: { name: string; title: string }[];
  code: string;
  verifyUrl: string;
  /** The signed Open Badges credential, embedded as `certificate-<code>.json`. */
  credential?: object;
}

/** Renders one certificate (A4 landscape) to a PDF buffer. Pure: no database, no files. */
export async function renderCertificatePdf(data: CertificatePdfData): Promise<Buffer> {
  const language: Language = isLanguage(data.language) ? data.language : 'en';
  const labels = PDF_LABELS[language];
  const date = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'long', timeZone: 'UTC' });
  const qr = QRCode.create(data.verifyUrl, { errorCorrectionLevel: 'M' });

  const pdf = new PdfWriter({
    language,
    title: `${data.certificateName} — ${data.holderName}`,
    author: data.networkName,
    subject: data.code,
    layout: 'landscape',
    latin: 'serif',
    // A small bottom margin: the footer sits low, and must not spill onto a second page.
    margins: { top: 56, left: 56, right: 56, bottom: 16 },
  });
  const { doc } = pdf;
  const line = (text: string, size: number, bold = false, gap = 0.4, tag: 'P' | 'H1' = 'P') =>
    pdf.text(text, { size, bold, align: 'center', lineHeight: 1.3, gapAfter: gap * size * 1.3, tag });

  doc.lineWidth(3).rect(24, 24, doc.page.width - 48, doc.page.height - 48).stroke('#1f5f8b');
  doc.fillColor('#1f2933');
  pdf.y = 70;
  line(data.networkName, 14);
  line(labels.title, 34, true, 0.2, 'H1');
  line(data.certificateName, 22, true, 0.6);
  line(labels.awardedTo, 14, false, 0.2);
  line(data.holderName, 30, true, 0.6);
  line(`${labels.issuedBy}: `.trim(), 11, false, 0);
  line(data.organisationName, 14, false, 0.5);
  line(`${labels.issuedOn} ${date.format(data.issuedAt)}`, 12, false, 0.1);
  line(data.expiresAt ? `${labels.validUntil} ${date.format(data.expiresAt)}` : labels.noExpiry, 12, false, 0.8);

  // Signatories across the bottom, then the QR code and the link in a corner that follows
  // the reading direction (bottom-left for left-to-right languages, bottom-right for Arabic).
  const width = pdf.contentWidth;
  const signY = doc.page.height - 150;
  const slots = data.signatories.slice(0, 4);
  const slotWidth = slots.length ? (width - 240) / slots.length : 0;
  slots.forEach((s, i) => {
    const x = 56 + 120 + i * slotWidth + 10;
    doc.moveTo(x, signY).lineTo(x + slotWidth - 20, signY).lineWidth(0.7).stroke('#52606d');
    for (const [k, text] of [s.name, s.title].entries()) {
      if (!text) continue;
      pdf.text(text, { size: k === 0 ? 11 : 9, align: 'center', x, width: slotWidth - 20, y: signY + 6 + k * 16 });
    }
  });
  const rtl = directionOf(language) === 'rtl';
  const qrX = rtl ? doc.page.width - 56 - 90 : 56;
  drawQrCode(doc, qr.modules, qrX, doc.page.height - 160, 90);
  const linkX = rtl ? 56 : 56 + 100;
  pdf.text(labels.verify, { size: 8, x: linkX, width: width - 100, y: doc.page.height - 80, align: 'start' });
  doc.fillColor('#1f5f8b');
  pdf.text(data.verifyUrl, { size: 8, x: linkX, width: width - 100, y: doc.page.height - 66, direction: 'ltr', align: rtl ? 'end' : 'start', link: data.verifyUrl });
  if (data.credential) {
    pdf.attach(credentialFileName(data.code), Buffer.from(JSON.stringify(data.credential, null, 2)), {
      type: 'application/json',
      description: labels.credential,
      created: data.issuedAt,
    });
  }
  return pdf.finish();
}

/** The name of the credential inside the PDF, and of its download. */
export const credentialFileName = (code: string) => `certificate-${code}.json`;

/** The QR code as vector squares: sharper than an image, and no PNG to encode and decode. */
function drawQrCode(doc: PDFKit.PDFDocument, modules: { size: number; get(row: number, col: number): number }, x: number, y: number, size: number) {
  const cell = size / (modules.size + 2);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + (col + 1) * cell, y + (row + 1) * cell, cell, cell);
    }
  }
  doc.fill('#000000').restore();
  doc.fillColor('#1f2933');
}
