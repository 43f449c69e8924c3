import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dateLocale } from '../../../lib/intl';

/** "2027-04-14T10:00" → a Date whose UTC fields are that wall-clock time. */
function wallClock(local: string): Date {
  return new Date(`${local}:00Z`);
}

/**
 * Formats wall-clock times that the server already converted into the right zone (host's or
 * reader's). The browser does no zone arithmetic: old phones — and even current Chromium for
 * Africa/Casablanca — carry stale zone rules, and formatting in UTC needs none.
 */
export function useMeetingTime() {
  const { t, i18n } = useTranslation('meetings');
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const locale = dateLocale(language);
    const full = new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
    });
    const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
    const short = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
    let languages: Intl.DisplayNames | null = null;
    try {
      languages = new Intl.DisplayNames([language], { type: 'language' });
    } catch {
      languages = null;
    }
    return {
      zoneLabel: (zone: string) => zone.replaceAll('_', ' '),
      full: (local: string) => full.format(wallClock(local)),
      short: (local: string) => short.format(wallClock(local)),
      /** Hour and minute only ("11:00"), for an end on the same day as its start. */
      clock: (local: string) => clock.format(wallClock(local)),
      /** The browser's name for a language; our own translation where it has none (zgh, ff). */
      languageName: (code: string) => {
        let name: string;
        try {
          name = languages?.of(code) ?? code;
        } catch {
          name = code;
        }
        return name === code ? t(`languageNames.${code}`, { defaultValue: code }) : name;
      },
    };
  }, [language, t]);
}
