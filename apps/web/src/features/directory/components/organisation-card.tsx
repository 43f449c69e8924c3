import { Anchor, Badge, Card, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/intl';
import type { OrganisationSummary } from '../../../lib/types';
import { AccreditationStanding } from '../../accreditation';

export function OrganisationCard({ organisation }: { organisation: OrganisationSummary }) {
  const { t } = useTranslation('common');
  const format = useFormatters();
  return (
    <Card withBorder padding="md" component="li" data-testid="organisation-card">
      <Anchor component={Link} to={`/organisations/${organisation.id}`} fw={600} size="lg">
        {organisation.name}
      </Anchor>
      <Group gap="xs" mt={4}>
        <Badge variant="light" color="gray">
          {t(`organisationTypes.${organisation.type}`)}
        </Badge>
        <Text size="sm">
          {format.place(organisation.city, organisation.country)}
        </Text>
        <AccreditationStanding accreditedUntil={organisation.accreditedUntil} />
      </Group>
    </Card>
  );
}
