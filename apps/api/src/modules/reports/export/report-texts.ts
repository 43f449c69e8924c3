import type { DashboardDimension, DashboardMetric, Language, TargetStatus } from '@tadamon/shared';

/** The words of the CSV and PDF reports, in the five languages of the SPA (which has the same in its `reports` namespace). */
export interface ReportTexts {
  title: { network: string; organisation: string };
  period: string;
  fewerThan: string;
  figures: string;
  byMonth: string;
  byQuarter: string;
  month: string;
  quarter: string;
  targets: string;
  target: { metric: string; country: string; value: string; current: string; status: string; period: string; wholeNetwork: string };
  metric: Record<DashboardMetric, string>;
  dimension: Record<DashboardDimension, string>;
  continent: Record<string, string>;
  topic: Record<string, string>;
  gender: Record<string, string>;
  ageBand: Record<string, string>;
  status: Record<TargetStatus, string>;
  targetMetric: Record<string, string>;
  chartCaption: string;
  note: string;
}

const en: ReportTexts = {
  title: { network: 'Network report', organisation: 'Organisation report' },
  period: 'Period',
  fewerThan: 'fewer than 5',
  figures: 'Figures',
  byMonth: 'By month',
  byQuarter: 'By quarter',
  month: 'Month',
  quarter: 'Quarter',
  targets: 'Targets',
  target: { metric: 'Target', country: 'Country', value: 'Goal', current: 'Now', status: 'Status', period: 'Period', wholeNetwork: 'Whole network' },
  metric: {
    peopleTrained: 'People trained',
    coursesCompleted: 'Courses completed',
    certificatesIssued: 'Certificates issued',
    certificatesValid: 'Certificates valid',
    organisationsAccredited: 'Organisations accredited',
    meetingsHeld: 'Meetings held',
    meetingsAttended: 'Meeting attendances',
    materialsUsed: 'Materials used',
  },
  dimension: { country: 'Country', continent: 'Continent', organisation: 'Organisation', topic: 'Topic', language: 'Language', gender: 'Gender', ageBand: 'Age' },
  continent: { AF: 'Africa', AN: 'Antarctica', AS: 'Asia', EU: 'Europe', NA: 'North America', OC: 'Oceania', SA: 'South America' },
  topic: { LEADERSHIP: 'Leadership', ORGANISING: 'Organising', FUNDRAISING: 'Fundraising', FIRST_AID: 'First aid', HYGIENE: 'Hygiene', LEGAL_ADVOCACY: 'Legal advocacy' },
  gender: { WOMAN: 'Women', MAN: 'Men', ANOTHER: 'Another gender', PREFER_NOT_TO_SAY: 'Preferred not to say', NOT_ANSWERED: 'Not answered' },
  ageBand: { UNDER_25: 'Under 25', AGE_25_34: '25–34', AGE_35_44: '35–44', AGE_45_54: '45–54', AGE_55_PLUS: '55 and over', PREFER_NOT_TO_SAY: 'Preferred not to say', NOT_ANSWERED: 'Not answered' },
  status: { notStarted: 'Not started', achieved: 'Achieved', onTrack: 'On track', behind: 'Behind', missed: 'Missed', unknown: 'Too few people to say' },
  targetMetric: {
    CERTIFIED_VOLUNTEERS: 'Certified volunteers',
    PEOPLE_TRAINED: 'People trained',
    COURSES_COMPLETED: 'Courses completed',
    CERTIFICATES_ISSUED: 'Certificates issued',
    ORGANISATIONS_ACCREDITED: 'Organisations accredited',
    MEETINGS_HELD: 'Meetings held',
    SHARE_WOMEN: 'Share of women (%)',
    SHARE_UNDER_35: 'Share under 35 (%)',
  },
  chartCaption: 'Courses completed by month',
  note: 'Counts of fewer than 5 people, and counts that would reveal them, are not shown.',
};

const fr: ReportTexts = {
  title: { network: 'Rapport du réseau', organisation: 'Rapport de l’organisation' },
  period: 'Période',
  fewerThan: 'moins de 5',
  figures: 'Chiffres',
  byMonth: 'Par mois',
  byQuarter: 'Par trimestre',
  month: 'Mois',
  quarter: 'Trimestre',
  targets: 'Objectifs',
  target: { metric: 'Objectif', country: 'Pays', value: 'Cible', current: 'Aujourd’hui', status: 'État', period: 'Période', wholeNetwork: 'Tout le réseau' },
  metric: {
    peopleTrained: 'Personnes formées',
    coursesCompleted: 'Cours terminés',
    certificatesIssued: 'Certificats délivrés',
    certificatesValid: 'Certificats valides',
    organisationsAccredited: 'Organisations accréditées',
    meetingsHeld: 'Réunions tenues',
    meetingsAttended: 'Présences aux réunions',
    materialsUsed: 'Supports utilisés',
  },
  dimension: { country: 'Pays', continent: 'Continent', organisation: 'Organisation', topic: 'Thème', language: 'Langue', gender: 'Genre', ageBand: 'Âge' },
  continent: { AF: 'Afrique', AN: 'Antarctique', AS: 'Asie', EU: 'Europe', NA: 'Amérique du Nord', OC: 'Océanie', SA: 'Amérique du Sud' },
  topic: { LEADERSHIP: 'Leadership', ORGANISING: 'Organisation collective', FUNDRAISING: 'Collecte de fonds', FIRST_AID: 'Premiers secours', HYGIENE: 'Hygiène', LEGAL_ADVOCACY: 'Plaidoyer juridique' },
  gender: { WOMAN: 'Femmes', MAN: 'Hommes', ANOTHER: 'Autre genre', PREFER_NOT_TO_SAY: 'Préfère ne pas dire', NOT_ANSWERED: 'Sans réponse' },
  ageBand: { UNDER_25: 'Moins de 25 ans', AGE_25_34: '25–34', AGE_35_44: '35–44', AGE_45_54: '45–54', AGE_55_PLUS: '55 ans et plus', PREFER_NOT_TO_SAY: 'Préfère ne pas dire', NOT_ANSWERED: 'Sans réponse' },
  status: { notStarted: 'Pas commencé', achieved: 'Atteint', onTrack: 'En bonne voie', behind: 'En retard', missed: 'Manqué', unknown: 'Trop peu de personnes pour le dire' },
  targetMetric: {
    CERTIFIED_VOLUNTEERS: 'Bénévoles certifiés',
    PEOPLE_TRAINED: 'Personnes formées',
    COURSES_COMPLETED: 'Cours terminés',
    CERTIFICATES_ISSUED: 'Certificats délivrés',
    ORGANISATIONS_ACCREDITED: 'Organisations accréditées',
    MEETINGS_HELD: 'Réunions tenues',
    SHARE_WOMEN: 'Part de femmes (%)',
    SHARE_UNDER_35: 'Part des moins de 35 ans (%)',
  },
  chartCaption: 'Cours terminés par mois',
  note: 'Les effectifs de moins de 5 personnes, et ceux qui permettraient de les retrouver, ne sont pas affichés.',
};

const es: ReportTexts = {
  title: { network: 'Informe de la red', organisation: 'Informe de la organización' },
  period: 'Periodo',
  fewerThan: 'menos de 5',
  figures: 'Cifras',
  byMonth: 'Por mes',
  byQuarter: 'Por trimestre',
  month: 'Mes',
  quarter: 'Trimestre',
  targets: 'Metas',
  target: { metric: 'Meta', country: 'País', value: 'Objetivo', current: 'Ahora', status: 'Estado', period: 'Periodo', wholeNetwork: 'Toda la red' },
  metric: {
    peopleTrained: 'Personas formadas',
    coursesCompleted: 'Cursos terminados',
    certificatesIssued: 'Certificados emitidos',
    certificatesValid: 'Certificados vigentes',
    organisationsAccredited: 'Organizaciones acreditadas',
    meetingsHeld: 'Reuniones celebradas',
    meetingsAttended: 'Asistencias a reuniones',
    materialsUsed: 'Materiales usados',
  },
  dimension: { country: 'País', continent: 'Continente', organisation: 'Organización', topic: 'Tema', language: 'Idioma', gender: 'Género', ageBand: 'Edad' },
  continent: { AF: 'África', AN: 'Antártida', AS: 'Asia', EU: 'Europa', NA: 'América del Norte', OC: 'Oceanía', SA: 'América del Sur' },
  topic: { LEADERSHIP: 'Liderazgo', ORGANISING: 'Organización colectiva', FUNDRAISING: 'Recaudación de fondos', FIRST_AID: 'Primeros auxilios', HYGIENE: 'Higiene', LEGAL_ADVOCACY: 'Incidencia jurídica' },
  gender: { WOMAN: 'Mujeres', MAN: 'Hombres', ANOTHER: 'Otro género', PREFER_NOT_TO_SAY: 'Prefiere no decirlo', NOT_ANSWERED: 'Sin respuesta' },
  ageBand: { UNDER_25: 'Menos de 25', AGE_25_34: '25–34', AGE_35_44: '35–44', AGE_45_54: '45–54', AGE_55_PLUS: '55 o más', PREFER_NOT_TO_SAY: 'Prefiere no decirlo', NOT_ANSWERED: 'Sin respuesta' },
  status: { notStarted: 'Sin empezar', achieved: 'Alcanzada', onTrack: 'En camino', behind: 'Atrasada', missed: 'No alcanzada', unknown: 'Muy pocas personas para saberlo' },
  targetMetric: {
    CERTIFIED_VOLUNTEERS: 'Voluntarios certificados',
    PEOPLE_TRAINED: 'Personas formadas',
    COURSES_COMPLETED: 'Cursos terminados',
    CERTIFICATES_ISSUED: 'Certificados emitidos',
    ORGANISATIONS_ACCREDITED: 'Organizaciones acreditadas',
    MEETINGS_HELD: 'Reuniones celebradas',
    SHARE_WOMEN: 'Proporción de mujeres (%)',
    SHARE_UNDER_35: 'Proporción de menores de 35 (%)',
  },
  chartCaption: 'Cursos terminados por mes',
  note: 'No se muestran los recuentos de menos de 5 personas ni los que permitirían deducirlos.',
};

const nl: ReportTexts = {
  title: { network: 'Netwerkrapport', organisation: 'Rapport van de organisatie' },
  period: 'Periode',
  fewerThan: 'minder dan 5',
  figures: 'Cijfers',
  byMonth: 'Per maand',
  byQuarter: 'Per kwartaal',
  month: 'Maand',
  quarter: 'Kwartaal',
  targets: 'Doelen',
  target: { metric: 'Doel', country: 'Land', value: 'Streefwaarde', current: 'Nu', status: 'Stand', period: 'Periode', wholeNetwork: 'Heel het netwerk' },
  metric: {
    peopleTrained: 'Mensen opgeleid',
    coursesCompleted: 'Cursussen afgerond',
    certificatesIssued: 'Certificaten uitgereikt',
    certificatesValid: 'Geldige certificaten',
    organisationsAccredited: 'Geaccrediteerde organisaties',
    meetingsHeld: 'Bijeenkomsten gehouden',
    meetingsAttended: 'Aanwezigheden op bijeenkomsten',
    materialsUsed: 'Materialen gebruikt',
  },
  dimension: { country: 'Land', continent: 'Werelddeel', organisation: 'Organisatie', topic: 'Thema', language: 'Taal', gender: 'Gender', ageBand: 'Leeftijd' },
  continent: { AF: 'Afrika', AN: 'Antarctica', AS: 'Azië', EU: 'Europa', NA: 'Noord-Amerika', OC: 'Oceanië', SA: 'Zuid-Amerika' },
  topic: { LEADERSHIP: 'Leiderschap', ORGANISING: 'Organiseren', FUNDRAISING: 'Fondsenwerving', FIRST_AID: 'Eerste hulp', HYGIENE: 'Hygiëne', LEGAL_ADVOCACY: 'Juridische belangenbehartiging' },
  gender: { WOMAN: 'Vrouwen', MAN: 'Mannen', ANOTHER: 'Ander gender', PREFER_NOT_TO_SAY: 'Zegt liever niets', NOT_ANSWERED: 'Geen antwoord' },
  ageBand: { UNDER_25: 'Onder 25', AGE_25_34: '25–34', AGE_35_44: '35–44', AGE_45_54: '45–54', AGE_55_PLUS: '55 en ouder', PREFER_NOT_TO_SAY: 'Zegt liever niets', NOT_ANSWERED: 'Geen antwoord' },
  status: { notStarted: 'Niet begonnen', achieved: 'Gehaald', onTrack: 'Op koers', behind: 'Achter', missed: 'Niet gehaald', unknown: 'Te weinig mensen om te zeggen' },
  targetMetric: {
    CERTIFIED_VOLUNTEERS: 'Gecertificeerde vrijwilligers',
    PEOPLE_TRAINED: 'Mensen opgeleid',
    COURSES_COMPLETED: 'Cursussen afgerond',
    CERTIFICATES_ISSUED: 'Certificaten uitgereikt',
    ORGANISATIONS_ACCREDITED: 'Geaccrediteerde organisaties',
    MEETINGS_HELD: 'Bijeenkomsten gehouden',
    SHARE_WOMEN: 'Aandeel vrouwen (%)',
    SHARE_UNDER_35: 'Aandeel onder 35 (%)',
  },
  chartCaption: 'Afgeronde cursussen per maand',
  note: 'Aantallen van minder dan 5 mensen, en aantallen waaruit die af te leiden zijn, worden niet getoond.',
};

const ar: ReportTexts = {
  title: { network: 'تقرير الشبكة', organisation: 'تقرير المنظمة' },
  period: 'الفترة',
  fewerThan: 'أقل من 5',
  figures: 'الأرقام',
  byMonth: 'حسب الشهر',
  byQuarter: 'حسب الربع',
  month: 'الشهر',
  quarter: 'الربع',
  targets: 'الأهداف',
  target: { metric: 'الهدف', country: 'البلد', value: 'القيمة المستهدفة', current: 'الآن', status: 'الحالة', period: 'الفترة', wholeNetwork: 'الشبكة كلها' },
  metric: {
    peopleTrained: 'الأشخاص المدربون',
    coursesCompleted: 'الدورات المكتملة',
    certificatesIssued: 'الشهادات الصادرة',
    certificatesValid: 'الشهادات السارية',
    organisationsAccredited: 'المنظمات المعتمدة',
    meetingsHeld: 'الاجتماعات المنعقدة',
    meetingsAttended: 'الحضور في الاجتماعات',
    materialsUsed: 'المواد المستخدمة',
  },
  dimension: { country: 'البلد', continent: 'القارة', organisation: 'المنظمة', topic: 'الموضوع', language: 'اللغة', gender: 'الجنس', ageBand: 'العمر' },
  continent: { AF: 'أفريقيا', AN: 'القارة القطبية الجنوبية', AS: 'آسيا', EU: 'أوروبا', NA: 'أمريكا الشمالية', OC: 'أوقيانوسيا', SA: 'أمريكا الجنوبية' },
  topic: { LEADERSHIP: 'القيادة', ORGANISING: 'التنظيم', FUNDRAISING: 'جمع التبرعات', FIRST_AID: 'الإسعافات الأولية', HYGIENE: 'النظافة الصحية', LEGAL_ADVOCACY: 'المناصرة القانونية' },
  gender: { WOMAN: 'النساء', MAN: 'الرجال', ANOTHER: 'جنس آخر', PREFER_NOT_TO_SAY: 'فضّل عدم الإجابة', NOT_ANSWERED: 'بلا إجابة' },
  ageBand: { UNDER_25: 'أقل من 25', AGE_25_34: '25–34', AGE_35_44: '35–44', AGE_45_54: '45–54', AGE_55_PLUS: '55 فأكثر', PREFER_NOT_TO_SAY: 'فضّل عدم الإجابة', NOT_ANSWERED: 'بلا إجابة' },
  status: { notStarted: 'لم يبدأ', achieved: 'تحقق', onTrack: 'على المسار', behind: 'متأخر', missed: 'لم يتحقق', unknown: 'عدد الأشخاص أقل من أن يُحكم' },
  targetMetric: {
    CERTIFIED_VOLUNTEERS: 'المتطوعون الحاصلون على شهادة',
    PEOPLE_TRAINED: 'الأشخاص المدربون',
    COURSES_COMPLETED: 'الدورات المكتملة',
    CERTIFICATES_ISSUED: 'الشهادات الصادرة',
    ORGANISATIONS_ACCREDITED: 'المنظمات المعتمدة',
    MEETINGS_HELD: 'الاجتماعات المنعقدة',
    SHARE_WOMEN: 'نسبة النساء (%)',
    SHARE_UNDER_35: 'نسبة من هم دون 35 (%)',
  },
  chartCaption: 'الدورات المكتملة حسب الشهر',
  note: 'لا تُعرض أعداد الأشخاص الصغيرة ولا الأعداد التي قد تكشفها.',
};

export const REPORT_TEXTS: Record<Language, ReportTexts> = { en, fr, es, nl, ar };
