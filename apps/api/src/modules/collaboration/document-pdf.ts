import { PdfWriter } from '../../common/pdf/pdf-writer.js';
import { markdownBlocks } from '../../common/text/markdown.js';

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

/** A text (a joint document with its signatories, a toolkit) as a PDF (A4), right to left for Arabic. */
export function renderDocumentPdf(input: DocumentPdfInput): Promise<Buffer> {
  const pdf = new PdfWriter({ language: input.language, title: input.title });
  const direction = input.direction;
  const paragraph = (text: string, size: number, bold = false, gapAfter = size * 0.8, tag: 'P' | 'H1' | 'H2' = 'P') =>
    pdf.text(text, { size, bold, gapAfter, direction, tag, lineHeight: 1.6 });

  paragraph(input.title, 18, true, undefined, 'H1');
  paragraph(input.statusLine, 10);
  for (const block of markdownBlocks(input.body)) paragraph(block.text, block.heading ? 14 : 11, block.heading, undefined, block.heading ? 'H2' : 'P');
  if (input.signatures) {
    pdf.y += 12;
    paragraph(input.signatures.heading, 14, true, undefined, 'H2');
    if (input.signatures.signatories.length === 0) paragraph(input.signatures.none, 11);
    for (const s of input.signatures.signatories) {
      paragraph(s.organisation, 12, true, 0);
      paragraph(s.signedLine, 10);
    }
  }
  return pdf.finish();
}
