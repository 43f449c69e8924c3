import { useState } from 'react';
import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useCancelOccurrence } from '../api/cancel-occurrence';
import { useMoveOccurrence } from '../api/move-occurrence';
import { useMeetingTime } from './use-meeting-time';

/** Adds minutes to a wall-clock "YYYY-MM-DDTHH:mm" (no zone: the server converts). */
function plusMinutes(local: string, minutes: number): string {
  return new Date(new Date(`${local}:00Z`).getTime() + minutes * 60_000).toISOString().slice(0, 16);
}

/** The next dates of a recurring meeting; the host may cancel or move a single date. */
export function OccurrencesCard({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const time = useMeetingTime();
  const cancel = useCancelOccurrence(meeting.id);
  const move = useMoveOccurrence(meeting.id);
  const [moving, setMoving] = useState<{ occurrenceStart: string; startLocal: string; endLocal: string } | null>(null);
  const canChange = meeting.canManage && meeting.status === 'SCHEDULED';
  const duration = (new Date(`${meeting.endLocal}:00Z`).getTime() - new Date(`${meeting.startLocal}:00Z`).getTime()) / 60_000;
  const moved = new Set(meeting.movedOccurrences.map((m) => m.startsAt));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="occurrences-title">
      <Title order={2} size="h4" id="occurrences-title" mb="xs">
        {t('occurrences.title')}
      </Title>
      <ErrorAlert error={cancel.error ?? move.error} />
      <Stack gap={4} component="ul" className="meeting-list">
        {meeting.upcomingOccurrences.map((occurrence) => (
          <Stack key={occurrence.startsAt} component="li" gap={4}>
            <Group justify="space-between" wrap="wrap">
              <Text size="sm">
                {time.full(occurrence.viewerLocal)}{' '}
                {moved.has(occurrence.startsAt) ? <Badge size="xs" variant="light">{t('occurrences.moved')}</Badge> : null}
              </Text>
              {canChange ? (
                <Group gap={4}>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setMoving({ occurrenceStart: occurrence.startsAt, startLocal: occurrence.hostLocal, endLocal: plusMinutes(occurrence.hostLocal, duration) })}
                    aria-label={t('occurrences.moveLabel', { time: time.full(occurrence.viewerLocal) })}
                    data-testid="occurrence-move"
                  >
                    {t('occurrences.move')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red.9"
                    loading={cancel.isPending && cancel.variables === occurrence.startsAt}
                    onClick={() => cancel.mutate(occurrence.startsAt)}
                    aria-label={t('occurrences.cancelLabel', { time: time.full(occurrence.viewerLocal) })}
                  >
                    {t('occurrences.cancel')}
                  </Button>
                </Group>
              ) : null}
            </Group>
            {moving?.occurrenceStart === occurrence.startsAt ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  move.mutate(moving, { onSuccess: () => setMoving(null) });
                }}
                data-testid="occurrence-move-form"
              >
                <Stack gap="xs">
                  <Text size="xs" c="dimmed">
                    {t('occurrences.moveHint', { zone: time.zoneLabel(meeting.timeZone) })}
                  </Text>
                  <Group grow wrap="wrap">
                    <TextInput type="datetime-local" label={t('form.start')} required value={moving.startLocal} onChange={(e) => setMoving({ ...moving, startLocal: e.currentTarget.value })} />
                    <TextInput type="datetime-local" label={t('form.end')} required value={moving.endLocal} onChange={(e) => setMoving({ ...moving, endLocal: e.currentTarget.value })} />
                  </Group>
                  <Group gap="xs">
                    <Button type="submit" size="compact-sm" loading={move.isPending}>
                      {t('occurrences.moveSave')}
                    </Button>
                    <Button size="compact-sm" variant="default" onClick={() => setMoving(null)}>
                      {t('occurrences.moveCancel')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            ) : null}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
