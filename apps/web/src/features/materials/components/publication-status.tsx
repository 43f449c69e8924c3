import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MaterialDetail, MaterialTranslation } from '@tadamon/shared';
import { useNetworks } from '../../../api/get-networks';

/**
 * For the people who edit a material: whether the version on screen is published, and to whom.
 * A version is published once it is a link or its file is ready (what the library's search and
 * list go by); until then nobody else sees it, which the editor should not have to guess.
 */
export function PublicationStatus({ material, translation }: { material: MaterialDetail; translation: MaterialTranslation }) {
  const { t } = useTranslation('materials');
  const networks = useNetworks();
  const network = networks.data?.items.find((n) => n.id === material.networkId)?.name ?? '';
  const who = { organisation: material.organisationName ?? '', network };
  const status = translation.externalUrl ? 'READY' : (translation.currentFile?.status ?? null);
  if (status === 'READY') {
    return (
      <Alert color="green" variant="light" role="status" title={t('publication.publishedTitle')} data-testid="publication-status" data-published="true">
        {t(`publication.published.${material.visibility}`, who)}
      </Alert>
    );
  }
  const reason = status === 'PROCESSING' ? 'processing' : status === 'FAILED' ? 'failed' : 'noFile';
  return (
    <Alert color="yellow" variant="light" role="status" title={t('publication.notPublishedTitle')} data-testid="publication-status" data-published="false">
      {t(`publication.notYet.${reason}`)} {t(`publication.willSee.${material.visibility}`, who)}
    </Alert>
  );
}
