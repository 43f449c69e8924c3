import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useGroupMembers } from '../api/get-group-members';

/** Picks the people to @mention among those who can see the group (nobody else can be told). */
export function MentionPicker({ groupId, value, onChange }: { groupId: string; value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation('collaboration');
  const members = useGroupMembers(groupId);
  const data = (members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name} (${m.organisationName})` }));
  return (
    <MultiSelect
      label={t('threads.mentions')}
      description={t('threads.mentionsHint')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      maxValues={50}
      nothingFoundMessage={t('threads.noPerson')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
