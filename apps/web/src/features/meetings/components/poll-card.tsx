import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { POLL_CHOICES, type MeetingDetail, type MeetingPoll, type PollChoice } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useAnswerPoll } from '../api/answer-poll';
import { useClosePoll, usePickPollSlot } from '../api/decide-poll';
import { usePoll } from '../api/get-poll';
import { MeetingWhen } from './meeting-when';
import { useMeetingTime } from './use-meeting-time';

/** Find a time: each proposed time in the reader's zone (host's beside it), answers and counts. */
export function PollCard({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const poll = usePoll(meeting.id, meeting.hasPoll);
  if (poll.isPending) return <PageSkeleton lines={4} />;
  if (poll.error) return <ErrorAlert error={poll.error} onRetry={() => void poll.refetch()} />;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="poll-title" data-testid="poll-card">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="poll-title">
          {t('poll.title')}
        </Title>
        <Badge color={poll.data.open ? 'teal.9' : 'gray.8'}>{poll.data.open ? t('poll.open') : t('poll.closed')}</Badge>
      </Group>
      <PollAnswers meeting={meeting} poll={poll.data} />
      {poll.data.respondents ? <PollTable poll={poll.data} /> : null}
    </Card>
  );
}

function PollAnswers({ meeting, poll }: { meeting: MeetingDetail; poll: MeetingPoll }) {
  const { t } = useTranslation('meetings');
  const answer = useAnswerPoll(meeting.id);
  const pick = usePickPollSlot(meeting.id);
  const close = useClosePoll(meeting.id);
  const [choices, setChoices] = useState<Record<string, PollChoice>>(() =>
    Object.fromEntries(poll.slots.flatMap((s) => (s.myChoice ? [[s.id, s.myChoice]] : []))),
  );
  const deciding = poll.canManage && meeting.status === 'PLANNING';
  const answers = Object.entries(choices).map(([slotId, choice]) => ({ slotId, choice }));
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {poll.open ? (poll.canAnswer ? t('poll.introAnswer') : t('poll.introWatch')) : t('poll.closedNotice')}
      </Text>
      <ErrorAlert error={answer.error ?? pick.error ?? close.error} />
      <Stack gap="sm" component="ol" className="meeting-list">
        {poll.slots.map((slot) => (
          <Card key={slot.id} withBorder padding="sm" component="li" data-testid="poll-slot">
            <Stack gap={6}>
              <Group justify="space-between" align="flex-start">
                <MeetingWhen hostLocal={slot.startHostLocal} viewerLocal={slot.startViewerLocal} hostZone={poll.timeZone} viewerZone={poll.viewerTimeZone} />
                {poll.chosenSlotId === slot.id ? <Badge color="teal.9">{t('poll.chosen')}</Badge> : null}
              </Group>
              <Text size="sm" data-testid="poll-counts">
                {t('poll.counts', { yes: slot.counts.yes, ifNeedBe: slot.counts.ifNeedBe, no: slot.counts.no })}
              </Text>
              {slot.conflicts.length > 0 ? (
                <Alert color="orange" variant="light" p="xs" data-testid="poll-conflict">
                  {t('poll.conflict', { titles: slot.conflicts.map((c) => c.title).join(', ') })}
                </Alert>
              ) : null}
              {poll.canAnswer ? (
                <NativeSelect
                  label={t('poll.myAnswer')}
                  value={choices[slot.id] ?? ''}
                  onChange={(e) => setChoices({ ...choices, [slot.id]: e.currentTarget.value as PollChoice })}
                  data-testid="poll-choice"
                >
                  <option value="" disabled>
                    {t('poll.choose')}
                  </option>
                  {POLL_CHOICES.map((c) => (
                    <option key={c} value={c}>
                      {t(`poll.choice.${c}`)}
                    </option>
                  ))}
                </NativeSelect>
              ) : null}
              {deciding ? (
                <Button size="compact-sm" variant="light" w="fit-content" loading={pick.isPending && pick.variables === slot.id} onClick={() => pick.mutate(slot.id)} data-testid="poll-pick">
                  {t('poll.pick')}
                </Button>
              ) : null}
            </Stack>
          </Card>
        ))}
      </Stack>
      <Group>
        {poll.canAnswer ? (
          <Button disabled={answers.length === 0} loading={answer.isPending} onClick={() => answer.mutate({ answers })} data-testid="poll-save">
            {t('poll.save')}
          </Button>
        ) : null}
        {deciding && poll.open ? (
          <Button variant="default" loading={close.isPending} onClick={() => close.mutate()}>
            {t('poll.close')}
          </Button>
        ) : null}
      </Group>
      {answer.isSuccess ? <Text size="sm" role="status">{t('poll.saved')}</Text> : null}
    </Stack>
  );
}

const MARK: Record<PollChoice, string> = { YES: '✓', IF_NEED_BE: '(✓)', NO: '✗' };

/** Everyone's answers, for the organiser; scrolls sideways on a small screen. */
function PollTable({ poll }: { poll: MeetingPoll }) {
  const { t } = useTranslation('meetings');
  const time = useMeetingTime();
  if (!poll.respondents || poll.respondents.length === 0) return <Text size="sm" mt="md">{t('poll.noAnswers')}</Text>;
  return (
    <Table.ScrollContainer minWidth={420} mt="md">
      <Table striped withTableBorder data-testid="poll-table">
        <Table.Caption>{t('poll.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('attendees.name')}</Table.Th>
            {poll.slots.map((s) => (
              <Table.Th key={s.id} scope="col">
                {time.short(s.startViewerLocal)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {poll.respondents.map((r) => (
            <Table.Tr key={r.userId}>
              <Table.Th scope="row">
                {r.name}
                {r.organisationName ? <Text size="xs" c="dimmed">{r.organisationName}</Text> : null}
              </Table.Th>
              {poll.slots.map((s) => {
                const choice = r.choices[s.id];
                return (
                  <Table.Td key={s.id}>
                    {choice ? <span aria-label={t(`poll.choice.${choice}`)} title={t(`poll.choice.${choice}`)}>{MARK[choice]}</span> : '–'}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t('poll.total')}</Table.Th>
            {poll.slots.map((s) => (
              <Table.Td key={s.id} fw={700}>
                {s.counts.yes} + {s.counts.ifNeedBe}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
