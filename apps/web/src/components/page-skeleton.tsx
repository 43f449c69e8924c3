import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Grey placeholders while a screen or its data loads; announced once to screen readers. */
export function PageSkeleton({ lines = 4 }: { lines?: number }) {
  const { t, ready } = useTranslation('common', { useSuspense: false });
  return (
    <Stack gap="sm" aria-busy="true" data-testid="page-skeleton">
      <VisuallyHidden role="status">{ready ? t('loading') : 'Loading…'}</VisuallyHidden>
      <Skeleton height={28} width="40%" radius="sm" />
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} height={16} width={`${90 - i * 10}%`} radius="sm" />
      ))}
    </Stack>
  );
}
