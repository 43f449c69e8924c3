import { useState } from 'react';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMaterialSearch } from '../../../api/search-materials';

export interface PickedMaterial {
  id: string;
  title: string;
}

/** Searches the library (what the editor may see) and picks one material to embed in a lesson. */
export function MaterialPicker({ value, onChange, disabled }: { value: PickedMaterial | null; onChange: (m: PickedMaterial | null) => void; disabled?: boolean }) {
  const { t } = useTranslation('courseAuthoring');
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const results = useMaterialSearch(query ?? '', { enabled: query !== null });
  return (
    <Stack gap="xs" role="group" aria-label={t('lesson.material')}>
      <Text fw={600} size="sm">
        {t('lesson.material')}
      </Text>
      {value ? (
        <Group gap="xs">
          <Text size="sm" dir="auto" data-testid="picked-material">
            {value.title}
          </Text>
          {!disabled ? (
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => onChange(null)}>
              {t('actions.remove')}
            </Button>
          ) : null}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('lesson.noMaterial')}
        </Text>
      )}
      {!disabled ? (
        <Group align="end" component="form" onSubmit={(e: React.FormEvent) => {
          e.preventDefault();
          setQuery(draft.trim());
        }}>
          <TextInput label={t('lesson.searchLibrary')} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} type="search" maxLength={200} data-testid="material-search" />
          <Button type="submit" variant="default" size="sm" loading={results.isFetching}>
            {t('actions.search')}
          </Button>
        </Group>
      ) : null}
      {query !== null && results.data ? (
        results.data.items.length === 0 ? (
          <Text size="sm" role="status">{t('lesson.noMaterialFound')}</Text>
        ) : (
          <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {results.data.items.map((m) => (
              <li key={m.id}>
                <Group gap="xs" wrap="nowrap">
                  <Button size="compact-sm" variant="light" onClick={() => {
                    onChange({ id: m.id, title: m.title });
                    setQuery(null);
                  }} aria-label={t('lesson.useMaterial', { title: m.title })}>
                    {t('lesson.use')}
                  </Button>
                  <Text size="sm" dir="auto" lineClamp={1}>
                    {m.title} · {t(`kinds.${m.kind}`)}
                  </Text>
                </Group>
              </li>
            ))}
          </Stack>
        )
      ) : null}
    </Stack>
  );
}
