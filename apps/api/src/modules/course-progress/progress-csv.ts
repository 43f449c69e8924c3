import { isLanguage, type Language } from '@tadamon/shared';

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

type MemberHeader = 'name' | 'organisation' | 'course' | 'status' | 'progress' | 'dueAt' | 'overdue' | 'completedAt' | 'lastActivity';
type NetworkHeader = 'organisation' | 'country' | 'organisations' | 'enrolled' | 'notStarted' | 'inProgress' | 'completed' | 'overdue';
type Status = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED';

interface CsvTexts {
  member: Record<MemberHeader, string>;
  network: Record<NetworkHeader, string>;
  status: Record<Status, string>;
  yes: string;
  no: string;
}

const TEXTS: Record<Language, CsvTexts> = {
  en: {
    member: { name: 'Member', organisation: 'Organisation', course: 'Course', status: 'Status', progress: 'Progress (%)', dueAt: 'Due date', overdue: 'Overdue', completedAt: 'Completed on', lastActivity: 'Last activity' },
    network: { organisation: 'Organisation', country: 'Country', organisations: 'Organisations', enrolled: 'Enrolled', notStarted: 'Not started', inProgress: 'In progress', completed: 'Completed', overdue: 'Overdue' },
    status: { NOT_STARTED: 'Not started', IN_PROGRESS: 'In progress', COMPLETED: 'Completed' },
    yes: 'yes',
    no: 'no',
  },
  fr: {
    member: { name: 'Membre', organisation: 'Organisation', course: 'Cours', status: 'Statut', progress: 'Progression (%)', dueAt: 'Échéance', overdue: 'En retard', completedAt: 'Terminé le', lastActivity: 'Dernière activité' },
    network: { organisation: 'Organisation', country: 'Pays', organisations: 'Organisations', enrolled: 'Inscrits', notStarted: 'Pas commencé', inProgress: 'En cours', completed: 'Terminé', overdue: 'En retard' },
    status: { NOT_STARTED: 'Pas commencé', IN_PROGRESS: 'En cours', COMPLETED: 'Terminé' },
    yes: 'oui',
    no: 'non',
  },
  ar: {
    member: { name: 'العضو', organisation: 'المنظمة', course: 'الدورة', status: 'الحالة', progress: 'التقدم (%)', dueAt: 'الموعد النهائي', overdue: 'متأخر', completedAt: 'تاريخ الإكمال', lastActivity: 'آخر نشاط' },
    network: { organisation: 'المنظمة', country: 'البلد', organisations: 'المنظمات', enrolled: 'المسجلون', notStarted: 'لم يبدأ', inProgress: 'قيد التقدم', completed: 'مكتمل', overdue: 'متأخر' },
    status: { NOT_STARTED: 'لم يبدأ', IN_PROGRESS: 'قيد التقدم', COMPLETED: 'مكتمل' },
    yes: 'نعم',
    no: 'لا',
  },
  es: {
    member: { name: 'Miembro', organisation: 'Organización', course: 'Curso', status: 'Estado', progress: 'Progreso (%)', dueAt: 'Fecha límite', overdue: 'Con retraso', completedAt: 'Terminado el', lastActivity: 'Última actividad' },
    network: { organisation: 'Organización', country: 'País', organisations: 'Organizaciones', enrolled: 'Inscritos', notStarted: 'Sin empezar', inProgress: 'En curso', completed: 'Terminado', overdue: 'Con retraso' },
    status: { NOT_STARTED: 'Sin empezar', IN_PROGRESS: 'En curso', COMPLETED: 'Terminado' },
    yes: 'sí',
    no: 'no',
  },
  nl: {
    member: { name: 'Lid', organisation: 'Organisatie', course: 'Cursus', status: 'Status', progress: 'Voortgang (%)', dueAt: 'Deadline', overdue: 'Te laat', completedAt: 'Afgerond op', lastActivity: 'Laatste activiteit' },
    network: { organisation: 'Organisatie', country: 'Land', organisations: 'Organisaties', enrolled: 'Ingeschreven', notStarted: 'Niet begonnen', inProgress: 'Bezig', completed: 'Afgerond', overdue: 'Te laat' },
    status: { NOT_STARTED: 'Niet begonnen', IN_PROGRESS: 'Bezig', COMPLETED: 'Afgerond' },
    yes: 'ja',
    no: 'nee',
  },
};

export function csvTexts(language: string): CsvTexts {
  return TEXTS[isLanguage(language) ? language : 'en'];
}

/** Calendar days as YYYY-MM-DD in the reader's zone: every spreadsheet reads them as dates. */
export function csvDate(date: Date | string | null, timeZone: string): string {
  if (!date) return '';
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(date));
}
