import { useState } from 'react';
import { Badge, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, type ActionStatus, type MeetingDetail } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useActionItems, useCreateActionItem, useSetActionItemStatus } from '../api/action-items';

/** What organisations agreed to do; the host adds items, the assignee's leaders move them along. */
export function ActionItemsCard({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const items = useActionItems(meeting.id);
  const status = useSetActionItemStatus(meeting.id);
  const format = useFormatters();
  if (items.isPending) return <PageSkeleton lines={3} />;
  if (items.error) return <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="actions-title" data-testid="action-items-card">
      <Title order={2} size="h4" id="actions-title" mb="xs">
        {t('actions.title')}
      </Title>
      <Stack gap="sm">
        {items.data.items.length === 0 ? <Text size="sm">{t('actions.none')}</Text> : null}
        <ErrorAlert error={status.error} />
        <Stack gap="sm" component="ul" className="meeting-list">
          {items.data.items.map((item) => (
            <Card key={item.id} withBorder padding="sm" component="li" data-testid="action-item">
              <Group justify="space-between" align="flex-start" wrap="wrap">
                <div>
                  <Text fw={600}>{item.title}</Text>
                  <Text size="sm" c="dimmed">
                    {item.dueDate
                      ? t('actions.assignedDue', { organisation: item.assigneeOrganisation.name, date: format.day(item.dueDate) })
                      : t('actions.assigned', { organisation: item.assigneeOrganisation.name })}
                  </Text>
                  {item.description ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{item.description}</Text> : null}
                </div>
                {item.canUpdateStatus ? (
                  <NativeSelect
                    aria-label={t('actions.statusOf', { title: item.title })}
                    value={item.status}
                    onChange={(e) => status.mutate({ itemId: item.id, status: e.currentTarget.value as ActionStatus })}
                    data-testid="action-item-status"
                  >
                    {ACTION_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`actions.status.${s}`)}
                      </option>
                    ))}
                  </NativeSelect>
                ) : (
                  <Badge variant="light">{t(`actions.status.${item.status}`)}</Badge>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
        {meeting.canManage ? <NewActionItem meeting={meeting} /> : null}
      </Stack>
    </Card>
  );
}

function NewActionItem({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const create = useCreateActionItem(meeting.id);
  const organisations = [meeting.hostOrganisation, ...meeting.invitedOrganisations];
  const empty = { title: '', description: '', assigneeOrganisationId: organisations[0]!.id, dueDate: '' };
  const [values, setValues] = useState(empty);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate({ ...values, dueDate: values.dueDate || null }, { onSuccess: () => setValues(empty) });
  };
  return (
    <form onSubmit={submit} data-testid="action-item-form">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('actions.add')}
        </Title>
        <ErrorAlert error={create.error} />
        <TextInput label={t('actions.itemTitle')} required value={values.title} onChange={(e) => setValues({ ...values, title: e.currentTarget.value })} />
        <Textarea label={t('actions.description')} autosize minRows={2} value={values.description} onChange={(e) => setValues({ ...values, description: e.currentTarget.value })} />
        <Group grow wrap="wrap">
          <NativeSelect label={t('actions.assignee')} value={values.assigneeOrganisationId} onChange={(e) => setValues({ ...values, assigneeOrganisationId: e.currentTarget.value })}>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </NativeSelect>
          <TextInput label={t('actions.due')} type="date" value={values.dueDate} onChange={(e) => setValues({ ...values, dueDate: e.currentTarget.value })} />
        </Group>
        <Button type="submit" w="fit-content" loading={create.isPending} disabled={!values.title.trim()}>
          {t('actions.create')}
        </Button>
      </Stack>
    </form>
  );
}
