import { dateLocale } from '../../../lib/intl';

/** A date in the reader's language (the API sends ISO instants). */
export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'medium' }).format(new Date(iso));
}
