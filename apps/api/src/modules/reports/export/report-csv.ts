import { CSV_BOM, csvLine } from '../../../common/text/csv.js';
import type { ReportDocument } from './report-sections.js';

/** The report as one CSV file: a title, then each table under its heading, a blank line between. */
export function reportCsv(report: ReportDocument): string {
  let text = CSV_BOM + csvLine([report.title]) + csvLine([report.subtitle]) + csvLine([report.note]);
  for (const section of report.sections) {
    text += '\r\n' + csvLine([section.heading]) + csvLine(section.columns);
    for (const row of section.rows) text += csvLine(row);
  }
  return text;
}
