import { useState } from 'react';
import { Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import type { ActiveSession } from '../../../lib/types';
import { useSessions } from '../api/get-sessions';
import { useRevokeSession } from '../api/revoke-session';
import { useSignOutEverywhere } from '../api/sign-out-everywhere';

/** A readable device name from the user agent; the full string stays in the title attribute. */
function deviceOf(userAgent: string | null, unknown: string): string {
  if (!userAgent) return unknown;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /OPR\//.test(userAgent)
      ? 'Opera'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrome\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return [browser, system].filter(Boolean).join(' · ') || unknown;
}

function SessionRow({ session }: { session: ActiveSession }) {
  const { t } = useTranslation('profile');
  const format = useFormatters();
  const revoke = useRevokeSession();
  return (
    <Group justify="space-between" wrap="wrap" py="xs" style={{ borderBlockEnd: '1px solid var(--mantine-color-gray-3)' }}>
      <div>
        <Group gap="xs">
          <Text fw={600} title={session.userAgent ?? undefined}>
            {deviceOf(session.userAgent, t('sessions.unknownDevice'))}
          </Text>
          {session.current ? <Badge variant="light">{t('sessions.thisDevice')}</Badge> : null}
        </Group>
        <Text size="sm" c="dimmed">
          {t('sessions.lastSeen', { date: format.dateTime(session.lastSeenAt) })}
          {session.ip ? ` · ${session.ip}` : ''}
        </Text>
      </div>
      {session.current ? null : (
        <Button variant="default" size="xs" loading={revoke.isPending} onClick={() => revoke.mutate(session.id)}>
          {t('sessions.signOutDevice')}
        </Button>
      )}
    </Group>
  );
}

export function SessionsCard() {
  const { t } = useTranslation('profile');
  const navigate = useNavigate();
  const sessions = useSessions();
  const everywhere = useSignOutEverywhere();
  const [confirming, setConfirming] = useState(false);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-sessions">
      <Title order={2} size="h3" mb="xs" id="profile-sessions">
        {t('sessions.title')}
      </Title>
      <Text mb="md">{t('sessions.intro')}</Text>
      {sessions.isPending ? (
        <Skeleton height={80} />
      ) : sessions.error ? (
        <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Stack gap={0} mb="md">
          {sessions.data.items.map((s) => (
            <SessionRow key={s.id} session={s} />
          ))}
        </Stack>
      )}
      <ErrorAlert error={everywhere.error} />
      <Button color="red" variant="outline" onClick={() => setConfirming(true)} w="fit-content">
        {t('sessions.signOutEverywhere')}
      </Button>
      <ConfirmDialog
        opened={confirming}
        title={t('sessions.signOutEverywhere')}
        message={t('sessions.confirmEverywhere')}
        confirmLabel={t('sessions.signOutEverywhere')}
        loading={everywhere.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          everywhere.mutate(undefined, {
            onSuccess: () => void navigate('/sign-in', { replace: true }),
            onSettled: () => setConfirming(false),
          })
        }
      />
    </Card>
  );
}
