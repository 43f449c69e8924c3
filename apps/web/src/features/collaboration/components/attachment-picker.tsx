import { useState } from 'react';
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useMaterialSearch } from '../../../api/search-materials';

/**
 * Picks library material to attach, searched on the server (only what the author may see,
 * eight at a time: light on slow connections). Chosen items keep their titles while the
 * search moves on.
 */
export function AttachmentPicker({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation('collaboration');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 400);
  const [open, setOpen] = useState(false);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const results = useMaterialSearch(debounced, { enabled: open, limit: 8 });
  const found = results.data?.items ?? [];
  const data = [
    ...value.map((id) => ({ value: id, label: titles[id] ?? id })),
    ...found.filter((m) => !value.includes(m.id)).map((m) => ({ value: m.id, label: m.title })),
  ];
  return (
    <MultiSelect
      label={t('attachments.label')}
      description={t('attachments.hint')}
      data={data}
      value={value}
      onChange={(ids) => {
        const known = { ...titles };
        for (const m of found) known[m.id] = m.title;
        setTitles(known);
        onChange(ids);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpen(true)}
      // The server has searched already; filtering again here would hide prefix matches.
      filter={({ options }) => options}
      clearable
      maxValues={10}
      nothingFoundMessage={results.isFetching ? t('attachments.searching') : t('attachments.nothing')}
      comboboxProps={{ withinPortal: true }}
      data-testid="attachment-picker"
    />
  );
}
