import { useTranslation } from 'react-i18next';
import { useSizeFormat } from './use-size-format';

/** "12 pages" or "8 min" for a file, or null when neither is known. */
export function useMediaFacts() {
  const { t } = useTranslation('materials');
  const format = useSizeFormat();
  return (media: { pageCount: number | null; durationMs: number | null } | null | undefined): string | null => {
    if (!media) return null;
    if (media.durationMs !== null) return format.duration(Math.round(media.durationMs / 1000));
    if (media.pageCount !== null) return t('media.pages', { count: media.pageCount });
    return null;
  };
}
