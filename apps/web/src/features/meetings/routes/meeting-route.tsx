import '../meetings.css';
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import { dateLocale } from '@tadamon/shared';
import type { MeetingDetail } from '@tadamon/shared';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useCancelMeeting } from '../api/cancel-meeting';
import { meetingCalendarUrl, useMeeting } from '../api/get-meeting';
import { ActionItemsCard } from '../components/action-items-card';
import { AttendanceCard } from '../components/attendance-card';
import { AttendeesCard } from '../components/attendees-card';
import { MeetingWhen } from '../components/meeting-when';
import { OccurrencesCard } from '../components/occurrences-card';
import { MinutesCard } from '../components/minutes-card';
import { OrganisationResponseCard } from '../components/organisation-response-card';
import { PollCard } from '../components/poll-card';
import { RegistrationCard } from '../components/registration-card';
import { useMeetingTime } from '../components/use-meeting-time';

export function MeetingRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation('meetings');
  const meeting = useMeeting(id);

  if (meeting.isPending) return <PageSkeleton lines={8} />;
  if (meeting.error) return <ErrorAlert error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/meetings" size="sm">
        {t('detail.back')}
      </Anchor>
      <Header meeting={m} />
      {m.conflicts.length > 0 ? <Conflicts meeting={m} /> : null}
      {m.hasPoll ? <PollCard meeting={m} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Facts meeting={m} />
        {m.status !== 'PLANNING' ? (
          <Stack gap="lg">
            {m.canRespondFor.map((organisationId) => (
              <OrganisationResponseCard key={organisationId} meeting={m} organisationId={organisationId} />
            ))}
            <RegistrationCard meeting={m} />
          </Stack>
        ) : null}
      </SimpleGrid>
      {m.agenda.length > 0 ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="agenda-title">
          <Title order={2} size="h4" id="agenda-title" mb="xs">
            {t('detail.agenda')}
          </Title>
          <ol className="meeting-agenda">
            {m.agenda.map((item, index) => (
              <li key={index}>
                <Text span fw={600}>
                  {item.title}
                </Text>{' '}
                <Text span size="sm" c="dimmed">
                  {item.presenter
                    ? t('detail.agendaItemWithPresenter', { presenter: item.presenter, count: item.durationMinutes })
                    : t('detail.agendaItem', { count: item.durationMinutes })}
                </Text>
              </li>
            ))}
          </ol>
        </Card>
      ) : null}
      {m.recurrence && m.upcomingOccurrences.length > 0 ? <OccurrencesCard meeting={m} /> : null}
      {m.canSeeAttendees && m.status !== 'PLANNING' ? <AttendeesCard meetingId={m.id} /> : null}
      {/* Minutes, attendance and action items belong to a meeting that has started. */}
      {m.canSeeFollowUp && m.status === 'SCHEDULED' && Date.parse(m.startsAt) <= Date.now() ? (
        <>
          <Title order={2} size="h3" mt="md">
            {t('followUp.title')}
          </Title>
          <MinutesCard meeting={m} />
          {m.canManage ? <AttendanceCard meetingId={m.id} /> : null}
          <ActionItemsCard meeting={m} />
        </>
      ) : null}
    </Stack>
  );
}

/** The reader's other meetings at the same time, each with when it is in the reader's zone. */
function Conflicts({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const time = useMeetingTime();
  return (
    <Alert color="orange" variant="light" title={t('detail.conflicts')} data-testid="meeting-conflicts">
      <List size="sm">
        {meeting.conflicts.map((c) => (
          <List.Item key={c.id} data-testid="meeting-conflict">
            <Anchor component={Link} to={`/meetings/${c.id}`}>
              {c.title}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('when.mine', { time: time.full(c.viewerLocal), zone: time.zoneLabel(meeting.viewerTimeZone) })}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function Header({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const cancel = useCancelMeeting(meeting.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} data-testid="meeting-title">
            {meeting.title}
          </Title>
          <Text c="dimmed">{t('list.hostedBy', { host: meeting.hostOrganisation.name })}</Text>
        </div>
        <Group gap="xs">
          {meeting.status === 'CANCELLED' ? <Badge color="red.9">{t('status.CANCELLED')}</Badge> : null}
          {meeting.status === 'PLANNING' ? <Badge color="indigo.9">{t('status.PLANNING')}</Badge> : null}
          {meeting.status !== 'PLANNING' ? (
            <Button component="a" href={meetingCalendarUrl(meeting.id)} download="meeting.ics" variant="light" data-testid="download-ics">
              {t('detail.downloadIcs')}
            </Button>
          ) : null}
          {meeting.canManage && meeting.status !== 'CANCELLED' ? (
            <>
              {meeting.status === 'SCHEDULED' ? (
                <Button component={Link} to={`/meetings/${meeting.id}/edit`} variant="default">
                  {t('detail.edit')}
                </Button>
              ) : null}
              <Button color="red" variant="subtle" onClick={() => setConfirming(true)}>
                {t('detail.cancel')}
              </Button>
            </>
          ) : null}
        </Group>
      </Group>
      <ErrorAlert error={cancel.error} />
      <ConfirmDialog
        opened={confirming}
        title={t('detail.cancelTitle')}
        message={t('detail.cancelConfirm')}
        confirmLabel={t('detail.cancel')}
        loading={cancel.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => cancel.mutate(undefined, { onSettled: () => setConfirming(false) })}
      />
    </Stack>
  );
}

/** The end as the reader's clock shows it. */
function endTime(endsAt: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(dateLocale(language), { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(endsAt));
}
const minutesBetween = (start: string, end: string) => Math.round((Date.parse(end) - Date.parse(start)) / 60_000);

function Facts({ meeting }: { meeting: MeetingDetail }) {
  const { t, i18n } = useTranslation('meetings');
  const time = useMeetingTime();
  const next = meeting.upcomingOccurrences[0] ?? { hostLocal: meeting.startLocal, viewerLocal: meeting.startViewerLocal };
  const planning = meeting.status === 'PLANNING';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="facts-title">
      <Title order={2} size="h4" id="facts-title" mb="xs">
        {t('detail.when')}
      </Title>
      <Stack gap="sm">
        {planning ? (
          <Text fw={600}>{t('poll.timeToBeFound')}</Text>
        ) : (
          <>
            <MeetingWhen hostLocal={next.hostLocal} viewerLocal={next.viewerLocal} hostZone={meeting.timeZone} viewerZone={meeting.viewerTimeZone} />
            <Text size="sm" data-testid="meeting-ends">
              {t('detail.ends', { time: endTime(next.endsAt ?? meeting.endsAt, meeting.viewerTimeZone, i18n.language), count: minutesBetween(meeting.startsAt, meeting.endsAt) })}
            </Text>
          </>
        )}
        {meeting.recurrence ? <Text size="sm">{t('detail.recurring', { count: meeting.upcomingOccurrences.length })}</Text> : null}
        <Text>
          <Badge variant="light" me="xs">
            {t(`format.${meeting.format}`)}
          </Badge>
          {meeting.address}
        </Text>
        {meeting.onlineUrl ? (
          <Anchor href={meeting.onlineUrl} target="_blank" rel="noreferrer" dir="ltr">
            {meeting.onlineUrl}
          </Anchor>
        ) : null}
        {meeting.languages.length > 0 ? (
          <Text size="sm">{t('detail.languages', { languages: meeting.languages.map(time.languageName).join(', ') })}</Text>
        ) : null}
        {meeting.interpretationNeeds ? <Text size="sm">{t('detail.interpretation', { needs: meeting.interpretationNeeds })}</Text> : null}
        <Text size="sm" display={planning ? 'none' : undefined}>
          {meeting.capacity !== null
            ? t('detail.seats', { taken: meeting.counts.yes, count: meeting.capacity })
            : t('detail.coming', { count: meeting.counts.yes })}
          {meeting.counts.waiting > 0 ? ` ${t('detail.waitingCount', { count: meeting.counts.waiting })}` : ''}
        </Text>
        {meeting.registrationDeadlineViewerLocal ? (
          <Text size="sm">{t('detail.deadline', { time: time.full(meeting.registrationDeadlineViewerLocal) })}</Text>
        ) : null}
        {meeting.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{meeting.description}</Text> : null}
        <Text size="sm" fw={600}>
          {meeting.wholeNetwork ? t('detail.wholeNetwork') : t('detail.invited')}
        </Text>
        {/* A list, not badges: badges cut long names and answers off. Names are isolated (<bdi>). */}
        <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} data-testid="invited-organisations">
          {meeting.invitedOrganisations.map((o) => (
            <Text component="li" key={o.id} size="sm" c={o.response === 'ACCEPTED' ? 'teal.9' : o.response === 'DECLINED' ? 'red.9' : undefined}>
              <Trans t={t} i18nKey="detail.invitedOrganisationFull" values={{ organisation: o.name, response: t(`response.${o.response}`) }} components={{ bdi: <bdi /> }} />
            </Text>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
