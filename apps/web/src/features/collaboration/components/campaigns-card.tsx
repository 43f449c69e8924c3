import { useState } from 'react';
import { Anchor, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { GroupDetail } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useSignedInSession } from '../../../lib/session';
import { useCampaigns } from '../api/get-campaigns';
import { CampaignProgress } from './campaign-progress';
import { NewCampaignForm } from './new-campaign-form';

/** The group's campaigns with their next milestone and progress. */
export function CampaignsCard({ group }: { group: GroupDetail }) {
  const { t } = useTranslation('collaboration');
  const format = useFormatters();
  const session = useSignedInSession();
  const campaigns = useCampaigns(group.id);
  const [creating, setCreating] = useState(false);
  const canStart = session.memberships.some(
    (m) => m.role === 'ORG_LEADER' && m.networkId === group.networkId && (group.audience === 'NETWORK' || group.organisations.some((o) => o.id === m.organisationId)),
  );
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="campaigns-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="campaigns-heading">
          {t('campaigns.title')}
        </Title>
        {canStart ? (
          <Button size="xs" onClick={() => setCreating(true)}>
            {t('campaigns.new')}
          </Button>
        ) : null}
      </Group>
      {campaigns.error ? <ErrorAlert error={campaigns.error} /> : null}
      {campaigns.data?.items.length === 0 ? <Text c="dimmed">{t('campaigns.empty')}</Text> : null}
      <Stack gap="md" component="ul" className="collab-plain-list" data-testid="campaigns">
        {campaigns.data?.items.map((c) => (
          <li key={c.id}>
            <Anchor component={Link} to={`/collaboration/campaigns/${c.id}`} fw={600}>
              {c.title}
            </Anchor>
            <Text size="sm" c="dimmed">
              {c.nextMilestone
                ? t('campaigns.next', { owner: c.ownerOrganisationName, title: c.nextMilestone.title, date: format.date(`${c.nextMilestone.dueOn}T12:00:00`) })
                : t('campaigns.ledBy', { owner: c.ownerOrganisationName })}
            </Text>
            <CampaignProgress progress={c.progress} compact />
          </li>
        ))}
      </Stack>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('campaigns.new')} size="lg">
        <NewCampaignForm group={group} onCancel={() => setCreating(false)} />
      </Modal>
    </Card>
  );
}
