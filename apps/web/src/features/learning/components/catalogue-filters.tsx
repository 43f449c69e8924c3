import { useEffect, useState } from 'react';
import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { FoldableFilters } from '../../../components/foldable-filters';
import { COURSE_LENGTHS, LANGUAGES, MATERIAL_STANDARD_TOPICS } from '@tadamon/shared';
import type { CatalogueFilters as Filters } from '../api/list-catalogue';

/** Search box and the three filters: topic, language, length. */
export function CatalogueFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const { t } = useTranslation(['learning', 'materials']);
  const [search, setSearch] = useState(value.q ?? '');
  const [debounced] = useDebouncedValue(search, 400);

  useEffect(() => {
    const q = debounced.trim() || undefined;
    if (q !== value.q) onChange({ ...value, q });
    // Only the typed text drives this; the selects change through their own handlers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const select = <K extends keyof Filters>(key: K) => (event: React.ChangeEvent<HTMLSelectElement>) =>
    onChange({ ...value, [key]: (event.currentTarget.value || undefined) as Filters[K] });

  return (
    <div role="search" aria-label={t('learning:filters.label')}>
      <FoldableFilters
        activeCount={Object.entries(value).filter(([key, v]) => key !== 'q' && !!v).length}
        search={
          <TextInput
            type="search"
            label={t('learning:filters.search')}
            placeholder={t('learning:filters.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            data-testid="catalogue-search"
          />
        }
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <NativeSelect label={t('learning:filters.topic')} value={value.standardTopic ?? ''} onChange={select('standardTopic')}>
            <option value="">{t('learning:filters.allTopics')}</option>
            {MATERIAL_STANDARD_TOPICS.map((topic) => (
              <option key={topic} value={topic}>
                {t(`materials:topics.${topic}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect label={t('learning:filters.language')} value={value.language ?? ''} onChange={select('language')}>
            <option value="">{t('learning:filters.allLanguages')}</option>
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`materials:languages.${language}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect label={t('learning:filters.length')} value={value.length ?? ''} onChange={select('length')}>
            <option value="">{t('learning:filters.anyLength')}</option>
            {COURSE_LENGTHS.map((length) => (
              <option key={length} value={length}>
                {t(`learning:lengths.${length}`)}
              </option>
            ))}
          </NativeSelect>
        </SimpleGrid>
      </FoldableFilters>
    </div>
  );
}
