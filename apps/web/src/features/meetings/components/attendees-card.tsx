import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useAttendees } from '../api/get-attendees';

/** Who comes, for leaders and coordinators. */
export function AttendeesCard({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('meetings');
  const attendees = useAttendees(meetingId, true);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="attendees-title">
      <Title order={2} size="h4" id="attendees-title" mb="xs">
        {t('attendees.title')}
      </Title>
      <ErrorAlert error={attendees.error} />
      {attendees.data && attendees.data.items.length === 0 ? <Text c="dimmed">{t('attendees.none')}</Text> : null}
      {attendees.data && attendees.data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={420}>
          <Table data-testid="attendees-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('attendees.name')}</Table.Th>
                <Table.Th>{t('attendees.organisation')}</Table.Th>
                <Table.Th>{t('attendees.answer')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attendees.data.items.map((person) => (
                <Table.Tr key={person.userId}>
                  <Table.Td>{person.name}</Table.Td>
                  <Table.Td>{person.organisationName ?? t('attendees.network')}</Table.Td>
                  <Table.Td>
                    {person.seat === 'WAITING' ? t('attendees.waiting') : t(`answer.${person.answer}`)}
                    {person.delegate ? (
                      <Badge size="xs" ms="xs" variant="light">
                        {t('attendees.delegate')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Card>
  );
}
