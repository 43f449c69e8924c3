import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardDimension, PublishedCount } from '@tadamon/shared';
import { useFormatters } from '../../../lib/intl';

/** How the dashboard names its periods, breakdown rows and numbers in the reader's language. */
export function useDashboardLabels() {
  const { t } = useTranslation('reports');
  const { language, country, number } = useFormatters();
  return useMemo(() => {
    const months = new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    let languages: Intl.DisplayNames | null = null;
    try {
      languages = new Intl.DisplayNames([language], { type: 'language' });
    } catch {
      languages = null;
    }
    return {
      month: (key: string) => months.format(new Date(`${key}-01T00:00:00Z`)),
      quarter: (key: string) => t('quarterLabel', { year: key.slice(0, 4), quarter: key.slice(6) }),
      count: (value: PublishedCount | undefined) => (value === undefined ? '' : value.suppressed || value.value === null ? t('fewerThan', { count: 5 }) : number(value.value)),
      row: (dimension: DashboardDimension, key: string, label: string | null): string => {
        switch (dimension) {
          case 'country':
            return country(key);
          case 'continent':
            return t(`continent.${key}`, { defaultValue: key });
          case 'topic':
            return label ?? t(`topic.${key}`, { defaultValue: key });
          case 'language':
            return languages?.of(key) ?? key;
          case 'gender':
            return t(`gender.${key}`, { defaultValue: key });
          case 'ageBand':
            return t(`ageBand.${key}`, { defaultValue: key });
          default:
            return label ?? key;
        }
      },
    };
  }, [language, country, number, t]);
}
