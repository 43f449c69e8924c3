import { Alert, Button, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MEETING_ANSWERS, type MeetingDetail } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useSetRegistration } from '../api/set-registration';

/** The reader's own answer: yes / maybe / no, with their seat or place in the queue. */
export function RegistrationCard({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const register = useSetRegistration(meeting.id);
  const mine = meeting.myRegistration;
  const closed = meeting.status === 'CANCELLED';

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="registration-title">
      <Title order={2} size="h4" id="registration-title" mb="xs">
        {t('registration.title')}
      </Title>
      <ErrorAlert error={register.error} />
      {mine ? (
        <Text mb="sm" role="status" data-testid="my-registration">
          {mine.seat === 'WAITING'
            ? t('registration.waiting', { position: mine.waitingPosition ?? 1 })
            : t(`registration.current.${mine.answer}`)}
          {mine.delegate ? ` ${t('registration.delegate')}` : ''}
        </Text>
      ) : null}
      {!closed ? (
        <Group gap="xs">
          {MEETING_ANSWERS.map((answer) => (
            <Button
              key={answer}
              variant={mine?.answer === answer ? 'filled' : 'default'}
              aria-pressed={mine?.answer === answer}
              loading={register.isPending && register.variables === answer}
              onClick={() => register.mutate(answer)}
            >
              {t(`answer.${answer}`)}
            </Button>
          ))}
          {mine ? (
            <Button variant="subtle" color="red" onClick={() => register.mutate(null)}>
              {t('registration.withdraw')}
            </Button>
          ) : null}
        </Group>
      ) : (
        <Alert color="red" variant="light">
          {t('detail.cancelledNotice')}
        </Alert>
      )}
    </Card>
  );
}
