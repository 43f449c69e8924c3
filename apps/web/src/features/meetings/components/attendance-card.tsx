import { useState } from 'react';
import { Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_STATUSES } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useAttendance, useRecordAttendance } from '../api/attendance';

type Status = (typeof ATTENDANCE_STATUSES)[number];

/** The host records who was there: present, absent or excused, for each registered person. */
export function AttendanceCard({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('meetings');
  const list = useAttendance(meetingId);
  const record = useRecordAttendance(meetingId);
  const [changes, setChanges] = useState<Record<string, Status>>({});
  if (list.isPending) return <PageSkeleton lines={3} />;
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const entries = Object.entries(changes).map(([userId, status]) => ({ userId, status }));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="attendance-title" data-testid="attendance-card">
      <Title order={2} size="h4" id="attendance-title" mb="xs">
        {t('attendance.title')}
      </Title>
      {list.data.items.length === 0 ? (
        <Text size="sm">{t('attendance.none')}</Text>
      ) : (
        <Stack gap="xs">
          <Stack gap="xs" component="ul" className="meeting-list">
            {list.data.items.map((person) => (
              <Group key={person.userId} component="li" justify="space-between" wrap="wrap">
                <div>
                  <Text size="sm" fw={600}>
                    {person.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {person.organisationName ?? t('attendees.network')}
                  </Text>
                </div>
                <NativeSelect
                  aria-label={t('attendance.statusOf', { name: person.name })}
                  value={changes[person.userId] ?? person.status ?? ''}
                  onChange={(e) => setChanges({ ...changes, [person.userId]: e.currentTarget.value as Status })}
                >
                  <option value="" disabled>
                    {t('attendance.unknown')}
                  </option>
                  {ATTENDANCE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`attendance.status.${s}`)}
                    </option>
                  ))}
                </NativeSelect>
              </Group>
            ))}
          </Stack>
          <ErrorAlert error={record.error} />
          <Button w="fit-content" disabled={entries.length === 0} loading={record.isPending} onClick={() => record.mutate({ entries }, { onSuccess: () => setChanges({}) })} data-testid="attendance-save">
            {t('attendance.save')}
          </Button>
        </Stack>
      )}
    </Card>
  );
}
