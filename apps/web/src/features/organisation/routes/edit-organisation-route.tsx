import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useOrganisation } from '../../../lib/organisation-query';
import { OrganisationForm } from '../components/organisation-form';

/** /organisations/:id/edit — the API decides who may save (leaders, the network's coordinators). */
export function EditOrganisationRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation('organisation');
  const navigate = useNavigate();
  const organisation = useOrganisation(id);
  if (organisation.isPending) return <PageSkeleton lines={8} />;
  if (organisation.error) return <ErrorAlert error={organisation.error} onRetry={() => void organisation.refetch()} />;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/organisations/${id}`} size="sm">
        {t('contactPage')}
      </Anchor>
      <div>
        <Title order={1} id="edit-organisation-title">
          {t('edit.title')}
        </Title>
        <Text c="dimmed">{t('edit.intro')}</Text>
      </div>
      <OrganisationForm organisation={organisation.data} onSaved={() => void navigate(`/organisations/${id}`)} />
    </Stack>
  );
}
