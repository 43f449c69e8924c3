import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { GroupDetail } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useSignedInSession } from '../../../lib/session';
import { useCreateCampaign } from '../api/campaign-mutations';

/** Starts a campaign led by an organisation the person leads; the timeline is filled in afterwards. */
export function NewCampaignForm({ group, onCancel }: { group: GroupDetail; onCancel: () => void }) {
  const { t } = useTranslation('collaboration');
  const session = useSignedInSession();
  const navigate = useNavigate();
  const inGroup = (id: string) => group.audience === 'NETWORK' || group.organisations.some((o) => o.id === id);
  const led = session.memberships.filter((m) => m.role === 'ORG_LEADER' && m.networkId === group.networkId && inGroup(m.organisationId));
  const [owner, setOwner] = useState(led[0]?.organisationId ?? '');
  const [title, setTitle] = useState('');
  const [goal, setGoal] = useState('');
  const create = useCreateCampaign(group.id);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    create.mutate(
      { ownerOrganisationId: owner, title, goal, milestones: [] },
      { onSuccess: (campaign) => void navigate(`/collaboration/campaigns/${campaign.id}`) },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <NativeSelect
          label={t('campaigns.owner')}
          data={led.map((m) => ({ value: m.organisationId, label: m.organisationName }))}
          value={owner}
          onChange={(e) => setOwner(e.currentTarget.value)}
          required
        />
        <TextInput label={t('campaigns.name')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} />
        <Textarea
          label={t('campaigns.goal')}
          description={t('editor.markdownHint')}
          value={goal}
          onChange={(e) => setGoal(e.currentTarget.value)}
          autosize
          minRows={4}
          dir="auto"
        />
        <ErrorAlert error={create.error} />
        <Group>
          <Button type="submit" loading={create.isPending} disabled={!owner}>
            {t('campaigns.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('editor.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
