import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useOpenActionItems } from '../api/get-open-action-items';

/** What the organisation agreed to do at network meetings and has not finished yet. */
export function OpenActionItems({ organisationId, organisationName }: { organisationId: string; organisationName: string }) {
  const { t } = useTranslation('home');
  const items = useOpenActionItems(organisationId);
  const format = useFormatters();
  return (
    <Card withBorder padding="lg" component="section" aria-label={t('actionItems.title', { organisation: organisationName })} data-testid="open-action-items">
      <Title order={2} size="h4" mb="xs">
        {t('actionItems.title', { organisation: organisationName })}
      </Title>
      {items.isPending ? <Skeleton height={40} /> : null}
      <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />
      {items.data && items.data.items.length === 0 ? <Text size="sm">{t('actionItems.none')}</Text> : null}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', paddingInlineStart: 0, marginBlock: 0 }}>
        {items.data?.items.map((item) => (
          <Group key={item.id} component="li" justify="space-between" wrap="wrap" gap="xs" data-testid="open-action-item">
            <div>
              <Anchor component={Link} to={`/meetings/${item.meetingId}`} fw={600}>
                {item.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {item.dueDate ? t('actionItems.fromMeetingDue', { meeting: item.meetingTitle, date: format.day(item.dueDate) }) : t('actionItems.fromMeeting', { meeting: item.meetingTitle })}
              </Text>
            </div>
            <Badge variant="light">{t(`actionItems.status.${item.status}`)}</Badge>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
