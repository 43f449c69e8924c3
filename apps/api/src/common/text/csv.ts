/**
 * CSV as spreadsheet programs read it: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte
 * order mark first — without it Excel guesses a legacy code page and Arabic names turn to
 * mojibake. Cells that a spreadsheet would run as a formula get a leading apostrophe
 * (OWASP "CSV injection"): a member's name is data, never a formula.
 */
export const CSV_BOM = '\uFEFF';

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: (string | number | null | undefined)[]) => `${cells.map(csvCell).join(',')}\r\n`;
