import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dateLocale } from '@tadamon/shared';

export { dateLocale };

/** Formatters in the interface language: country names, dates, numbers. */
export function useFormatters() {
  const { t, i18n } = useTranslation('common');
  const language = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return useMemo(() => {
    let regions: Intl.DisplayNames | null = null;
    try {
      regions = new Intl.DisplayNames([language], { type: 'region' });
    } catch {
      regions = null; // very old browsers: show the code
    }
    const date = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'medium', timeStyle: 'short' });
    // A calendar day ("2027-07-01") is no instant: read and shown in UTC it never shifts a day.
    const day = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'medium', timeZone: 'UTC' });
    const number = new Intl.NumberFormat(language);
    const collator = new Intl.Collator(language);
    const country = (code: string) => {
      try {
        return regions?.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    };
    let list: (items: string[]) => string;
    try {
      const format = new Intl.ListFormat(language, { style: 'narrow', type: 'unit' });
      list = (items) => format.format(items);
    } catch {
      list = (items) => items.join(', ');
    }
    return {
      language,
      country,
      /** "Tangier, Morocco" with the language's own comma (Arabic uses ،). */
      place: (city: string, countryCode: string) =>
        city ? t('place', { city, country: country(countryCode) }) : country(countryCode),
      list,
      date: (iso: string) => date.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      /** A date without time ("2027-07-01"), the same day in every time zone. */
      day: (isoDay: string) => day.format(new Date(`${isoDay}T00:00:00Z`)),
      number: (value: number) => number.format(value),
      compare: (a: string, b: string) => collator.compare(a, b),
    };
  }, [language, t]);
}

/** IANA time zones known to this browser; a short list when the API is missing (pre-2022). */
export function supportedTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    const zones = intl.supportedValuesOf?.('timeZone');
    if (zones && zones.length > 0) return zones.includes('UTC') ? zones : ['UTC', ...zones];
  } catch {
    // fall through
  }
  return [
    'UTC', 'Africa/Casablanca', 'Africa/Algiers', 'Africa/Tunis', 'Africa/Cairo', 'Africa/Dakar',
    'Africa/Abidjan', 'Africa/Lagos', 'Africa/Nairobi', 'Africa/Johannesburg', 'Asia/Beirut',
    'Asia/Amman', 'Asia/Baghdad', 'Asia/Riyadh', 'Asia/Gaza', 'Europe/London', 'Europe/Lisbon',
    'Europe/Madrid', 'Europe/Paris', 'Europe/Brussels', 'Europe/Amsterdam', 'Europe/Berlin',
    'America/Bogota', 'America/Lima', 'America/Mexico_City', 'America/Sao_Paulo', 'America/New_York',
  ];
}

/** ISO 3166-1 alpha-2 codes; names come from Intl.DisplayNames in the interface language. */
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AR AT AU AW AZ BA BB BD BE BF BG BH BI BJ BM BN BO BR BS BT BW BY BZ ' +
  'CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FM FR ' +
  'GA GB GD GE GH GM GN GQ GR GT GW GY HK HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI ' +
  'KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW ' +
  'MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PS PT PW PY QA RO RS RU RW SA SB SC SD ' +
  'SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TW TZ UA UG US UY UZ ' +
  'VA VC VE VN VU WS XK YE ZA ZM ZW'
).split(' ');
