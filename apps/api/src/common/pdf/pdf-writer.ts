import PDFDocument from 'pdfkit';
import { directionOf, isLanguage } from '@tadamon/shared';
import { RTL_END, RTL_START, drawArabicAsWords } from './arabic-word-glyphs.js';
import { breakLines, visualRuns, type VisualRun } from './bidi-runs.js';
import { FONT_NAMES, arabicFontDraws, fontFor, pdfFont, type LatinFamily } from './pdf-fonts.js';

export interface PdfOptions {
  /** The document's language (its /Lang); also its default direction. */
  language: string;
  title: string;
  author?: string;
  subject?: string;
  layout?: 'portrait' | 'landscape';
  margins?: { top: number; left: number; right: number; bottom: number };
  latin?: LatinFamily;
}

export interface TextOptions {
  size: number;
  bold?: boolean;
  /** Start and end follow the text's direction: start is the right edge in Arabic. */
  align?: 'start' | 'center' | 'end';
  /** Left edge and width of the text box; the page between its margins by default. */
  x?: number;
  width?: number;
  /** Top of the first line; the writer's running position by default. */
  y?: number;
  /** Line height as a multiple of the size. */
  lineHeight?: number;
  gapAfter?: number;
  /** The structure tag readers and screen readers see. */
  tag?: 'P' | 'H1' | 'H2' | 'H3' | 'Span';
  /** The language of this text when it differs from the document's. */
  lang?: string;
  direction?: 'ltr' | 'rtl';
  color?: string;
  link?: string;
}

/**
 * The one way the API writes PDFs (certificates, joint documents, toolkits, reports): pdfkit
 * with embedded Noto fonts, every line laid out with the Unicode bidirectional algorithm, Arabic
 * shaped, and a text layer that PDF readers extract exactly as written (see arabic-word-glyphs).
 * The file carries its language and title, and tags its paragraphs in reading order.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly direction: 'ltr' | 'rtl';
  y: number;
  private readonly latin: LatinFamily;
  private readonly root: PDFKit.PDFStructureElement;
  private readonly done: Promise<Buffer>;

  constructor(options: PdfOptions) {
    this.direction = isLanguage(options.language) ? directionOf(options.language) : 'ltr';
    this.latin = options.latin ?? 'sans';
    this.doc = new PDFDocument({
      size: 'A4',
      layout: options.layout ?? 'portrait',
      margins: options.margins ?? { top: 56, left: 56, right: 56, bottom: 56 },
      // pdfkit fails on an info entry that is present but undefined.
      info: JSON.parse(JSON.stringify({ Title: options.title, Author: options.author, Subject: options.subject })) as PDFKit.DocumentInfo,
      lang: options.language,
      pdfVersion: '1.7',
      tagged: true,
      displayTitle: true,
      // No default font: pdfkit would load Helvetica's metrics for every document, unused.
      font: null as unknown as string,
    } as PDFKit.PDFDocumentOptions);
    // Registered by name: pdfkit caches a font it knows by name, but would wrap an unnamed
    // font object again at every change of font.
    for (const name of FONT_NAMES) this.doc.registerFont(name, pdfFont(name) as string);
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
    this.y = this.doc.page.margins.top;
  }

  get contentLeft() {
    return this.doc.page.margins.left;
  }

  get contentWidth() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** Width of one line of text as it will be drawn. */
  widthOf(text: string, size: number, bold = false, direction = this.direction): number {
    return this.pieces(text, direction).reduce((sum, piece) => sum + this.use(piece, bold).fontSize(size).widthOfString(piece.text), 0);
  }

  /** Writes a paragraph: broken into lines within the box, onto new pages as needed. */
  text(text: string, options: TextOptions): void {
    const direction = options.direction ?? this.direction;
    const x = options.x ?? this.contentLeft;
    const width = options.width ?? this.contentWidth;
    const lineHeight = options.size * (options.lineHeight ?? 1.5);
    const bold = options.bold ?? false;
    if (options.y !== undefined) this.y = options.y;
    const element = this.doc.struct(options.tag ?? 'P', options.lang ? { lang: options.lang } : {});
    this.root.add(element);
    if (options.color) this.doc.fillColor(options.color);
    for (const line of breakLines(text, width, (t) => this.widthOf(t, options.size, bold, direction))) {
      if (this.y + lineHeight > this.doc.page.height - this.doc.page.margins.bottom && this.y > this.doc.page.margins.top) {
        this.doc.addPage();
        this.y = this.doc.page.margins.top;
      }
      const lineWidth = this.widthOf(line, options.size, bold, direction);
      const start = direction === 'rtl' ? x + width - lineWidth : x;
      const end = direction === 'rtl' ? x : x + width - lineWidth;
      const left = options.align === 'center' ? x + (width - lineWidth) / 2 : options.align === 'end' ? end : start;
      const top = this.y;
      element.add(() => this.drawLine(line, left, top, options.size, bold, direction, options.link));
      this.y += lineHeight;
    }
    element.end();
    this.y += options.gapAfter ?? 0;
  }

  /**
   * Embeds a file in the PDF (listed among its attachments by every reader), e.g. the signed
   * credential of a certificate, so that one file is both the paper and the proof.
   */
  attach(name: string, content: Uint8Array, options: { type: string; description: string; created?: Date }) {
    this.doc.file(content as Buffer, {
      name,
      type: options.type,
      description: options.description,
      creationDate: options.created,
      relationship: 'Data',
      // pdfkit writes it as the file's AFRelationship; its typings do not list it.
    } as PDFKit.Mixins.PDFAttachmentOptions);
  }

  /** Ends the document and answers its bytes. */
  finish(): Promise<Buffer> {
    this.root.end();
    this.doc.end();
    return this.done;
  }

  /**
   * A line as the pieces drawn for it, left to right. A line with Arabic in it is one piece in
   * the Arabic font (which has Latin letters too), its right-to-left runs marked: pdf.js reads
   * one piece of text at a time and puts right-to-left text in reading order only within a
   * piece. Otherwise one piece per run of one direction, in the order they are read.
   */
  private pieces(line: string, direction: 'ltr' | 'rtl'): Piece[] {
    const runs = visualRuns(line, direction);
    const marked = (run: VisualRun) => (run.rtl ? `${RTL_START}${run.text}${RTL_END}` : run.text);
    if (runs.some((run) => run.rtl || run.arabic) && arabicFontDraws(line)) {
      return [{ text: runs.map(marked).join(''), arabic: true, start: 0, left: 0 }];
    }
    return runs.map((run) => ({ text: run.rtl || run.arabic ? marked(run) : run.text, arabic: run.rtl || run.arabic, start: run.start, left: 0 }));
  }

  /**
   * Draws one line from `left`, every piece on one baseline whatever its font. Pieces are
   * placed in visual order but written into the page in reading order.
   */
  private drawLine(line: string, left: number, top: number, size: number, bold: boolean, direction: 'ltr' | 'rtl', link?: string) {
    const pieces = this.pieces(line, direction);
    const ascent = (piece: Piece) => (this.use(piece, bold) as unknown as { _font: { ascender: number } })._font.ascender;
    const baseline = top + (Math.max(...pieces.map(ascent)) * size) / 1000;
    let x = left;
    for (const piece of pieces) {
      piece.left = x;
      x += this.use(piece, bold).fontSize(size).widthOfString(piece.text);
    }
    for (const piece of [...pieces].sort((a, b) => a.start - b.start)) {
      const pieceTop = baseline - (ascent(piece) * size) / 1000;
      this.use(piece, bold).fontSize(size).text(piece.text, piece.left, pieceTop, { lineBreak: false, link: piece.arabic ? undefined : link });
    }
  }

  private use(piece: { arabic: boolean }, bold: boolean) {
    this.doc.font(fontFor(piece.arabic, bold, this.latin));
    if (piece.arabic) drawArabicAsWords((this.doc as unknown as { _font: Parameters<typeof drawArabicAsWords>[0] })._font);
    return this.doc;
  }
}

interface Piece {
  text: string;
  arabic: boolean;
  start: number;
  left: number;
}
