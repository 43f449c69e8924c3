import { Button, Center, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_TYPES } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import type { OrganisationType } from '../../../lib/types';
import { useDirectory, type DirectoryFilters as Filters } from '../api/get-directory';
import { DirectoryFilters } from '../components/directory-filters';
import { OrganisationCard } from '../components/organisation-card';

/** Filters live in the address, so the back button and shared links keep them. */
function filtersFrom(params: URLSearchParams): Filters {
  const type = params.get('type');
  return {
    q: params.get('q') || undefined,
    country: params.get('country') || undefined,
    type: type && (ORGANISATION_TYPES as readonly string[]).includes(type) ? (type as OrganisationType) : undefined,
    networkId: params.get('networkId') || undefined,
  };
}

export function DirectoryRoute() {
  const { t } = useTranslation('directory');
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const directory = useDirectory(filters);
  const items = directory.data?.pages.flatMap((page) => page.items) ?? [];

  const setFilters = (next: Filters) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, value);
    setParams(search, { replace: true });
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('intro')}</Text>
      </div>
      <DirectoryFilters value={filters} onChange={setFilters} />
      {directory.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} aria-busy="true">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} height={76} />
          ))}
        </SimpleGrid>
      ) : directory.error && items.length === 0 ? (
        <ErrorAlert error={directory.error} onRetry={() => void directory.refetch()} />
      ) : items.length === 0 ? (
        <Text role="status">{t('empty')}</Text>
      ) : (
        <>
          <Text size="sm" role="status">
            {t('shown', { count: items.length })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((organisation) => (
              <OrganisationCard key={organisation.id} organisation={organisation} />
            ))}
          </SimpleGrid>
          {directory.error ? <ErrorAlert error={directory.error} onRetry={() => void directory.fetchNextPage()} /> : null}
          {directory.hasNextPage ? (
            <Center>
              <Button variant="default" loading={directory.isFetchingNextPage} onClick={() => void directory.fetchNextPage()}>
                {t('loadMore')}
              </Button>
            </Center>
          ) : null}
        </>
      )}
    </Stack>
  );
}
