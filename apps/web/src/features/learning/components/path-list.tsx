import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LearnerPath } from '@tadamon/shared';
import { useLearningPaths } from '../api/get-learning-paths';
import { PathCard } from './path-card';

/**
 * The learning paths section of the catalogue (every path one may follow) or of "My learning"
 * (`started`: the ones begun or finished). Nothing is shown while loading or when there are none:
 * the courses below stay the page's main content.
 */
export function PathList({ title, started = false }: { title: string; started?: boolean }) {
  const { t } = useTranslation('learning');
  const paths = useLearningPaths();
  const items = (paths.data?.items ?? []).filter((p: LearnerPath) => !started || p.state !== 'NOT_STARTED');
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label={title || t('paths.title')} data-testid="path-list">
      <Title order={2} size="h3">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((path) => (
          <PathCard key={path.id} path={path} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
