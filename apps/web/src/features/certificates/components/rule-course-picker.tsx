import { useState } from 'react';
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useRuleCourses } from '../api/get-rule-options';

interface Props {
  networkId: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** Titles of chosen courses, kept while the search moves on. */
  titles: Record<string, string>;
  onTitles: (titles: Record<string, string>) => void;
  error?: string | null;
}

/** The network's courses, searched on the server; every chosen one must be completed. */
export function RuleCoursePicker({ networkId, value, onChange, titles, onTitles, error }: Props) {
  const { t } = useTranslation('certificates');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const courses = useRuleCourses(networkId, debounced.trim());
  const found = courses.data ?? [];
  const data = [
    ...value.map((id) => ({ value: id, label: titles[id] ?? id })),
    ...found.filter((c) => !value.includes(c.id)).map((c) => ({ value: c.id, label: c.title })),
  ];
  return (
    <MultiSelect
      label={t('rules.courses')}
      description={t('rules.coursesHelp')}
      data={data}
      value={value}
      onChange={(ids) => {
        const known = { ...titles };
        for (const c of found) known[c.id] = c.title;
        onTitles(known);
        onChange(ids);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has searched already (in every language of the titles).
      filter={({ options }) => options}
      maxValues={20}
      hidePickedOptions
      nothingFoundMessage={courses.isFetching ? t('rules.searching') : t('rules.noCourses')}
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-testid="rule-courses"
    />
  );
}
