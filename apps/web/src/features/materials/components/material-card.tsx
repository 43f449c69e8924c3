import { Anchor, Badge, Card, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MaterialSummary } from '@tadamon/shared';
import { thumbnailUrl } from './media-urls';
import { useMediaFacts } from './use-media-facts';
import { inLanguage } from '../../../components/in-language';

export function topicLabel(t: (key: string) => string, material: Pick<MaterialSummary, 'standardTopic' | 'customTopic'>) {
  return material.customTopic?.name ?? (material.standardTopic ? t(`topics.${material.standardTopic}`) : '');
}

export function MaterialCard({ material }: { material: MaterialSummary }) {
  const { t } = useTranslation('materials');
  const facts = useMediaFacts();
  const fact = facts(material.media);
  return (
    <Card
      withBorder
      padding="md"
      component="li"
      data-testid="material-card"
      style={material.media?.hasThumbnail ? { position: 'relative', paddingInlineEnd: 80 + 24 } : undefined}
    >
      {material.media?.hasThumbnail ? (
        // Lazy and small (a ≤ 320 px JPEG shown at 80 px): a slow line loads only the cards in view.
        <img
          src={thumbnailUrl(material.media.fileId)}
          alt=""
          loading="lazy"
          decoding="async"
          width={80}
          height={60}
          style={{ position: 'absolute', insetBlockStart: 16, insetInlineEnd: 12, objectFit: 'cover', borderRadius: 4 }}
          data-testid="material-thumbnail"
        />
      ) : null}
      {/* The title is in the material's own language, which may differ from the page's. */}
      <Anchor component={Link} to={`/library/${material.id}`} fw={600} size="lg" {...inLanguage(material.language)}>
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
        <Badge variant="outline" color="gray">
          {t(`audiences.${material.audience}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {material.languages.map((l) => t(`languages.${l}`, { defaultValue: l })).join(' · ')}
        </Text>
        {fact ? (
          <Text size="xs" c="dimmed" data-testid="material-facts">
            {fact}
          </Text>
        ) : null}
        {material.status && material.status !== 'READY' ? (
          <Badge color={material.status === 'FAILED' ? 'red' : 'yellow'}>{t(`status.${material.status}`)}</Badge>
        ) : null}
      </Group>
    </Card>
  );
}
