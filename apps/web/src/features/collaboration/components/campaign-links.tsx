import { useState } from 'react';
import { Anchor, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, CampaignLinkKind } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { addLink, removeLink, useCampaignMutation } from '../api/campaign-mutations';
import { useDocuments } from '../api/get-documents';
import { useMeetings } from '../../../api/get-meetings';
import { useMaterialSearch } from '../../../api/search-materials';
import { StatusBadge } from './status-badge';

/** Choices for a new link: the group's documents, upcoming meetings, or a library search. */
function LinkForm({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation('collaboration');
  const [kind, setKind] = useState<CampaignLinkKind>('document');
  const [target, setTarget] = useState('');
  const [q, setQ] = useState('');
  const documents = useDocuments(campaign.groupId);
  const meetings = useMeetings('upcoming', { enabled: kind === 'meeting' });
  const materials = useMaterialSearch(q, { enabled: kind === 'material', limit: 8 });
  const add = useCampaignMutation(campaign.id, () => addLink(campaign.id, kind, target));
  const linked = new Set([...campaign.documents, ...campaign.meetings, ...campaign.materials].map((l) => l.id));
  const options =
    kind === 'document'
      ? (documents.data?.items ?? []).map((d) => ({ value: d.id, label: d.title }))
      : kind === 'meeting'
        ? (meetings.data?.items ?? []).map((m) => ({ value: m.id, label: m.title }))
        : (materials.data?.items ?? []).map((m) => ({ value: m.id, label: m.title }));
  const choices = options.filter((o) => !linked.has(o.value));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (target) add.mutate(undefined, { onSuccess: () => setTarget('') });
      }}
    >
      <Stack gap="xs" mt="md">
        <Group align="flex-end" wrap="wrap" gap="xs">
          <NativeSelect
            label={t('campaigns.linkKind')}
            data={(['document', 'meeting', 'material'] as const).map((value) => ({ value, label: t(`campaigns.kinds.${value}`) }))}
            value={kind}
            onChange={(e) => {
              setKind(e.currentTarget.value as CampaignLinkKind);
              setTarget('');
            }}
          />
          {kind === 'material' ? <TextInput label={t('campaigns.searchLibrary')} value={q} onChange={(e) => setQ(e.currentTarget.value)} /> : null}
          <NativeSelect
            label={t('campaigns.linkTarget')}
            data={[{ value: '', label: choices.length ? t('campaigns.choose') : t('campaigns.nothingToLink') }, ...choices]}
            value={target}
            onChange={(e) => setTarget(e.currentTarget.value)}
          />
          <Button type="submit" disabled={!target} loading={add.isPending}>
            {t('campaigns.addLink')}
          </Button>
        </Group>
        <ErrorAlert error={add.error} />
      </Stack>
    </form>
  );
}

/** Linked documents, meetings and material: only those this reader may see come from the API. */
export function CampaignLinks({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation('collaboration');
  const format = useFormatters();
  const remove = useCampaignMutation(campaign.id, ({ kind, id }: { kind: CampaignLinkKind; id: string }) => removeLink(campaign.id, kind, id));
  const removeButton = (kind: CampaignLinkKind, id: string, title: string) =>
    campaign.canEdit ? (
      <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate({ kind, id })}>
        {t('campaigns.unlink', { title })}
      </Button>
    ) : null;
  const empty = campaign.documents.length + campaign.meetings.length + campaign.materials.length === 0;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="links-heading">
      <Title order={2} size="h3" id="links-heading" mb="sm">
        {t('campaigns.links')}
      </Title>
      {empty ? <Text c="dimmed">{t('campaigns.noLinks')}</Text> : null}
      <Stack gap="xs" component="ul" className="collab-plain-list" data-testid="campaign-links">
        {campaign.documents.map((d) => (
          <li key={d.id}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm">{t('campaigns.kinds.document')}:</Text>
              <Anchor component={Link} to={`/collaboration/documents/${d.id}`}>
                {d.title}
              </Anchor>
              <StatusBadge status={d.status} />
              {removeButton('document', d.id, d.title)}
            </Group>
          </li>
        ))}
        {campaign.meetings.map((m) => (
          <li key={m.id}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm">{t('campaigns.kinds.meeting')}:</Text>
              <Anchor component={Link} to={`/meetings/${m.id}`}>
                {m.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {m.cancelled ? t('campaigns.cancelled') : format.date(m.startsAt)}
              </Text>
              {removeButton('meeting', m.id, m.title)}
            </Group>
          </li>
        ))}
        {campaign.materials.map((m) => (
          <li key={m.id}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm">{t('campaigns.kinds.material')}:</Text>
              <Anchor component={Link} to={`/library/${m.id}`}>
                {m.title}
              </Anchor>
              {removeButton('material', m.id, m.title)}
            </Group>
          </li>
        ))}
      </Stack>
      <ErrorAlert error={remove.error} />
      {campaign.canEdit ? <LinkForm campaign={campaign} /> : null}
    </Card>
  );
}
