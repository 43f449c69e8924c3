import { useTranslation } from 'react-i18next';
import { useOnline } from '../lib/use-online';

/** Plain markup, no Mantine: it must show even while the rest of the page is loading. */
export function OfflineBanner() {
  const online = useOnline();
  const { t, ready } = useTranslation('common', { useSuspense: false });
  if (online) return null;
  return (
    <div className="offline-banner" role="status" aria-live="polite">
      <strong>{ready ? t('offline.title') : 'Offline'}</strong> {ready ? t('offline.body') : null}
    </div>
  );
}
