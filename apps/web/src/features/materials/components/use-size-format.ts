import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Sizes, speeds and durations in the interface language (Intl units, so Arabic gets Arabic units). */
export function useSizeFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const unit = (u: string, digits = 1) => new Intl.NumberFormat(language, { style: 'unit', unit: u, maximumFractionDigits: digits });
    const kb = unit('kilobyte', 0);
    const mb = unit('megabyte');
    const gb = unit('gigabyte');
    const kbps = unit('kilobyte-per-second', 0);
    const mbps = unit('megabyte-per-second');
    const seconds = unit('second', 0);
    const minutes = unit('minute', 0);
    const hours = unit('hour', 1);
    return {
      bytes: (n: number) => (n >= 1e9 ? gb.format(n / 1e9) : n >= 1e6 ? mb.format(n / 1e6) : kb.format(Math.max(1, n / 1e3))),
      speed: (n: number) => (n >= 1e6 ? mbps.format(n / 1e6) : kbps.format(n / 1e3)),
      duration: (s: number) => (s < 90 ? seconds.format(s) : s < 5400 ? minutes.format(Math.round(s / 60)) : hours.format(s / 3600)),
    };
  }, [language]);
}
