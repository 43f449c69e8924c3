import { useState } from 'react';
import { Button, Checkbox, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useSignedInSession } from '../../../lib/session';
import { useCreateGroup } from '../api/create-group';
import { useNetworkOrganisations } from '../../../api/get-network-organisations';

export function GroupCreateForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation('collaboration');
  const session = useSignedInSession();
  const navigate = useNavigate();
  const networks = [
    ...new Map([
      ...session.networkRoles.map((n) => [n.networkId, n.networkName] as const),
      ...session.memberships.filter((m) => m.role === 'ORG_LEADER').map((m) => [m.networkId, m.networkName] as const),
    ]).entries(),
  ];
  const [networkId, setNetworkId] = useState(networks[0]?.[0] ?? '');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [audience, setAudience] = useState<'NETWORK' | 'ORGANISATIONS'>('NETWORK');
  const [organisationIds, setOrganisationIds] = useState<string[]>([]);
  const organisations = useNetworkOrganisations(audience === 'ORGANISATIONS' ? networkId : '');
  const create = useCreateGroup();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    create.mutate(
      { networkId, name, description, audience, organisationIds: audience === 'ORGANISATIONS' ? organisationIds : [] },
      { onSuccess: (group) => void navigate(`/collaboration/groups/${group.id}`) },
    );
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {networks.length > 1 ? (
          <NativeSelect
            label={t('groups.network')}
            data={networks.map(([value, label]) => ({ value, label }))}
            value={networkId}
            onChange={(e) => setNetworkId(e.currentTarget.value)}
          />
        ) : null}
        <TextInput label={t('groups.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={200} />
        <Textarea
          label={t('groups.description')}
          description={t('editor.markdownHint')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={3}
        />
        <NativeSelect
          label={t('groups.audience')}
          data={[
            { value: 'NETWORK', label: t('groups.audienceNetwork') },
            { value: 'ORGANISATIONS', label: t('groups.audienceOrganisations') },
          ]}
          value={audience}
          onChange={(e) => setAudience(e.currentTarget.value as 'NETWORK' | 'ORGANISATIONS')}
        />
        {audience === 'ORGANISATIONS' ? (
          <Checkbox.Group label={t('groups.chooseOrganisations')} value={organisationIds} onChange={setOrganisationIds}>
            <Stack gap={4} mt={4}>
              {(organisations.data?.items ?? []).map((o) => (
                <Checkbox key={o.id} value={o.id} label={o.name} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : null}
        <ErrorAlert error={create.error} />
        <Stack gap="xs" align="flex-start">
          <Button type="submit" loading={create.isPending}>
            {t('groups.create')}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            {t('editor.cancel')}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
