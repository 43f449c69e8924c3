import './collaboration.css';
import { Badge } from '@mantine/core';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNotifications } from '../api/get-notifications';

/** The header's way into the notification centre, with the unread count. */
export function NotificationBell() {
  // The header is on every page: its label lives in `common` so no other namespace loads for it.
  const { t } = useTranslation('common');
  const notifications = useNotifications();
  const unread = notifications.data?.unreadCount ?? 0;
  return (
    <NavLink to="/notifications" className="collab-bell" aria-label={t('nav.notifications', { count: unread })} data-testid="notification-bell">
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread > 0 ? (
        <Badge size="sm" color="red" circle={unread < 10} aria-hidden="true" data-testid="unread-count">
          {unread > 99 ? '99+' : unread}
        </Badge>
      ) : null}
    </NavLink>
  );
}
