import { Badge, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A feature announced but not built yet: visibly marked, not clickable. */
export function ComingSoonCard({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation('home');
  return (
    <Card withBorder padding="lg" aria-disabled="true" data-testid="coming-soon">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Badge color="gray" variant="outline">
          {t('comingSoon')}
        </Badge>
      </Group>
      <Text c="dimmed">{body}</Text>
    </Card>
  );
}
