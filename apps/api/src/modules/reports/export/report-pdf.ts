import type { Dashboard, Language } from '@tadamon/shared';
import { PdfWriter } from '../../../common/pdf/pdf-writer.js';
import type { ReportDocument, ReportSection } from './report-sections.js';

const SIZE = 8;
const ROW = SIZE * 1.9;

/**
 * The printable report: title, the note on withheld counts, a bar chart of courses completed
 * per month, and every table of the CSV. Written through the one PdfWriter, so its text layer
 * reads back exactly as written, Arabic included; in Arabic the page, the tables' columns and
 * the chart's time axis run right to left.
 */
export async function reportPdf(report: ReportDocument, dashboard: Dashboard, language: Language): Promise<Buffer> {
  const pdf = new PdfWriter({ language, title: report.title, subject: report.subtitle, layout: 'landscape', margins: { top: 40, bottom: 40, left: 40, right: 40 } });
  // A line that mixes Arabic with a Latin name or with dates after a colon is one that poppler
  // reads back in another order; each run of one direction gets a line of its own instead.
  pdf.text(report.heading, { size: 18, bold: true, tag: 'H1', gapAfter: 2 });
  pdf.text(report.name, { size: 14, bold: true, tag: 'P', ...ownDirection(report.name, pdf.direction), gapAfter: 2 });
  pdf.text(`${report.periodLabel}`, { size: 11, bold: true });
  pdf.text(report.period, { size: 11, direction: 'ltr', align: pdf.direction === 'rtl' ? 'end' : 'start', gapAfter: 2 });
  pdf.text(report.note, { size: 9, color: '#444444', gapAfter: 10 });
  pdf.doc.fillColor('#000000');
  chart(pdf, report, dashboard);
  for (const section of report.sections) table(pdf, section);
  return pdf.finish();
}

/** Text in its own direction, kept against the page's starting edge. */
function ownDirection(text: string, page: 'ltr' | 'rtl') {
  const direction: 'ltr' | 'rtl' = /^[^A-Za-z\u00c0-\u024f]*[\u0600-\u06ff]/.test(text) ? 'rtl' : 'ltr';
  return { direction, align: direction === page ? ('start' as const) : ('end' as const) };
}

function ensureRoom(pdf: PdfWriter, height: number) {
  const bottom = pdf.doc.page.height - pdf.doc.page.margins.bottom;
  if (pdf.y + height > bottom) {
    pdf.doc.addPage();
    pdf.y = pdf.doc.page.margins.top;
  }
}

/** Courses completed per month as bars; a withheld month is an outlined bar marked "fewer than 5". */
function chart(pdf: PdfWriter, report: ReportDocument, dashboard: Dashboard) {
  const points = dashboard.months.map((m) => ({ key: m.key, count: m.values.coursesCompleted }));
  const height = 120;
  ensureRoom(pdf, height + 60);
  pdf.text(report.texts.chartCaption, { size: 12, bold: true, tag: 'H2', gapAfter: 4 });
  const top = pdf.y;
  const max = Math.max(1, ...points.map((p) => p.count?.value ?? 0));
  const slot = pdf.contentWidth / Math.max(1, points.length);
  const barWidth = Math.min(28, slot * 0.6);
  points.forEach((point, i) => {
    // The time axis runs with the reading direction: in Arabic the first month is on the right.
    const index = pdf.direction === 'rtl' ? points.length - 1 - i : i;
    const x = pdf.contentLeft + index * slot + (slot - barWidth) / 2;
    const value = point.count?.value;
    const barHeight = value === null || value === undefined ? height * 0.15 : (value / max) * height;
    const y = top + height - barHeight;
    if (point.count?.suppressed) pdf.doc.save().dash(2, { space: 2 }).rect(x, y, barWidth, barHeight).strokeColor('#555555').stroke().undash().restore();
    else pdf.doc.save().rect(x, y, barWidth, barHeight).fillColor('#1c7ed6').fill().restore();
    const label = point.count?.suppressed ? report.texts.fewerThan : String(value ?? 0);
    pdf.text(label, { size: 7, x: x - slot / 4, width: barWidth + slot / 2, y: y - 10, align: 'center', tag: 'Span' });
    pdf.text(point.key, { size: 7, x: x - slot / 4, width: barWidth + slot / 2, y: top + height + 3, align: 'center', tag: 'Span' });
  });
  pdf.doc.fillColor('#000000');
  pdf.y = top + height + 24;
}

function table(pdf: PdfWriter, section: ReportSection) {
  ensureRoom(pdf, ROW * 3 + 20);
  pdf.text(section.heading, { size: 12, bold: true, tag: 'H2', gapAfter: 2 });
  const columns = section.columns.length;
  const first = Math.min(200, pdf.contentWidth * 0.28);
  const rest = columns > 1 ? (pdf.contentWidth - first) / (columns - 1) : 0;
  const widths = [first, ...Array.from({ length: columns - 1 }, () => rest)];
  const row = (cells: (string | number)[], bold: boolean) => {
    const lines = Math.max(...cells.map((c, i) => Math.ceil(pdf.widthOf(String(c), SIZE, bold) / Math.max(1, widths[i]! - 6)) || 1));
    ensureRoom(pdf, ROW * lines);
    const top = pdf.y;
    let offset = 0;
    cells.forEach((c, i) => {
      const width = widths[i]!;
      // Columns follow the reading direction: in Arabic the first column is the rightmost.
      const x = pdf.direction === 'rtl' ? pdf.contentLeft + pdf.contentWidth - offset - width : pdf.contentLeft + offset;
      pdf.text(String(c), { size: SIZE, bold, x: x + 3, width: width - 6, y: top, align: i === 0 ? 'start' : 'end', lineHeight: 1.9, tag: 'Span' });
      offset += width;
    });
    pdf.y = top + ROW * lines;
  };
  row(section.columns, true);
  for (const cells of section.rows) row(cells, false);
  pdf.y += 10;
}
