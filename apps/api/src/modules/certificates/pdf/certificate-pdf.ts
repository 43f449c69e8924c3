import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { dateLocale, directionOf, isLanguage, type Language } from '@tadamon/shared';
import { PDF_LABELS } from './pdf-labels.js';
import { memoiseShaping } from './shaping-memo.js';

const require = createRequire(import.meta.url);
// Embedded fonts from npm: Noto Serif for Latin (accents included), Noto Naskh Arabic for
// Arabic, which pdfkit shapes (joining forms, right to left) through fontkit.
// Parsed once per process and handed to pdfkit as fontkit fonts: parsing the font files for
// every certificate was the largest part of rendering one. pdfkit still embeds a subset per PDF.
// Each document registers them under these names: pdfkit caches a font it knows by name, but
// would wrap and compare an unnamed font object again at every change of font. Their shaping
// is remembered across certificates (see shaping-memo).
const font = (path: string) => memoiseShaping(fontkit.create(readFileSync(require.resolve(path)))) as unknown as string;
const PARSED_FONTS = {
  latin: font('@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf'),
  latinBold: font('@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf'),
  arabic: font('@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf'),
  arabicBold: font('@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf'),
};
type FontName = keyof typeof PARSED_FONTS;
const FONTS = Object.fromEntries(Object.keys(PARSED_FONTS).map((name) => [name, name])) as Record<FontName, FontName>;
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;

/**
 * fontkit lays out an Arabic run by reversing all of it, digits included ("26" would print
 * as "62"), since pdfkit has no bidi algorithm. Pre-reversing each run of digits makes them
 * come out in reading order.
 */
export function forRightToLeft(text: string): string {
  return text.replace(/[0-9\u0660-\u0669\u06f0-\u06f9]+/g, (digits) => [...digits].reverse().join(''));
}

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
}

/** Renders one certificate (A4 landscape) to a PDF buffer. Pure: no database, no files. */
export async function renderCertificatePdf(data: CertificatePdfData): Promise<Buffer> {
  const language: Language = isLanguage(data.language) ? data.language : 'en';
  const labels = PDF_LABELS[language];
  const date = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'long', timeZone: 'UTC' });
  const qr = QRCode.create(data.verifyUrl, { errorCorrectionLevel: 'M' });

  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    // A small bottom margin: the footer sits low, and must not spill onto a second page.
    margins: { top: 56, left: 56, right: 56, bottom: 16 },
    info: { Title: `${data.certificateName} — ${data.holderName}`, Author: data.networkName, Subject: data.code },
    lang: language,
    // No default font: pdfkit would load Helvetica's metrics for every document, unused.
    font: null as unknown as string,
  });
  for (const [name, parsed] of Object.entries(PARSED_FONTS)) doc.registerFont(name, parsed);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 112;
  // Each line picks its font by script; `rtla` features help Naskh's right-to-left forms.
  // Latin text asks for no features (not even an empty list), which lets pdfkit measure and
  // lay it out word by word from its cache instead of shaping whole lines again.
  const line = (text: string, size: number, bold = false, gap = 0.4) => {
    const arabic = ARABIC.test(text);
    const font = arabic ? (bold ? FONTS.arabicBold : FONTS.arabic) : bold ? FONTS.latinBold : FONTS.latin;
    doc.font(font).fontSize(size).text(arabic ? forRightToLeft(text) : text, 56, undefined, { width, align: 'center', features: arabic ? ['rtla'] : undefined });
    doc.moveDown(gap);
  };

  doc.lineWidth(3).rect(24, 24, doc.page.width - 48, doc.page.height - 48).stroke('#1f5f8b');
  doc.fillColor('#1f2933');
  doc.y = 70;
  line(data.networkName, 14);
  line(labels.title, 34, true, 0.2);
  line(data.certificateName, 22, true, 0.6);
  line(labels.awardedTo, 14, false, 0.2);
  line(data.holderName, 30, true, 0.6);
  line(`${labels.issuedBy}: `.trim(), 11, false, 0);
  line(data.organisationName, 14, false, 0.5);
  line(`${labels.issuedOn} ${date.format(data.issuedAt)}`, 12, false, 0.1);
  line(data.expiresAt ? `${labels.validUntil} ${date.format(data.expiresAt)}` : labels.noExpiry, 12, false, 0.8);

  // Signatories across the bottom, then the QR code and the link in a corner that follows
  // the reading direction (bottom-left for left-to-right languages, bottom-right for Arabic).
  const signY = doc.page.height - 150;
  const slots = data.signatories.slice(0, 4);
  const slotWidth = slots.length ? (width - 240) / slots.length : 0;
  slots.forEach((s, i) => {
    const x = 56 + 120 + i * slotWidth + 10;
    doc.moveTo(x, signY).lineTo(x + slotWidth - 20, signY).lineWidth(0.7).stroke('#52606d');
    for (const [k, text] of [s.name, s.title].entries()) {
      if (!text) continue;
      const arabic = ARABIC.test(text);
      doc.font(arabic ? FONTS.arabic : FONTS.latin).fontSize(k === 0 ? 11 : 9)
        .text(arabic ? forRightToLeft(text) : text, x, signY + 6 + k * 16, { width: slotWidth - 20, align: 'center', features: arabic ? ['rtla'] : undefined });
    }
  });
  const rtl = directionOf(language) === 'rtl';
  const qrX = rtl ? doc.page.width - 56 - 90 : 56;
  drawQrCode(doc, qr.modules, qrX, doc.page.height - 160, 90);
  const linkX = rtl ? 56 : 56 + 100;
  doc.font(ARABIC.test(labels.verify) ? FONTS.arabic : FONTS.latin).fontSize(8)
    .text(labels.verify, linkX, doc.page.height - 80, { width: width - 100, align: rtl ? 'right' : 'left', features: rtl ? ['rtla'] : undefined });
  doc.font(FONTS.latin).fontSize(8).fillColor('#1f5f8b')
    .text(data.verifyUrl, linkX, doc.page.height - 66, { width: width - 100, align: rtl ? 'right' : 'left', link: data.verifyUrl });
  doc.end();
  return done;
}

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
