import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInSession } from '../../../lib/session';

function safeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC'; // an old browser without this zone: UTC is at least unambiguous
  }
}

/**
 * Meeting times in the reader's own zone (from their profile) and in the host's zone, in the
 * interface language. Intl does the zone arithmetic, so daylight-saving and Ramadan shifts
 * are those of the browser's zone database.
 */
export function useMeetingTime() {
  const { i18n } = useTranslation();
  const session = useSignedInSession();
  const language = i18n.resolvedLanguage ?? 'en';
  const myZone = safeZone(session.user.timeZone);
  return useMemo(() => {
    const locale = language === 'en' ? 'en-GB' : language;
    const full = (zone: string) =>
      new Intl.DateTimeFormat(locale, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: safeZone(zone),
      });
    const short = (zone: string) =>
      new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: safeZone(zone) });
    let languages: Intl.DisplayNames | null = null;
    try {
      languages = new Intl.DisplayNames([language], { type: 'language' });
    } catch {
      languages = null;
    }
    return {
      myZone,
      zoneLabel: (zone: string) => zone.replaceAll('_', ' '),
      full: (iso: string, zone = myZone) => full(zone).format(new Date(iso)),
      short: (iso: string, zone = myZone) => short(zone).format(new Date(iso)),
      languageName: (code: string) => {
        try {
          return languages?.of(code) ?? code;
        } catch {
          return code;
        }
      },
    };
  }, [language, myZone]);
}
