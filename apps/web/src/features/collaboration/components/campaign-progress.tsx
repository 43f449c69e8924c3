import { Progress, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignProgress as Progress_ } from '@tadamon/shared';

/** The simple progress view: milestones done, documents signed and published, organisations. */
export function CampaignProgress({ progress, compact = false }: { progress: Progress_; compact?: boolean }) {
  const { t } = useTranslation('collaboration');
  const share = progress.milestonesTotal === 0 ? 0 : Math.round((progress.milestonesDone / progress.milestonesTotal) * 100);
  const milestones = t('campaigns.progress.milestones', { done: progress.milestonesDone, total: progress.milestonesTotal });
  return (
    <div data-testid="campaign-progress">
      <Text size="sm" id={compact ? undefined : 'campaign-milestones-progress'}>
        {milestones}
      </Text>
      <Progress value={share} size="sm" mb="xs" aria-label={milestones} />
      {compact ? null : (
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
          <Text size="sm">{t('campaigns.progress.signed', { count: progress.documentsSigned, total: progress.documentsTotal })}</Text>
          <Text size="sm">{t('campaigns.progress.published', { count: progress.documentsPublished, total: progress.documentsTotal })}</Text>
          <Text size="sm">{t('campaigns.progress.organisations', { count: progress.organisations })}</Text>
        </SimpleGrid>
      )}
    </div>
  );
}
