import { createRequire } from 'node:module';
import MarkdownIt from 'markdown-it';
import PDFDocument from 'pdfkit';
import { breakLines, visualRuns } from './pdf-text-layout.js';

// Fonts ship with the app from npm (TrueType, OFL): Noto Sans for Latin scripts, Noto Naskh
// Arabic for Arabic. Both are embedded (subset) in every PDF.
const require = createRequire(import.meta.url);
const FONTS = {
  latin: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  latinBold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  arabic: require.resolve('@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf'),
  arabicBold: require.resolve('@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf'),
};

export interface DocumentPdfInput {
  language: string;
  direction: 'ltr' | 'rtl';
  title: string;
  /** Markdown body; exported as plain paragraphs and headings. */
  body: string;
  /** Localised labels, whole sentences. */
  statusLine: string;
  /** The signatories section; left out when absent (a toolkit, say, is signed by nobody). */
  signatures?: {
    heading: string;
    none: string;
    signatories: { organisation: string; signedLine: string }[];
  };
}

const markdown = new MarkdownIt({ html: false });

/** Markdown as blocks of plain text: what a printed letter shows. */
export function markdownBlocks(source: string): { text: string; heading: boolean }[] {
  const blocks: { text: string; heading: boolean }[] = [];
  let heading = false;
  for (const token of markdown.parse(source, {})) {
    if (token.type === 'heading_open') heading = true;
    if (token.type === 'heading_close') heading = false;
    if (token.type !== 'inline') continue;
    const text = (token.children ?? [])
      .map((c) => (c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : c.type === 'text' || c.type === 'code_inline' ? c.content : ''))
      .join('');
    if (text.trim()) blocks.push({ text, heading });
  }
  return blocks;
}

/** A text (a joint document with its signatories, a toolkit) as a PDF (A4), right to left for Arabic. */
export function renderDocumentPdf(input: DocumentPdfInput): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: input.title }, lang: input.language } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('latin', FONTS.latin);
  pdf.registerFont('latinBold', FONTS.latinBold);
  pdf.registerFont('arabic', FONTS.arabic);
  pdf.registerFont('arabicBold', FONTS.arabicBold);

  const left = pdf.page.margins.left;
  const right = pdf.page.width - pdf.page.margins.right;
  let y = pdf.page.margins.top;

  const fontFor = (arabic: boolean, bold: boolean) => (arabic ? (bold ? 'arabicBold' : 'arabic') : bold ? 'latinBold' : 'latin');
  const width = (text: string, size: number, bold: boolean) =>
    visualRuns(text, input.direction).reduce((sum, run) => sum + pdf.font(fontFor(run.arabic, bold)).fontSize(size).widthOfString(run.text), 0);

  const paragraph = (text: string, size: number, bold = false, gapAfter = size * 0.8) => {
    const lineHeight = size * 1.6;
    for (const line of breakLines(text, right - left, (t) => width(t, size, bold))) {
      if (y + lineHeight > pdf.page.height - pdf.page.margins.bottom) {
        pdf.addPage();
        y = pdf.page.margins.top;
      }
      const runs = visualRuns(line, input.direction);
      let x = input.direction === 'rtl' ? right - width(line, size, bold) : left;
      for (const run of runs) {
        pdf.font(fontFor(run.arabic, bold)).fontSize(size).text(run.text, x, y, { lineBreak: false });
        x += pdf.widthOfString(run.text);
      }
      y += lineHeight;
    }
    y += gapAfter;
  };

  paragraph(input.title, 18, true);
  paragraph(input.statusLine, 10);
  for (const block of markdownBlocks(input.body)) paragraph(block.text, block.heading ? 14 : 11, block.heading);
  if (input.signatures) {
    y += 12;
    paragraph(input.signatures.heading, 14, true);
    if (input.signatures.signatories.length === 0) paragraph(input.signatures.none, 11);
    for (const s of input.signatures.signatories) {
      paragraph(s.organisation, 12, true, 0);
      paragraph(s.signedLine, 10);
    }
  }
  pdf.end();
  return done;
}
