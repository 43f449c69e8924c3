import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, describe, expect, it } from 'vitest';
import { PdfWriter } from './pdf-writer.js';

/**
 * What a person copying, searching or hearing a PDF gets: the text as poppler's pdftotext and
 * pdf.js (Firefox, most web viewers) extract it must be exactly what was written, in reading
 * order. One sample a page, so that no reader's idea of where a line ends gets in the way.
 */
const SAMPLES: { language: string; text: string }[] = [
  { language: 'ar', text: 'علاء عبد الله' },
  { language: 'ar', text: 'تاريخ الإصدار' },
  // Every letter of the alphabet, in the old abjad order.
  { language: 'ar', text: 'أبجد هوز حطي كلمن سعفص قرشت ثخذ ضظغ' },
  { language: 'ar', text: 'زياد يقرأ ثم يكتب في الظهر شيئا' },
  { language: 'ar', text: 'ة ى ؤ ئ إ آ ء في الكلمات: مدرسة، مستشفى، مسؤول، بيئة، إسلام، آمال، سماء' },
  // lam-alef in all its forms, and the word Allah.
  { language: 'ar', text: 'لا إله إلا الله لأن لآلئ الإصدار' },
  // Tashkeel: fatha, damma, kasra, sukun, shadda, tanween.
  { language: 'ar', text: 'مُحَمَّدٌ عَلَى الْبَابِ كِتَابًا' },
  { language: 'ar', text: 'صدرت في 15 نوفمبر 2026 برقم ١٢٣٤' },
  { language: 'ar', text: 'وقّعت Association Al Amal Tanger على الرسالة في طنجة' },
  { language: 'ar', text: 'اتفاقية منظمة العمل الدولية (C189) بشأن العمال المنزليين.' },
  { language: 'fr', text: 'Délivré le 15 novembre 2026 à Françoise Ñúñez-Dupré, Île-de-France' },
  { language: 'es', text: 'Certificado de formación: «Protección social» — válido hasta el año 2028' },
  { language: 'nl', text: 'Uitgereikt aan Netwerk tegen Armoede – geldig tot 1 juli 2027' },
  { language: 'en', text: 'Awarded to Fatima Zahra Benali for “First aid in the community”' },
  { language: 'fr', text: 'Nom arabe dans une phrase française : علاء عبد الله est certifié' },
];

const folder = mkdtempSync(join(tmpdir(), 'pdf-text-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const ARABIC_IN_LATIN = /[\u0600-\u06ff]/;
const withoutBidiControls = (text: string) => text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
const tidy = (text: string) => withoutBidiControls(text).replace(/\s+/g, ' ').trim();

async function render(samples: typeof SAMPLES, bold = false) {
  const pdf = new PdfWriter({ language: samples[0]!.language, title: 'Text layer' });
  samples.forEach((sample, i) => {
    if (i > 0) {
      pdf.doc.addPage();
      pdf.y = pdf.doc.page.margins.top;
    }
    pdf.text(sample.text, { size: 16, bold, direction: sample.language === 'ar' ? 'rtl' : 'ltr', lang: sample.language });
  });
  return pdf.finish();
}

async function pagesOf(pdf: Buffer) {
  const path = join(folder, `sample-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, pdf);
  const poppler = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).split('\f').map(tidy);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  return { poppler, pdfjs: (text as string[]).map(tidy) };
}

// pdftotext puts each line in reading order with a simple rule of its own (poppler's
// reorderText): neutral characters (spaces, punctuation) go with whichever direction it is
// scanning, so around digits, Latin words and punctuation inside Arabic it moves spaces and swaps
// brackets. It does so for every producer: Chromium's own PDF of these sentences comes out the
// same. For those lines the words, letters and their order are checked; for the rest, and with
// pdf.js for all, the exact text.
const POPPLER_MOVES_NEUTRALS = /[0-9\u0660-\u0669A-Za-z:،.()]/;
const withoutSpaces = (text: string) => text.replace(/\s+/g, '');

describe('text layer of the PDFs the system makes', () => {
  for (const bold of [false, true]) {
    it(`gives back exactly the text written, in reading order, with pdf.js${bold ? ' (bold)' : ''}`, async () => {
      const { pdfjs } = await pagesOf(await render(SAMPLES, bold));
      expect(pdfjs).toEqual(SAMPLES.map((s) => s.text));
    });

    it(`gives back the same letters, words and order with pdftotext${bold ? ' (bold)' : ''}`, async () => {
      // Arabic lines as an Arabic page holds them (pdftotext decides a page's direction by
      // counting its letters); other languages one to a page.
      const arabic = SAMPLES.filter((s) => s.language === 'ar');
      const pdf = new PdfWriter({ language: 'ar', title: 'نص' });
      for (const sample of arabic) pdf.text(sample.text, { size: 16, bold, gapAfter: 24 });
      const popplerLines = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: await pdf.finish(), encoding: 'utf8' })
        .split('\n')
        .map(tidy)
        .filter(Boolean);
      expect(popplerLines).toHaveLength(arabic.length);
      arabic.forEach((sample, i) => {
        if (sample.text.includes('(')) return; // brackets: see above
        if (POPPLER_MOVES_NEUTRALS.test(sample.text)) expect(withoutSpaces(popplerLines[i]!)).toBe(withoutSpaces(sample.text));
        else expect(popplerLines[i]).toBe(sample.text);
      });
      const { poppler } = await pagesOf(await render(SAMPLES.filter((s) => s.language !== 'ar'), bold));
      SAMPLES.filter((s) => s.language !== 'ar').forEach((sample, i) => {
        if (ARABIC_IN_LATIN.test(sample.text)) expect(withoutSpaces(poppler[i]!)).toBe(withoutSpaces(sample.text));
        else expect(poppler[i]).toBe(sample.text);
      });
    });
  }

  it('keeps each word of a long Arabic paragraph, wrapped over lines and pages', async () => {
    const sentence = 'تعمل الجمعيات في طنجة مع شركائها من أجل الحماية الاجتماعية للعمال والعاملات';
    const pdf = new PdfWriter({ language: 'ar', title: 'فقرة' });
    for (let i = 0; i < 40; i++) pdf.text(`${sentence} ${i + 1}.`, { size: 14, gapAfter: 8 });
    const bytes = await pdf.finish();
    const { poppler, pdfjs } = await pagesOf(bytes);
    for (const pages of [poppler, pdfjs]) {
      const words = pages.join(' ').split(' ').filter(Boolean);
      expect(words.filter((w) => w === 'الاجتماعية')).toHaveLength(40);
      expect(words).toContain('طنجة');
    }
    expect(poppler.filter(Boolean).length).toBeGreaterThan(1);
  });

  it('carries the language and title, and tags its paragraphs', async () => {
    const pdf = new PdfWriter({ language: 'ar', title: 'شهادة تدريب' });
    pdf.text('شهادة', { size: 20, tag: 'H1' });
    pdf.text('Texte en français', { size: 12, lang: 'fr', direction: 'ltr' });
    const bytes = await pdf.finish();
    const info = execFileSync('pdfinfo', ['-'], { input: bytes, encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+شهادة تدريب/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/Lang \(ar\)/);
    expect(raw).toMatch(/\/S \/H1/);
    expect(raw).toMatch(/\/Lang \(fr\)/);
  });
});
