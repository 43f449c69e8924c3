import { useTranslation } from 'react-i18next';
import type { AppNotification } from '@tadamon/shared';

/** One notification as a whole translated sentence, with document statuses in words. */
export function NotificationText({ notification }: { notification: AppNotification }) {
  const { t } = useTranslation('collaboration');
  const { data, kind } = notification;
  const status =
    kind === 'signatureDecided'
      ? t(`signatories.status.${data.status ?? 'INVITED'}`)
      : data.status
        ? t(`status.${data.status}`)
        : '';
  return <>{t(`notifications.kinds.${kind}`, { ...data, status })}</>;
}
