import { PROGRESS_STATE_LABELS, isLanguage, type Language, type ProgressState } from '@tadamon/shared';

export { CSV_BOM, csvCell, csvLine } from '../../common/text/csv.js';

type MemberHeader = 'name' | 'organisation' | 'course' | 'status' | 'progress' | 'dueAt' | 'overdue' | 'completedAt' | 'lastActivity';
type NetworkHeader = 'organisation' | 'country' | 'organisations' | 'enrolled' | 'notStarted' | 'inProgress' | 'completed' | 'overdue';

interface CsvTexts {
  member: Record<MemberHeader, string>;
  network: Record<NetworkHeader, string>;
  /** The shared names of the progress states, as every screen shows them. */
  status: Record<ProgressState, string>;
  yes: string;
  no: string;
}

type OwnTexts = Omit<CsvTexts, 'status' | 'network'> & { network: Omit<CsvTexts['network'], 'notStarted' | 'inProgress' | 'completed'> };

const TEXTS: Record<Language, OwnTexts> = {
  en: {
    member: { name: 'Member', organisation: 'Organisation', course: 'Course', status: 'Status', progress: 'Progress (%)', dueAt: 'Due date', overdue: 'Overdue', completedAt: 'Completed on', lastActivity: 'Last activity' },
    network: { organisation: 'Organisation', country: 'Country', organisations: 'Organisations', enrolled: 'Enrolled', overdue: 'Overdue' },
    yes: 'yes',
    no: 'no',
  },
  fr: {
    member: { name: 'Membre', organisation: 'Organisation', course: 'Cours', status: 'Statut', progress: 'Progression (%)', dueAt: 'Échéance', overdue: 'En retard', completedAt: 'Terminé le', lastActivity: 'Dernière activité' },
    network: { organisation: 'Organisation', country: 'Pays', organisations: 'Organisations', enrolled: 'Inscrits', overdue: 'En retard' },
    yes: 'oui',
    no: 'non',
  },
  ar: {
    member: { name: 'العضو', organisation: 'المنظمة', course: 'الدورة', status: 'الحالة', progress: 'التقدم (%)', dueAt: 'الموعد النهائي', overdue: 'متأخر', completedAt: 'تاريخ الإكمال', lastActivity: 'آخر نشاط' },
    network: { organisation: 'المنظمة', country: 'البلد', organisations: 'المنظمات', enrolled: 'المسجلون', overdue: 'متأخر' },
    yes: 'نعم',
    no: 'لا',
  },
  es: {
    member: { name: 'Miembro', organisation: 'Organización', course: 'Curso', status: 'Estado', progress: 'Progreso (%)', dueAt: 'Fecha límite', overdue: 'Con retraso', completedAt: 'Terminado el', lastActivity: 'Última actividad' },
    network: { organisation: 'Organización', country: 'País', organisations: 'Organizaciones', enrolled: 'Inscritos', overdue: 'Con retraso' },
    yes: 'sí',
    no: 'no',
  },
  nl: {
    member: { name: 'Lid', organisation: 'Organisatie', course: 'Cursus', status: 'Status', progress: 'Voortgang (%)', dueAt: 'Deadline', overdue: 'Te laat', completedAt: 'Afgerond op', lastActivity: 'Laatste activiteit' },
    network: { organisation: 'Organisatie', country: 'Land', organisations: 'Organisaties', enrolled: 'Ingeschreven', overdue: 'Te laat' },
    yes: 'ja',
    no: 'nee',
  },
};

export function csvTexts(language: string): CsvTexts {
  const lang = isLanguage(language) ? language : 'en';
  const states = PROGRESS_STATE_LABELS[lang];
  return {
    ...TEXTS[lang],
    network: { ...TEXTS[lang].network, notStarted: states.NOT_STARTED, inProgress: states.IN_PROGRESS, completed: states.COMPLETED },
    status: { NOT_STARTED: states.NOT_STARTED, IN_PROGRESS: states.IN_PROGRESS, COMPLETED: states.COMPLETED },
  };
}

/** Calendar days as YYYY-MM-DD in the reader's zone: every spreadsheet reads them as dates. */
export function csvDate(date: Date | string | null, timeZone: string): string {
  if (!date) return '';
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(date));
}
