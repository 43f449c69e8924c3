import { useState } from 'react';
import { Badge, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useMembers } from '../../../api/get-members';
import { useRespondForOrganisation } from '../api/respond-for-organisation';

/** A leader answers for their invited organisation and names who comes on its behalf. */
export function OrganisationResponseCard({ meeting, organisationId }: { meeting: MeetingDetail; organisationId: string }) {
  const { t } = useTranslation('meetings');
  const respond = useRespondForOrganisation(meeting.id);
  const members = useMembers(organisationId);
  const [delegates, setDelegates] = useState<string[]>([]);
  const invited = meeting.invitedOrganisations.find((o) => o.id === organisationId);
  const response = invited?.response ?? 'PENDING';
  const name = invited?.name ?? '';

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={`respond-${organisationId}`} data-testid="organisation-response">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={`respond-${organisationId}`}>
          {t('respond.title', { organisation: name })}
        </Title>
        <Badge color={response === 'ACCEPTED' ? 'teal.9' : response === 'DECLINED' ? 'red.9' : 'gray.8'} data-testid="organisation-response-status">
          {t(`response.${response}`)}
        </Badge>
      </Group>
      <ErrorAlert error={respond.error ?? members.error} />
      {meeting.status === 'SCHEDULED' ? (
        <Stack gap="sm">
          {members.data && members.data.items.length > 0 ? (
            <Checkbox.Group label={t('respond.delegates')} description={t('respond.delegatesHint')} value={delegates} onChange={setDelegates}>
              <Stack gap={4} mt="xs">
                {members.data.items.filter((m) => !m.disabled).map((member) => (
                  <Checkbox key={member.userId} value={member.userId} label={member.name} />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : null}
          <Group gap="xs">
            <Button
              loading={respond.isPending && respond.variables?.response === 'ACCEPTED'}
              onClick={() => respond.mutate({ organisationId, response: 'ACCEPTED', delegateUserIds: delegates })}
            >
              {t('respond.accept')}
            </Button>
            <Button
              variant="default"
              loading={respond.isPending && respond.variables?.response === 'DECLINED'}
              onClick={() => respond.mutate({ organisationId, response: 'DECLINED', delegateUserIds: [] })}
            >
              {t('respond.decline')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text c="dimmed">{t('detail.cancelledNotice')}</Text>
      )}
    </Card>
  );
}
