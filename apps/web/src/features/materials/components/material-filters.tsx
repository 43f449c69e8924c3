import { useEffect, useState } from 'react';
import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { FoldableFilters } from '../../../components/foldable-filters';
import { LANGUAGES, MATERIAL_AUDIENCES, MATERIAL_KINDS, MATERIAL_STANDARD_TOPICS } from '@tadamon/shared';
import type { MaterialFilters as Filters } from '../../../api/list-materials';
import { useMaterialTopics } from '../../../api/get-material-topics';

interface Props {
  value: Filters;
  onChange: (next: Filters) => void;
}

/** Search box and filters; custom topics appear beside the six standard ones. */
export function MaterialFilters({ value, onChange }: Props) {
  const { t } = useTranslation('materials');
  const topics = useMaterialTopics();
  const [search, setSearch] = useState(value.q ?? '');
  const [debounced] = useDebouncedValue(search, 400);

  useEffect(() => {
    const q = debounced.trim() || undefined;
    if (q !== value.q) onChange({ ...value, q });
    // Only the typed text drives this; the other filters change through their own handlers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const topicValue = value.customTopicId ? `custom:${value.customTopicId}` : (value.standardTopic ?? '');
  const setTopic = (topic: string) => {
    const { standardTopic: _s, customTopicId: _c, ...rest } = value;
    if (topic.startsWith('custom:')) onChange({ ...rest, customTopicId: topic.slice(7) });
    else onChange({ ...rest, standardTopic: (topic || undefined) as Filters['standardTopic'] });
  };

  return (
    <div role="search" aria-label={t('filters.label')}>
      <FoldableFilters
        activeCount={Object.entries(value).filter(([key, v]) => key !== 'q' && !!v).length}
        search={
          <TextInput
            type="search"
            label={t('filters.search')}
            placeholder={t('filters.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            data-testid="library-search"
          />
        }
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <NativeSelect label={t('filters.topic')} value={topicValue} onChange={(e) => setTopic(e.currentTarget.value)}>
            <option value="">{t('filters.allTopics')}</option>
            {MATERIAL_STANDARD_TOPICS.map((topic) => (
              <option key={topic} value={topic}>
                {t(`topics.${topic}`)}
              </option>
            ))}
            {topics.data?.items.map((topic) => (
              <option key={topic.id} value={`custom:${topic.id}`}>
                {topic.name}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('filters.audience')}
            value={value.audience ?? ''}
            onChange={(e) => onChange({ ...value, audience: (e.currentTarget.value || undefined) as Filters['audience'] })}
          >
            <option value="">{t('filters.allAudiences')}</option>
            {MATERIAL_AUDIENCES.map((audience) => (
              <option key={audience} value={audience}>
                {t(`audiences.${audience}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('filters.language')}
            value={value.language ?? ''}
            onChange={(e) => onChange({ ...value, language: (e.currentTarget.value || undefined) as Filters['language'] })}
          >
            <option value="">{t('filters.allLanguages')}</option>
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`languages.${language}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('filters.kind')}
            value={value.kind ?? ''}
            onChange={(e) => onChange({ ...value, kind: (e.currentTarget.value || undefined) as Filters['kind'] })}
          >
            <option value="">{t('filters.allKinds')}</option>
            {MATERIAL_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </NativeSelect>
        </SimpleGrid>
      </FoldableFilters>
    </div>
  );
}
