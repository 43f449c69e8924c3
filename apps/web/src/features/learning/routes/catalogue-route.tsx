import { Anchor, Button, Center, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { catalogueQuerySchema } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useScrollToResults } from '../../../components/foldable-filters';
import { useCatalogue, type CatalogueFilters as Filters } from '../api/list-catalogue';
import { CatalogueFilters } from '../components/catalogue-filters';
import { CourseCard } from '../components/course-card';
import { PathList } from '../components/path-list';

const FILTER_KEYS = ['q', 'standardTopic', 'language', 'length'] as const;

/** Filters live in the address (back button, shared links); values that do not parse are dropped. */
function filtersFrom(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (!value) continue;
    const parsed = catalogueQuerySchema.shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) Object.assign(filters, { [key]: parsed.data });
  }
  return filters;
}

export function CatalogueRoute() {
  const { t } = useTranslation('learning');
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const catalogue = useCatalogue(filters);
  const items = catalogue.data?.pages.flatMap((page) => page.items) ?? [];

  const results = useScrollToResults(filters.q, !catalogue.isPending);

  const setFilters = (next: Filters) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, String(value));
    setParams(search, { replace: true });
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="end">
        <div>
          <Title order={1}>{t('catalogue.title')}</Title>
          <Text c="dimmed">{t('catalogue.intro')}</Text>
        </div>
        <Anchor component={Link} to="/learning/mine" data-testid="my-learning-link">
          {t('mine.title')}
        </Anchor>
      </Group>
      {Object.keys(filters).length === 0 ? <PathList title={t('paths.title')} /> : null}
      <CatalogueFilters value={filters} onChange={setFilters} />
      <div ref={results} className="results-anchor" data-testid="results-anchor" />
      {catalogue.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} aria-busy="true">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} height={110} />
          ))}
        </SimpleGrid>
      ) : catalogue.error && items.length === 0 ? (
        <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : items.length === 0 ? (
        <Text role="status">{filters.q ? t('catalogue.noResults', { q: filters.q }) : t('catalogue.empty')}</Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((course) => (
              <CourseCard key={course.id} course={course} />
            ))}
          </SimpleGrid>
          {catalogue.error ? <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.fetchNextPage()} /> : null}
          {catalogue.hasNextPage ? (
            <Center>
              <Button variant="default" loading={catalogue.isFetchingNextPage} onClick={() => void catalogue.fetchNextPage()}>
                {t('catalogue.loadMore')}
              </Button>
            </Center>
          ) : null}
        </>
      )}
    </Stack>
  );
}
