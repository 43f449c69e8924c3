import { useState } from 'react';
import { Anchor, Badge, Button, Card, Center, Group, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { usePublicMaterials } from '../api/list-public-materials';
import { topicLabel } from '../components/material-card';
import { inLanguage } from '../../../components/in-language';

/** The language the visitor reads the site in, as the API knows it. */
export function useVisitorLanguage() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return (LANGUAGES as readonly string[]).includes(language) ? language : 'en';
}

/** Public material for visitors who are not signed in: a search box, cards, and a way to sign in. */
export function PublicLibraryRoute() {
  const { t } = useTranslation('materials');
  const lang = useVisitorLanguage();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 400);
  const materials = usePublicMaterials(debounced || undefined, lang);
  const items = materials.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('public.title')}</Title>
        <Text c="dimmed">{t('public.intro')}</Text>
        <Anchor component={Link} to="/sign-in?next=%2Flibrary" size="sm" data-testid="public-sign-in">
          {t('public.signIn')}
        </Anchor>
      </div>
      <TextInput
        type="search"
        role="searchbox"
        label={t('filters.search')}
        placeholder={t('filters.searchPlaceholder')}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setParams(event.currentTarget.value ? { q: event.currentTarget.value } : {}, { replace: true });
        }}
      />
      {materials.isPending ? (
        <Skeleton height={96} aria-busy="true" />
      ) : materials.error && items.length === 0 ? (
        <ErrorAlert error={materials.error} onRetry={() => void materials.refetch()} />
      ) : items.length === 0 ? (
        <Text role="status">{debounced ? t('library.noResults', { q: debounced }) : t('public.empty')}</Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((material) => (
            <Card key={material.id} withBorder padding="md" component="li" data-testid="material-card">
              <Anchor component={Link} to={`/public/library/${material.id}`} fw={600} {...inLanguage(material.language)}>
                {material.title}
              </Anchor>
              {material.summary ? (
                <Text size="sm" lineClamp={2} {...inLanguage(material.language)}>
                  {material.summary}
                </Text>
              ) : null}
              <Group gap="xs" mt={6}>
                <Badge variant="light">{topicLabel(t, material)}</Badge>
                <Badge variant="light" color="gray">
                  {t(`kinds.${material.kind}`)}
                </Badge>
              </Group>
            </Card>
          ))}
          {materials.hasNextPage ? (
            <Center>
              <Button variant="default" loading={materials.isFetchingNextPage} onClick={() => void materials.fetchNextPage()}>
                {t('library.loadMore')}
              </Button>
            </Center>
          ) : null}
        </Stack>
      )}
    </Stack>
  );
}
