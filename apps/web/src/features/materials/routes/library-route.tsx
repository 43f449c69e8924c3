import { Button, Center, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { materialListQuerySchema } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useScrollToResults } from '../../../components/foldable-filters';
import { useSignedInSession } from '../../../lib/session';
import { useMaterials, type MaterialFilters as Filters } from '../../../api/list-materials';
import { MaterialCard } from '../components/material-card';
import { MaterialFilters } from '../components/material-filters';

const FILTER_KEYS = ['q', 'standardTopic', 'customTopicId', 'audience', 'language', 'kind'] as const;

/** Filters live in the address, so the back button and shared links keep them; bad values are dropped. */
function filtersFrom(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (!value) continue;
    const parsed = materialListQuerySchema.shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) Object.assign(filters, { [key]: parsed.data });
  }
  return filters;
}

export function LibraryRoute() {
  const { t } = useTranslation('materials');
  const session = useSignedInSession();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const materials = useMaterials(filters);
  const items = materials.data?.pages.flatMap((page) => page.items) ?? [];

  const results = useScrollToResults(filters.q, !materials.isPending);

  const setFilters = (next: Filters) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, String(value));
    setParams(search, { replace: true });
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="end">
        <div>
          <Title order={1}>{t('library.title')}</Title>
          <Text c="dimmed">{t('library.intro')}</Text>
        </div>
        <Group gap="xs">
          {session.permissions.includes('materials.manageTopics') ? (
            <Button component={Link} to="/library/topics" variant="default" data-testid="manage-topics">
              {t('topicsScreen.link')}
            </Button>
          ) : null}
          {session.permissions.includes('materials.manage') ? (
            <Button component={Link} to="/library/new" data-testid="new-material">
              {t('library.add')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <MaterialFilters value={filters} onChange={setFilters} />
      <div ref={results} className="results-anchor" data-testid="results-anchor" />
      {materials.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} aria-busy="true">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} height={96} />
          ))}
        </SimpleGrid>
      ) : materials.error && items.length === 0 ? (
        <ErrorAlert error={materials.error} onRetry={() => void materials.refetch()} />
      ) : items.length === 0 ? (
        <Text role="status">{filters.q ? t('library.noResults', { q: filters.q }) : t('library.empty')}</Text>
      ) : (
        <>
          <Text size="sm" role="status">
            {t('library.shown', { count: items.length })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((material) => (
              <MaterialCard key={material.id} material={material} />
            ))}
          </SimpleGrid>
          {materials.error ? <ErrorAlert error={materials.error} onRetry={() => void materials.fetchNextPage()} /> : null}
          {materials.hasNextPage ? (
            <Center>
              <Button variant="default" loading={materials.isFetchingNextPage} onClick={() => void materials.fetchNextPage()}>
                {t('library.loadMore')}
              </Button>
            </Center>
          ) : null}
        </>
      )}
    </Stack>
  );
}
