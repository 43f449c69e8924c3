import { useState } from 'react';
import { Button, Card, Checkbox, Group, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { addMilestone, removeMilestone, setMilestoneDone, useCampaignMutation } from '../api/campaign-mutations';

/** Dated milestones in order; editors tick them off, add and remove them. */
export function CampaignTimeline({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation('collaboration');
  const format = useFormatters();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const tick = useCampaignMutation(campaign.id, ({ id, done }: { id: string; done: boolean }) => setMilestoneDone(campaign.id, id, done));
  const add = useCampaignMutation(campaign.id, (input: { title: string; dueOn: string }) => addMilestone(campaign.id, input));
  const remove = useCampaignMutation(campaign.id, (id: string) => removeMilestone(campaign.id, id));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="timeline-heading">
      <Title order={2} size="h3" id="timeline-heading" mb="sm">
        {t('campaigns.timeline')}
      </Title>
      {campaign.milestones.length === 0 ? <Text c="dimmed">{t('campaigns.noMilestone')}</Text> : null}
      <ol className="collab-timeline" data-testid="timeline">
        {campaign.milestones.map((m) => {
          const when = format.date(`${m.dueOn}T12:00:00`);
          const label = `${m.title} — ${when}`;
          return (
            <li key={m.id} data-done={m.done}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                {campaign.canEdit ? (
                  <Checkbox label={label} checked={m.done} disabled={tick.isPending} onChange={(e) => tick.mutate({ id: m.id, done: e.currentTarget.checked })} />
                ) : (
                  <Text className="collab-timeline__title">
                    {label} · {m.done ? t('campaigns.done') : t('campaigns.notDone')}
                  </Text>
                )}
                {campaign.canEdit ? (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(m.id)}>
                    {t('campaigns.removeMilestone', { title: m.title })}
                  </Button>
                ) : null}
              </Group>
            </li>
          );
        })}
      </ol>
      {campaign.canEdit ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate({ title, dueOn }, { onSuccess: () => { setTitle(''); setDueOn(''); } });
          }}
        >
          <Group align="flex-end" mt="sm" wrap="wrap" gap="xs">
            <TextInput label={t('campaigns.milestoneTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} />
            <TextInput type="date" label={t('campaigns.dueOn')} value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} required />
            <Button type="submit" loading={add.isPending}>
              {t('campaigns.addMilestone')}
            </Button>
          </Group>
        </form>
      ) : null}
      <ErrorAlert error={tick.error ?? add.error ?? remove.error} />
    </Card>
  );
}
